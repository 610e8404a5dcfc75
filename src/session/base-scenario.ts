/**
 * The scenario a session starts from: a built-in preset (loaded lazily, once)
 * or an inline scenario (imported from a file, later from a link).
 */
import { useEffect, useState } from 'react';
import type { Scenario } from '../model/scenario/types.ts';
import { LayoutSeedRegistry, parseLayoutSeeds } from '../graph-view/layout-seeds.ts';
import { findPreset, presets } from '../scenarios/catalog.ts';
import { loadPresetLayouts } from '../scenarios/preset-layouts.ts';
import type { ScenarioSource } from './document.ts';

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

export type BaseState =
  | { readonly status: 'loading'; readonly label: string }
  | { readonly status: 'ready'; readonly scenario: Scenario }
  | { readonly status: 'error'; readonly message: string };

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

export function useBaseScenario(source: ScenarioSource): BaseState {
  const [state, setState] = useState<{ source: ScenarioSource; base: BaseState } | undefined>(undefined);
  useEffect(() => {
    if (source.kind === 'inline') return undefined;
    let live = true;
    loadPreset(source.id).then(
      (scenario) => live && setState({ source, base: { status: 'ready', scenario } }),
      (err: unknown) => live && setState({ source, base: { status: 'error', message: err instanceof Error ? err.message : String(err) } }),
    );
    return () => {
      live = false;
    };
  }, [source]);
  if (source.kind === 'inline') return { status: 'ready', scenario: source.scenario };
  if (state !== undefined && state.source === source) return state.base;
  return { status: 'loading', label: findPreset(source.id)?.title ?? source.id };
}
