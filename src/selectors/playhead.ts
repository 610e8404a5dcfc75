/**
 * The playhead over a trace. A position is a simulated instant `t` and,
 * optionally, a pinned record index at that instant, so that stepping can go
 * event by event through records that share one instant. Without a pin,
 * "at t" means after every record stamped ≤ t, exactly as the engine's seeker
 * defines it. Index -1 means "before any record" (the boot's initial state).
 * Pure.
 */
import type { TraceRecord } from '../engine/index.ts';

export interface Position {
  readonly t: number;
  /** A pinned record index stamped exactly `t` (or -1 at the very start); undefined = after all records at `t`. */
  readonly index?: number;
}

/** Index of the last record with record.t <= t (-1 if none). */
export function lastIndexAtOrBefore(records: readonly TraceRecord[], t: number): number {
  let lo = 0;
  let hi = records.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = records[mid];
    if (r !== undefined && r.t <= t) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/** The pin, if it is still valid for these records (a re-simulation may invalidate it). */
export function validPin(records: readonly TraceRecord[], pos: Position): number | undefined {
  const i = pos.index;
  if (i === undefined) return undefined;
  if (i === -1) {
    const first = records[0];
    return first === undefined || first.t >= pos.t ? -1 : undefined;
  }
  return records[i]?.t === pos.t ? i : undefined;
}

/** The index of the last record whose effects are shown (-1: none yet). */
export function effectiveIndex(records: readonly TraceRecord[], pos: Position): number {
  return validPin(records, pos) ?? lastIndexAtOrBefore(records, pos.t);
}

/** One record forward; undefined at the end. */
export function stepForward(records: readonly TraceRecord[], pos: Position): Position | undefined {
  const i = effectiveIndex(records, pos) + 1;
  const next = records[i];
  return next === undefined ? undefined : { t: next.t, index: i };
}

/** One record back; undefined when already before every record. */
export function stepBack(records: readonly TraceRecord[], pos: Position): Position | undefined {
  const i = effectiveIndex(records, pos);
  if (i < 0) return pos.t > 0 ? { t: 0, index: -1 } : undefined;
  const prev = records[i - 1];
  return prev === undefined ? { t: 0, index: -1 } : { t: prev.t, index: i - 1 };
}

/** The end of the current instant if pinned inside it, else the next instant at which anything happens. */
export function nextInstant(records: readonly TraceRecord[], pos: Position): Position | undefined {
  const pin = validPin(records, pos);
  if (pin !== undefined && lastIndexAtOrBefore(records, pos.t) > pin) return { t: pos.t };
  const k = lastIndexAtOrBefore(records, pos.t) + 1;
  const next = records[k];
  return next === undefined ? undefined : { t: next.t };
}

/** The previous instant at which anything happened (the initial state before the first). */
export function prevInstant(records: readonly TraceRecord[], pos: Position): Position | undefined {
  let k = lastIndexAtOrBefore(records, pos.t);
  while (k >= 0 && (records[k]?.t ?? -1) >= pos.t) k--;
  const prev = records[k];
  if (prev !== undefined) return { t: prev.t };
  return effectiveIndex(records, pos) === -1 ? undefined : { t: 0, index: -1 };
}

/** Distinct instants at which records happen, ascending (scrubber ticks). */
export function instants(records: readonly TraceRecord[]): number[] {
  const out: number[] = [];
  for (const r of records) if (out[out.length - 1] !== r.t) out.push(r.t);
  return out;
}

export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100] as const;

export function faster(speed: number): number {
  return SPEEDS.find((s) => s > speed + 1e-9) ?? 100;
}

export function slower(speed: number): number {
  let out: number = SPEEDS[0];
  for (const s of SPEEDS) if (s < speed - 1e-9) out = s;
  return out;
}

export function formatSpeed(speed: number): string {
  return `${speed}×`;
}

/** "1.300 s", "45 ms", "2 min 05.300 s". */
export function formatTime(ms: number): string {
  const v = Math.max(0, Math.round(ms));
  if (v < 1000) return `${v} ms`;
  if (v < 60_000) return `${(v / 1000).toFixed(3)} s`;
  const m = Math.floor(v / 60_000);
  const s = (v - m * 60_000) / 1000;
  return `${m} min ${s.toFixed(3).padStart(6, '0')} s`;
}

/** Parse what a user types into the time box: "5020", "5.02s", "5.02 s", "300ms", "1 min 2 s". */
export function parseTime(text: string): number | undefined {
  const s = text.trim().toLowerCase().replace(/,/g, '.');
  if (s === '') return undefined;
  const plain = /^(\d+(?:\.\d+)?)$/.exec(s);
  if (plain !== null) return Math.round(Number(plain[1]));
  let total = 0;
  let matched = false;
  const re = /(\d+(?:\.\d+)?)\s*(ms|s|sec|min|m)\b/g;
  let rest = s;
  for (const m of s.matchAll(re)) {
    matched = true;
    const v = Number(m[1]);
    const unit = m[2];
    total += unit === 'ms' ? v : unit === 'min' || unit === 'm' ? v * 60_000 : v * 1000;
    rest = rest.replace(m[0], '');
  }
  if (!matched || rest.trim() !== '') return undefined;
  return Math.round(total);
}
