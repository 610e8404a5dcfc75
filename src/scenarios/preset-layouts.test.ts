/**
 * The layouts shipped with the presets must match the graphs the app draws:
 * a change to a preset, the engine or the graph model that changes a default
 * view's structure makes this fail until `npm run layouts` is run again.
 */
import { describe, expect, it } from 'vitest';
import { deriveRun } from '../session/derive-run.ts';
import { collapseModel, type CollapseMode } from '../graph-view/collapse.ts';
import { LayoutSeedRegistry, parseLayoutSeeds } from '../graph-view/layout-seeds.ts';
import { placedIds } from '../graph-view/model.ts';
import { presets } from './catalog.ts';
import { loadPresetLayouts, presetLayoutsAvailable } from './preset-layouts.ts';

const MODES: readonly CollapseMode[] = ['story', 'active', 'none'];

describe('layouts shipped with the presets', () => {
  for (const p of presets()) {
    it(`${p.id}: every node of its first-boot views has a precomputed position`, async () => {
      expect(presetLayoutsAvailable(p.id)).toBe(true);
      const seeds = parseLayoutSeeds(await loadPresetLayouts(p.id));
      expect(seeds, 'the seed file parses').toBeDefined();
      const registry = new LayoutSeedRegistry();
      if (seeds !== undefined) registry.register(seeds);
      const run = deriveRun(await p.load(), { conditions: {}, interventions: [], boot: 0 });
      for (const mode of MODES) {
        const m = collapseModel(run.model, run.index, mode, run.quiet, { story: run.story.all, expanded: new Set() });
        const positions = registry.lookup(m.key, placedIds(m));
        expect(positions, `${p.id} (${mode}): no precomputed layout for structure ${m.key}; run npm run layouts`).toBeDefined();
        // ELK never stacks two nodes on one spot.
        const spots = new Set([...(positions?.values() ?? [])].map((q) => `${q.x},${q.y}`));
        expect(spots.size).toBe(placedIds(m).length);
      }
    });
  }
});
