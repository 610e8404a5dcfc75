/**
 * Models usr/src/cmd/svc/startd/graph.c (vertices, dependencies, cycles).
 *
 * graph.c's graph building: configure_vertex(), set_dependencies() with the cycle
 * check (§1.2), manifest import adding instances (§10.5), and the engine's hooks into
 * dependency evaluation (satisfiability.ts, §3).
 *
 * Section numbers (§) refer to docs/smf-semantics.md unless another file is named.
 */
import { milestoneSubgraph } from '../model/graph/milestone-subgraph.ts';
import type { ResolvedGroup } from '../model/graph/resolve.ts';
import { canonicalFmri, parseFmri } from '../model/smf/fmri.ts';
import { RERR, restartOnSeverity } from '../model/smf/states.ts';
import { parseAction } from '../model/scenario/actions.ts';
import { type WorldChange } from '../model/world/runtime.ts';
import { VertexKind, type Vertex } from './graph.ts';
import { InstanceRuntime } from './instance-runtime.ts';
import { forgetDependents, instanceSatisfied } from './satisfiability.ts';
import { EARLY_MANIFEST_IMPORT, STARTD_SELF } from './startd-constants.ts';
import { instanceValue } from './instance-value.ts';
import { StartdMethods } from './method.ts';

/** A group vertex's name: a pg an upgraded manifest brings gets its own vertex beside the old pg of the same name. */
function groupVertexName(fmri: string, g: ResolvedGroup): string {
  return g.upgrade?.phase === 'after' ? `${fmri}>${g.name}@${g.upgrade.manifest}` : `${fmri}>${g.name}`;
}

export abstract class StartdGraph extends StartdMethods {
  /** Manifests manifest-import has imported again this boot (an upgrade changed them, §10.4). */
  protected readonly reimported = new Set<string>();
  /** svcadm enable/disable's write of general/enabled (admin-svcadm.ts). */
  protected abstract setEnabled(i: InstanceRuntime, enabled: boolean, temporary: boolean, comment: string | undefined): void;

  protected createInstances(): void {
    const notYet = this.world.notInRepositoryAtBoot();
    const deathrow = new Set((this.scenario.deathrow ?? []).map((f) => canonicalFmri(f) ?? f));
    this.resolved.instances.forEach((r, index) => {
      const v = this.instanceVertex(r.fmri);
      const inst = new InstanceRuntime(r, index, v);
      inst.inRepository = !notYet.has(r.fmri);
      inst.deathrow = deathrow.has(r.fmri);
      v.inst = inst;
      this.instances.push(inst);
      this.byFmri.set(r.fmri, inst);
    });
  }

  /** graph_insert_vertex_unconfigured() for an instance: also its service vertex, SVC → INST. */
  protected instanceVertex(fmri: string): Vertex {
    const existing = this.graph.get(fmri);
    if (existing !== undefined) return existing;
    const v = this.graph.add(fmri, VertexKind.Instance);
    const p = parseFmri(fmri);
    if (p.ok && p.fmri.scheme === 'svc') {
      const sv = this.graph.add(`svc:/${p.fmri.service}`, VertexKind.Service);
      this.graph.addEdge(sv, v);
    }
    return v;
  }

  /** libscf_populate_graph(): every instance in the repository, in repository order. */
  protected populateGraph(): void {
    for (const i of this.instances) {
      if (!i.configured && i.inRepository) this.configureVertex(i);
    }
  }

  /**
   * configure_vertex() (graph.c), which recurses through
   * process_dependency_fmri() into every dependency before finishing the
   * dependent. Here the same depth-first order runs on an explicit stack of
   * frames (issue 15: a chain declared dependents-first used to overflow the
   * call stack at ~1,800 services).
   */
  protected configureVertex(root: InstanceRuntime): void {
    const f = this.beginConfigure(root);
    if (f !== undefined) this.driveConfigure(f, true);
  }

  /** refresh_vertex() → set_dependencies() of a configured instance, configuring what it names (same order). */
  protected setDependencies(i: InstanceRuntime): 'cycle' | 'invalid' | undefined {
    return this.driveConfigure(configureFrame(i, true), false);
  }

