/**
 * The Compare view's two boots (issue 8): A is the boot on screen; B is its
 * next boot, the same boot with one condition changed, or with other seeded
 * timing (a timing explorer class, issue 17), derived exactly as
 * the app would show it (the run store's derive), then compared by the engine
 * (compareTraces: first divergence, per-instance outcomes). Memoised per
 * boot A and variant. Framework-free; B is simulated by the run store.
 */
import { compareTraces, type Comparison } from '../engine/compare.ts';
import { listConditions, type ConditionDef } from '../model/world/conditions.ts';
import { diffRows, pickCondition, type DiffRow } from '../selectors/compare-view.ts';
import { ganttRows } from '../selectors/gantt.ts';
import type { CompareSpec } from '../store/teach-slice.ts';
import type { Deriver, Run } from './derive-run.ts';
import { withCondition, type SessionDocument } from './document.ts';

export interface ComparisonView {
  readonly a: Run;
  readonly labelA: string;
  readonly labelB: string;
  /** The condition B changes (for the condition variant). */
  readonly condition?: { readonly def: ConditionDef; readonly value: string };
  readonly b?: Run;
  readonly comparison?: Comparison;
  readonly rows: readonly DiffRow[];
  /** Why B cannot be made (no next boot, no condition to change). */
  readonly unavailable?: string;
}

type Doc = Pick<SessionDocument, 'conditions' | 'interventions' | 'boot' | 'timing'>;

const CACHE = new WeakMap<Run, Map<string, ComparisonView>>();

export function comparisonFor(runs: Deriver, a: Run, doc: Doc, spec: CompareSpec): ComparisonView {
  let byKey = CACHE.get(a);
  if (byKey === undefined) {
    byKey = new Map();
    CACHE.set(a, byKey);
  }
  const key = JSON.stringify([spec, doc.conditions, doc.interventions, doc.boot, doc.timing]);
  const hit = byKey.get(key);
  if (hit !== undefined) return hit;
  const out = compute(runs, a, doc, spec);
  byKey.set(key, out);
  return out;
}

function compute(runs: Deriver, a: Run, doc: Doc, spec: CompareSpec): ComparisonView {
  const labelA = doc.timing === undefined ? `Boot ${a.boot + 1} — this boot` : `Boot ${a.boot + 1} — seed ${doc.timing.seed}`;
  let b: Run | undefined;
  let labelB: string;
  let condition: ComparisonView['condition'];
  if (spec.kind === 'next-boot') {
    labelB = `Boot ${a.boot + 2} — the next boot`;
    if (a.nextBootBlocked !== undefined) return { a, labelA, labelB, rows: [], unavailable: a.nextBootBlocked };
    b = runs.derive(a.base, { ...doc, boot: a.boot + 1 });
    if (b.boot !== a.boot + 1) return { a, labelA, labelB, rows: [], unavailable: b.nextBootBlocked ?? 'There is no next boot.' };
  } else if (spec.kind === 'timing') {
    labelB = spec.label;
    b = runs.derive(a.base, { ...doc, boot: a.boot, timing: { seed: spec.seed, jitter: spec.jitter } });
  } else {
    const pick = pickCondition(a.conditions, spec.id, spec.value);
    if (pick === undefined) return { a, labelA, labelB: 'One condition changed', rows: [], unavailable: 'This scenario has no condition to change.' };
    condition = pick;
    const own = listConditions(a.base).find((c) => c.id === pick.def.id)?.value;
    const label = pick.def.options.find((o) => o.value === pick.value)?.label ?? pick.value;
    labelB = `Boot ${a.boot + 1} with ${pick.def.label}: ${label}`;
    b = runs.derive(a.base, { ...doc, boot: a.boot, conditions: withCondition(doc.conditions, pick.def.id, pick.value, own) });
  }
  const comparison = compareTraces(a.trace, b.trace);
  const rows = diffRows(comparison, ganttRows(a.trace), ganttRows(b.trace));
  return { a, labelA, labelB, ...(condition === undefined ? {} : { condition }), b, comparison, rows };
}

