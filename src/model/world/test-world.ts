/**
 * Helpers for the world model's unit tests: a scenario around a world spec,
 * and running one method model or command against it without the engine.
 */
import type { Scenario } from '../scenario/types.ts';
import { modelFor } from './methods/index.ts';
import type { MethodOutcome } from './methods/types.ts';
import type { WorldChange } from './runtime.ts';
import { WorldState } from './state.ts';
import type { WorldSpec } from './types.ts';

export function worldScenario(world: WorldSpec, extra: Partial<Scenario> = {}): Scenario {
  return { format: 'bootgraph/1', name: 'world test', era: '2009', services: [], world, ...extra };
}

/** Run the start method model of `fmri`: its outcome, and the changes of its effect (applied at t). */
export function runModel(world: WorldState, fmri: string, t = 0): MethodOutcome & { changes: WorldChange[] } {
  const model = modelFor(world.spec, fmri, undefined);
  if (model === undefined) throw new Error(`no model for ${fmri}`);
  const o = model(world, { fmri, method: 'start', attempt: 1, t, exec: '' });
  return { ...o, changes: o.effect === undefined ? [] : o.effect(t + o.duration) };
}

export function state(world: WorldSpec, extra: Partial<Scenario> = {}): WorldState {
  return new WorldState(worldScenario(world, extra));
}
