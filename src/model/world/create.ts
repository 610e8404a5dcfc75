/**
 * The world a scenario describes. Without a `world` section, undefined: the
 * engine then uses the scenario's `files` and its method durations and exits.
 */
import type { Scenario } from '../scenario/types.ts';
import type { WorldRuntime } from './runtime.ts';

export function createWorld(scenario: Scenario): WorldRuntime | undefined {
  if (scenario.world === undefined) return undefined;
  return undefined;
}
