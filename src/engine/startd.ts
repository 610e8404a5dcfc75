/**
 * svc.startd: the graph engine (graph.c, transition.c) around the restarter
 * machine (restarter.machine.ts), driven by a virtual clock. One scheduler, no
 * actors, no real timers: events are (time, seq) entries in a binary heap, so
 * the same scenario always gives the same trace.
 *
 * Section numbers (§) refer to docs/smf-semantics.md.
 */
import { resolveScenario, type ResolvedInstance, type ResolvedMethod, type ResolvedScenario } from '../model/graph/resolve.ts';
import { milestoneSubgraph } from '../model/graph/milestone-subgraph.ts';
import { canonicalFmri, logStem, parseFmri } from '../model/smf/fmri.ts';
import {
  FAULT_THRESHOLD,
  RERR,
  RINST_FAILURE_RATE_MS,
  RINST_START_TIMES,
  restartOnSeverity,
  type InstanceState,
  type NextState,
  type Reason,
} from '../model/smf/states.ts';
import { DEFAULTS, type ExitValue, type Scenario } from '../model/scenario/types.ts';
import { parseAction, type ParsedAction } from '../model/scenario/actions.ts';
import { resolveMilestoneName } from '../model/scenario/validate.ts';
import { FilesOnlyWorld, type WorldChange, type WorldEffect, type WorldRuntime } from '../model/world/runtime.ts';
import { seededRandom } from '../lib/seeded-random.ts';
import { DependencyGraph, VertexKind, type Vertex } from './graph.ts';
import { InstanceRuntime, type MethodKind } from './instance-runtime.ts';
import { restarterStep } from './restarter-table.ts';
import type { RestarterEventType } from './restarter.machine.ts';
import { dependencySatisfied, instanceSatisfied, type SatContext } from './satisfiability.ts';
import { EventQueue } from './event-queue.ts';
import { classifyExit, logsMethodFailure } from './exit-status.ts';
import { enableClosure, matchOperand } from './svcadm-operands.ts';
import {
  STOP_CAUSE,
  methodFailedMessage,
  startOffset,
  syslogLine,
  syslogTime,
  transitionMessage,
} from './console-text.ts';
import {
  TRACE_FORMAT,
  type ConsoleLine,
  type ConsoleSource,
  type InstanceStatus,
  type LogLine,
  type Trace,
  type TraceInstance,
  type TraceRecord,
} from './trace.ts';

import {
  CONSOLE_LOGIN,
  EARLY_MANIFEST_IMPORT,
  FS_MINIMAL,
  FS_ROOT,
  MANIFEST_IMPORT,
  MAX_RECORDS,
  SINGLE_USER,
  STANDARD_MILESTONES,
  STARTD_SELF,
  SYSTEM_LOG,
  TIMEOUT_OVERRIDE_2009,
  TIMEOUT_OVERRIDE_2025,
  UP_SVCS,
} from './startd-constants.ts';

export interface SimulateOptions {
  /** Stop at this simulated ms (overrides the scenario's `until`). */
  readonly until?: number;
  /** The world methods act on; default: the scenario's `files` only. */
  readonly world?: WorldRuntime;
}

type Work =
  | { kind: 'event'; inst: InstanceRuntime; type: RestarterEventType; reason: Reason; rerr: number }
  | {
      kind: 'methodDone';
      inst: InstanceRuntime;
      token: number;
      method: MethodKind;
      exit: ExitValue;
      timedOut: boolean;
      /** method_rate_critical() refused the start: no process ran. */
      rateLimited: boolean;
      duration: number;
      effects: MethodEffects;
    }
  | { kind: 'childExit'; inst: InstanceRuntime; token: number; exit: ExitValue }
  | { kind: 'fork'; inst: InstanceRuntime; token: number }
  | { kind: 'action'; index: number; at: number; run: string; parsed: ParsedAction };

interface MethodEffects {
  readonly console: readonly string[];
  readonly log: readonly string[];
  readonly world: readonly WorldEffect[];
}

export class Startd {
  private readonly resolved: ResolvedScenario;
  private readonly scenario: Scenario;
  private readonly era: '2009' | '2025';
  private readonly world: WorldRuntime;
  private readonly graph = new DependencyGraph();
  private readonly instances: InstanceRuntime[] = [];
  private readonly byFmri = new Map<string, InstanceRuntime>();
  private readonly queue = new EventQueue<Work>();
  private readonly records: TraceRecord[] = [];
  private readonly consoleLines: ConsoleLine[] = [];
  private readonly logLines: LogLine[] = [];
  private readonly diagnostics: string[] = [];
  private readonly until: number;
  private readonly rng: (() => number) | undefined;
  private readonly timeoutOverride: Set<string>;
  private seq = 0;
  private now = 0;
  private version = 0;
  /** The milestone: "all", "none" or an instance FMRI. */
  private milestone = 'all';
  /** The milestone this boot started with (the trace reports it). */
  private bootMilestone = 'all';
  private milestoneReached = false;
  private bootingSingleUser = false;
  private loadComplete = false;
  private suloginShown = false;
  private timezoneKnown: boolean;
  private logsOnVar = false;
  private syslogdRunning = false;
  private hostname: string | undefined = undefined;
  private truncated = false;
  private readonly satCtx: { -readonly [K in keyof SatContext]: SatContext[K] };
  private readonly modelsWholeSystem: boolean;

  constructor(scenario: Scenario, options: SimulateOptions = {}) {
    this.scenario = scenario;
    this.era = scenario.era ?? '2025';
    this.resolved = resolveScenario(scenario);
    this.world = options.world ?? new FilesOnlyWorld(scenario.files ?? []);
    this.until = options.until ?? scenario.until ?? DEFAULTS.until;
    this.rng = scenario.seed === undefined ? undefined : seededRandom(scenario.seed);
    this.timeoutOverride = this.era === '2009' ? TIMEOUT_OVERRIDE_2009 : TIMEOUT_OVERRIDE_2025;
    this.timezoneKnown = this.world.timezoneKnown();
    this.diagnostics.push(...this.resolved.diagnostics);
    this.modelsWholeSystem = [...UP_SVCS, MANIFEST_IMPORT].some((f) => this.resolved.byFmri.has(f));
    this.satCtx = {
      era: this.era,
      fileExists: (p: string) => this.world.fileExists(p),
      version: 0,
    };
  }

  // ---------------------------------------------------------------- running

  run(): Trace {
    const worldInitial = this.world.snapshot();
    const initialFiles = this.world.initialFiles?.() ?? this.resolved.scenario.files ?? [];
    this.createInstances();
    this.setInitialMilestone();
    this.populateGraph();
    this.loadComplete = true;
    this.scheduleActions();
    this.checkCanComeUp();
    this.loop();
    return this.buildTrace(worldInitial, initialFiles);
  }

