/**
 * Models usr/src/cmd/svc/startd/graph.c (milestones, can_come_up()) and specials.c.
 *
 * Milestones (§6): the boot milestone (set_initial_milestone()), the subgraph and its
 * temporary overrides, svcadm milestone leaf-first (§6.4), specials.c's post-online
 * hooks and can_come_up()/sulogin (§6.7).
 *
 * Section numbers (§) refer to docs/smf-semantics.md unless another file is named.
 */
import { milestoneSubgraph } from '../model/graph/milestone-subgraph.ts';
import { type InstanceState } from '../model/smf/states.ts';
import { resolveMilestoneName } from '../model/scenario/validate.ts';
import { VertexKind, type Vertex } from './graph.ts';
import { type InstanceRuntime } from './instance-runtime.ts';
import { instanceSatisfied } from './satisfiability.ts';
import { CONSOLE_LOGIN, FS_MINIMAL, FS_ROOT, MANIFEST_IMPORT, SINGLE_USER, STANDARD_MILESTONES, STARTD_SELF, SYSTEM_LOG, UP_SVCS } from './startd-constants.ts';
import { StartdPropagation } from './graph-propagate.ts';

export abstract class StartdMilestones extends StartdPropagation {
  /** set_initial_milestone() and startd.c option parsing (§6.2). */
  protected setInitialMilestone(): void {
    const boot = this.scenario.boot ?? {};
    let requested: string | undefined;
    if (boot.single === true) {
      requested = SINGLE_USER;
      this.bootingSingleUser = true;
    } else if (boot.milestone !== undefined) {
      requested = resolveMilestoneName(boot.milestone);
      if (requested === undefined) {
        this.console(`svc.startd: invalid milestone option value: ${boot.milestone}`, 'startd');
      }
    }
    const fromBoot = requested !== undefined;
    if (requested === undefined) requested = resolveMilestoneName(this.scenario.milestone ?? 'all') ?? 'all';
    if (requested !== 'all' && requested !== 'none') {
      const custom = !STANDARD_MILESTONES.has(requested);
      if (custom && this.scenario.boot?.custom_milestones !== true) {
        this.startdLog(`Rejecting request for invalid milestone "${requested}".`);
        this.console(`svc.startd: Requested milestone "${requested}" is invalid.  Reverting to "all".`, 'startd');
        requested = 'all';
      } else if (!this.byFmri.has(requested) || this.byFmri.get(requested)?.inRepository !== true) {
        this.console(`svc.startd: Requested milestone "${requested}" not in repository.  Reverting to "all".`, 'startd');
        requested = 'all';
      }
    }
    this.milestone = requested;
    this.bootMilestone = requested;
    if (requested !== 'all') {
      const shown = fromBoot && boot.single !== true ? boot.milestone ?? requested : requested.replace(/^svc:\//, '');
      this.console(`Booting to milestone "${shown}".`, 'startd');
    }
    this.applySubgraph();
  }

  protected applySubgraph(): void {
    if (this.milestone === 'all') {
      for (const i of this.instances) i.inSubgraph = true;
      return;
    }
    const sub = this.milestone === 'none' ? new Set<string>() : milestoneSubgraph(this.resolved, this.milestone);
    for (const i of this.instances) i.inSubgraph = sub.has(i.fmri);
  }

  /** specials.c post-online hooks and the milestone console lines. */
  protected override postOnline(i: InstanceRuntime): void {
    if (i.fmri === FS_ROOT && !this.timezoneKnown) this.timezoneKnown = true;
    if (i.fmri === FS_MINIMAL) this.logsOnVar = true;
    if (i.fmri === SYSTEM_LOG) this.syslogdRunning = true;
    if (i.fmri === CONSOLE_LOGIN) {
      const host = this.hostname ?? this.worldHostname();
      this.console(`${host} console login:`, 'kernel', i.fmri);
    }
  }

  protected worldHostname(): string {
    const snap = this.world.snapshot();
    if (typeof snap === 'object' && snap !== null && 'hostname' in snap) {
      const h = (snap as { hostname?: unknown }).hostname;
      if (typeof h === 'string') return h;
    }
    return 'unknown';
  }

  protected override loginReached(): boolean {
    const c = this.byFmri.get(CONSOLE_LOGIN);
    return c !== undefined && c.running;
  }

  protected override onMilestoneProgress(i: InstanceRuntime, old: InstanceState): void {
    void old;
    const target = this.milestone === 'all' ? undefined : this.milestone;
    if (target !== undefined && i.fmri === target && i.running && !this.milestoneReached) {
      this.milestoneReached = true;
      this.records.push({ kind: 'milestone', seq: this.seq++, t: this.now, milestone: target, reached: true });
      if (this.bootingSingleUser && target === SINGLE_USER) {
        this.console('Requesting System Maintenance Mode\nSINGLE USER MODE\n', 'startd');
        this.console('Enter user name for system maintenance (control-d to bypass): ', 'startd');
      }
    }
  }

  /** can_come_up() and the sulogin thread (§6.7). */
  protected checkCanComeUp(): void {
    // graph_transition_sulogin() asks whatever the milestone (§6.7).
    // ... but not while halting (graph_transition_sulogin(): halting == -1).
    if (!this.loadComplete || this.suloginShown || this.shutdown !== undefined) return;
    // Scope rule: a scenario with none of up_svcs[] nor manifest-import does not model a
    // whole system, so the sulogin check (which would fire at once) is not applied.
    if (!this.modelsWholeSystem) return;
    if (this.canComeUp()) return;
    this.suloginShown = true;
    this.console('Requesting System Maintenance Mode\n(See /lib/svc/share/README for more information.)\nConsole login service(s) cannot run\n', 'startd');
  }

  protected canComeUp(): boolean {
    const start = this.bootingSingleUser ? 0 : 1;
    let anyKnown = false;
    for (let k = start; k < UP_SVCS.length; k++) {
      const f = UP_SVCS[k];
      const i = f === undefined ? undefined : this.byFmri.get(f);
      if (i === undefined || !i.configured) continue;
      anyKnown = true;
      switch (i.state) {
        case 'online':
        case 'degraded':
        case 'uninitialized':
          return true;
        case 'offline':
          if (instanceSatisfied(i.vertex, true, this.satCtx) !== -1) return true;
          break;
        default:
          break;
      }
    }
    void anyKnown;
    const mi = this.byFmri.get(MANIFEST_IMPORT);
    if (mi === undefined || !mi.configured) return false;
    switch (mi.state) {
      case 'online':
      case 'degraded':
      case 'disabled':
      case 'maintenance':
        return false;
      case 'offline':
        return instanceSatisfied(mi.vertex, true, this.satCtx) !== -1;
      case 'uninitialized':
        return true;
    }
    return false;
  }

  /** svcadm milestone [-d] (§6.4): temporary overrides, applied leaf-first when coming down. */
  protected svcadmMilestone(text: string, makeDefault: boolean, output: string[]): boolean {
    const m = resolveMilestoneName(text);
    if (m === undefined || (m !== 'all' && m !== 'none' && !STANDARD_MILESTONES.has(m) && this.scenario.boot?.custom_milestones !== true)) {
      output.push(`svcadm: invalid milestone "${text}"`);
      this.startdLog(`Rejecting request for invalid milestone "${m ?? text}".`);
      return false;
    }
    if (m !== 'all' && m !== 'none' && this.byFmri.get(m)?.inRepository !== true) {
      output.push(`svcadm: Milestone ${m} does not exist.`);
      return false;
    }
    // -d writes options/milestone (persistent) and deletes options_ovr/milestone: the running system
    // goes there too, and so will the next boot (§6.4).
    this.milestone = m;
    this.milestoneReached = false;
    this.applySubgraph();
    this.records.push({ kind: 'milestone', seq: this.seq++, t: this.now, milestone: m, reached: false, ...(makeDefault ? { persistent: true as const } : {}) });
    for (const i of this.instances) {
      if (!i.configured || i.fmri === STARTD_SELF) continue;
      if (m === 'all' || (m !== 'none' && i.inSubgraph)) {
        if (i.override !== undefined) {
          i.override = undefined;
          this.bump();
          this.enableByVertex(i, i.enabled, false);
          this.recordStatus(i, i.state, i.next, i.aux);
        }
      }
    }
    this.disableNonSubgraphLeaves();
    return true;
  }

  /** disable_nonsubgraph_leaves(): temporarily disable non-subgraph instances whose dependents are down. */
  protected override disableNonSubgraphLeaves(): void {
    if (this.milestone === 'all') return;
    for (const i of this.instances) {
      // svc.startd's own instance is not a graph vertex (dgraph_add_instance() skips it): never disabled (§6.4).
      if (!i.configured || i.fmri === STARTD_SELF || (i.inSubgraph && this.milestone !== 'none')) continue;
      if (i.override === false || !i.enabled) continue;
      if (!this.isNonSubgraphLeaf(i.vertex)) continue;
      i.override = false;
      this.bump();
      this.enableByVertex(i, false, false);
      this.recordStatus(i, i.state, i.next, i.aux);
    }
  }

  /** is_nonsubgraph_leaf(): no configured non-subgraph dependent is up (online, degraded or offline). */
  protected isNonSubgraphLeaf(v: Vertex): boolean {
    for (const d of v.dependents) {
      if (d.kind === VertexKind.Instance) {
        const di = d.inst;
        if (di === undefined || !di.configured) continue;
        if (di.inSubgraph && this.milestone !== 'none') continue;
        if (di.running || di.state === 'offline') return false;
      } else {
        if (d.kind === VertexKind.Group && d.grouping === 'exclude_all') continue;
        if (!this.isNonSubgraphLeaf(d)) return false;
      }
    }
    return true;
  }
}
