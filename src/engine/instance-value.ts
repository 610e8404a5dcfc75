/**
 * The value of an instance as a dependency target: graph.c's
 * dependency_satisfied() for an instance vertex (docs/smf-semantics.md §3.3).
 * The one place this rule lives: the evaluators (satisfiability.ts), the
 * engine's memo invalidation and can_come_up() all ask it.
 *
 * 'deep' means the answer is instance_satisfied(v, B_TRUE) folded to 0 / −1:
 * an offline instance, or one that is enabled but still in disabled (its
 * ENABLE is on the way), is worth what its own dependencies can still become.
 */
import type { InstanceState } from '../model/smf/states.ts';
import type { EraRules } from '../model/smf/era-rules.ts';

export type Sat = 1 | 0 | -1;

/** What the rule reads of an instance (InstanceRuntime has all of it). */
export interface ValuedInstance {
  readonly configured: boolean;
  readonly deathrow: boolean;
  readonly toDisable: boolean;
  readonly toOffline: boolean;
  readonly state: InstanceState;
  readonly enabled: boolean;
}

export function instanceValue(i: ValuedInstance | undefined, sat: boolean, rules: EraRules): Sat | 'deep' {
  // Not GV_CONFIGURED: absent from the repository or without general/enabled; deathrow counts as satisfied.
  if (i === undefined || !i.configured) return i !== undefined && i.deathrow ? 1 : -1;
  if (rules.subtreeValue === 'split') {
    // "Any vertex with the GV_TODISABLE flag set is guaranteed to have its
    // dependencies unsatisfiable. Any vertex with GV_TOOFFLINE may be
    // satisfied after it transitions."
    if (i.toDisable) return -1;
    if (i.toOffline) return 0;
  } else if (i.toOffline) return -1;
  switch (i.state) {
    case 'online':
    case 'degraded':
      return 1;
    case 'offline':
      return sat ? 'deep' : 0;
    case 'disabled':
      if (!sat) return 0;
      return i.enabled ? 'deep' : -1;
    case 'maintenance':
      return -1;
    case 'uninitialized':
      return 0;
  }
}
