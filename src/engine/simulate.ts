/**
 * The engine's public entry: validate a scenario, build its world, run
 * svc.startd to quiescence. The CLI and the browser call exactly this.
 */
import { validateScenario, type ValidationIssue } from '../model/scenario/validate.ts';
import type { Scenario } from '../model/scenario/types.ts';
import { createWorld } from '../model/world/create.ts';
import { simulateStartd, type SimulateOptions } from './startd.ts';
import type { Trace } from './trace.ts';

export type SimulationResult =
  | { ok: true; trace: Trace; scenario: Scenario; warnings: readonly ValidationIssue[] }
  | { ok: false; errors: readonly ValidationIssue[]; warnings: readonly ValidationIssue[] };

export function simulate(scenario: Scenario, options: SimulateOptions = {}): Trace {
  const world = options.world ?? createWorld(scenario);
  return simulateStartd(scenario, { ...options, ...(world === undefined ? {} : { world }) });
}

export function simulateUnknown(input: unknown, options: SimulateOptions = {}): SimulationResult {
  const v = validateScenario(input);
  if (!v.ok) return v;
  return { ok: true, trace: simulate(v.scenario, options), scenario: v.scenario, warnings: v.warnings };
}
