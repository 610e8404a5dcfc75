/**
 * svc.startd's restarter half for one instance (restarter.c), as an XState v5
 * machine. The top-level states are the SMF states (docs/smf-semantics.md §2.1); the
 * child states say what `next_state` is while a method runs:
 *
 *   offline.waiting              offline, next_state none
 *   offline.starting             offline*, next_state online: the start method runs
 *   online.running               online
 *   online.stopping.toOffline    online*, next_state offline (stop method runs)
 *   online.stopping.toDisabled   online*, next_state disabled
 *   online.stopping.toMaintenance online*, next_state maintenance
 *   online.refreshing            online, the refresh method runs (state unchanged)
 *   (degraded mirrors online)
 *
 * The machine is context-free: the scheduler (startd.ts) classifies method
 * results and decides what the graph sends, so each (state, event) pair has
 * exactly one answer. That lets the engine compile the machine into a lookup
 * table (restarter-table.ts) and step thousands of instances without actors
 * (issue 7: the design of the hot loop decides the speed).
 *
 * Entry actions name the side effects the scheduler performs:
 * runStartMethod, runStopMethod, runRefreshMethod, resetStartTimes.
 */
import { setup } from 'xstate';

export type RestarterEvent =
  // From the graph engine (librestart.h RESTARTER_EVENT_TYPE_*), §2.2.
  | { type: 'ENABLE' }
  | { type: 'DISABLE' }
  | { type: 'ADMIN_DISABLE' }
  | { type: 'START' }
  | { type: 'STOP' }
  | { type: 'STOP_RESET' }
  | { type: 'ADMIN_MAINT_ON' }
  | { type: 'ADMIN_MAINT_ON_IMMEDIATE' }
  | { type: 'ADMIN_MAINT_OFF' }
  | { type: 'ADMIN_RESTART' }
  | { type: 'ADMIN_REFRESH' }
  | { type: 'ADMIN_DEGRADED' }
  | { type: 'ADMIN_RESTORE' }
  | { type: 'DEPENDENCY_CYCLE' }
  | { type: 'INVALID_DEPENDENCY' }
  // Method outcomes, classified by method.c rules (§7.3) before they are sent.
  | { type: 'METHOD_OK' }
  | { type: 'METHOD_DEGRADED' }
  | { type: 'METHOD_RETRY' }
  | { type: 'METHOD_FATAL' }
  // Contract / wait-child events (§2.2, §7.4).
  | { type: 'CONTRACT_EMPTY' }
  | { type: 'CONTRACT_FAULT' }
  | { type: 'CHILD_EXIT' }
  | { type: 'CHILD_CONFIG_ERROR' }
  // A wait-model service is online as soon as its child is forked.
  | { type: 'CHILD_FORKED' };

export type RestarterEventType = RestarterEvent['type'];

export const RESTARTER_EVENT_TYPES: readonly RestarterEventType[] = [
  'ENABLE', 'DISABLE', 'ADMIN_DISABLE', 'START', 'STOP', 'STOP_RESET', 'ADMIN_MAINT_ON', 'ADMIN_MAINT_ON_IMMEDIATE',
  'ADMIN_MAINT_OFF', 'ADMIN_RESTART', 'ADMIN_REFRESH', 'ADMIN_DEGRADED', 'ADMIN_RESTORE', 'DEPENDENCY_CYCLE',
  'INVALID_DEPENDENCY', 'METHOD_OK', 'METHOD_DEGRADED', 'METHOD_RETRY', 'METHOD_FATAL', 'CONTRACT_EMPTY',
  'CONTRACT_FAULT', 'CHILD_EXIT', 'CHILD_CONFIG_ERROR', 'CHILD_FORKED',
];

/** A stop method running towards `target`; a retryable failure re-runs it at once (§7.3). */
function stoppingLeaf<T extends string, S extends string>(target: T, self: S) {
  return {
    entry: 'runStopMethod',
    on: {
      METHOD_OK: target,
      METHOD_DEGRADED: target,
      METHOD_RETRY: { target: self, reenter: true },
      METHOD_FATAL: '#restarter.maintenance',
    },
  } as const;
}

