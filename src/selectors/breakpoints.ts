/**
 * Breakpoints for playback (issue 5): pause when a chosen service changes
 * state, or when any service enters maintenance. Pure: given the records the
 * playhead is about to pass, return the first one that should stop it.
 */
import type { Trace } from '../engine/index.ts';
import { shortFmri } from '../model/smf/fmri.ts';

export interface Breakpoints {
  readonly onMaintenance: boolean;
  /** Instance FMRIs: pause when any of them changes state. */
  readonly services: readonly string[];
}

export const NO_BREAKPOINTS: Breakpoints = { onMaintenance: false, services: [] };

export interface BreakHit {
  readonly index: number;
  readonly t: number;
  readonly fmri: string;
  readonly message: string;
}

/**
 * The first record after `fromIndex` and stamped ≤ `toT` that trips a
 * breakpoint. A "state change" is a change of state (offline → online), not
 * of next_state alone.
 */
export function findBreak(trace: Trace, fromIndex: number, toT: number, bp: Breakpoints): BreakHit | undefined {
  if (!bp.onMaintenance && bp.services.length === 0) return undefined;
  const watched = new Set(bp.services);
  const records = trace.records;
  for (let k = Math.max(0, fromIndex + 1); k < records.length; k++) {
    const r = records[k];
    if (r === undefined || r.t > toT) break;
    if (r.kind !== 'status' || r.from === r.to) continue;
    if (bp.onMaintenance && r.to === 'maintenance') {
      return { index: k, t: r.t, fmri: r.fmri, message: `Breakpoint: ${shortFmri(r.fmri)} entered maintenance.` };
    }
    if (watched.has(r.fmri)) {
      return { index: k, t: r.t, fmri: r.fmri, message: `Breakpoint: ${shortFmri(r.fmri)} went ${r.from} → ${r.to}.` };
    }
  }
  return undefined;
}

export function toggleServiceBreakpoint(bp: Breakpoints, fmri: string): Breakpoints {
  return bp.services.includes(fmri)
    ? { ...bp, services: bp.services.filter((s) => s !== fmri) }
    : { ...bp, services: [...bp.services, fmri] };
}
