/**
 * The session's one door to the engine's simulate(): a simulator with a
 * small cache keyed by the scenario's content, so simulating the same
 * scenario again (toggling a condition back, a comparison of the boot on
 * screen) costs nothing. The run store owns one (run-store.ts); the worker
 * owns one (worker/run-worker.ts). No other module of the app calls
 * simulate() (src/architecture.test.ts).
 */
import { simulate } from '../engine/index.ts';
import type { Trace } from '../engine/index.ts';
import type { Scenario } from '../model/scenario/types.ts';

export interface Simulated {
  readonly trace: Trace;
  /** Wall time spent simulating (0 for a cache hit). */
  readonly ms: number;
}

export interface Simulator {
  run(scenario: Scenario): Simulated;
}

export function createSimulator(opts: { readonly now?: () => number; readonly cacheSize?: number } = {}): Simulator {
  const now = opts.now ?? (() => performance.now());
  const size = opts.cacheSize ?? 12;
  const cache = new Map<string, Trace>();
  return {
    run(scenario) {
      const key = JSON.stringify(scenario);
      const hit = cache.get(key);
      if (hit !== undefined) {
        cache.delete(key);
        cache.set(key, hit);
        return { trace: hit, ms: 0 };
      }
      const started = now();
      const trace = simulate(scenario);
      const ms = now() - started;
      cache.set(key, trace);
      while (cache.size > size) {
        const oldest = cache.keys().next().value;
        if (oldest === undefined) break;
        cache.delete(oldest);
      }
      return { trace, ms };
    },
  };
}
