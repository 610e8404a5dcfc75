/**
 * Models usr/src/cmd/svc/startd/transition.c and graph.c (propagation, admin disable).
 *
 * What the graph does when an instance changes state (transition.c: gt_transition(),
 * §2.3), propagate_start()/propagate_stop()/propagate_satbility() (§4.3, §4.4) and the
 * administrative disable of a subtree (graph_enable_by_vertex(), mark_subtree(), §4.5).
 *
 * Section numbers (§) refer to docs/smf-semantics.md unless another file is named.
 */
import { RERR, type InstanceState } from '../model/smf/states.ts';
import { VertexKind, type Vertex } from './graph.ts';
import { type InstanceRuntime } from './instance-runtime.ts';
import { StartdGraph } from './graph-engine.ts';

export abstract class StartdPropagation extends StartdGraph {
  /** gt_transition() (transition.c): the graph's reaction to a state change. */
  protected override gtTransition(i: InstanceRuntime, old: InstanceState, wasRunning: boolean, rerr: number): void {
    const v = i.vertex;
    const flagsBefore = i.toOffline || i.toDisable;
    switch (i.state) {
      case 'uninitialized': {
        // gt_enter_uninit(): refresh_vertex() (re-read the dependencies, so the cycle
        // check runs again, §1.2) then graph_enable_by_vertex(enabled, 0).
        const failed = this.refreshVertex(i);
        if (failed === 'cycle') this.send(i, 'DEPENDENCY_CYCLE', 'dependency_cycle', RERR.none);
        else if (failed === 'invalid') this.send(i, 'INVALID_DEPENDENCY', 'invalid_dependency', RERR.none);
        else if (i.enabled) this.enableByVertex(i, true, false);
        else this.send(i, 'DISABLE', 'disable_request', RERR.restart);
        if (wasRunning) this.graphPropagateStop(v, rerr);
        break;
      }
      case 'maintenance': {
        const toOffline = i.toOffline;
        i.toDisable = false;
        i.toOffline = false;
        if (wasRunning) {
          if (toOffline) this.offlineSubtreeLeaves(v);
          this.graphPropagateStop(v, rerr);
        } else this.graphPropagateSat(v);
        break;
      }
      case 'offline': {
        const toOffline = i.toOffline;
        i.toOffline = false;
        if (i.enabled) {
          if (!toOffline) this.startIfSatisfied(i);
        } else this.send(i, 'DISABLE', 'disable_request', RERR.restart);
        if (wasRunning) {
          if (toOffline) this.offlineSubtreeLeaves(v);
          this.graphPropagateStop(v, rerr);
          this.graphPropagateSat(v);
        } else this.graphPropagateSat(v);
        break;
      }
      case 'disabled': {
        const toOffline = i.toOffline;
        i.toDisable = false;
        i.toOffline = false;
        if (i.enabled) this.send(i, 'ENABLE', 'enable_request', RERR.none);
        if (wasRunning) {
          if (toOffline) this.offlineSubtreeLeaves(v);
          this.graphPropagateStop(v, rerr);
        } else this.graphPropagateSat(v);
        break;
      }
      case 'online':
      case 'degraded':
        if (!wasRunning) this.postOnline(i);
        if (!i.enabled) this.send(i, 'DISABLE', 'disable_request', RERR.restart);
        if (!wasRunning) this.graphPropagateStart(v);
        break;
    }
    if (flagsBefore && !(i.toOffline || i.toDisable)) this.bump();
    // vertex_subgraph_dependencies_shutdown(): as non-subgraph services come down, disable the newly exposed leaves.
    if (this.milestone !== 'all' && !(i.inSubgraph && this.milestone !== 'none') && !(i.running || i.state === 'offline')) {
      this.disableNonSubgraphLeaves();
    }
    this.onMilestoneProgress(i, old);
  }

  protected graphPropagateStart(v: Vertex): void {
    for (const d of [...v.dependents]) this.propagateStart(d, RERR.none);
  }

  protected override graphPropagateStop(v: Vertex, err: number): void {
    for (const d of [...v.dependents]) this.propagateStop(d, err);
  }

