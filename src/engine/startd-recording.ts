/**
 * Models usr/src/cmd/svc/startd/log.c (and the state startd.h declares).
 *
 * What svc.startd records as it runs: the per-instance status records of the trace,
 * console and syslog lines (log.c: log_framework(), log_instance()), the per-instance
 * service logs (§1.4 of docs/console-messages.md) and world changes; and the state every
 * layer of the engine shares. The layers above it are, in order: restarter.ts
 * (restarter.c), method.ts (method.c, wait.c), graph-engine.ts and graph-propagate.ts
 * (graph.c, transition.c), graph-milestone.ts (graph.c's milestones, specials.c),
 * admin-svcadm.ts (svcadm.c as svc.startd sees it) and startd.ts (startd.c).
 *
 * Section numbers (§) refer to docs/smf-semantics.md unless another file is named.
 */
import { type ResolvedScenario } from '../model/graph/resolve.ts';
import { resolveWithUpgrades } from '../model/world/upgrades.ts';
import { logStem } from '../model/smf/fmri.ts';
import { type InstanceState, type NextState, type Reason } from '../model/smf/states.ts';
import { DEFAULTS, type ExitValue, type Scenario } from '../model/scenario/types.ts';
import { type ParsedAction } from '../model/scenario/actions.ts';
import { FilesOnlyWorld, type WorldChange, type WorldEffect, type WorldRuntime } from '../model/world/runtime.ts';
import { seededRandom } from '../lib/seeded-random.ts';
import { DependencyGraph, type Vertex } from './graph.ts';
import { type InstanceRuntime, type MethodKind } from './instance-runtime.ts';
import type { RestarterEventType } from './restarter.machine.ts';
import { type SatContext } from './satisfiability.ts';
import { EventQueue } from './event-queue.ts';
import { startOffset, syslogLine, syslogTime } from './console-text.ts';
import { type ConsoleLine, type ConsoleSource, type InstanceStatus, type LogLine, type TraceRecord } from './trace.ts';
import { MANIFEST_IMPORT, UP_SVCS } from './startd-constants.ts';
import { eraRules, type Era, type EraRules } from '../model/smf/era-rules.ts';

export interface SimulateOptions {
  /** Stop at this simulated ms (overrides the scenario's `until`). */
  readonly until?: number;
  /** The world methods act on; default: the scenario's `files` only. */
  readonly world?: WorldRuntime;
}

export type Work =
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

export interface MethodEffects {
  readonly console: readonly string[];
  readonly log: readonly string[];
  readonly world: readonly WorldEffect[];
}

export abstract class StartdRecording {
  protected readonly resolved: ResolvedScenario;
  protected readonly scenario: Scenario;
  protected readonly era: Era;
  /** What differs between the 2009 and today's svc.startd (docs/smf-semantics.md §11). */
  protected readonly rules: EraRules;
  protected readonly world: WorldRuntime;
  protected readonly graph = new DependencyGraph();
  protected readonly instances: InstanceRuntime[] = [];
  protected readonly byFmri = new Map<string, InstanceRuntime>();
  protected readonly queue = new EventQueue<Work>();
  protected readonly records: TraceRecord[] = [];
  protected readonly consoleLines: ConsoleLine[] = [];
  protected readonly logLines: LogLine[] = [];
  protected readonly diagnostics: string[] = [];
  protected readonly until: number;
  protected readonly rng: (() => number) | undefined;
  /** With a seed: durations × [1 − jitter, 1 + jitter) (jitter.ts). */
  protected readonly jitter: number;
  protected readonly timeoutOverride: ReadonlySet<string>;
  protected seq = 0;
  protected now = 0;
  protected version = 0;
  /** The milestone: "all", "none" or an instance FMRI. */
  protected milestone = 'all';
  /** The milestone this boot started with (the trace reports it). */
  protected bootMilestone = 'all';
  protected milestoneReached = false;
  protected bootingSingleUser = false;
  protected loadComplete = false;
  protected suloginShown = false;
  protected timezoneKnown: boolean;
  protected logsOnVar = false;
  protected syslogdRunning = false;
  protected hostname: string | undefined = undefined;
  protected truncated = false;
  /** init 0/5/6, reboot, halt: going to none, then do_uadmin() (§6.5). */
  protected shutdown: { readonly level: string; readonly since: number; done?: boolean } | undefined = undefined;
  protected readonly satCtx: { -readonly [K in keyof SatContext]: SatContext[K] };
  protected readonly modelsWholeSystem: boolean;

