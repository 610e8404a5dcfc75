/**
 * One tick of playback: move the playhead by real elapsed time × speed,
 * stopping at the first breakpoint passed or at the end of the trace. Pure.
 */
import type { Trace } from '../engine/index.ts';
import { findBreak, type BreakHit, type Breakpoints } from '../selectors/breakpoints.ts';
import { effectiveIndex, type Position } from '../selectors/playhead.ts';

export type Outcome = { readonly kind: 'continue' } | { readonly kind: 'ended' } | { readonly kind: 'break'; readonly hit: BreakHit };

export interface Tick {
  readonly pos: Position;
  readonly outcome: Outcome;
}

export function advance(trace: Trace, pos: Position, realMs: number, speed: number, bp: Breakpoints): Tick {
  const end = trace.endTime;
  if (pos.t >= end && effectiveIndex(trace.records, pos) >= trace.records.length - 1) return { pos, outcome: { kind: 'ended' } };
  const target = Math.min(end, pos.t + Math.max(0, realMs) * speed);
  const hit = findBreak(trace, effectiveIndex(trace.records, pos), target, bp);
  if (hit !== undefined) return { pos: { t: hit.t, index: hit.index }, outcome: { kind: 'break', hit } };
  const next: Position = { t: target };
  return { pos: next, outcome: target >= end ? { kind: 'ended' } : { kind: 'continue' } };
}
