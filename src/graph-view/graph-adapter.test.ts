import { describe, expect, it, vi } from 'vitest';
import { createSeeker } from '../engine/index.ts';
import { buildDependencyIndex } from '../selectors/dependencies.ts';
import { demoTrace } from '../testing/fixtures.ts';
import { GraphAdapter } from './graph-adapter.ts';
import { simpleLayout } from './layout-simple.ts';
import { buildGraphModel } from './model.ts';
import { graphStylesheet } from './stylesheet.ts';
import { toElements } from './to-elements.ts';

describe('GraphAdapter (headless cytoscape)', () => {
  const trace = demoTrace();
  const model = buildGraphModel(trace, buildDependencyIndex(trace));
  const seeker = createSeeker(trace);
  const frame = (t: number) => ({ statuses: seeker.atTime(t), files: seeker.filesAtTime(t) });

  it('adds everything once, then patches only state classes', () => {
    const a = new GraphAdapter({ style: graphStylesheet({ theme: 'light' }) });
    const first = a.apply(toElements(model, frame(0)));
    expect(first.add).toHaveLength(model.nodes.length + model.edges.length);
    expect(a.nodeCount()).toBe(5);
    expect(a.edgeCount()).toBe(4);
    expect(a.classesOf('svc:/site/db:default')).toContain('s-offline');
    const second = a.apply(toElements(model, frame(1200)));
    expect(second.add).toHaveLength(0);
    expect(second.remove).toHaveLength(0);
    expect(a.classesOf('svc:/site/db:default')).toContain('s-online');
    expect(a.dataOf('svc:/site/db:default')?.['label']).toBe('● site/db');
    // Nothing changed: nothing applied.
    const third = a.apply(toElements(model, frame(1200)));
    expect(third.update).toHaveLength(0);
    a.destroy();
  });

  it('places nodes from a layout and removes vanished elements', () => {
    const a = new GraphAdapter({ style: graphStylesheet({ theme: 'dark' }) });
    a.apply(toElements(model, frame(0)));
    const pos = simpleLayout(model);
    a.setPositions(pos);
    expect(a.positionOf('svc:/site/net:default')).toEqual(pos.get('svc:/site/net:default'));
    const fewer = toElements({ ...model, nodes: model.nodes.slice(0, 2), edges: [] }, frame(0));
    const d = a.apply(fewer);
    expect(d.remove).toHaveLength(3 + 4);
    expect(a.nodeCount()).toBe(2);
    expect(a.edgeCount()).toBe(0);
    a.destroy();
  });
  it('resolves place() with every node at its final position even when no frame finished the glide (a loaded machine)', async () => {
    const a = new GraphAdapter({ style: graphStylesheet({ theme: 'light' }) });
    a.apply(toElements(model, frame(0)));
    const from = simpleLayout(model, { direction: 'DOWN' });
    const to = new Map([...from].map(([id, p]) => [id, { x: p.x + 500, y: p.y + 300 }]));
    a.setPositions(from);
    // Timers run but the clock the animation frames read stands still: frames step the glide, none finishes it,
    // as when a busy machine delivers the frames after place()'s timer.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const placed = a.place(to, true);
      await vi.advanceTimersByTimeAsync(1000);
      await placed;
    } finally {
      vi.useRealTimers();
    }
    for (const [id, p] of to) expect(a.positionOf(id), id).toEqual(p);
    a.destroy();
  });
});