  constructor(scenario: Scenario, options: SimulateOptions = {}) {
    this.scenario = scenario;
    this.era = scenario.era ?? '2025';
    this.resolved = resolveWithUpgrades(scenario);
    this.world = options.world ?? new FilesOnlyWorld(scenario.files ?? []);
    this.until = options.until ?? scenario.until ?? DEFAULTS.until;
    this.rng = scenario.seed === undefined ? undefined : seededRandom(scenario.seed);
    this.jitter = scenario.jitter ?? DEFAULTS.jitter;
    this.rules = eraRules(this.era);
    this.timeoutOverride = this.rules.timeoutOverride;
    this.timezoneKnown = this.world.timezoneKnown();
    this.diagnostics.push(...this.resolved.diagnostics);
    this.modelsWholeSystem = [...UP_SVCS, MANIFEST_IMPORT].some((f) => this.resolved.byFmri.has(f));
    this.satCtx = {
      rules: this.rules,
      fileExists: (p: string) => this.world.fileExists(p),
      version: 0,
    };
  }

  // Provided by the layers above (see the header).
  protected abstract beginMethod(i: InstanceRuntime, kind: MethodKind, from: InstanceState, fromNext: NextState, reason: Reason): void;
  protected abstract applyWorld(changes: readonly WorldChange[]): void;
  protected abstract gtTransition(i: InstanceRuntime, old: InstanceState, wasRunning: boolean, rerr: number): void;
  protected abstract valueIsUnsatisfiable(i: InstanceRuntime): boolean;
  protected abstract forgetAnswers(i: InstanceRuntime, preUnsat: boolean): void;
  protected abstract graphPropagateStop(v: Vertex, err: number): void;
  protected abstract graphPropagateSat(v: Vertex): void;
  protected abstract enableByVertex(i: InstanceRuntime, enable: boolean, admin: boolean): void;
  protected abstract postOnline(i: InstanceRuntime): void;
  protected abstract loginReached(): boolean;
  protected abstract onMilestoneProgress(i: InstanceRuntime, old: InstanceState): void;
  protected abstract disableNonSubgraphLeaves(): void;

  protected bump(): void {
    this.version++;
    this.satCtx.version = this.version;
  }

  protected status(i: InstanceRuntime): InstanceStatus {
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

  protected recordStatus(i: InstanceRuntime, from: InstanceState, fromNext: NextState, reason: Reason): void {
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

  protected console(text: string, source: ConsoleSource, fmri?: string): void {
    for (const line of text.split('\n')) {
      this.consoleLines.push({ seq: this.seq++, t: this.now, text: line, source, ...(fmri === undefined ? {} : { fmri }) });
    }
  }

  /** A syslog(3C) message from svc.startd; reaches the console only once the timezone is known (§1.3). */
  protected syslog(message: string, severity: 'err' | 'warning' | 'notice', fmri?: string, program = 'svc.startd'): void {
    if (!this.timezoneKnown) return;
    if (this.syslogdRunning && severity !== 'err') return;
    // syslogd stamps each line with the node name at the time (uname -S, set by system/identity:node).
    const host = this.hostname ?? this.world.hostname?.() ?? 'unknown';
    this.console(syslogLine(this.era, this.now, message, this.syslogdRunning ? host : undefined, program), 'syslog', fmri);
  }

  /** A `[ time message ]` line in the instance's service log (§1.4). */
  protected svcLog(i: InstanceRuntime, message: string): void {
    const stamp = this.timezoneKnown ? syslogTime(this.era, this.now) : startOffset(this.now);
    this.logLines.push({ seq: this.seq++, t: this.now, fmri: i.fmri, text: `[ ${stamp} ${message} ]` });
  }

  protected methodOutput(i: InstanceRuntime, text: string): void {
    this.logLines.push({ seq: this.seq++, t: this.now, fmri: i.fmri, text });
  }

  protected recordWorld(change: WorldChange): void {
    this.records.push({ kind: 'world', seq: this.seq++, t: this.now, change });
  }

  protected startdLog(message: string): void {
    this.diagnostics.push(message);
  }
}
