/**
 * The controls a tour step refers to (issue 12): the condition its "try it"
 * changes, every condition whose label its text names ("Set the default
 * milestone to none"), and the boot stepper when it says "Next boot". The
 * tour panel scrolls them into view and highlights them. Computed from the
 * step and the scenario's conditions, never listed per tour. Pure.
 */
import type { ConditionDef } from '../../model/world/conditions.ts';
import type { TourStep } from '../../teaching/tour-types.ts';

/** data-testid values of the controls, in the order they are mentioned. */
export function stepControls(step: TourStep, conditions: readonly Pick<ConditionDef, 'id' | 'label'>[]): string[] {
  const out: string[] = [];
  const add = (id: string): void => {
    if (!out.includes(id)) out.push(id);
  };
  const text = `${step.text} ${step.try?.question ?? ''}`.toLowerCase();
  if (step.try?.condition !== undefined) add(`condition.${step.try.condition.id}`);
  // "Which fix removes it?": each choice's own condition.
  for (const c of step.try?.choices ?? []) if (c.condition !== undefined) add(`condition.${c.condition.id}`);
  const named = conditions
    .map((c) => ({ c, at: text.indexOf(c.label.toLowerCase()) }))
    .filter((x) => x.c.label.length >= 8 && x.at >= 0)
    .sort((a, b) => a.at - b.at);
  for (const { c } of named) add(`condition.${c.id}`);
  if (/\bnext boot\b/.test(text)) add('boot.next');
  return out;
}
