/**
 * The story view is laid out in the direction that draws it larger on a
 * landscape screen (graph-view/layout-elk.ts layOutElk): issue 12's first view must
 * show every milestone, labelled, at 1366×768, where the graph panel is
 * about 760 × 420 px.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { deriveRun } from '../session/derive-run.ts';
import { findPreset, presets } from './catalog.ts';
import { collapseModel } from '../graph-view/collapse.ts';
import { landscapeScale, layOutElk, PANEL_FIT_WIDTH } from '../graph-view/layout-elk.ts';
import { boxesOf, legibleViewport, legibleZoom } from '../graph-view/legibility.ts';
import { isMilestone } from '../graph-view/model.ts';

describe('layout direction', () => {
  it('a layout is drawn larger in a 2:1 view the closer it is to 2:1', () => {
    expect(landscapeScale(1000, 500)).toBeCloseTo(0.002);
    expect(landscapeScale(2000, 250)).toBeLessThan(landscapeScale(1000, 500));
    expect(landscapeScale(500, 1000)).toBeLessThan(landscapeScale(1000, 500));
  });

  it('the illumos 2025 story view: laid out downward, every milestone framed at a legible zoom in a 1366×768 graph panel', async () => {
    const preset = findPreset('illumos-2025');
    expect(preset).toBeDefined();
    if (preset === undefined) return;
    const run = deriveRun(await preset.load(), { conditions: {}, interventions: [], boot: 0 });
    const view = collapseModel(run.model, run.index, 'story', run.quiet, { story: run.story.all, expanded: new Set() });
    const elk = new ELK();
    const positions = await layOutElk(view, (g) => elk.layout(g));
    const boxes = new Map(view.nodes.flatMap((n) => {
      const p = positions.get(n.id);
      return p === undefined ? [] : [[n.id, { x: p.x, y: p.y, w: n.width, h: n.height }] as const];
    }));
    const milestones = view.nodes.filter((n) => isMilestone(n.id)).map((n) => n.id);
    expect(milestones.length).toBeGreaterThan(5);
    const [w, h] = [760, 420];
    const v = legibleViewport([...boxes.values()], [boxesOf(milestones, (id) => boxes.get(id))], w, h);
    expect(v).toBeDefined();
    if (v === undefined) return;
    expect(v.zoom).toBeGreaterThanOrEqual(legibleZoom());
    const outside = milestones.filter((id) => {
      const b = boxes.get(id);
      if (b === undefined) return true;
      const x0 = (b.x - b.w / 2) * v.zoom + v.pan.x;
      const y0 = (b.y - b.h / 2) * v.zoom + v.pan.y;
      return x0 < 0 || y0 < 0 || x0 + b.w * v.zoom > w || y0 + b.h * v.zoom > h;
    });
    expect(outside).toEqual([]);
  });

  it('every preset\'s story view (its first view) is drawn whole across the graph panel at a legible zoom: no wider than the panel at 1024 and 1366', async () => {
    const elk = new ELK();
    const wide: string[] = [];
    for (const p of presets()) {
      const run = deriveRun(await p.load(), { conditions: {}, interventions: [], boot: 0 });
      const view = collapseModel(run.model, run.index, 'story', run.quiet, { story: run.story.all, expanded: new Set() });
      const positions = await layOutElk(view, (g) => elk.layout(g));
      let x0 = Infinity;
      let x1 = -Infinity;
      for (const n of view.nodes) {
        const q = positions.get(n.id);
        if (q === undefined) continue;
        x0 = Math.min(x0, q.x - n.width / 2);
        x1 = Math.max(x1, q.x + n.width / 2);
      }
      // The panel is 760 px wide at both sizes, less the camera's padding (28 a side) at zoom 1 (labels 11 px).
      if (x1 - x0 > 760 - 2 * 28) wide.push(`${p.id}: ${Math.round(x1 - x0)} px`);
    }
    expect(PANEL_FIT_WIDTH).toBe(760 - 2 * 28);
    expect(wide).toEqual([]);
  });
});
