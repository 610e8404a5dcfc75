/**
 * The scenario a session starts from: a built-in preset, loaded lazily and
 * once, with its precomputed layouts (an inline scenario needs no loading).
 */
import type { Scenario } from '../model/scenario/types.ts';
import { LayoutSeedRegistry, parseLayoutSeeds } from '../graph-view/layout-seeds.ts';
import { findPreset, presets } from '../scenarios/catalog.ts';
import { loadPresetLayouts } from '../scenarios/preset-layouts.ts';

/** The layouts shipped with the presets loaded so far (the layout service consults it). */
export const PRESET_LAYOUTS = new LayoutSeedRegistry();

/** A preset's shipped layouts, registered; a missing or broken file only means the worker lays it out. */
async function registerLayouts(id: string): Promise<void> {
  try {
    const seeds = parseLayoutSeeds(await loadPresetLayouts(id));
    if (seeds !== undefined) PRESET_LAYOUTS.register(seeds);
  } catch {
    // Not fatal: the graph is laid out in the worker instead.
  }
}

const loaded = new Map<string, Promise<Scenario>>();

export function loadPreset(id: string): Promise<Scenario> {
  const hit = loaded.get(id);
  if (hit !== undefined) return hit;
  const p = findPreset(id);
  if (p === undefined) return Promise.reject(new Error(`There is no built-in scenario "${id}".`));
  // The scenario and its layouts arrive together, so the first draw is already the final layout.
  const job = Promise.all([p.load(), registerLayouts(id)]).then(([scenario]) => scenario);
  loaded.set(id, job);
  job.catch(() => loaded.delete(id));
  return job;
}

/** The default scenario: the first in the catalog (the flagship). */
export function defaultPresetId(): string {
  return presets()[0]?.id ?? '';
}

/** What the placeholder says while a preset loads. */
export function presetLabel(id: string): string {
  return findPreset(id)?.title ?? id;
}
