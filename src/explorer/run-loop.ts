/**
 * The explorer's batch loop, the same in the worker and in the page (where
 * there is no Worker, e.g. unit tests): run boots for about one slice of
 * wall time, report progress, give way (so a cancel can arrive), repeat.
 */
import { Explorer, type Exploration, type ExploreParams } from '../engine/explore.ts';
import { hazardFacts } from '../engine/hazards.ts';
import type { Scenario } from '../model/scenario/types.ts';

export interface LoopHooks {
  progress(done: number, total: number, classes: number): void;
  cancelled(): boolean;
  /** Give way to the event loop (a cancel message, a paint). */
  pause(): Promise<void>;
  now(): number;
}

/** Wall time per batch before progress is reported and the loop gives way. */
const SLICE_MS = 40;

/** Runs the whole exploration; undefined if cancelled. */
export async function exploreInSlices(scenario: Scenario, params: ExploreParams, hooks: LoopHooks): Promise<Exploration | undefined> {
  const e = new Explorer(scenario, params, hazardFacts);
  hooks.progress(0, params.boots, 0);
  // Give way before the first slice too: the caller gets its job handle before any boot runs.
  await hooks.pause();
  if (hooks.cancelled()) return undefined;
  while (!e.finished) {
    const started = hooks.now();
    do e.runBoots(1);
    while (!e.finished && hooks.now() - started < SLICE_MS);
    hooks.progress(e.booted, params.boots, e.classCount);
    await hooks.pause();
    if (hooks.cancelled()) return undefined;
  }
  return e.result();
}
