/**
 * What svc.startd knows about one instance while it runs: the graph vertex
 * flags (startd.h GV_*) and the restarter's per-instance data (restarter.c
 * restarter_inst_t). Mutable, engine-private.
 */
import type { InstanceState, NextState, Reason } from '../model/smf/states.ts';
import type { ExitValue } from '../model/scenario/types.ts';
import type { ResolvedInstance } from '../model/graph/resolve.ts';
import type { RestarterEventType } from './restarter.machine.ts';
import type { Vertex } from './graph.ts';

export type MethodKind = 'start' | 'stop' | 'refresh';

export interface ParkedEvent {
  readonly type: RestarterEventType;
  readonly reason: Reason;
  /** Severity carried by the state change this event causes (§4.2). */
  readonly rerr: number;
}

export class InstanceRuntime {
  readonly fmri: string;
  /** Machine leaf, e.g. "offline.starting". */
  leaf = 'uninitialized';
  state: InstanceState = 'uninitialized';
  next: NextState = 'none';
  aux: Reason = 'none';
  since = 0;
  /** GV_CONFIGURED */
  configured = false;
  /** The instance exists in the repository right now (not yet imported = false). */
  inRepository = true;
  /** GV_DEATHROW */
  deathrow = false;
  /** general/enabled (GV_ENBLD_NOOVR). */
  enabledPersistent: boolean;
  /** general_ovr/enabled, cleared at every boot (§1.1). */
  override: boolean | undefined = undefined;
  /** GV_TOOFFLINE / GV_TODISABLE / GV_INSUBGRAPH */
  toOffline = false;
  toDisable = false;
  inSubgraph = true;
  /** A method is running; restarter events wait in `parked` (restarter_process_events()). */
  busy = false;
  method: MethodKind | undefined = undefined;
  methodToken = 0;
  readonly parked: ParkedEvent[] = [];
  /** Consecutive retryable failures (update_fault_count()). */
  faultCount = 0;
  /** Start times for the restart-rate check (method_rate_critical()). */
  startTimes: number[] = [];
  /** Attempts so far per method, to consume `exit` lists. */
  readonly attempts: Record<MethodKind, number> = { start: 0, stop: 0, refresh: 0 };
  /** restarter/start_method_waitstatus of the last failed start. */
  waitStatus: ExitValue | undefined = undefined;
  /** The last method exit was a timeout. */
  timedOut = false;
  comment: string | undefined = undefined;
  /** A primary contract with processes exists (contract model). */
  contractAlive = false;
  /** Wait model: the child process is alive. */
  childAlive = false;
  /** Which log directory svc.startd used for this instance's last method. */
  logDir: '/etc/svc/volatile/' | '/var/svc/log/' | undefined = undefined;
  /** logDir + log stem, cached. */
  logfile: string | undefined = undefined;
  /** Instance is invalid (invalid_dependency) or completes a cycle. */
  cycle: string[] | undefined = undefined;
  /** configure_vertex() is on the stack for this instance (recursion guard). */
  configuring = false;
  /** The severity and reason of the stop in progress, for the state change that ends it (§4.2). */
  stopRerr = 0;
  stopReason: Reason = 'none';
  /**
   * Coming out of maintenance by svcadm clear (restarter.c unmaintain_instance()):
   * the ENABLE that follows records clear_request, not per_configuration (§2.2).
   */
  clearing = false;
  /** The method that ran last, to tell a refresh's completion from a start's. */
  lastMethod: MethodKind | undefined = undefined;

  constructor(
    readonly resolved: ResolvedInstance,
    readonly index: number,
    public vertex: Vertex,
  ) {
    this.fmri = resolved.fmri;
    this.enabledPersistent = resolved.enabled;
  }

  /** GV_ENABLED: the override wins (configure_vertex(), dgraph_update_general()). */
  get enabled(): boolean {
    return this.override ?? this.enabledPersistent;
  }

  /** svcs -x "temporary": the override differs from the persistent value. */
  get temporary(): boolean {
    return this.override !== undefined && this.override !== this.enabledPersistent;
  }

  get running(): boolean {
    return this.state === 'online' || this.state === 'degraded';
  }
}
