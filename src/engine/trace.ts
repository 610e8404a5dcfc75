/**
 * The trace: everything the engine did, in order. It is the simulation's
 * truth: the UI plays it, the CLI prints it, explanations are computed from
 * it. Same scenario, same bytes (issue 2 rule 10).
 */
import type { InstanceState, NextState, Reason, Grouping, RestartOn, ServiceModel } from '../model/smf/states.ts';
import type { ExitValue } from '../model/scenario/types.ts';
import type { WorldChange } from '../model/world/runtime.ts';

export const TRACE_FORMAT = 'bootgraph-trace/1' as const;

/** The restarter-pg view of an instance at an instant (what svcs and svcs -x read). */
export interface InstanceStatus {
  readonly state: InstanceState;
  readonly next: NextState;
  readonly aux: Reason;
  /** state_timestamp: when `state` last changed. */
  readonly since: number;
  readonly enabled: boolean;
  readonly temporary: boolean;
  readonly configured: boolean;
  /** In the repository (an instance not yet imported is absent). */
  readonly present: boolean;
  readonly method?: 'start' | 'stop' | 'refresh';
  /** start_method_waitstatus of the last failed start method. */
  readonly waitStatus?: ExitValue;
  readonly comment?: string;
  /** restarter/logfile or alt_logfile, once a method has run this boot. */
  readonly logfile?: string;
  /** For dependency_cycle: the cycle, one FMRI per hop. */
  readonly cycle?: readonly string[];
}

export interface StatusRecord {
  readonly kind: 'status';
  readonly seq: number;
  readonly t: number;
  readonly fmri: string;
  readonly from: InstanceState;
  readonly to: InstanceState;
  readonly fromNext: NextState;
  readonly next: NextState;
  readonly reason: Reason;
  readonly status: InstanceStatus;
}

export interface MethodRecord {
  readonly kind: 'method';
  readonly seq: number;
  readonly t: number;
  readonly fmri: string;
  readonly method: 'start' | 'stop' | 'refresh';
  readonly phase: 'begin' | 'end';
  readonly attempt: number;
  readonly exec: string;
  readonly exit?: ExitValue;
  readonly timedOut?: boolean;
  /** Planned (begin) or actual (end) duration. */
  readonly duration?: number;
}

export interface ActionRecord {
  readonly kind: 'action';
  readonly seq: number;
  readonly t: number;
  readonly command: string;
  readonly ok: boolean;
  readonly output: readonly string[];
}

export interface WorldRecord {
  readonly kind: 'world';
  readonly seq: number;
  readonly t: number;
  readonly change: WorldChange;
}

export interface MilestoneRecord {
  readonly kind: 'milestone';
  readonly seq: number;
  readonly t: number;
  readonly milestone: string;
  readonly reached: boolean;
  /**
   * `svcadm milestone -d`: written to options/milestone (persistent), so it is
   * also the next boot's milestone (§6.4, §6.2).
   */
  readonly persistent?: true;
}

export type TraceRecord = StatusRecord | MethodRecord | ActionRecord | WorldRecord | MilestoneRecord;

export type ConsoleSource = 'startd' | 'syslog' | 'method' | 'kernel';

export interface ConsoleLine {
  readonly seq: number;
  readonly t: number;
  readonly text: string;
  readonly fmri?: string;
  readonly source: ConsoleSource;
}

export interface LogLine {
  readonly seq: number;
  readonly t: number;
  readonly fmri: string;
  readonly text: string;
}

/** Static facts about an instance, as configured at boot (svcs -l). */
export interface TraceGroup {
  readonly name: string;
  readonly grouping: Grouping;
  readonly restartOn: RestartOn;
  readonly type: 'service' | 'path';
  readonly targets: readonly string[];
  readonly declaredBy?: string;
}

export interface TraceInstance {
  readonly fmri: string;
  readonly service: string;
  readonly name: string;
  readonly commonName?: string;
  readonly model: ServiceModel;
  readonly groups: readonly TraceGroup[];
  readonly documentation: readonly string[];
  readonly restarter?: string;
  readonly startExec: string;
  readonly manifest?: string;
  readonly initial: InstanceStatus;
}

export interface Trace {
  readonly format: typeof TRACE_FORMAT;
  readonly scenarioName: string;
  readonly era: '2009' | '2025';
  /** The milestone svc.startd booted to: "all", "none" or an FMRI. */
  readonly milestone: string;
  readonly instances: readonly TraceInstance[];
  /** Services (including stubs) and files that are graph vertices. */
  readonly services: readonly string[];
  readonly files: readonly string[];
  /** Files that existed when svc.startd started. */
  readonly initialFiles: readonly string[];
  readonly records: readonly TraceRecord[];
  readonly console: readonly ConsoleLine[];
  readonly logs: readonly LogLine[];
  readonly endTime: number;
  /** Nothing was left to happen (false: stopped at `until` or the event limit). */
  readonly quiescent: boolean;
  readonly diagnostics: readonly string[];
  /** World snapshots: at boot and at the end (the panels read these). */
  readonly worldInitial: unknown;
  readonly worldFinal: unknown;
}
