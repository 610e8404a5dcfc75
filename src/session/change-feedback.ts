/**
 * Feedback after every change (issue 13): when a condition, a boot option, a
 * command or an edit re-simulates the boot, say what changed in the outcome
 * and keep the playhead where it means the same thing. Framework-free; the
 * app calls it whenever the run on screen is replaced by a run of the same
 * scenario and boot.
 *
 * Playhead policy, exactly as the issue states it: at the end of the boot it
 * stays at the end; elsewhere it stays on the same event if that event still
 * exists (the same instance's same state change or method run, counted in
 * order), else at the same time clamped to the new end; it is never past the
 * end.
 */
import { bootEvents, compareOutcomes, type BootEvent } from '../engine/compare.ts';
import type { InstanceStatus } from '../engine/trace.ts';
import type { Trace } from '../engine/trace.ts';
import { effectiveIndex, formatTime, type Position } from '../selectors/playhead.ts';

export interface EndsDifferently {
  readonly fmri: string;
  /** Final state before the change ("absent" if it was not in the repository). */
  readonly from: string;
  readonly to: string;
}

const FAILED: ReadonlySet<string> = new Set(['maintenance', 'degraded']);

export interface OutcomeChange {
  /** Services whose final state differs: those entering or leaving maintenance or degraded first, then in trace order. */
  readonly changed: readonly EndsDifferently[];
  readonly endBefore: number;
  readonly endAfter: number;
  /** "3 services end differently" or "No service ends differently". */
  readonly headline: string;
  /** How long the boot takes now (and took before, if that changed). */
  readonly length: string;
}

/**
 * How the outcome of a boot changed between two runs of it. `finals`: each
 * run's statuses at its end, if the caller has them (a run's seeker).
 */
export function outcomeChange(before: Trace, after: Trace, finals?: { readonly before: ReadonlyMap<string, InstanceStatus>; readonly after: ReadonlyMap<string, InstanceStatus> }): OutcomeChange {
  const changed: EndsDifferently[] = [];
  for (const o of compareOutcomes(before, after, finals?.before, finals?.after)) {
    if (o.differs !== 'state' && o.differs !== 'presence') continue;
    changed.push({ fmri: o.fmri, from: o.a?.state ?? 'absent', to: o.b?.state ?? 'absent' });
  }
  // Failures that appear or go away first (what the change was about), then the rest in trace order.
  const weight = (x: EndsDifferently): number => (FAILED.has(x.from) || FAILED.has(x.to) ? 0 : 1);
  changed.sort((x, y) => weight(x) - weight(y));
  const headline = changed.length === 0 ? 'No service ends differently' : `${changed.length === 1 ? '1 service ends' : `${changed.length} services end`} differently`;
  const length = before.endTime === after.endTime ? `The boot still takes ${formatTime(after.endTime)}.` : `The boot now takes ${formatTime(after.endTime)} (was ${formatTime(before.endTime)}).`;
  return { changed, endBefore: before.endTime, endAfter: after.endTime, headline, length };
}

const key = (e: BootEvent): string => `${e.fmri}\u0000${e.what}`;

/** How many of the two boots' administrator commands are the same, in order (same command, same instant). */
function commonActions(a: Trace, b: Trace): { before: (e: BootEvent, t: Trace) => number; common: number } {
  const actions = (t: Trace) => t.records.flatMap((r, index) => (r.kind === 'action' ? [{ index, key: `${r.t}\u0000${r.command}` }] : []));
  const la = actions(a);
  const lb = actions(b);
  let common = 0;
  while (common < la.length && common < lb.length && la[common]?.key === lb[common]?.key) common++;
  const before = (e: BootEvent, t: Trace): number => (t === a ? la : lb).filter((x) => x.index < e.index).length;
  return { before, common };
}

/** Where the playhead goes when `before` is replaced by `after` (the policy above). */
export function playheadAfterChange(before: Trace, after: Trace, pos: Position): Position {
  if (pos.t >= before.endTime && effectiveIndex(before.records, pos) >= before.records.length - 1) return { t: after.endTime };
  const at = effectiveIndex(before.records, pos);
  const events = bootEvents(before);
  let current: BootEvent | undefined;
  let nth = 0;
  for (const e of events) {
    if (e.index > at) break;
    current = e;
  }
  if (current !== undefined) {
    const k = key(current);
    for (const e of events) {
      if (e.index > current.index) break;
      if (key(e) === k) nth++;
    }
    // The same event: the same instance's same change, counted in order, after the same administrator commands
    // (the cache stopping because of a removed svcadm restart is not the cache stopping after a later fault).
    const acts = commonActions(before, after);
    const ctx = acts.before(current, before);
    let seen = 0;
    for (const e of bootEvents(after)) {
      if (key(e) !== k) continue;
      seen++;
      if (seen !== nth) continue;
      if (ctx > acts.common || acts.before(e, after) !== ctx) break;
      // The event kept its instant and the playhead was after everything at it (or between events): the same time shows the same event, and also what is new at that instant (a command just run).
      if (pos.index === undefined && e.t === current.t) return { t: Math.min(pos.t, after.endTime) };
      return { t: e.t, index: e.index };
    }
  }
  return { t: Math.min(pos.t, after.endTime) };
}
