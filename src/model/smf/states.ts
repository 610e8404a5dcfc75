/**
 * Instance states and the vocabulary svc.startd writes (docs/smf-semantics.md §2.1, §8.3).
 */
export const INSTANCE_STATES = ['uninitialized', 'offline', 'online', 'degraded', 'maintenance', 'disabled'] as const;
export type InstanceState = (typeof INSTANCE_STATES)[number];

/** `next_state` while a method runs; `none` otherwise (§2.1). */
export type NextState = InstanceState | 'none';

/** "Running" everywhere means online or degraded (graph.c: inst_running()). */
export function isRunning(s: InstanceState): boolean {
  return s === 'online' || s === 'degraded';
}

/**
 * Auxiliary-state / reason short forms (librestart.c reason table, §8.3).
 * These are the `reason` strings in bootgraph traces.
 */
export const REASONS = [
  'none',
  'administrative_request',
  'bad_repo_state',
  'clear_request',
  'ct_ev_core',
  'ct_ev_exit',
  'ct_ev_hwerr',
  'ct_ev_signal',
  'dependencies_satisfied',
  'dependency_activity',
  'dependency_cycle',
  'disable_request',
  'enable_request',
  'fault_threshold_reached',
  'insert_in_graph',
  'invalid_dependency',
  'invalid_restarter',
  'method_failed',
  'per_configuration',
  'restart_request',
  'restarting_too_quickly',
  'service_request',
  // Not written by svc.startd as an aux state, but needed to narrate a trace:
  'start_request',
  'milestone_request',
  'refresh_request',
] as const;
export type Reason = (typeof REASONS)[number];

export const GROUPINGS = ['require_all', 'require_any', 'optional_all', 'exclude_all'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export const RESTART_ONS = ['none', 'error', 'restart', 'refresh'] as const;
export type RestartOn = (typeof RESTART_ONS)[number];

/**
 * restarter_error_t, "ordered by severity" and compared numerically (§4.1).
 * RERR_NONE 0, RERR_FAULT 1 (error), RERR_RESTART 2, RERR_REFRESH 3.
 */
export const RERR = { none: 0, fault: 1, restart: 2, refresh: 3 } as const;
export type Rerr = (typeof RERR)[keyof typeof RERR];

export function restartOnSeverity(r: RestartOn): Rerr {
  switch (r) {
    case 'none':
      return RERR.none;
    case 'error':
      return RERR.fault;
    case 'restart':
      return RERR.restart;
    case 'refresh':
      return RERR.refresh;
  }
}

export const SERVICE_MODELS = ['transient', 'contract', 'wait'] as const;
export type ServiceModel = (typeof SERVICE_MODELS)[number];

/** FAULT_THRESHOLD in startd.h: the third consecutive retryable failure means maintenance. */
export const FAULT_THRESHOLD = 3;
/* RINST_START_TIMES / RINST_FAILURE_RATE_NS (§7.3) differ by era: era-rules.ts. */
