/**
 * The engine's public entry: build a (validated) scenario's world and run
 * svc.startd to quiescence. The CLI and the browser call exactly this.
 */
import type { Scenario } from '../model/scenario/types.ts';
import { createWorld } from '../model/world/create.ts';
import { simulateStartd, type SimulateOptions } from './startd.ts';
import type { Trace } from './trace.ts';

export function simulate(scenario: Scenario, options: SimulateOptions = {}): Trace {
  const world = options.world ?? createWorld(scenario);
  return simulateStartd(scenario, { ...options, ...(world === undefined ? {} : { world }) });
}
