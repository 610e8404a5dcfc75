import { describe, expect, it } from 'vitest';
import cytoscape from 'cytoscape';
import { inBox, InsertQueue, type FrameScheduler } from './chunked-insert.ts';
import type { ElementDef } from './to-elements.ts';

/** A scheduler driven by hand: frames run when the test says, at the times it gives. */
function manualFrames(): FrameScheduler & { run(now: number): void; pending(): number } {
  let next = 1;
  const cbs = new Map<number, (now: number) => void>();
  return {
    request: (cb) => {
      const id = next++;
      cbs.set(id, cb);
      return id;
    },
    cancel: (id) => void cbs.delete(id),
    run: (now) => {
      const due = [...cbs.values()];
      cbs.clear();
      for (const cb of due) cb(now);
    },
    pending: () => cbs.size,
  };
}

const node = (id: string, classes = 's-offline'): ElementDef => ({ group: 'nodes', data: { id }, classes });
const edge = (id: string, source: string, target: string): ElementDef => ({ group: 'edges', data: { id, source, target }, classes: 'g-require_all' });

describe('InsertQueue (chunked element insertion)', () => {
  it('inserts in slices, one per frame, every node before any edge', () => {
    const frames = manualFrames();
    const inserted: ElementDef[][] = [];
    const q = new InsertQueue((defs) => inserted.push([...defs]), frames, { initial: 3, min: 1, budgetMs: 40 });
    q.enqueue([edge('a>b', 'a', 'b'), node('a'), node('b'), edge('b>c', 'b', 'c'), node('c'), node('d')]);
    expect(inserted).toHaveLength(0);
    frames.run(0);
    frames.run(16);
    frames.run(32);
    const order = inserted.flat().map((d) => d.data.id);
    expect(order).toEqual(['a', 'b', 'c', 'd', 'a>b', 'b>c']);
    expect(inserted[0]).toHaveLength(3);
    expect(q.size).toBe(0);
    expect(frames.pending()).toBe(0);
  });

  it('sizes each slice from what inserting its kind cost per element, not from the frame interval', () => {
    const frames = manualFrames();
    let clock = 0;
    const sizes: string[] = [];
    // Nodes cost 0.2 ms each, edges 0.05 ms: with a 20 ms budget, slices of 100 nodes and 400 edges once measured.
    const insert = (defs: readonly ElementDef[]): void => {
      const kind = defs[0]?.group ?? 'nodes';
      clock += defs.length * (kind === 'nodes' ? 0.2 : 0.05);
      sizes.push(`${kind}:${defs.length}`);
    };
    const q = new InsertQueue(insert, frames, { initial: 10, min: 1, max: 5000, budgetMs: 20, maxFrames: 1000, now: () => clock });
    q.enqueue(Array.from({ length: 350 }, (_, i) => node(`n${i}`)));
    q.enqueue(Array.from({ length: 1000 }, (_, i) => edge(`e${i}`, `n${i % 350}`, `n${(i * 7) % 350}`)));
    // Frames far apart (a loaded machine): the interval does not shrink the slices.
    for (let f = 0; q.size > 0 && f < 50; f++) frames.run(f * 500);
    expect(sizes).toEqual(['nodes:10', 'nodes:100', 'nodes:100', 'nodes:100', 'nodes:40', 'edges:10', 'edges:400', 'edges:400', 'edges:190']);
  });

  it('shrinks the next slice after a slice that cost more per element, and grows it after a cheaper one', () => {
    const frames = manualFrames();
    let clock = 0;
    let perNode = 0.5;
    const sizes: number[] = [];
    const q = new InsertQueue(
      (defs) => {
        clock += defs.length * perNode;
        sizes.push(defs.length);
      },
      frames,
      { initial: 20, min: 1, max: 1000, budgetMs: 20, maxFrames: 1000, now: () => clock },
    );
    q.enqueue(Array.from({ length: 2000 }, (_, i) => node(`n${i}`)));
    frames.run(0); // 20 nodes at 0.5 ms: the next slice is 40
    perNode = 2; // a slower stretch (another task took the core)
    frames.run(16); // 40 nodes at 2 ms: smoothed 1.25 ms per node → 16
    perNode = 0.1;
    frames.run(32); // 16 at 0.1 ms: smoothed 0.675 → 29
    expect(sizes).toEqual([20, 40, 16]);
    expect(q.sliceSize()).toBe(29);
  });

  it('inserts the preferred nodes first (asked every slice), then the others, then the edges; a slice holds one kind', () => {
    const frames = manualFrames();
    const slices: string[][] = [];
    let wanted = new Set(['c', 'e']);
    const q = new InsertQueue((defs) => slices.push(defs.map((d) => d.data.id)), frames, { initial: 2, min: 1, max: 2, maxFrames: 1000, prefer: () => (d) => wanted.has(d.data.id) });
    q.enqueue([node('a'), node('b'), edge('a>c', 'a', 'c'), node('c'), node('d'), node('e'), node('f')]);
    frames.run(0);
    // The view moved: other nodes are preferred from the next slice on.
    wanted = new Set(['f']);
    frames.run(16);
    frames.run(32);
    frames.run(48);
    expect(slices).toEqual([['c', 'e'], ['f', 'a'], ['b', 'd'], ['a>c']]);
  });

  it('never takes more than maxFrames frames, however slow each one is', () => {
    const frames = manualFrames();
    const sizes: number[] = [];
    const q = new InsertQueue((defs) => sizes.push(defs.length), frames, { initial: 2, min: 1, budgetMs: 10, maxFrames: 4 });
    q.enqueue(Array.from({ length: 100 }, (_, i) => node(`n${i}`)));
    for (let f = 0; q.size > 0 && f < 20; f++) frames.run(f * 500);
    expect(sizes.length).toBeLessThanOrEqual(4);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('keeps the newest definition of a queued element and forgets removed ones', async () => {
    const frames = manualFrames();
    const inserted: ElementDef[] = [];
    const q = new InsertQueue((defs) => inserted.push(...defs), frames);
    q.enqueue([node('a'), node('b')]);
    q.enqueue([node('a', 's-online')]);
    expect(q.get('a')?.classes).toBe('s-online');
    expect(q.delete('b')).toBe(true);
    expect(q.delete('zzz')).toBe(false);
    let settled = false;
    const done = q.settled().then(() => {
      settled = true;
    });
    frames.run(0);
    await done;
    expect(settled).toBe(true);
    expect(inserted.map((d) => `${d.data.id}:${d.classes}`)).toEqual(['a:s-online']);
  });

  it('drains at once on demand, and settles immediately when empty', async () => {
    const frames = manualFrames();
    const inserted: string[] = [];
    const q = new InsertQueue((defs) => inserted.push(...defs.map((d) => d.data.id)), frames, { initial: 1 });
    await q.settled();
    q.enqueue([node('a'), node('b'), edge('a>b', 'a', 'b')]);
    q.drain();
    expect(inserted).toEqual(['a', 'b', 'a>b']);
    expect(frames.pending()).toBe(0);
    q.enqueue([node('c')]);
    q.clear();
    await q.settled();
    expect(inserted).not.toContain('c');
  });
});

describe('InsertQueue into a headless Cytoscape, the nodes in view first (graph-adapter.ts)', () => {
  it('puts the nodes in view in the first slice, every node at its given position, every edge after both its ends', () => {
    const frames = manualFrames();
    const cy = cytoscape({ headless: true, styleEnabled: true, elements: [] });
    // A 10 × 10 grid of nodes, 100 px apart; the view shows the 3 × 3 in the top left corner.
    const given = new Map<string, { x: number; y: number }>();
    const defs: ElementDef[] = [];
    for (let i = 0; i < 100; i++) {
      given.set(`n${i}`, { x: (i % 10) * 100, y: Math.floor(i / 10) * 100 });
      defs.push({ group: 'nodes', data: { id: `n${i}`, w: 40, h: 20 }, classes: 's-offline' });
    }
    for (let i = 0; i < 99; i++) defs.push(edge(`e${i}`, `n${i}`, `n${i + 1}`));
    const view = { x1: -10, y1: -10, x2: 210, y2: 210 };
    const inView = [...given].filter(([, p]) => p.x <= 200 && p.y <= 200).map(([id]) => id);
    const slices: string[][] = [];
    const q = new InsertQueue(
      (slice) => {
        slices.push(slice.map((d) => d.data.id));
        // As the adapter inserts (graph-adapter.ts insert): nodes at their given positions.
        cy.add(slice.map((d) => ({ group: d.group, data: { ...d.data }, classes: d.classes, ...(d.group === 'nodes' ? { position: { ...(given.get(d.data.id) ?? { x: 0, y: 0 }) } } : {}) })));
      },
      frames,
      { initial: 12, min: 12, max: 12, maxFrames: 1000, prefer: () => inBox(view, (id) => given.get(id)) },
    );
    // Queued in reverse, so queue order alone would put the view's nodes last.
    q.enqueue([...defs].reverse());
    frames.run(0);
    expect(inView).toHaveLength(9);
    expect(inView.filter((id) => slices[0]?.includes(id))).toEqual(inView);
    for (let f = 1; q.size > 0 && f < 100; f++) frames.run(f * 16);
    expect(q.size).toBe(0);
    expect(cy.nodes()).toHaveLength(100);
    expect(cy.edges()).toHaveLength(99);
    // Every node where it was given, and no edge inserted before both its ends were in.
    for (const [id, p] of given) expect(cy.getElementById(id).position()).toEqual(p);
    const at = new Map(slices.flatMap((s, k) => s.map((id) => [id, k] as const)));
    for (const e of defs.filter((d) => d.group === 'edges')) {
      expect(at.get(e.data.id)).toBeGreaterThan(at.get(String(e.data['source'])) ?? Infinity);
      expect(at.get(e.data.id)).toBeGreaterThan(at.get(String(e.data['target'])) ?? Infinity);
    }
    cy.destroy();
  });

  it('prefers exactly the nodes whose box overlaps the view (a node half in view counts)', () => {
    const pos = new Map([
      ['in', { x: 50, y: 50 }],
      ['edge', { x: 115, y: 50 }],
      ['out', { x: 130, y: 50 }],
    ]);
    const p = inBox({ x1: 0, y1: 0, x2: 100, y2: 100 }, (id) => pos.get(id));
    const n = (id: string): ElementDef => ({ group: 'nodes', data: { id, w: 40, h: 20 }, classes: '' });
    expect(['in', 'edge', 'out', 'unplaced'].filter((id) => p(n(id)))).toEqual(['in', 'edge']);
  });
});