  /** Work through the frames from `root` down; the root is finished only for configure_vertex(). */
  private driveConfigure(root: ConfigureFrame, finishRoot: boolean): 'cycle' | 'invalid' | undefined {
    const stack: ConfigureFrame[] = [root];
    while (stack.length > 0) {
      const f = stack[stack.length - 1];
      if (f === undefined) break;
      const next = this.nextToConfigure(f);
      if (next !== undefined) {
        const child = this.beginConfigure(next);
        if (child !== undefined) stack.push(child);
        continue;
      }
      stack.pop();
      if (f !== root || finishRoot) this.finishConfigure(f);
    }
    return root.failed;
  }

  /** The start of configure_vertex(): a frame to work through, or undefined when there is nothing to do. */
  protected beginConfigure(i: InstanceRuntime): ConfigureFrame | undefined {
    if (i.configured || i.configuring) return undefined;
    if (!i.inRepository) return undefined;
    if (i.deathrow) return undefined;
    if (!i.resolved.configured) return undefined; // no general/enabled: never told to the restarter (§1.1)
    if (i.fmri === STARTD_SELF || (i.fmri === EARLY_MANIFEST_IMPORT && this.rules.earlyManifestImport)) {
      this.startdOwnState(i);
      return undefined;
    }
    i.configuring = true;
    // The milestone's temporary overrides (§6.4): outside the subgraph → general_ovr/enabled=false.
    if (this.milestone !== 'all') {
      if (this.milestone === 'none' || !i.inSubgraph) i.override = false;
      else i.override = undefined;
    }
    i.state = 'uninitialized';
    i.leaf = 'uninitialized';
    i.aux = 'insert_in_graph';
    return configureFrame(i, false);
  }

  /**
   * The next dependency of the frame's instance to configure before the
   * instance itself (graph_change_restarter(), then set_dependencies() in pg
   * and target order), inserting edges on the way; undefined when all are.
   */
  protected nextToConfigure(f: ConfigureFrame): InstanceRuntime | undefined {
    const i = f.i;
    if (!f.restarterDone) {
      f.restarterDone = true;
      // graph_change_restarter(): a delegated restarter is a dependency of the instance.
      const restarter = i.resolved.restarter;
      if (restarter !== undefined) {
        const rv = this.instanceVertex(restarter);
        const path = this.graph.insertDependency(i.vertex, rv);
        if (path !== undefined) {
          this.handleCycle(i, path);
          f.failed = 'cycle';
          return undefined;
        }
        if (rv.inst !== undefined) return rv.inst;
      }
    }
    if (f.failed !== undefined || f.depsDone) return undefined;
    // refresh_vertex() → set_dependencies(): one group vertex per dependency pg.
    const groups = i.resolved.groups;
    for (;;) {
      // Instances of a service target, one at a time ("after we insert the dependency, to avoid looping").
      const sv = f.service;
      if (sv !== undefined) {
        while (f.serviceIndex < sv.deps.length) {
          const d = sv.deps[f.serviceIndex++];
          if (d?.inst !== undefined) return d.inst;
        }
        f.service = undefined;
      }
      const g = groups[f.groupIndex];
      if (g === undefined) break;
      // "Ignoring empty dependency group"; a <dependent> of a manifest not yet imported is not in the
      // repository yet (§5, §10.5); or the group is done.
      if (
        g.targets.length === 0 ||
        f.targetIndex >= g.targets.length ||
        (f.targetIndex === 0 && g.declaredBy !== undefined && !this.declarerInRepository(g.declaredBy)) ||
        (f.targetIndex === 0 && !this.groupInRepository(g))
      ) {
        f.groupIndex++;
        f.targetIndex = 0;
        f.group = undefined;
        continue;
      }
      let gv = f.group;
      if (gv === undefined) {
        gv = this.graph.add(groupVertexName(i.fmri, g), VertexKind.Group, g.grouping, restartOnSeverity(g.restartOn), g.name);
        if (!i.vertex.deps.includes(gv)) this.graph.addEdge(i.vertex, gv);
        f.group = gv;
      }
      const target = g.targets[f.targetIndex++] ?? '';
      let tv: Vertex;
      if (target.startsWith('file:')) {
        const p = parseFmri(target);
        const path = p.ok && p.fmri.scheme === 'file' ? p.fmri.path : target;
        tv = this.graph.add(target, VertexKind.File, 'require_all', RERR.none, path);
      } else {
        const p = parseFmri(target);
        tv = p.ok && p.fmri.scheme === 'svc' && p.fmri.instance !== undefined
          ? this.instanceVertex(target)
          : this.graph.add(target, VertexKind.Service, 'require_any');
      }
      if (gv.deps.includes(tv)) continue;
      const path = this.graph.insertDependency(gv, tv);
      if (path !== undefined) {
        this.handleCycle(i, path);
        f.failed = 'cycle';
        return undefined;
      }
      // "This must be after we insert the dependency, to avoid looping."
      if (tv.kind === VertexKind.Instance) {
        if (tv.inst !== undefined) return tv.inst;
      } else if (tv.kind === VertexKind.Service) {
        f.service = tv;
        f.serviceIndex = 0;
      }
    }
    f.depsDone = true;
    if (i.resolved.invalid.length > 0) {
      const line = `Transitioning ${i.fmri} to maintenance due to misconfiguration.`;
      this.startdLog(line);
      this.syslog(line, 'err', i.fmri);
      for (const why of i.resolved.invalid) this.diagnostics.push(`${i.fmri}: ${why}`);
      f.failed = 'invalid';
    }
    return undefined;
  }