  /**
   * PROPAGATE_SAT = propagate_start(RERR_NONE) to direct dependents, then
   * propagate_satbility(): try to start every transitive dependent.
   *
   * The walk does not descend past an instance whose value, as its dependents
   * see it, is fixed whatever happened below (running → 1; maintenance,
   * uninitialized, TOOFFLINE, TODISABLE, really disabled → constant): only an
   * offline instance (or one leaving disabled) passes a deep change upward
   * (dependency_satisfied() recurses only for those, §3.3). The instances it
   * tries to start are exactly those the full walk could start; this keeps a
   * boot linear instead of quadratic in the number of instances.
   */
  protected override graphPropagateSat(v: Vertex): void {
    this.graphPropagateStart(v);
    this.graph.walkDependents(
      v,
      (d) => {
        const di = d.inst;
        if (di === undefined || di.toOffline) return;
        if (d.kind === VertexKind.Instance) this.startIfSatisfied(di);
      },
      (d) => {
        if (d.kind !== VertexKind.Instance) return true;
        const di = d.inst;
        if (di === undefined || !di.configured || di.toOffline || di.toDisable) return false;
        return di.state === 'offline' || (di.state === 'disabled' && di.enabled);
      },
    );
  }

  /** propagate_start() (graph.c; 2009: no restart of running dependents, §11). */
  protected propagateStart(v: Vertex, err: number): void {
    const vi = v.inst;
    if (vi !== undefined && vi.toOffline) return;
    switch (v.kind) {
      case VertexKind.Instance:
        if (vi === undefined) return;
        if (vi.running) {
          if (this.rules.propagateStartRestartsRunning && (err === RERR.restart || err === RERR.refresh)) this.send(vi, 'STOP_RESET', 'dependency_activity', RERR.restart);
        } else this.startIfSatisfied(vi);
        return;
      case VertexKind.Group:
        if (v.grouping === 'exclude_all') {
          for (const d of [...v.dependents]) this.propagateStop(d, RERR.restart);
          return;
        }
        for (const d of [...v.dependents]) this.propagateStart(d, v.restartOn);
        return;
      case VertexKind.Service:
        for (const d of [...v.dependents]) this.propagateStart(d, err);
        return;
      case VertexKind.File:
        return;
    }
  }

  /** propagate_stop() (graph.c, §4.3). */
  protected propagateStop(v: Vertex, err: number): void {
    const vi = v.inst;
    if (vi !== undefined && vi.toOffline) return;
    switch (v.kind) {
      case VertexKind.Instance:
        if (vi === undefined) return;
        if (err > RERR.none && vi.running) {
          if (err === RERR.restart || err === RERR.refresh) this.send(vi, 'STOP_RESET', 'dependency_activity', RERR.restart);
          else this.send(vi, 'STOP', 'dependency_activity', RERR.restart);
        }
        return;
      case VertexKind.Service:
        for (const d of [...v.dependents]) this.propagateStop(d, err);
        return;
      case VertexKind.Group:
        if (v.grouping === 'exclude_all') {
          for (const d of [...v.dependents]) this.propagateStart(d, RERR.none);
          return;
        }
        if (err === RERR.none || err > v.restartOn) return;
        for (const d of [...v.dependents]) this.propagateStop(d, err);
        return;
      case VertexKind.File:
        return;
    }
  }