  private loop(): void {
    for (;;) {
      const next = this.queue.peekTime();
      if (next === undefined) break;
      if (next > this.until) {
        this.truncated = true;
        break;
      }
      if (this.records.length > MAX_RECORDS) {
        this.truncated = true;
        this.diagnostics.push(`stopped after ${MAX_RECORDS} records at t=${this.now} ms: the scenario does not settle`);
        break;
      }
      const item = this.queue.pop();
      if (item === undefined) break;
      this.now = item.time;
      this.process(item.value);
      // graph_transition_sulogin(): judged once the instant's events have settled, so that
      // the enablings a milestone change just queued are not mistaken for a dead end.
      const upcoming = this.queue.peekTime();
      if (upcoming === undefined || upcoming > this.now) this.checkCanComeUp();
    }
  }

  private process(w: Work): void {
    switch (w.kind) {
      case 'event':
        this.deliver(w.inst, w.type, w.reason, w.rerr);
        return;
      case 'methodDone':
        this.methodDone(w);
        return;
      case 'childExit':
        this.childExit(w.inst, w.token, w.exit);
        return;
      case 'fork':
        if (w.token === w.inst.methodToken && w.inst.leaf === 'offline.starting') this.forkChild(w.inst);
        return;
      case 'action':
        this.runAction(w.run, w.parsed);
        return;
    }
  }

  // ------------------------------------------------------------- recording

  private bump(): void {
    this.version++;
    this.satCtx.version = this.version;
  }

  private status(i: InstanceRuntime): InstanceStatus {
    // Built field by field (no spread temporaries): this runs for every record of every boot.
    const s: { -readonly [K in keyof InstanceStatus]: InstanceStatus[K] } = {
      state: i.state,
      next: i.next,
      aux: i.aux,
      since: i.since,
      enabled: i.enabled,
      temporary: i.temporary,
      configured: i.configured,
      present: i.inRepository,
    };
    if (i.method !== undefined) s.method = i.method;
    if (i.waitStatus !== undefined) s.waitStatus = i.waitStatus;
    if (i.comment !== undefined) s.comment = i.comment;
    if (i.logDir !== undefined) {
      if (i.logfile === undefined || !i.logfile.startsWith(i.logDir)) i.logfile = i.logDir + logStem(i.fmri);
      s.logfile = i.logfile;
    }
    if (i.cycle !== undefined) s.cycle = i.cycle;
    return s;
  }

  private recordStatus(i: InstanceRuntime, from: InstanceState, fromNext: NextState, reason: Reason): void {
    this.records.push({
      kind: 'status',
      seq: this.seq++,
      t: this.now,
      fmri: i.fmri,
      from,
      to: i.state,
      fromNext,
      next: i.next,
      reason,
      status: this.status(i),
    });
  }

  private console(text: string, source: ConsoleSource, fmri?: string): void {
    for (const line of text.split('\n')) {
      this.consoleLines.push({ seq: this.seq++, t: this.now, text: line, source, ...(fmri === undefined ? {} : { fmri }) });
    }
  }

  /** A syslog(3C) message from svc.startd; reaches the console only once the timezone is known (§1.3). */
  private syslog(message: string, severity: 'err' | 'warning' | 'notice', fmri?: string): void {
    if (!this.timezoneKnown) return;
    if (this.syslogdRunning && severity !== 'err') return;
    this.console(syslogLine(this.era, this.now, message, this.syslogdRunning ? this.hostname ?? 'unknown' : undefined), 'syslog', fmri);
  }

  /** A `[ time message ]` line in the instance's service log (§1.4). */
  private svcLog(i: InstanceRuntime, message: string): void {
    const stamp = this.timezoneKnown ? syslogTime(this.era, this.now) : startOffset(this.now);
    this.logLines.push({ seq: this.seq++, t: this.now, fmri: i.fmri, text: `[ ${stamp} ${message} ]` });
  }

  private methodOutput(i: InstanceRuntime, text: string): void {
    this.logLines.push({ seq: this.seq++, t: this.now, fmri: i.fmri, text });
  }

  private recordWorld(change: WorldChange): void {
    this.records.push({ kind: 'world', seq: this.seq++, t: this.now, change });
  }

  // --------------------------------------------------------------- startup

