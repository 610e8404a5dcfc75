/**
 * Precomputed layouts. The built-in presets' default views are laid out by
 * ELK when the project is built (`npm run layouts`, scripts/precompute-layouts.ts),
 * with the same input and options as the worker, and shipped beside each
 * preset. The app registers them when a preset loads, so its graph opens in
 * its final layout at once: no worker start, no second arrangement a second
 * later. A structure with no seed (an edited, imported or changed scenario)
 * is laid out in the worker as before. Pure.
 */
import type { Point, Positions } from './layout-simple.ts';

/** Structure key (GraphModel.key) → node id → [x, y] of the node's centre. */
export type LayoutSeeds = Readonly<Record<string, Readonly<Record<string, readonly [number, number]>>>>;

export class LayoutSeedRegistry {
  private readonly seeds = new Map<string, Readonly<Record<string, readonly [number, number]>>>();
  private readonly decoded = new Map<string, Positions>();

  register(seeds: LayoutSeeds): void {
    for (const [key, nodes] of Object.entries(seeds)) this.seeds.set(key, nodes);
  }

  get size(): number {
    return this.seeds.size;
  }

  /** The positions for a structure, if one was shipped; every one of `ids` must have one. */
  lookup(key: string, ids: readonly string[]): Positions | undefined {
    const hit = this.decoded.get(key);
    if (hit !== undefined) return hit;
    const raw = this.seeds.get(key);
    const out = raw === undefined ? undefined : seedPositions(raw, ids);
    if (out !== undefined) this.decoded.set(key, out);
    return out;
  }
}

/**
 * A shipped or stored view → positions for exactly `ids`; undefined when it
 * misses one of them (a view that does not cover the structure is not used:
 * the key makes that unlikely, not impossible).
 */
export function seedPositions(view: Readonly<Record<string, readonly [number, number]>>, ids: readonly string[]): Positions | undefined {
  const out = new Map<string, Point>();
  for (const id of ids) {
    const p = view[id];
    if (p === undefined) return undefined;
    out.set(id, { x: p[0], y: p[1] });
  }
  return out;
}

/** Positions → the shipped form (rounded to whole pixels, in node order). */
export function toSeed(ids: readonly string[], positions: Positions): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const id of ids) {
    const p = positions.get(id);
    if (p !== undefined) out[id] = [Math.round(p.x), Math.round(p.y)];
  }
  return out;
}

/**
 * The largest coordinate a layout may hold (px). ELK's layered layout of the
 * largest graph bootgraph accepts stays far below it; a stored 1e308 once made
 * the graph blank and an exported SVG width="Infinity" (issue 15).
 */
export const MAX_COORDINATE = 10_000_000;

const coordinate = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= MAX_COORDINATE;

/**
 * A shipped or stored seed file, checked coordinate by coordinate: anything
 * malformed or out of range is ignored (the worker lays the graph out instead).
 */
export function parseLayoutSeeds(raw: unknown): LayoutSeeds | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const out: Record<string, Record<string, readonly [number, number]>> = {};
  for (const [key, nodes] of Object.entries(raw)) {
    if (typeof nodes !== 'object' || nodes === null || Array.isArray(nodes)) return undefined;
    const view: Record<string, readonly [number, number]> = {};
    for (const [id, p] of Object.entries(nodes as Record<string, unknown>)) {
      if (!Array.isArray(p) || p.length !== 2 || !coordinate(p[0]) || !coordinate(p[1])) return undefined;
      view[id] = [p[0], p[1]];
    }
    out[key] = view;
  }
  return out;
}
