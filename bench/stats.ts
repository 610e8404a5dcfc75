/** Timing helpers for the benchmarks: warm-up, repetitions, medians. */
import { performance } from 'node:perf_hooks';

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

export interface TimeBudget {
  /** Keep warming up until this much time has passed (V8 optimises a function only after enough calls). */
  readonly warmupMs?: number;
  /** Keep measuring until this much time has passed (a fast input gets more repetitions)… */
  readonly measureMs?: number;
  /** …but never more than this many. */
  readonly maxReps?: number;
}

/**
 * At least `warmup` unmeasured runs and `reps` measured ones; with a budget,
 * more of each for a fast input, so that a 5 ms boot is measured once the JIT
 * has settled, as a 500 ms one is after its first few runs.
 */
export function timeIt(fn: () => void, reps: number, warmup: number, budget: TimeBudget = {}): number[] {
  const warmUntil = performance.now() + (warmup > 0 ? (budget.warmupMs ?? 0) : 0);
  for (let i = 0; i < warmup || performance.now() < warmUntil; i++) fn();
  const out: number[] = [];
  const measureUntil = performance.now() + (budget.measureMs ?? 0);
  const maxReps = Math.max(reps, budget.maxReps ?? reps);
  for (let i = 0; i < reps || (performance.now() < measureUntil && i < maxReps); i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export function fmt(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 100) return `${ms.toFixed(2)} ms`;
  return `${ms.toFixed(0)} ms`;
}
