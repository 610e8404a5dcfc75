import type { CommandResult } from '../runtime.ts';
import type { WorldState } from '../state.ts';

/** A command a scenario action (or the user) runs against the world at simulated time t. */
export type WorldCommand = (world: WorldState, args: readonly string[], t: number) => CommandResult;

export function fail(...output: string[]): CommandResult {
  return { ok: false, output, changes: [] };
}
