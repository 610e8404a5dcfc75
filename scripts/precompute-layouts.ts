/**
 * `npm run layouts`: lays out the built-in presets' graph views with ELK, as
 * the app's worker would (same input, same options: layout-elk.ts), and
 * writes src/scenarios/layouts/<preset>.json, which the app registers when a
 * preset loads (layout-seeds.ts). Views: the first boot and the next boot,
 * each in every collapse mode of the graph panel. Byte-stable output.
 *
 * `npm run layouts -- --check` only reports whether the shipped files are
 * current (the unit test src/scenarios/preset-layouts.test.ts checks the
 * default views on every `npm test`).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ELK from 'elkjs/lib/elk.bundled.js';
import { deriveRun } from '../src/session/derive-run.ts';
import { collapseModel, type CollapseMode } from '../src/graph-view/collapse.ts';
import { layOutElk } from '../src/graph-view/layout-elk.ts';
import { toSeed } from '../src/graph-view/layout-seeds.ts';
import { placedIds } from '../src/graph-view/model.ts';
import { presets } from '../src/scenarios/catalog.ts';
import { tourServices } from '../src/selectors/tour-services.ts';
import { tourPlan } from '../src/session/tour-commands.ts';
import { tourForPreset } from '../src/teaching/tours/index.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LAYOUTS_DIR = join(ROOT, 'src/scenarios/layouts');
const SEEDED_MODES: readonly CollapseMode[] = ['story', 'active', 'none', 'category', 'milestone'];
const SEEDED_BOOTS = [0, 1] as const;

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const elk = new ELK();
  mkdirSync(LAYOUTS_DIR, { recursive: true });
  let stale = 0;
  for (const p of presets()) {
    const base = await p.load();
    const views: Record<string, Record<string, [number, number]>> = {};
    for (const boot of SEEDED_BOOTS) {
      const run = deriveRun(base, { conditions: {}, interventions: [], boot });
      if (run.boot !== boot) continue;
      for (const mode of SEEDED_MODES) {
        const model = collapseModel(run.model, run.index, mode, run.quiet, { story: run.story.all, expanded: new Set() });
        if (views[model.key] !== undefined || model.nodes.length === 0) continue;
        const laid = await layOutElk(model, (g) => elk.layout(g));
        views[model.key] = toSeed(placedIds(model), laid);
      }
      // The story view while the preset's tour runs: its services drawn as themselves (use-graph-view.ts).
      const tour = tourForPreset(p.id);
      if (tour !== undefined && boot === 0) {
        const story = new Set([...run.story.all, ...tourServices(tourPlan({ derive: (b, r) => deriveRun(b, r) }, base, tour))]);
        const model = collapseModel(run.model, run.index, 'story', run.quiet, { story, expanded: new Set() });
        if (views[model.key] === undefined) views[model.key] = toSeed(placedIds(model), await layOutElk(model, (g) => elk.layout(g)));
      }
    }
    const text = `{\n${Object.entries(views).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n')}\n}\n`;
    const file = join(LAYOUTS_DIR, `${p.id}.json`);
    const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (current === text) {
      console.info(`${p.id}: ${Object.keys(views).length} views, current`);
      continue;
    }
    stale++;
    if (check) console.info(`${p.id}: out of date (run npm run layouts)`);
    else {
      writeFileSync(file, text);
      console.info(`${p.id}: ${Object.keys(views).length} views, ${(text.length / 1024).toFixed(1)} kB written`);
    }
  }
  if (check && stale > 0) process.exit(1);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
