/**
 * Element diffing (react-cytoscapejs's patch idea, typed): what to add,
 * remove and update to turn one element list into the next. The adapter
 * applies the result inside one cy.batch(). Pure.
 */
import type { ElementData, ElementDef } from './to-elements.ts';

export interface ElementUpdate {
  readonly id: string;
  /** Changed data fields only (undefined when the data is unchanged). */
  readonly data?: ElementData;
  /** The new class string (undefined when unchanged). */
  readonly classes?: string;
}

export interface ElementDiff {
  readonly add: readonly ElementDef[];
  readonly remove: readonly string[];
  readonly update: readonly ElementUpdate[];
}

function changedData(a: ElementData, b: ElementData): ElementData | undefined {
  let out: Record<string, string | number> | undefined;
  for (const k of Object.keys(b)) {
    const v = b[k];
    if (v !== undefined && a[k] !== v) (out ??= {})[k] = v;
  }
  return out;
}

/** Structural change (an edge's endpoints, a node's compound parent) cannot be patched in cytoscape: remove and re-add. */
function endpointsChanged(a: ElementDef, b: ElementDef): boolean {
  if (a.group === 'nodes') return a.data['parent'] !== b.data['parent'] || a.data['compound'] !== b.data['compound'];
  return a.data['source'] !== b.data['source'] || a.data['target'] !== b.data['target'];
}

/**
 * The common case while a boot plays: the same elements in the same order
 * (only states changed). Compared pairwise, skipping shared objects, with no
 * maps; undefined when the lists are not aligned (the general diff decides).
 */
function alignedUpdates(prev: readonly ElementDef[], next: readonly ElementDef[]): ElementUpdate[] | undefined {
  if (prev.length !== next.length) return undefined;
  const update: ElementUpdate[] = [];
  for (let i = 0; i < next.length; i++) {
    const a = prev[i];
    const b = next[i];
    if (a === b) continue;
    if (a === undefined || b === undefined || a.data.id !== b.data.id || a.group !== b.group || endpointsChanged(a, b)) return undefined;
    const data = changedData(a.data, b.data);
    const classes = a.classes === b.classes ? undefined : b.classes;
    if (data !== undefined || classes !== undefined) {
      update.push({ id: b.data.id, ...(data === undefined ? {} : { data }), ...(classes === undefined ? {} : { classes }) });
    }
  }
  return update;
}

export function diffElements(prev: readonly ElementDef[], next: readonly ElementDef[]): ElementDiff {
  const aligned = alignedUpdates(prev, next);
  if (aligned !== undefined) return { add: [], remove: [], update: aligned };
  const before = new Map(prev.map((e) => [e.data.id, e]));
  const after = new Set(next.map((e) => e.data.id));
  const add: ElementDef[] = [];
  const remove: string[] = [];
  const update: ElementUpdate[] = [];
  for (const e of prev) if (!after.has(e.data.id)) remove.push(e.data.id);
  for (const e of next) {
    const old = before.get(e.data.id);
    if (old === undefined) {
      add.push(e);
      continue;
    }
    if (old.group !== e.group || endpointsChanged(old, e)) {
      remove.push(e.data.id);
      add.push(e);
      continue;
    }
    const data = changedData(old.data, e.data);
    const classes = old.classes === e.classes ? undefined : e.classes;
    if (data !== undefined || classes !== undefined) {
      update.push({ id: e.data.id, ...(data === undefined ? {} : { data }), ...(classes === undefined ? {} : { classes }) });
    }
  }
  return { add, remove, update };
}

export function isEmptyDiff(d: ElementDiff): boolean {
  return d.add.length === 0 && d.remove.length === 0 && d.update.length === 0;
}
