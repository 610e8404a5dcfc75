/**
 * The Compare view's rows (issue 8): every instance whose outcome differs
 * between boot A and boot B, most telling first (a different final state,
 * then appearing or disappearing, then a different time), each with a short
 * description of what changed and its bars in both boots; and the choices
 * for "this boot with one condition changed". Pure.
 */
import type { Comparison, OutcomeRow } from '../engine/compare.ts';
import type { ConditionDef } from '../model/world/conditions.ts';
import { formatTime } from './playhead.ts';
import type { GanttBar, GanttRow } from './gantt.ts';

export interface DiffRow {
  readonly fmri: string;
  readonly outcome: OutcomeRow;
  /** e.g. "maintenance → online", "online 2.900 s earlier", "only in B". */
  readonly change: string;
  readonly barsA: readonly GanttBar[];
  readonly barsB: readonly GanttBar[];
}

const RANK: Readonly<Record<OutcomeRow['differs'], number>> = { state: 0, presence: 1, time: 2, none: 3 };

export function describeChange(o: OutcomeRow): string {
  const a = o.a;
  const b = o.b;
  if (a === undefined && b === undefined) return 'absent in both';
  if (a === undefined) return 'only in B';
  if (b === undefined) return 'only in A';
  if (a.state !== b.state) return `${a.state} → ${b.state}`;
  if (a.since === b.since) return 'same';
  const d = b.since - a.since;
  return `${a.state} ${formatTime(Math.abs(d))} ${d < 0 ? 'earlier' : 'later'}`;
}

/** Rows that differ, state changes first; within a kind, in A's start order (then B's). */
export function diffRows(c: Comparison, ganttA: readonly GanttRow[], ganttB: readonly GanttRow[]): DiffRow[] {
  const orderA = new Map(ganttA.map((r, i) => [r.fmri, i]));
  const orderB = new Map(ganttB.map((r, i) => [r.fmri, i]));
  const barsA = new Map(ganttA.map((r) => [r.fmri, r.bars]));
  const barsB = new Map(ganttB.map((r) => [r.fmri, r.bars]));
  const pos = (f: string): number => orderA.get(f) ?? ganttA.length + (orderB.get(f) ?? 0);
  return c.outcomes
    .filter((o) => o.differs !== 'none')
    .sort((x, y) => RANK[x.differs] - RANK[y.differs] || pos(x.fmri) - pos(y.fmri) || x.fmri.localeCompare(y.fmri))
    .map((o) => ({ fmri: o.fmri, outcome: o, change: describeChange(o), barsA: barsA.get(o.fmri) ?? [], barsB: barsB.get(o.fmri) ?? [] }));
}

export interface DiffCounts {
  readonly state: number;
  readonly presence: number;
  readonly time: number;
}

export function diffCounts(rows: readonly DiffRow[]): DiffCounts {
  let state = 0;
  let presence = 0;
  let time = 0;
  for (const r of rows) {
    if (r.outcome.differs === 'state') state++;
    else if (r.outcome.differs === 'presence') presence++;
    else if (r.outcome.differs === 'time') time++;
  }
  return { state, presence, time };
}

/** Conditions that can be changed for a comparison (the boot stepper is the "next boot" variant, not a condition). */
export function comparableConditions(defs: readonly ConditionDef[]): ConditionDef[] {
  return defs.filter((d) => !d.options.some((o) => o.action !== undefined) && d.options.filter((o) => o.value !== d.value).length > 0);
}

/** The other values a condition can take (what B can set it to). */
export function otherValues(def: ConditionDef): ConditionDef['options'] {
  return def.options.filter((o) => o.value !== def.value && o.action === undefined);
}

/**
 * The condition and value B uses: the requested ones if they are valid for
 * this scenario, else the first changeable world condition (the scenario's
 * story: devices, filesystems, network…), else the first boot control, with
 * its first other value.
 */
export function pickCondition(defs: readonly ConditionDef[], id: string | undefined, value: string | undefined): { def: ConditionDef; value: string } | undefined {
  const list = comparableConditions(defs);
  const def = list.find((x) => x.id === id) ?? list.find((x) => x.group !== 'boot') ?? list[0];
  if (def === undefined) return undefined;
  const others = otherValues(def);
  const v = others.find((o) => o.value === value)?.value ?? others[0]?.value;
  return v === undefined ? undefined : { def, value: v };
}
