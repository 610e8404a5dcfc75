/**
 * The scenario that is actually simulated: the base scenario with the user's
 * condition choices applied (through the world model's setCondition) and the
 * user's interventions appended to its timed actions. Pure.
 */
import { parseAction } from '../model/scenario/actions.ts';
import type { ActionSpec, Scenario } from '../model/scenario/types.ts';
import { listConditions, setCondition } from '../model/world/conditions.ts';
import type { Intervention } from './document.ts';

export interface Applied {
  readonly scenario: Scenario;
  /** Problems, one line each (an unknown condition, an unparsable command). */
  readonly errors: readonly string[];
}

/** Conditions in the order the scenario lists them, then any others by id. */
function conditionOrder(base: Scenario, conditions: Readonly<Record<string, string>>): string[] {
  const listed = listConditions(base).map((c) => c.id);
  const rest = Object.keys(conditions).filter((id) => !listed.includes(id)).sort();
  return [...listed.filter((id) => id in conditions), ...rest];
}

export function applyConditions(base: Scenario, conditions: Readonly<Record<string, string>>): Applied {
  let scenario = base;
  const errors: string[] = [];
  for (const id of conditionOrder(base, conditions)) {
    const value = conditions[id];
    if (value === undefined) continue;
    const r = setCondition(scenario, id, value);
    if (r.ok) scenario = r.scenario;
    else errors.push(r.error);
  }
  return { scenario, errors };
}

export function applyInterventions(scenario: Scenario, interventions: readonly Intervention[]): Applied {
  if (interventions.length === 0) return { scenario, errors: [] };
  const errors: string[] = [];
  const added: ActionSpec[] = [];
  for (const iv of interventions) {
    const p = parseAction(iv.run);
    if (!p.ok) {
      errors.push(`${iv.run}: ${p.error}`);
      continue;
    }
    added.push({ at: Math.max(0, Math.round(iv.at)), run: iv.run });
  }
  const actions = [...(scenario.actions ?? []), ...added]
    .map((a, i) => ({ a, i }))
    .sort((x, y) => x.a.at - y.a.at || x.i - y.i)
    .map((x) => x.a);
  return { scenario: { ...scenario, actions }, errors };
}
