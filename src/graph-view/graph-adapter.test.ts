import { describe, expect, it, vi } from 'vitest';
import { createSeeker } from '../engine/index.ts';
import { buildDependencyIndex } from '../selectors/dependencies.ts';
import { demoTrace } from '../testing/fixtures.ts';
import type { FrameScheduler } from './chunked-insert.ts';
import { GraphAdapter } from './graph-adapter.ts';
import { simpleLayout } from './layout-simple.ts';
import { buildGraphModel } from './model.ts';
import { graphStylesheet } from './stylesheet.ts';
import { toElements, type ElementDef } from './to-elements.ts';

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

describe('GraphAdapter: a big graph enters, and moves to its final layout, over frames (issue 16)', () => {
  /** Animation frames run by hand. */
  function manualFrames(): FrameScheduler & { run(): void; pending(): number } {
    let next = 1;
    const cbs = new Map<number, (now: number) => void>();
    return {
      request: (cb) => {
        cbs.set(next, cb);
        return next++;
      },
      cancel: (id) => void cbs.delete(id),
      run: () => {
        const due = [...cbs.values()];
        cbs.clear();
        for (const cb of due) cb(0);
      },
      pending: () => cbs.size,
    };
  }
  const N = 300;
  const elements: ElementDef[] = [
    ...Array.from({ length: N }, (_, i): ElementDef => ({ group: 'nodes', data: { id: `n${i}`, label: `n${i}`, w: 80, h: 24 }, classes: 's-online' })),
    ...Array.from({ length: N - 1 }, (_, i): ElementDef => ({ group: 'edges', data: { id: `e${i}`, source: `n${i}`, target: `n${i + 1}` }, classes: 'g-require_all' })),
  ];
  const grid = (dx: number, dy: number) => new Map(elements.filter((e) => e.group === 'nodes').map((e, i) => [e.data.id, { x: (i % 20) * 100 + dx, y: Math.floor(i / 20) * 50 + dy }]));
  const at = (a: GraphAdapter, pos: ReadonlyMap<string, { x: number; y: number }>): number => [...pos].filter(([id, p]) => JSON.stringify(a.positionOf(id)) === JSON.stringify(p)).length;

  it('enters in slices at the given positions, nodes before edges; a new layout moves the nodes over frames and resolves once all are there', async () => {
    const frames = manualFrames();
    const a = new GraphAdapter({ style: graphStylesheet({ theme: 'light', detail: 'light' }), frames });
    const seed = grid(0, 0);
    a.apply(elements, { structureChanged: true });
    a.setPositions(seed);
    expect(a.nodeCount()).toBe(0);
    let entered = false;
    void a.settled().then(() => {
      entered = true;
    });
    for (let f = 0; frames.pending() > 0 && f < 100; f++) {
      frames.run();
      // Never an edge without both its ends.
      if (a.edgeCount() > 0) expect(a.nodeCount()).toBe(N);
    }
    await Promise.resolve();
    expect(entered).toBe(true);
    expect(a.nodeCount()).toBe(N);
    expect(a.edgeCount()).toBe(N - 1);
    expect(at(a, seed)).toBe(N);

    const final = grid(5000, 3000);
    let placed = false;
    const done = a.place(final, false).then(() => {
      placed = true;
    });
    await Promise.resolve();
    expect(placed).toBe(false);
    expect(at(a, final)).toBe(0);
    frames.run();
    // The first slice moved some nodes, not all (one frame would recompute every node's and edge's bounds at once).
    const first = at(a, final);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(N);
    expect(at(a, seed) + first).toBe(N);
    for (let f = 0; frames.pending() > 0 && f < 100; f++) frames.run();
    await done;
    expect(at(a, final)).toBe(N);
    a.destroy();
  });

  it('finishes the move at once for a reader of every position, and stops it for newer positions (they win); place() resolves', async () => {
    const frames = manualFrames();
    const a = new GraphAdapter({ style: graphStylesheet({ theme: 'light', detail: 'light' }), frames });
    a.apply(elements, { structureChanged: true });
    a.setPositions(grid(0, 0));
    for (let f = 0; frames.pending() > 0 && f < 100; f++) frames.run();
    const final = grid(5000, 3000);
    const done = a.place(final, false);
    frames.run();
    // A reader of every position (the SVG export) gets the final layout, not a frame of the move.
    expect(a.positions()).toEqual(final);
    const newer = grid(-700, -700);
    a.setPositions(newer);
    for (let f = 0; frames.pending() > 0 && f < 100; f++) frames.run();
    await done;
    expect(at(a, newer)).toBe(N);
    a.destroy();
  });
});
