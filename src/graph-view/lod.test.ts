import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import graph2009 from '../../fixtures/graphs/illumos-2009.json' with { type: 'json' };
import { createSeeker, simulate, type Trace } from '../engine/index.ts';
import { validateScenario } from '../model/scenario/validate.ts';
import { buildDependencyIndex } from '../selectors/dependencies.ts';
import { filesAtIndex } from '../selectors/files.ts';
import { demoTrace, failingTrace } from '../testing/fixtures.ts';
import { collapseModel } from './collapse.ts';
import { diffElements } from './diff.ts';
import { detailFor, isLarge, LARGE_MIN_NODES, LIGHT_MIN_NODES, optimised, rendererOptions } from './lod.ts';
import { buildGraphModel } from './model.ts';
import { graphStylesheet } from './stylesheet.ts';
import { toElements, type ElementDef, type Marks } from './to-elements.ts';

describe('level of detail', () => {
  it('lightens the style, then the renderer, as graphs grow', () => {
    expect(optimised()).toBe(true);
    expect(detailFor(LIGHT_MIN_NODES - 1)).toBe('full');
    expect(detailFor(LIGHT_MIN_NODES)).toBe('light');
    expect(isLarge(LARGE_MIN_NODES - 1)).toBe(false);
    expect(isLarge(LARGE_MIN_NODES)).toBe(true);
    expect(rendererOptions(true)).toMatchObject({ pixelRatio: 1, textureOnViewport: true, hideEdgesOnViewport: true });
    expect(rendererOptions(false)).not.toHaveProperty('pixelRatio');
    // WebGL only for a large graph, and then without the canvas renderer's viewport bitmap.
    expect(rendererOptions(true, true)).toEqual({ webgl: true, textureOnViewport: false, hideEdgesOnViewport: false });
    expect(rendererOptions(false, true)).not.toHaveProperty('webgl');
    expect(rendererOptions(true)).not.toHaveProperty('webgl');
  });

  it('draws light edges as haystack lines without arrowheads, after every grouping rule', () => {
    const sheet = graphStylesheet({ theme: 'light', detail: 'light' });
    const rules = sheet as unknown as readonly { selector: string; style: Record<string, unknown> }[];
    const light = rules.findIndex((r) => r.selector === 'edge' && r.style['curve-style'] === 'haystack');
    expect(light).toBeGreaterThan(0);
    expect(rules[light]?.style['target-arrow-shape']).toBe('none');
    const exclude = rules.findIndex((r) => r.selector === 'edge.g-exclude_all');
    expect(exclude).toBeLessThan(light);
    expect(graphStylesheet({ theme: 'light' }).some((r) => (r as unknown as { style: Record<string, unknown> }).style['curve-style'] === 'haystack')).toBe(false);
  });
});

describe('per-frame element work', () => {
  const trace = demoTrace();
  const model = buildGraphModel(trace, buildDependencyIndex(trace));
  const seeker = createSeeker(trace);
  const frame = (t: number) => ({ statuses: seeker.atTime(t), files: seeker.filesAtTime(t) });

  it('reuses the edge elements across instants while the marks are the same', () => {
    const a = toElements(model, frame(0));
    const b = toElements(model, frame(1200));
    const edgesA = a.filter((e) => e.group === 'edges');
    const edgesB = b.filter((e) => e.group === 'edges');
    expect(edgesA.length).toBeGreaterThan(0);
    edgesA.forEach((e, i) => expect(edgesB[i]).toBe(e));
    const focus = new Set([model.edges[0]?.id ?? '']);
    const c = toElements(model, frame(1200), { focus });
    expect(c.find((e) => e.group === 'edges')).not.toBe(edgesA[0]);
    expect(c.find((e) => e.data.id === model.edges[0]?.id)?.classes).toContain('hl');
  });

  it('diffs aligned lists (a boot playing) exactly like the general diff', () => {
    const prev = toElements(model, frame(0));
    const next = toElements(model, frame(1200));
    const aligned = diffElements(prev, next);
    // The same lists with one element moved to the end take the general path.
    const moved = [...next.slice(1), ...next.slice(0, 1)];
    const general = diffElements(prev, moved);
    const byId = (u: { id: string }[]) => [...u].sort((x, y) => x.id.localeCompare(y.id));
    expect(aligned.add).toEqual([]);
    expect(aligned.remove).toEqual([]);
    expect(byId([...aligned.update])).toEqual(byId([...general.update]));
    expect(aligned.update.length).toBeGreaterThan(0);
  });
});

describe('per-frame node elements (reused while a node is unchanged)', () => {
  const boot = (json: unknown): Trace => {
    const v = validateScenario(json);
    if (!v.ok) throw new Error('fixture does not validate');
    return simulate(v.scenario);
  };
  const runs = [demoTrace(), failingTrace(), boot(graph2009)].map((trace) => {
    const index = buildDependencyIndex(trace);
    const model = buildGraphModel(trace, index);
    return { trace, model, grouped: collapseModel(model, index, 'category'), seeker: createSeeker(trace) };
  });

  it('gives exactly what a fresh computation gives, frame after frame, whatever the marks (fast-check over real runs)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: runs.length - 1 }),
        fc.boolean(),
        fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), marks: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 12 }),
        (k, grouped, steps) => {
          const run = runs[k];
          if (run === undefined) return;
          const model = grouped ? run.grouped : run.model;
          const ids = model.nodes.map((n) => n.id);
          // A few mark sets, each the same object while it is chosen (as GraphPanel's memos give them).
          const markSets: Marks[] = [{}, { selected: ids[0] ?? '' }, { focus: new Set(ids.slice(0, 3)), matches: new Set(ids.slice(1, 2)) }, { changed: new Set(ids.slice(-2)) }];
          let previous: { els: readonly ElementDef[]; marks: Marks } | undefined;
          for (const step of steps) {
            const i = Math.floor(step.at * run.trace.records.length) - 1;
            const frame = { statuses: run.seeker.atIndex(i), files: filesAtIndex(run.trace, i) };
            const marks = markSets[step.marks] ?? {};
            const got = toElements(model, frame, marks);
            // A copy of the model is a key the caches have never seen: computed from scratch.
            expect(got).toEqual(toElements({ ...model }, frame, marks));
            // Under the same marks, a node equal to the last frame's is that very object (the diff skips it by identity), a group's excepted.
            if (previous !== undefined && previous.marks === marks) {
              const before = new Map(previous.els.map((e) => [e.data.id, e]));
              for (const e of got) {
                const old = before.get(e.data.id);
                if (old !== undefined && e.group === 'nodes' && !e.classes.includes('k-group') && JSON.stringify(old) === JSON.stringify(e)) expect(e).toBe(old);
              }
            }
            previous = { els: got, marks };
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