/** The same sub-machine for online and degraded: both are "running" (§2.1). */
function runningState(self: 'online' | 'degraded') {
  return {
    initial: 'running',
    states: {
      running: {
        on: {
          // stop_instance(RSTOP_DEPENDENCY); STOP_RESET also clears the start times.
          STOP: 'stopping.toOffline',
          STOP_RESET: { target: 'stopping.toOffline', actions: 'resetStartTimes' },
          // enable_inst(): disable of a running instance runs its stop method.
          DISABLE: 'stopping.toDisabled',
          ADMIN_DISABLE: { target: 'stopping.toDisabled', actions: 'resetStartTimes' },
          // stop_instance(RSTOP_RESTART) then reset_start_times().
          ADMIN_RESTART: { target: 'stopping.toOffline', actions: 'resetStartTimes' },
          // ADMIN_RESTORE is handled exactly like ADMIN_RESTART (§2.2).
          ADMIN_RESTORE: { target: 'stopping.toOffline', actions: 'resetStartTimes' },
          ADMIN_MAINT_ON: 'stopping.toMaintenance',
          ADMIN_MAINT_ON_IMMEDIATE: '#restarter.maintenance',
          ADMIN_REFRESH: 'refreshing',
          // degrade_instance(): only from online.
          ...(self === 'online' ? { ADMIN_DEGRADED: '#restarter.degraded' } : {}),
          // Contract events (contract model only; the scheduler drops them for transient).
          CONTRACT_EMPTY: '#restarter.offline',
          CONTRACT_FAULT: 'stopping.toOffline',
          // Wait model: the child exited; no stop method (§2.2).
          CHILD_EXIT: '#restarter.offline',
          CHILD_CONFIG_ERROR: '#restarter.maintenance',
          DEPENDENCY_CYCLE: '#restarter.maintenance',
          INVALID_DEPENDENCY: '#restarter.maintenance',
        },
      },
      refreshing: {
        entry: 'runRefreshMethod',
        on: {
          METHOD_OK: 'running',
          METHOD_DEGRADED: 'running',
          METHOD_RETRY: { target: 'refreshing', reenter: true },
          METHOD_FATAL: '#restarter.maintenance',
        },
      },
      stopping: {
        initial: 'toOffline',
        states: {
          toOffline: stoppingLeaf('#restarter.offline', 'toOffline'),
          toDisabled: stoppingLeaf('#restarter.disabled', 'toDisabled'),
          toMaintenance: stoppingLeaf('#restarter.maintenance', 'toMaintenance'),
        },
      },
    },
  } as const;
}

export const restarterMachine = setup({
  types: {
    events: {} as RestarterEvent,
  },
  actions: {
    // Performed by the scheduler, which reads the action names from the compiled table.
    runStartMethod: () => undefined,
    runStopMethod: () => undefined,
    runRefreshMethod: () => undefined,
    resetStartTimes: () => undefined,
  },
}).createMachine({
  id: 'restarter',
  initial: 'uninitialized',
  states: {
    uninitialized: {
      on: {
        ENABLE: 'offline',
        DISABLE: 'disabled',
        ADMIN_DISABLE: 'disabled',
        DEPENDENCY_CYCLE: 'maintenance',
        INVALID_DEPENDENCY: 'maintenance',
        ADMIN_MAINT_ON: 'maintenance',
        ADMIN_MAINT_ON_IMMEDIATE: 'maintenance',
      },
    },
    offline: {
      initial: 'waiting',
      states: {
        waiting: {
          on: {
            // start_instance(): only offline instances start (§2.2).
            START: 'starting',
          },
        },
        starting: {
          entry: 'runStartMethod',
          on: {
            METHOD_OK: '#restarter.online',
            METHOD_DEGRADED: '#restarter.degraded',
            // method_thread(): retryable failures are re-run at once, no state change (§7.3).
            METHOD_RETRY: { target: 'starting', reenter: true },
            METHOD_FATAL: '#restarter.maintenance',
            CHILD_FORKED: '#restarter.online',
          },
        },
      },
      on: {
        DISABLE: '#restarter.disabled',
        ADMIN_DISABLE: '#restarter.disabled',
        ADMIN_MAINT_ON: '#restarter.maintenance',
        ADMIN_MAINT_ON_IMMEDIATE: '#restarter.maintenance',
        DEPENDENCY_CYCLE: '#restarter.maintenance',
        INVALID_DEPENDENCY: '#restarter.maintenance',
      },
    },
    online: runningState('online'),
    degraded: runningState('degraded'),
    maintenance: {
      on: {
        // unmaintain_instance(RUNMAINT_CLEAR / RUNMAINT_DISABLE) → uninitialized.
        ADMIN_MAINT_OFF: { target: 'uninitialized', actions: 'resetStartTimes' },
        ADMIN_DISABLE: 'uninitialized',
      },
    },
    disabled: {
      on: {
        ENABLE: 'offline',
        ADMIN_MAINT_ON: 'maintenance',
        ADMIN_MAINT_ON_IMMEDIATE: 'maintenance',
        DEPENDENCY_CYCLE: 'maintenance',
        INVALID_DEPENDENCY: 'maintenance',
      },
    },
  },
});