  /** The end of configure_vertex(), once every dependency is configured. */
  protected finishConfigure(f: ConfigureFrame): void {
    const i = f.i;
    i.configuring = false;
    i.configured = true;
    this.bump();
    if (f.failed === 'cycle') this.send(i, 'DEPENDENCY_CYCLE', 'dependency_cycle', RERR.none);
    else if (f.failed === 'invalid') this.send(i, 'INVALID_DEPENDENCY', 'invalid_dependency', RERR.none);
    this.enableByVertex(i, i.enabled, false);
  }

  /**
   * svc.startd's own instance is never a graph vertex (dgraph_add_instance()
   * returns early for it), and early-manifest-import is run by svc.startd
   * itself before the graph engine starts, which then marks it online
   * (§10.3). Both are shown online from the start; neither runs through the
   * restarter machine.
   */
  protected startdOwnState(i: InstanceRuntime): void {
    i.configured = true;
    if (!i.enabled) {
      i.state = 'disabled';
      i.leaf = 'disabled';
      i.aux = 'per_configuration';
      this.recordStatus(i, 'uninitialized', 'none', 'per_configuration');
      return;
    }
    i.state = 'online';
    i.leaf = 'online.running';
    i.aux = 'none';
    this.bump();
    this.recordStatus(i, 'uninitialized', 'none', 'none');
  }

  /**
   * refresh_vertex(): drop the instance's dependency edges and read its
   * dependency groups again, with the cycle check (graph_insert_dependency()).
   */
  protected refreshVertex(i: InstanceRuntime): 'cycle' | 'invalid' | undefined {
    // delete_instance_dependencies(): a pg the repository no longer has (an upgraded manifest dropped it) goes with its edges.
    const current = new Set(i.resolved.groups.filter((g) => this.groupInRepository(g)).map((g) => groupVertexName(i.fmri, g)));
    for (const gv of [...i.vertex.deps]) {
      if (gv.kind !== VertexKind.Group) continue;
      for (const t of [...gv.deps]) this.graph.removeEdge(gv, t);
      if (!current.has(gv.name)) this.graph.removeEdge(i.vertex, gv);
    }
    this.bump();
    return this.setDependencies(i);
  }

  /** A pg of an upgraded manifest (upgrades.ts): the old ones until manifest-import imports it again, the new ones after. */
  protected groupInRepository(g: ResolvedGroup): boolean {
    if (g.upgrade === undefined) return true;
    return (g.upgrade.phase === 'after') === this.reimported.has(g.upgrade.manifest);
  }