  private createInstances(): void {
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
  private instanceVertex(fmri: string): Vertex {
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

  /** set_initial_milestone() and startd.c option parsing (§6.2). */
  private setInitialMilestone(): void {
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

  private startdLog(message: string): void {
    this.diagnostics.push(message);
  }

  private applySubgraph(): void {
    if (this.milestone === 'all') {
      for (const i of this.instances) i.inSubgraph = true;
      return;
    }
    const sub = this.milestone === 'none' ? new Set<string>() : milestoneSubgraph(this.resolved, this.milestone);
    for (const i of this.instances) i.inSubgraph = sub.has(i.fmri);
  }

  /** libscf_populate_graph(): every instance in the repository, in repository order. */
  private populateGraph(): void {
    for (const i of this.instances) {
      if (!i.configured && i.inRepository) this.configureVertex(i);
    }
  }

  /** configure_vertex() (graph.c). Recursive through process_dependency_fmri(). */
  private configureVertex(i: InstanceRuntime): void {
    if (i.configured || i.configuring) return;
    if (!i.inRepository) return;
    if (i.deathrow) return;
    if (!i.resolved.configured) return; // no general/enabled: never told to the restarter (§1.1)
    if (i.fmri === STARTD_SELF || (i.fmri === EARLY_MANIFEST_IMPORT && this.era === '2025')) {
      this.startdOwnState(i);
      return;
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
    // graph_change_restarter(): a delegated restarter is a dependency of the instance.
    const restarter = i.resolved.restarter;
    let failed: 'cycle' | 'invalid' | undefined;
    if (restarter !== undefined) {
      const rv = this.instanceVertex(restarter);
      const path = this.graph.insertDependency(i.vertex, rv);
      if (path !== undefined) {
        this.handleCycle(i, path);
        failed = 'cycle';
      } else {
        const ri = rv.inst;
        if (ri !== undefined) this.configureVertex(ri);
      }
    }
    if (failed === undefined) failed = this.setDependencies(i);
    i.configuring = false;
    i.configured = true;
    this.bump();
    if (failed === 'cycle') this.send(i, 'DEPENDENCY_CYCLE', 'dependency_cycle', RERR.none);
    else if (failed === 'invalid') this.send(i, 'INVALID_DEPENDENCY', 'invalid_dependency', RERR.none);
    this.enableByVertex(i, i.enabled, false);
  }

  /**
   * svc.startd's own instance is never a graph vertex (dgraph_add_instance()
   * returns early for it), and early-manifest-import is run by svc.startd
   * itself before the graph engine starts, which then marks it online
   * (§10.3). Both are shown online from the start; neither runs through the
   * restarter machine.
   */
  private startdOwnState(i: InstanceRuntime): void {
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

  /** refresh_vertex() → set_dependencies(): one group vertex per dependency pg. */
  private setDependencies(i: InstanceRuntime): 'cycle' | 'invalid' | undefined {
    for (const g of i.resolved.groups) {
      if (g.targets.length === 0) continue; // "Ignoring empty dependency group"
      const gv = this.graph.add(`${i.fmri}>${g.name}`, VertexKind.Group, g.grouping, restartOnSeverity(g.restartOn), g.name);
      if (!i.vertex.deps.includes(gv)) this.graph.addEdge(i.vertex, gv);
      for (const target of g.targets) {
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
          return 'cycle';
        }
        // "This must be after we insert the dependency, to avoid looping."
        if (tv.kind === VertexKind.Instance) {
          const ti = tv.inst;
          if (ti !== undefined) this.configureVertex(ti);
        } else if (tv.kind === VertexKind.Service) {
          for (const d of tv.deps) if (d.inst !== undefined) this.configureVertex(d.inst);
        }
      }
    }
    if (i.resolved.invalid.length > 0) {
      const line = `Transitioning ${i.fmri} to maintenance due to misconfiguration.`;
      this.startdLog(line);
      this.syslog(line, 'err', i.fmri);
      for (const why of i.resolved.invalid) this.diagnostics.push(`${i.fmri}: ${why}`);
      return 'invalid';
    }
    return undefined;
  }

  /** handle_cycle(): the instance that completes the cycle goes to maintenance (§1.2). */
  private handleCycle(i: InstanceRuntime, path: Vertex[]): void {
    const hops = [i.fmri, ...path.filter((v) => v.kind === VertexKind.Instance).map((v) => v.name)];
    const unique = hops.filter((h, k) => k === 0 || h !== hops[k - 1]);
    i.cycle = unique;
    const message = `Transitioning ${i.fmri} to maintenance because it completes a dependency cycle (see svcs -xv for details):\n${unique.join('\n')}`;
    this.startdLog(message);
    this.syslog(message, 'err', i.fmri);
  }

  private scheduleActions(): void {
    (this.scenario.actions ?? []).forEach((a, index) => {
      const parsed = parseAction(a.run);
      if (!parsed.ok) {
        this.diagnostics.push(`action ${index} ("${a.run}"): ${parsed.error}`);
        return;
      }
      this.queue.push(a.at, { kind: 'action', index, at: a.at, run: a.run, parsed: parsed.action });
    });
  }

  // ----------------------------------------------------- restarter dispatch

  /** vertex_send_event(): queue a restarter event for the instance. */
  private send(i: InstanceRuntime, type: RestarterEventType, reason: Reason, rerr: number): void {
    this.queue.push(this.now, { kind: 'event', inst: i, type, reason, rerr });
  }

  /** restarter_process_events(): events wait while a method runs. */
  private deliver(i: InstanceRuntime, type: RestarterEventType, reason: Reason, rerr: number): void {
    if (i.busy) {
      i.parked.push({ type, reason, rerr });
      return;
    }
    if (type === 'START' && !i.enabled) return; // start_instance(): not enabled
    if ((type === 'CONTRACT_EMPTY' || type === 'CONTRACT_FAULT') && i.resolved.model === 'transient') return;
    const step = restarterStep(i.leaf, type);
    if (!step.changed) {
      if (type === 'ADMIN_RESTART') this.startdLog(`Not restarting ${i.fmri}; not running.`);
      return;
    }
    this.applyStep(i, step, reason, rerr, type);
  }

  private applyStep(
    i: InstanceRuntime,
    step: ReturnType<typeof restarterStep>,
    reason: Reason,
    rerr: number,
    type: RestarterEventType,
  ): void {
    const from = i.state;
    const fromNext = i.next;
    const wasRunning = i.running;
    if (step.actions.includes('runStopMethod') && fromNext === 'none') {
      // stop_instance(cause): the cause's err and reason travel to the state change that ends the stop.
      i.stopRerr = rerr;
      i.stopReason = reason;
    } else if (fromNext !== 'none' && fromNext !== 'online' && (type === 'METHOD_OK' || type === 'METHOD_DEGRADED')) {
      rerr = i.stopRerr;
      reason = i.stopReason;
    }
    const stateChanges = step.state !== from;
    const preUnsat = stateChanges ? this.valueIsUnsatisfiable(i) : false;
    i.leaf = step.next;
    i.state = step.state;
    i.next = step.nextState;
    if (from !== i.state) {
      i.since = this.now;
      i.aux = auxFor(i.state, reason, i.aux);
    }
    this.restarterLog(i, type, from);
    for (const a of step.actions) if (a === 'resetStartTimes') i.startTimes = [];
    if (from !== i.state) {
      if (i.state === 'offline' || i.state === 'disabled' || i.state === 'uninitialized') {
        i.contractAlive = false;
        i.childAlive = false;
      }
      if (i.state === 'uninitialized' && from === 'maintenance') {
        i.faultCount = 0;
        i.waitStatus = undefined;
        i.cycle = undefined;
      }
    }
    if (stateChanges && !this.keepsSatisfiability(i, preUnsat)) this.bump();
    const willRunMethod = step.actions.some((a) => a === 'runStartMethod' || a === 'runStopMethod' || a === 'runRefreshMethod');
    if (!willRunMethod) this.recordStatus(i, from, fromNext, reason);
    for (const a of step.actions) {
      if (a === 'runStartMethod') this.beginMethod(i, 'start', from, fromNext, reason);
      else if (a === 'runStopMethod') this.beginMethod(i, 'stop', from, fromNext, reason);
      else if (a === 'runRefreshMethod') this.beginMethod(i, 'refresh', from, fromNext, reason);
    }
    if (from !== step.state) this.gtTransition(i, from, wasRunning, rerr);
    else if (type === 'METHOD_OK' && step.next.endsWith('.running') && fromNext === 'none' && i.lastMethod === 'refresh') {
      // A refresh "sans state change" propagates RERR_REFRESH (transition.c).
      this.graphPropagateStop(i.vertex, RERR.refresh);
    }
  }

  private restarterLog(i: InstanceRuntime, type: RestarterEventType, from: InstanceState): void {
    switch (type) {
      case 'ENABLE':
        if (from === 'disabled' || from === 'uninitialized') this.svcLog(i, 'Enabled.');
        break;
      case 'DISABLE':
      case 'ADMIN_DISABLE':
        if (from === 'maintenance') this.svcLog(i, 'Leaving maintenance because disable requested.');
        else if (from === 'online' || from === 'degraded') this.svcLog(i, `Stopping because ${STOP_CAUSE.disable}.`);
        else this.svcLog(i, 'Disabled.');
        break;
      case 'STOP':
      case 'STOP_RESET':
        this.svcLog(i, `Stopping because ${STOP_CAUSE.dependency}.`);
        break;
      case 'ADMIN_RESTART':
      case 'ADMIN_RESTORE':
        this.svcLog(i, `Stopping because ${STOP_CAUSE.restart}.`);
        break;
      case 'ADMIN_MAINT_ON':
      case 'ADMIN_MAINT_ON_IMMEDIATE':
        this.svcLog(i, 'Stopping for maintenance due to administrative_request.');
        break;
      case 'ADMIN_MAINT_OFF':
        this.svcLog(i, 'Leaving maintenance because clear requested.');
        break;
      case 'ADMIN_REFRESH':
        this.svcLog(i, 'Rereading configuration.');
        break;
      case 'ADMIN_DEGRADED':
        this.svcLog(i, 'Marking degraded due to administrative_request.');
        break;
      default:
        break;
    }
  }

  // ---------------------------------------------------------------- methods

  private beginMethod(i: InstanceRuntime, kind: MethodKind, from: InstanceState, fromNext: NextState, reason: Reason): void {
    const m: ResolvedMethod = i.resolved[kind];
    i.attempts[kind]++;
    const attempt = i.attempts[kind];
    i.lastMethod = kind;
    i.logDir = this.logsOnVar && this.world.varWritable() ? '/var/svc/log/' : '/etc/svc/volatile/';
    const token = ++i.methodToken;

    // Wait model: the start method is forked and the instance is online at once (§7.4).
    if (kind === 'start' && i.resolved.model === 'wait') {
      i.busy = false;
      i.method = undefined;
      this.recordStatus(i, from, fromNext, reason);
      if (this.waitThrottled(i)) {
        this.svcLog(i, 'Failing too quickly, throttling.');
        this.queue.push(this.now + 1000, { kind: 'fork', inst: i, token });
      } else this.forkChild(i);
      return;
    }

    if (kind === 'start') {
      // method_rate_critical(): every start invocation is recorded (§7.3).
      const limit = this.era === '2009' ? 10 : RINST_START_TIMES;
      const rate = this.era === '2009' ? 1000 : RINST_FAILURE_RATE_MS;
      i.startTimes.push(this.now);
      if (i.startTimes.length > limit) i.startTimes.shift();
      const oldest = i.startTimes[0];
      if (i.startTimes.length >= limit && oldest !== undefined && (this.now - oldest) / (limit - 1) < rate) {
        i.busy = true;
        i.method = kind;
        this.recordStatus(i, from, fromNext, reason);
        this.svcLog(i, 'Restarting too quickly, changing state to maintenance.');
        this.queue.push(this.now, {
          kind: 'methodDone', inst: i, token, method: kind, exit: 0, timedOut: false, rateLimited: true, duration: 0,
          effects: { console: [], log: [], world: [] },
        });
        return;
      }
      if (this.scenario.boot?.verbose === true && attempt <= 1 && !this.loginReached()) {
        const name = i.resolved.commonName === undefined ? '' : ` (${i.resolved.commonName})`;
        this.console(`[ ${i.fmri.slice(5)} starting${name} ]`, 'startd', i.fmri);
      }
    }

    i.busy = true;
    i.method = kind;
    this.recordStatus(i, from, fromNext, reason);

    // Missing method pg, or a stop with no contract to stop: success at once (§7.1).
    const noContract = kind === 'stop' && i.resolved.model !== 'transient' && !i.contractAlive && !i.childAlive;
    if (!m.declared || noContract) {
      if (!m.declared) {
        this.svcLog(i, kind === 'refresh' ? `No 'refresh' method defined.  Treating as :true.` : `Method property group '${kind}' is not present.`);
      }
      this.records.push({ kind: 'method', seq: this.seq++, t: this.now, fmri: i.fmri, method: kind, phase: 'begin', attempt, exec: m.exec || ':true', duration: 0 });
      this.queue.push(this.now, {
        kind: 'methodDone', inst: i, token, method: kind, exit: 0, timedOut: false, rateLimited: false, duration: 0,
        effects: { console: [], log: [], world: [] },
      });
      return;
    }

    const world = this.world.runMethod({
      fmri: i.fmri, method: kind, attempt, t: this.now, exec: m.exec,
      ...(i.resolved.methodModel === undefined ? {} : { methodModel: i.resolved.methodModel }),
    });
    let duration = world?.duration ?? m.duration;
    if (this.rng !== undefined && world === undefined) duration = Math.round(duration * (0.5 + this.rng()));
    const exit: ExitValue = world?.exit ?? m.exits[Math.min(attempt - 1, m.exits.length - 1)] ?? 0;
    const timeout = this.timeoutOverride.has(i.fmri) ? 0 : m.timeout;
    if (m.exec === ':true') this.svcLog(i, `Executing ${kind} method (null).`);
    else if (m.exec === ':kill' || m.exec.startsWith(':kill')) this.svcLog(i, `Executing ${kind} method (:kill).`);
    else this.svcLog(i, `Executing ${kind} method ("${m.exec}").`);
    if (this.timeoutOverride.has(i.fmri)) this.svcLog(i, 'Timeout override by svc.startd.  Using infinite timeout.');
    const effects: MethodEffects = { console: world?.console ?? [], log: world?.log ?? [], world: world?.effects ?? [] };
    for (const line of world?.consoleAtStart ?? []) this.console(line, 'method', i.fmri);

    let timedOut = false;
    let ends: number | undefined = this.now + duration;
    if (exit === 'timeout') {
      timedOut = timeout > 0;
      ends = timeout > 0 ? this.now + timeout : undefined;
    } else if (timeout > 0 && duration > timeout) {
      timedOut = true;
      ends = this.now + timeout;
    }
    this.records.push({
      kind: 'method', seq: this.seq++, t: this.now, fmri: i.fmri, method: kind, phase: 'begin', attempt, exec: m.exec,
      ...(ends === undefined ? {} : { duration: ends - this.now }),
    });
    if (ends === undefined) return; // hangs for ever: infinite timeout
    this.queue.push(ends, { kind: 'methodDone', inst: i, token, method: kind, exit, timedOut, rateLimited: false, duration: ends - this.now, effects });
  }

  private waitThrottled(i: InstanceRuntime): boolean {
    if (this.era === '2009') return false;
    i.startTimes.push(this.now);
    if (i.startTimes.length > RINST_START_TIMES) i.startTimes.shift();
    const oldest = i.startTimes[0];
    return i.startTimes.length >= RINST_START_TIMES && oldest !== undefined && (this.now - oldest) / (RINST_START_TIMES - 1) < 1000;
  }

  private forkChild(i: InstanceRuntime): void {
    const m = i.resolved.start;
    i.attempts.start = Math.max(i.attempts.start, 1);
    this.svcLog(i, `Executing start method ("${m.exec}").`);
    i.childAlive = true;
    const attempt = i.attempts.start;
    this.records.push({ kind: 'method', seq: this.seq++, t: this.now, fmri: i.fmri, method: 'start', phase: 'begin', attempt, exec: m.exec });
    this.deliverNow(i, 'CHILD_FORKED', 'start_request', RERR.none);
    if (m.exitGiven) {
      const exit = m.exits[Math.min(attempt - 1, m.exits.length - 1)] ?? 0;
      this.queue.push(this.now + m.duration, { kind: 'childExit', inst: i, token: i.methodToken, exit });
    }
  }

  /** Deliver bypassing the parking rule (method outcomes, §2.2). */
  private deliverNow(i: InstanceRuntime, type: RestarterEventType, reason: Reason, rerr: number): void {
    const step = restarterStep(i.leaf, type);
    if (!step.changed) return;
    this.applyStep(i, step, reason, rerr, type);
  }

  private childExit(i: InstanceRuntime, token: number, exit: ExitValue): void {
    if (token !== i.methodToken || !i.childAlive) return;
    i.childAlive = false;
    this.records.push({ kind: 'method', seq: this.seq++, t: this.now, fmri: i.fmri, method: 'start', phase: 'end', attempt: i.attempts.start, exec: i.resolved.start.exec, exit });
    if (exit === 96) {
      this.svcLog(i, `Stopping because ${STOP_CAUSE.cfgExit}.`);
      i.waitStatus = exit;
      this.deliverNow(i, 'CHILD_CONFIG_ERROR', 'method_failed', RERR.fault);
    } else {
      this.svcLog(i, `Stopping because ${exit === 0 ? STOP_CAUSE.exit : STOP_CAUSE.errExit}.`);
      if (exit !== 0) i.faultCount++;
      this.deliverNow(i, 'CHILD_EXIT', 'ct_ev_exit', RERR.restart);
    }
  }

  /** method_thread(): classify the exit and tell the restarter machine (§7.3). */
  private methodDone(w: Extract<Work, { kind: 'methodDone' }>): void {
    const i = w.inst;
    if (w.token !== i.methodToken) return;
    const m = i.resolved[w.method];
    for (const line of w.effects.log) this.methodOutput(i, line);
    for (const line of w.effects.console) this.console(line, 'method', i.fmri);
    if (w.effects.world.length > 0) this.applyWorld(this.world.apply(w.effects.world, this.now));
    i.busy = false;
    i.method = undefined;
    const fmri = i.fmri;

    if (w.rateLimited) {
      this.syslog(transitionMessage(fmri, 'REPEATEDLY'), 'err', fmri);
      this.finishMethod(i, 'METHOD_FATAL', 'restarting_too_quickly', RERR.fault);
      return;
    }

    const exit = w.exit;
    const timedOut = w.timedOut;
    this.records.push({
      kind: 'method', seq: this.seq++, t: this.now, fmri, method: w.method, phase: 'end', attempt: i.attempts[w.method], exec: m.exec,
      exit: timedOut ? 'timeout' : exit, ...(timedOut ? { timedOut } : {}), duration: w.duration,
    });
    if (timedOut) {
      const line = `Method or service exit timed out.  Killing contract ${1000 + i.index}.`;
      this.svcLog(i, line);
      this.syslog(`${fmri}: ${line}`, 'warning', fmri);
      i.timedOut = true;
      if (!i.resolved.timeoutRetry) {
        i.waitStatus = 'SIGKILL';
        this.syslog(transitionMessage(fmri, 'TIMEOUT_FATAL'), 'err', fmri);
        this.finishMethod(i, 'METHOD_FATAL', 'method_failed', RERR.fault);
        return;
      }
      this.retryable(i, w.method, 'SIGKILL');
      return;
    }
    if (typeof exit === 'number' && m.exec !== ':true' && this.isForkedExec(m.exec)) this.svcLog(i, `Method "${w.method}" exited with status ${exit}.`);
    if (typeof exit === 'string') this.svcLog(i, `Method "${w.method}" failed due to signal ${exit.slice(3)}.`);

    if (logsMethodFailure(exit, this.era)) this.syslog(methodFailedMessage(fmri, m.exec, exit), 'warning', fmri);
    const verdict = classifyExit(exit, { era: this.era, method: w.method, model: i.resolved.model, exec: m.exec });
    switch (verdict.kind) {
      case 'ok':
        i.faultCount = 0;
        if (w.method === 'start') {
          i.contractAlive = verdict.contract;
          i.waitStatus = undefined;
        }
        this.finishMethod(i, 'METHOD_OK', w.method === 'start' ? 'dependencies_satisfied' : reasonAfterStop(i), RERR.none);
        return;
      case 'degraded':
        i.faultCount = 0;
        i.contractAlive = i.resolved.model === 'contract';
        i.waitStatus = exit;
        this.syslog(transitionMessage(fmri, 'DEGRADED'), 'err', fmri);
        this.finishMethod(i, 'METHOD_DEGRADED', 'method_failed', RERR.none);
        return;
      case 'fatal':
        i.waitStatus = exit;
        this.syslog(transitionMessage(fmri, verdict.outcome), 'err', fmri);
        this.finishMethod(i, 'METHOD_FATAL', 'method_failed', RERR.fault);
        return;
      case 'retry':
        this.retryable(i, w.method, exit);
        return;
    }
  }

  private isForkedExec(exec: string): boolean {
    return exec !== '' && !exec.startsWith(':');
  }

  private retryable(i: InstanceRuntime, method: MethodKind, exit: ExitValue): void {
    i.faultCount++;
    if (i.faultCount >= FAULT_THRESHOLD) {
      i.waitStatus = exit;
      this.syslog(transitionMessage(i.fmri, 'OTHER'), 'err', i.fmri);
      this.finishMethod(i, 'METHOD_FATAL', 'fault_threshold_reached', RERR.fault);
      return;
    }
    void method;
    this.finishMethod(i, 'METHOD_RETRY', i.aux, RERR.none);
  }

  private finishMethod(i: InstanceRuntime, type: RestarterEventType, reason: Reason, rerr: number): void {
    // Events that arrived while the method ran are already in the instance's
    // queue, ahead of anything the graph sends in reaction to this outcome.
    if (type !== 'METHOD_RETRY') this.unpark(i);
    this.deliverNow(i, type, reason, rerr);
  }

  private unpark(i: InstanceRuntime): void {
    if (i.busy) return;
    const parked = i.parked.splice(0);
    for (const p of parked) this.queue.push(this.now, { kind: 'event', inst: i, type: p.type, reason: p.reason, rerr: p.rerr });
  }

  private applyWorld(changes: readonly WorldChange[]): void {
    let filesChanged = false;
    for (const c of changes) {
      this.recordWorld(c);
      if (c.path !== undefined) filesChanged = true;
      for (const fmri of c.imported ?? []) this.importInstance(fmri);
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
  private importInstance(fmri: string): void {
    const i = this.byFmri.get(fmri);
    if (i === undefined || i.inRepository) return;
    i.inRepository = true;
    this.bump();
    if (this.milestone !== 'all') {
      const sub = this.milestone === 'none' ? new Set<string>() : milestoneSubgraph(this.resolved, this.milestone);
      i.inSubgraph = sub.has(fmri);
    }
    this.configureVertex(i);
    // The vertex existed unconfigured (a dependency on it evaluated −1); dependents may now start.
    this.graphPropagateSat(i.vertex);
  }

  // ---------------------------------------------------- graph reactions

  /** gt_transition() (transition.c): the graph's reaction to a state change. */
  private gtTransition(i: InstanceRuntime, old: InstanceState, wasRunning: boolean, rerr: number): void {
    const v = i.vertex;
    const flagsBefore = i.toOffline || i.toDisable;
    switch (i.state) {
      case 'uninitialized':
        // gt_enter_uninit(): refresh_vertex() then graph_enable_by_vertex(enabled, 0).
        if (i.enabled) this.enableByVertex(i, true, false);
        else this.send(i, 'DISABLE', 'disable_request', RERR.restart);
        if (wasRunning) this.graphPropagateStop(v, rerr);
        break;
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

  /** instance_satisfied(v, B_TRUE) == -1: the instance cannot come up without an administrator. */
  private unsatisfiable(i: InstanceRuntime): boolean {
    return instanceSatisfied(i.vertex, true, this.satCtx) === -1;
  }

  /**
   * Whether dependency_satisfied(i, B_TRUE) is −1 in the current state: the
   * only property of an instance that deep (satbility) answers depend on.
   */
  private valueIsUnsatisfiable(i: InstanceRuntime): boolean {
    if (!i.configured) return !i.deathrow;
    if (i.toDisable) return this.era === '2025';
    if (i.toOffline) return this.era === '2009';
    switch (i.state) {
      case 'online':
      case 'degraded':
      case 'uninitialized':
        return false;
      case 'maintenance':
        return true;
      case 'disabled':
        return i.enabled ? this.unsatisfiable(i) : true;
      case 'offline':
        return this.unsatisfiable(i);
    }
  }

  /**
   * Whether a state change leaves every "unsatisfiable" (−1) answer in the
   * graph as it was, so memoised deep answers stay valid (satisfiability.ts):
   * true when the instance's own −1-ness did not change and no exclude_all
   * group names it (exclusions look at running vs not, §3.4).
   */
  private keepsSatisfiability(i: InstanceRuntime, preUnsat: boolean): boolean {
    if (this.excludedMember(i.vertex)) return false;
    return this.valueIsUnsatisfiable(i) === preUnsat;
  }

  /** Is the instance named by an exclude_all group, directly or through its service? (Called on every state change: no closures.) */
  private excludedMember(v: Vertex): boolean {
    if (namedByExclusion(v)) return true;
    for (const d of v.dependents) if (d.kind === VertexKind.Service && namedByExclusion(d)) return true;
    return false;
  }

  /** graph_start_if_satisfied(). */
  private startIfSatisfied(i: InstanceRuntime): void {
    if (i.state !== 'offline' || i.busy) return;
    if (instanceSatisfied(i.vertex, false, this.satCtx) === 1) this.send(i, 'START', 'dependencies_satisfied', RERR.none);
  }

  private graphPropagateStart(v: Vertex): void {
    for (const d of [...v.dependents]) this.propagateStart(d, RERR.none);
  }

  private graphPropagateStop(v: Vertex, err: number): void {
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
  private graphPropagateSat(v: Vertex): void {
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
  private propagateStart(v: Vertex, err: number): void {
    const vi = v.inst;
    if (vi !== undefined && vi.toOffline) return;
    switch (v.kind) {
      case VertexKind.Instance:
        if (vi === undefined) return;
        if (vi.running) {
          if (this.era === '2025' && (err === RERR.restart || err === RERR.refresh)) this.send(vi, 'STOP_RESET', 'dependency_activity', RERR.restart);
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
  private propagateStop(v: Vertex, err: number): void {
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

  // ----------------------------------------------------- enable / disable

  /** graph_enable_by_vertex() (§4.5). */
  private enableByVertex(i: InstanceRuntime, enable: boolean, admin: boolean): void {
    if (!i.configured) return;
    if (enable) {
      if (i.state !== 'offline' && i.state !== 'degraded' && i.state !== 'online') {
        if (i.toOffline || i.toDisable) this.bump();
        i.toOffline = false;
        i.toDisable = false;
        this.send(i, 'ENABLE', i.state === 'disabled' ? 'enable_request' : 'per_configuration', RERR.none);
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
  private bypassed(v: Vertex): boolean {
    return v.kind === VertexKind.Group && (v.grouping === 'exclude_all' || v.restartOn < RERR.restart);
  }

  /**
   * mark_subtree(): GV_TOOFFLINE on the running transitive dependents, not
   * through bypassed groups (docs/smf-semantics.md §4.5 step 3 says "running"; an
   * offline dependent is left unmarked so it cannot be stranded).
   */
  private markSubtree(v: Vertex): void {
    const vi = v.inst;
    if (vi !== undefined && vi.toOffline) return;
    if (v.kind === VertexKind.Instance) {
      if (vi === undefined || !vi.enabled || !vi.running) return;
      vi.toOffline = true;
    } else if (this.bypassed(v)) return;
    for (const d of v.dependents) this.markSubtree(d);
  }

  /** insubtree_dependents_down(): no marked, configured dependent is still online or degraded. */
  private insubtreeDependentsDown(v: Vertex): boolean {
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
  private offlineVertex(i: InstanceRuntime): void {
    if (i.next === 'offline' || i.next === 'disabled') return;
    this.send(i, 'STOP_RESET', 'dependency_activity', RERR.restart);
  }

  /** graph_offline_subtree_leaves(): as a dependent goes down, its newly exposed leaves follow. */
  private offlineSubtreeLeaves(v: Vertex): void {
    const visit = (d: Vertex): void => {
      if (d.kind !== VertexKind.Instance) {
        for (const x of d.deps) visit(x);
        return;
      }
      const di = d.inst;
      if (di === undefined || !di.toOffline) return;
      // up_state(): online, degraded or offline. A vertex already down is not a leaf: recurse.
      if (!(di.running || di.state === 'offline')) {
        for (const x of d.deps) visit(x);
        return;
      }
      if (!this.insubtreeDependentsDown(d)) return;
      if (di.toDisable) this.send(di, 'ADMIN_DISABLE', 'disable_request', RERR.restart);
      else if (di.running) this.offlineVertex(di);
    };
    for (const d of v.deps) visit(d);
  }

  // -------------------------------------------------- specials, milestones

  /** specials.c post-online hooks and the milestone console lines. */
  private postOnline(i: InstanceRuntime): void {
    if (i.fmri === FS_ROOT && !this.timezoneKnown) this.timezoneKnown = true;
    if (i.fmri === FS_MINIMAL) this.logsOnVar = true;
    if (i.fmri === SYSTEM_LOG) this.syslogdRunning = true;
    if (i.fmri === CONSOLE_LOGIN) {
      const host = this.hostname ?? this.worldHostname();
      this.console(`${host} console login:`, 'kernel', i.fmri);
    }
  }

  private worldHostname(): string {
    const snap = this.world.snapshot();
    if (typeof snap === 'object' && snap !== null && 'hostname' in snap) {
      const h = (snap as { hostname?: unknown }).hostname;
      if (typeof h === 'string') return h;
    }
    return 'unknown';
  }

  private loginReached(): boolean {
    const c = this.byFmri.get(CONSOLE_LOGIN);
    return c !== undefined && c.running;
  }

  private onMilestoneProgress(i: InstanceRuntime, old: InstanceState): void {
    void old;
    const target = this.milestone === 'all' ? undefined : this.milestone;
    if (target !== undefined && i.fmri === target && i.running && !this.milestoneReached) {
      this.milestoneReached = true;
      this.records.push({ kind: 'milestone', seq: this.seq++, t: this.now, milestone: target, reached: true });
      if (this.bootingSingleUser && target === SINGLE_USER) {
        this.console('Requesting System Maintenance Mode\nSINGLE USER MODE\n', 'startd');
        this.console(this.era === '2009'
          ? 'Enter user name for system maintenance (control-d to bypass): '
          : 'Enter user name for system maintenance (control-d to bypass): ', 'startd');
      }
    }
  }

  /** can_come_up() and the sulogin thread (§6.7). */
  private checkCanComeUp(): void {
    if (!this.loadComplete || this.suloginShown || this.milestone !== 'all') return;
    // Scope rule: a scenario with none of up_svcs[] nor manifest-import does not model a
    // whole system, so the sulogin check (which would fire at once) is not applied.
    if (!this.modelsWholeSystem) return;
    if (this.canComeUp()) return;
    this.suloginShown = true;
    this.console('Requesting System Maintenance Mode\n(See /lib/svc/share/README for more information.)\nConsole login service(s) cannot run\n', 'startd');
  }

  private canComeUp(): boolean {
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

  // ---------------------------------------------------------- svcadm etc.

  private runAction(run: string, parsed: ParsedAction): void {
    const output: string[] = [];
    let ok = true;
    if (parsed.kind === 'svcadm') ok = this.svcadm(parsed, output);
    else if (parsed.kind === 'fault') ok = this.fault(parsed.fmri, parsed.event, output);
    else {
      const r = this.world.command(parsed.argv, this.now);
      ok = r.ok;
      output.push(...r.output);
      this.applyWorld(r.changes);
    }
    this.records.push({ kind: 'action', seq: this.seq++, t: this.now, command: run, ok, output });
  }

  private match(operand: string, output: string[]): InstanceRuntime[] | undefined {
    return matchOperand(this.instances, this.byFmri, operand, output);
  }

  private svcadm(a: Extract<ParsedAction, { kind: 'svcadm' }>, output: string[]): boolean {
    if (a.verb === 'milestone') return this.svcadmMilestone(a.operands[0] ?? 'all', a.flags.includes('d'), output);
    let ok = true;
    for (const operand of a.operands) {
      const targets = this.match(operand, output);
      if (targets === undefined) {
        ok = false;
        continue;
      }
      if (targets.length > 1) {
        output.push(`svcadm: ${operand}: service has several instances; specify one`);
        ok = false;
        continue;
      }
      const i = targets[0];
      if (i === undefined) continue;
      ok = this.svcadmOne(a, i, output) && ok;
    }
    return ok;
  }

  private svcadmOne(a: Extract<ParsedAction, { kind: 'svcadm' }>, i: InstanceRuntime, output: string[]): boolean {
    const temporary = a.flags.includes('t');
    switch (a.verb) {
      case 'enable': {
        const set = a.flags.includes('r') ? this.enableClosure(i, output) : [i];
        for (const x of set) this.setEnabled(x, true, temporary, undefined);
        return true;
      }
      case 'disable':
        this.setEnabled(i, false, temporary, a.comment);
        return true;
      case 'restart':
        if (!i.running) this.startdLog(`Not restarting ${i.fmri}; not running.`);
        this.send(i, 'ADMIN_RESTART', 'restart_request', RERR.restart);
        return true;
      case 'refresh':
        // dgraph_refresh_instance(): re-read the dependencies, start if satisfied, then ADMIN_REFRESH.
        this.bump();
        this.startIfSatisfied(i);
        this.send(i, 'ADMIN_REFRESH', 'refresh_request', RERR.refresh);
        return true;
      case 'clear':
        if (i.state === 'maintenance') this.send(i, 'ADMIN_MAINT_OFF', 'clear_request', RERR.restart);
        else if (i.state === 'degraded') this.send(i, 'ADMIN_RESTORE', 'restart_request', RERR.restart);
        else {
          output.push(`svcadm: Instance "${i.fmri}" is not in a maintenance or degraded state.`);
          return false;
        }
        return true;
      case 'mark':
        if (temporary && a.markState === 'maintenance') {
          // svc.startd's process_actions() does not read maint_on_temporary (§9).
          output.push(`note: svc.startd ignores "mark -t maintenance" (maint_on_temporary is not among its admin_actions)`);
          return true;
        }
        if (a.markState === 'degraded') {
          if (this.era === '2009') {
            this.startdLog(`${i.fmri}: degraded state is unimplemented.`);
            return true;
          }
          if (i.state !== 'online') {
            output.push(`svcadm: Instance "${i.fmri}" is not online.`);
            return false;
          }
          this.send(i, 'ADMIN_DEGRADED', 'administrative_request', RERR.none);
          this.syslog(transitionMessage(i.fmri, 'DEGRADE_REQUESTED'), 'err', i.fmri);
          return true;
        }
        if (a.flags.includes('I') || !i.running) {
          this.send(i, 'ADMIN_MAINT_ON_IMMEDIATE', 'administrative_request', RERR.restart);
        } else {
          this.send(i, 'ADMIN_MAINT_ON', 'administrative_request', RERR.restart);
          this.syslog(transitionMessage(i.fmri, 'MAINT_REQUESTED'), 'err', i.fmri);
        }
        return true;
      case 'milestone':
        return true;
    }
  }

  private enableClosure(root: InstanceRuntime, output: string[]): InstanceRuntime[] {
    return enableClosure(root, this.instances, this.byFmri, output);
  }

  /** svcadm enable/disable: write general/enabled or general_ovr/enabled, then dgraph_update_general(). */
  private setEnabled(i: InstanceRuntime, enabled: boolean, temporary: boolean, comment: string | undefined): void {
    if (temporary) i.override = enabled;
    else {
      i.enabledPersistent = enabled;
      i.override = undefined;
    }
    i.comment = comment;
    this.bump();
    if (!i.configured) {
      if (i.inRepository && i.resolved.configured) this.configureVertex(i);
      return;
    }
    if (enabled) this.enableByVertex(i, true, true);
    else if (i.state === 'maintenance') this.send(i, 'ADMIN_DISABLE', 'disable_request', RERR.restart);
    else this.enableByVertex(i, false, true);
    // The recorded status carries the new enabled flags even when the state does not change.
    this.recordStatus(i, i.state, i.next, i.aux);
  }

  /** svcadm milestone [-d] (§6.4): temporary overrides, applied leaf-first when coming down. */
  private svcadmMilestone(text: string, makeDefault: boolean, output: string[]): boolean {
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
    void makeDefault;
    this.milestone = m;
    this.milestoneReached = false;
    this.applySubgraph();
    this.records.push({ kind: 'milestone', seq: this.seq++, t: this.now, milestone: m, reached: false });
    for (const i of this.instances) {
      if (!i.configured) continue;
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
  private disableNonSubgraphLeaves(): void {
    if (this.milestone === 'all') return;
    for (const i of this.instances) {
      if (!i.configured || (i.inSubgraph && this.milestone !== 'none')) continue;
      if (i.override === false || !i.enabled) continue;
      if (!this.isNonSubgraphLeaf(i.vertex)) continue;
      i.override = false;
      this.bump();
      this.enableByVertex(i, false, false);
      this.recordStatus(i, i.state, i.next, i.aux);
    }
  }

  /** is_nonsubgraph_leaf(): no configured non-subgraph dependent is up (online, degraded or offline). */
  private isNonSubgraphLeaf(v: Vertex): boolean {
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

  private fault(operand: string, event: 'exit' | 'core' | 'signal' | 'hwerr', output: string[]): boolean {
    const targets = this.match(operand, output);
    const i = targets?.[0];
    if (i === undefined) return false;
    if (!i.running) {
      output.push(`${i.fmri} is not running; no processes to fault`);
      return false;
    }
    if (i.resolved.model === 'wait') {
      if (!i.childAlive) {
        output.push(`${i.fmri} has no child process`);
        return false;
      }
      this.childExit(i, i.methodToken, event === 'exit' ? 0 : 1);
      return true;
    }
    if (i.resolved.model === 'transient') {
      output.push(`${i.fmri} is transient: svc.startd ignores its contract events`);
      return true;
    }
    if (!i.contractAlive) {
      output.push(`${i.fmri} has no processes in its contract`);
      return false;
    }
    if (event === 'exit') {
      this.svcLog(i, `Stopping because ${STOP_CAUSE.exit}.`);
      i.contractAlive = false;
      this.send(i, 'CONTRACT_EMPTY', 'ct_ev_exit', RERR.restart);
    } else {
      this.svcLog(i, `Stopping because ${STOP_CAUSE[event]}.`);
      this.send(i, 'CONTRACT_FAULT', event === 'core' ? 'ct_ev_core' : event === 'signal' ? 'ct_ev_signal' : 'ct_ev_hwerr', RERR.fault);
    }
    return true;
  }

  // ----------------------------------------------------------------- trace

  private buildTrace(worldInitial: unknown, initialFiles: readonly string[]): Trace {
    const notYet = this.world.notInRepositoryAtBoot();
    const instances: TraceInstance[] = this.resolved.instances.map((r: ResolvedInstance) => ({
      fmri: r.fmri,
      service: r.service,
      name: r.name,
      ...(r.commonName === undefined ? {} : { commonName: r.commonName }),
      model: r.model,
      groups: r.groups.map((g) => ({
        name: g.name, grouping: g.grouping, restartOn: g.restartOn, type: g.type, targets: g.targets,
        ...(g.declaredBy === undefined ? {} : { declaredBy: g.declaredBy }),
      })),
      documentation: r.documentation,
      ...(r.restarter === undefined ? {} : { restarter: r.restarter }),
      startExec: r.start.exec,
      ...(r.manifest === undefined ? {} : { manifest: r.manifest }),
      initial: this.initialStatus(r, notYet),
    }));
    const files = this.graph.vertices.filter((v) => v.kind === VertexKind.File).map((v) => v.name);
    return {
      format: TRACE_FORMAT,
      scenarioName: this.scenario.name,
      era: this.era,
      milestone: this.bootMilestone,
      instances,
      services: this.resolved.services.map((s) => s.fmri),
      files,
      initialFiles,
      records: this.records,
      console: this.consoleLines,
      logs: this.logLines,
      endTime: this.truncated ? Math.min(this.until, this.now) : this.now,
      quiescent: !this.truncated,
      diagnostics: this.diagnostics,
      worldInitial,
      worldFinal: this.world.snapshot(),
    };
  }

  private initialStatus(r: ResolvedInstance, notYet: ReadonlySet<string>): InstanceStatus {
    const i = this.byFmri.get(r.fmri);
    return {
      state: 'uninitialized',
      next: 'none',
      aux: 'none',
      since: 0,
      enabled: r.enabled,
      temporary: false,
      configured: r.configured && !(i?.deathrow ?? false) && !notYet.has(r.fmri),
      present: !notYet.has(r.fmri),
    };
  }
}

/** The aux state svc.startd writes with a state change (§8.3 reason table). */
function auxFor(state: InstanceState, reason: Reason, previous: Reason): Reason {
  if (state === 'maintenance' || state === 'degraded') return reason;
  if (state === 'online') return reason === 'dependencies_satisfied' || reason === 'start_request' ? 'dependencies_satisfied' : reason;
  return reason === 'none' ? previous : reason;
}

function reasonAfterStop(i: InstanceRuntime): Reason {
  return i.next === 'disabled' ? 'disable_request' : i.next === 'maintenance' ? 'administrative_request' : 'dependency_activity';
}

/** Run a scenario to quiescence (or `until`) and return its trace. */
export function simulateStartd(scenario: Scenario, options: SimulateOptions = {}): Trace {
  return new Startd(scenario, options).run();
}

export { dependencySatisfied };

function namedByExclusion(x: Vertex): boolean {
  for (const d of x.dependents) if (d.kind === VertexKind.Group && d.grouping === 'exclude_all') return true;
  return false;
}
