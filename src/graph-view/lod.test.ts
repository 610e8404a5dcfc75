import { describe, expect, it } from 'vitest';
import { createSeeker } from '../engine/index.ts';
import { buildDependencyIndex } from '../selectors/dependencies.ts';
import { demoTrace } from '../testing/fixtures.ts';
import { diffElements } from './diff.ts';
import { detailFor, isLarge, LARGE_MIN_NODES, LIGHT_MIN_NODES, optimised, rendererOptions } from './lod.ts';
import { buildGraphModel } from './model.ts';
import { graphStylesheet } from './stylesheet.ts';
import { toElements } from './to-elements.ts';

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