  /**
   * manifest-import imported a manifest again because an upgrade changed it
   * (§10.4): svccfg import refreshes each instance it changed, so
   * refresh_vertex() reads the new dependencies (with the cycle check) and
   * starts the instance if they are satisfied; a running instance is not
   * stopped when they are not; the restarter runs its refresh method.
   */
  protected reimportManifest(manifest: string, refresh: readonly string[]): void {
    this.reimported.add(manifest);
    this.bump();
    for (const fmri of refresh) {
      const i = this.byFmri.get(fmri);
      if (i === undefined || !i.configured) continue;
      const failed = this.refreshVertex(i);
      if (failed === 'cycle') this.send(i, 'DEPENDENCY_CYCLE', 'dependency_cycle', RERR.none);
      else if (failed === 'invalid') this.send(i, 'INVALID_DEPENDENCY', 'invalid_dependency', RERR.none);
      else {
        this.startIfSatisfied(i);
        if (i.running) this.send(i, 'ADMIN_REFRESH', 'refresh_request', RERR.refresh);
      }
    }
  }

  /** Whether the service or instance that declared a <dependent> is in the repository now. */
  protected declarerInRepository(declarer: string): boolean {
    const inst = this.byFmri.get(declarer);
    if (inst !== undefined) return inst.inRepository;
    let any = false;
    for (const x of this.instances) {
      if (x.resolved.service !== declarer) continue;
      if (x.inRepository) return true;
      any = true;
    }
    return !any;
  }

  /**
   * svccfg import of a manifest writes its <dependent> pgs onto their targets
   * and refreshes them (§5): each configured target re-reads its dependencies
   * (with the cycle check) and starts if now satisfied.
   */
  protected importDependents(fmri: string, service: string): void {
    for (const t of this.instances) {
      if (!t.configured || !t.resolved.groups.some((g) => g.declaredBy === fmri || g.declaredBy === service)) continue;
      const failed = this.refreshVertex(t);
      if (failed === 'cycle') this.send(t, 'DEPENDENCY_CYCLE', 'dependency_cycle', RERR.none);
      else if (failed === 'invalid') this.send(t, 'INVALID_DEPENDENCY', 'invalid_dependency', RERR.none);
      else this.startIfSatisfied(t);
    }
  }

  /** handle_cycle(): the instance that completes the cycle goes to maintenance (§1.2). */
  protected handleCycle(i: InstanceRuntime, path: Vertex[]): void {
    const hops = [i.fmri, ...path.filter((v) => v.kind === VertexKind.Instance).map((v) => v.name)];
    const unique = hops.filter((h, k) => k === 0 || h !== hops[k - 1]);
    i.cycle = unique;
    const message = `Transitioning ${i.fmri} to maintenance because it completes a dependency cycle (see svcs -xv for details):\n${unique.join('\n')}`;
    this.startdLog(message);
    this.syslog(message, 'err', i.fmri);
  }

  protected override applyWorld(changes: readonly WorldChange[]): void {
    let filesChanged = false;
    for (const c of changes) {
      this.recordWorld(c);
      if (c.path !== undefined) filesChanged = true;
      for (const fmri of c.imported ?? []) this.importInstance(fmri);
      const reimported = c['reimported'];
      const refresh = c['refresh'];
      if (typeof reimported === 'string') this.reimportManifest(reimported, Array.isArray(refresh) ? refresh.filter((x): x is string => typeof x === 'string') : []);
      // svccfg apply of a site profile: general/enabled, persistent (as svcadm enable/disable without -t).
      const enable = c['enable'];
      if (c.kind === 'profile' && typeof enable === 'object' && enable !== null) {
        for (const [fmri, on] of Object.entries(enable)) {
          const i = this.byFmri.get(fmri);
          if (i !== undefined && typeof on === 'boolean') this.setEnabled(i, on, false, undefined);
        }
      }
      // Another daemon's syslog(3C) line (in.mpathd after an IPMP change), on the console as svc.startd's are (§1.3 of docs/console-messages.md).
      const program = c['program'];
      const message = c['message'];
      if (c.kind === 'syslog' && typeof program === 'string' && typeof message === 'string') this.syslog(message, c['severity'] === 'err' ? 'err' : 'notice', undefined, program);
      // A method that runs svcadm (e.g. the patching service restoring the default milestone).
      const command = c['command'];
      if (c.kind === 'svcadm' && typeof command === 'string') {
        const parsed = parseAction(command);
        if (parsed.ok) this.queue.push(this.now, { kind: 'action', index: -1, at: this.now, run: command, parsed: parsed.action });
        else this.diagnostics.push(`${command}: ${parsed.error}`);
      }
    }
    if (filesChanged) this.bump();
  }