  /** graph_enable_by_vertex() (§4.5). */
  protected override enableByVertex(i: InstanceRuntime, enable: boolean, admin: boolean): void {
    if (!i.configured) return;
    if (enable) {
      if (i.state !== 'offline' && i.state !== 'degraded' && i.state !== 'online') {
        if (i.toOffline || i.toDisable) this.bump();
        i.toOffline = false;
        i.toDisable = false;
        // enable_inst(): enable_request from disabled, clear_request out of a clear, else per_configuration (§2.2).
        const reason = i.state === 'disabled' ? 'enable_request' : i.clearing ? 'clear_request' : 'per_configuration';
        i.clearing = false;
        this.send(i, 'ENABLE', reason, RERR.none);
      }
      return;
    }
    if (i.state === 'disabled') return;
    if (!admin) {
      this.send(i, 'DISABLE', 'disable_request', RERR.restart);
      return;
    }
    i.toOffline = true;
    i.toDisable = true;
    for (const d of i.vertex.dependents) this.markSubtree(d);
    this.bump();
    if (this.insubtreeDependentsDown(i.vertex)) {
      this.send(i, 'ADMIN_DISABLE', 'disable_request', RERR.restart);
      return;
    }
    for (const o of this.instances) {
      if (o === i || !o.configured || !o.enabled || !o.toOffline) continue;
      if (!o.running) continue;
      if (this.insubtreeDependentsDown(o.vertex)) this.offlineVertex(o);
    }
  }

  /** is_depgrp_bypassed(): exclude_all, or restart_on none/error (§4.5). */
  protected bypassed(v: Vertex): boolean {
    return v.kind === VertexKind.Group && (v.grouping === 'exclude_all' || v.restartOn < RERR.restart);
  }

  /**
   * mark_subtree(): GV_TOOFFLINE on the running transitive dependents, not
   * through bypassed groups (docs/smf-semantics.md §4.5 step 3 says "running"; an
   * offline dependent is left unmarked so it cannot be stranded).
   */
  protected markSubtree(root: Vertex): void {
    // An explicit stack (issue 15); the marks do not depend on the order.
    const stack: Vertex[] = [root];
    for (let v = stack.pop(); v !== undefined; v = stack.pop()) {
      const vi = v.inst;
      if (vi !== undefined && vi.toOffline) continue;
      if (v.kind === VertexKind.Instance) {
        if (vi === undefined || !vi.enabled || !vi.running) continue;
        vi.toOffline = true;
      } else if (this.bypassed(v)) continue;
      for (const d of v.dependents) stack.push(d);
    }
  }

  /** insubtree_dependents_down(): no marked, configured dependent is still online or degraded. */
  protected insubtreeDependentsDown(v: Vertex): boolean {
    for (const d of v.dependents) {
      if (d.kind === VertexKind.Instance) {
        const di = d.inst;
        if (di === undefined || !di.configured || !di.toOffline) continue;
        if (di.running) return false;
      } else {
        if (this.bypassed(d)) continue;
        if (!this.insubtreeDependentsDown(d)) return false;
      }
    }
    return true;
  }

  /** offline_vertex(): STOP_RESET unless it is already going down. */
  protected offlineVertex(i: InstanceRuntime): void {
    if (i.next === 'offline' || i.next === 'disabled') return;
    this.send(i, 'STOP_RESET', 'dependency_activity', RERR.restart);
  }

  /** graph_offline_subtree_leaves(): as a dependent goes down, its newly exposed leaves follow. */
  protected offlineSubtreeLeaves(v: Vertex): void {
    // graph.c recurses; this is the same pre-order on an explicit stack (issue 15), each vertex once.
    const gen = this.graph.nextGeneration();
    const stack: Vertex[] = [];
    const pushDeps = (x: Vertex): void => {
      for (let k = x.deps.length - 1; k >= 0; k--) {
        const d = x.deps[k];
        if (d !== undefined && d.mark !== gen) stack.push(d);
      }
    };
    pushDeps(v);
    for (let d = stack.pop(); d !== undefined; d = stack.pop()) {
      if (d.mark === gen) continue;
      d.mark = gen;
      if (d.kind !== VertexKind.Instance) {
        pushDeps(d);
        continue;
      }
      const di = d.inst;
      if (di === undefined || !di.toOffline) continue;
      // up_state(): online, degraded or offline. A vertex already down is not a leaf: descend.
      if (!(di.running || di.state === 'offline')) {
        pushDeps(d);
        continue;
      }
      if (!this.insubtreeDependentsDown(d)) continue;
      if (di.toDisable) this.send(di, 'ADMIN_DISABLE', 'disable_request', RERR.restart);
      else if (di.running) this.offlineVertex(di);
    }
  }

}
