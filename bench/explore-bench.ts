/**
 * The timing explorer (issue 17): 200 boots of the real 2009 illumos graph
 * with durations × [0.5, 1.5), as the Explore panel's worker runs them (the
 * same Explorer, in batches, with the per-boot facts the panel groups by).
 * "Cold" is the first exploration in a fresh process, as a freshly started
 * worker runs it (the JIT still warming up); "warm" the following ones. The
 * issue's target is ≤ 3 s in the worker.
 */
import { performance } from 'node:perf_hooks';
import { EXPLORE_DEFAULTS, Explorer, type FactsOf } from '../src/engine/explore.ts';
import type { Scenario } from '../src/model/scenario/types.ts';
import { median } from './stats.ts';

export interface ExploreBench {
  readonly input: string;
  readonly boots: number;
  readonly classes: number;
  readonly coldMs: number;
  readonly warmMs: readonly number[];
  readonly warmMedianMs: number;
  readonly perBootMs: number;
  readonly targetMs: 3000;
}

/** Runs as the worker does: batches of 10 boots. */
function exploreOnce(scenario: Scenario, factsOf: FactsOf | undefined): { ms: number; classes: number } {
  const t0 = performance.now();
  const e = new Explorer(scenario, EXPLORE_DEFAULTS, factsOf);
  while (!e.finished) e.runBoots(10);
  const classes = e.result().classes.length;
  return { ms: performance.now() - t0, classes };
}

export function benchExplorer(input: string, scenario: Scenario, quick: boolean, factsOf?: FactsOf): ExploreBench {
  const cold = exploreOnce(scenario, factsOf);
  const warm: number[] = [];
  for (let k = 0; k < (quick ? 1 : 5); k++) warm.push(exploreOnce(scenario, factsOf).ms);
  const m = median(warm);
  return { input, boots: EXPLORE_DEFAULTS.boots, classes: cold.classes, coldMs: cold.ms, warmMs: warm, warmMedianMs: m, perBootMs: m / EXPLORE_DEFAULTS.boots, targetMs: 3000 };
}