  /** dgraph_add_instance() after manifest import (§10.5). */
  protected importInstance(fmri: string): void {
    const i = this.byFmri.get(fmri);
    if (i === undefined || i.inRepository) return;
    i.inRepository = true;
    this.bump();
    if (this.milestone !== 'all') {
      const sub = this.milestone === 'none' ? new Set<string>() : milestoneSubgraph(this.resolved, this.milestone);
      i.inSubgraph = sub.has(fmri);
    }
    this.configureVertex(i);
    this.importDependents(fmri, i.resolved.service);
    // The vertex existed unconfigured (a dependency on it evaluated −1); dependents may now start.
    this.graphPropagateSat(i.vertex);
  }

  /** instance_satisfied(v, B_TRUE) == -1: the instance cannot come up without an administrator. */
  protected unsatisfiable(i: InstanceRuntime): boolean {
    return instanceSatisfied(i.vertex, true, this.satCtx) === -1;
  }

  /**
   * Whether dependency_satisfied(i, B_TRUE) is −1 in the current state: the
   * only property of an instance that deep (satbility) answers depend on.
   */
  protected override valueIsUnsatisfiable(i: InstanceRuntime): boolean {
    const r = instanceValue(i, true, this.rules);
    return r === 'deep' ? this.unsatisfiable(i) : r === -1;
  }

  /**
   * After a state change: forget the memoised deep answers it may have
   * changed (satisfiability.ts). Exclusions read running-or-not anywhere, so an
   * instance an exclude_all group names forgets them all (a new version);
   * otherwise only the answers above this instance, and only when its −1-ness
   * changed (−1 is all that deep answers read of a member, §3.3).
   */
  protected override forgetAnswers(i: InstanceRuntime, preUnsat: boolean): void {
    if (this.excludedMember(i.vertex)) this.bump();
    else if (this.valueIsUnsatisfiable(i) !== preUnsat) forgetDependents(i.vertex, this.satCtx);
  }

  /** Is the instance named by an exclude_all group, directly or through its service? (Called on every state change: no closures.) */
  protected excludedMember(v: Vertex): boolean {
    if (namedByExclusion(v)) return true;
    for (const d of v.dependents) if (d.kind === VertexKind.Service && namedByExclusion(d)) return true;
    return false;
  }

  /** graph_start_if_satisfied(). */
  protected startIfSatisfied(i: InstanceRuntime): void {
    if (i.state !== 'offline' || i.busy) return;
    if (instanceSatisfied(i.vertex, false, this.satCtx) === 1) this.send(i, 'START', 'dependencies_satisfied', RERR.none);
  }
}

function namedByExclusion(x: Vertex): boolean {
  for (const d of x.dependents) if (d.kind === VertexKind.Group && d.grouping === 'exclude_all') return true;
  return false;
}

/** One configure_vertex() (or set_dependencies()) call in progress (see StartdGraph.configureVertex). */
interface ConfigureFrame {
  readonly i: InstanceRuntime;
  restarterDone: boolean;
  /** set_dependencies(): the pg, its group vertex once created, and the next target. */
  groupIndex: number;
  group: Vertex | undefined;
  targetIndex: number;
  /** A service target whose instances are configured one by one, and the next one. */
  service: Vertex | undefined;
  serviceIndex: number;
  depsDone: boolean;
  failed: 'cycle' | 'invalid' | undefined;
}

function configureFrame(i: InstanceRuntime, restarterDone: boolean): ConfigureFrame {
  return { i, restarterDone, groupIndex: 0, group: undefined, targetIndex: 0, service: undefined, serviceIndex: 0, depsDone: false, failed: undefined };
}
