import { describe, expect, it } from 'vitest';
import { InsertQueue, type FrameScheduler } from './chunked-insert.ts';
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

  it('shrinks slices after a slow frame and grows them after fast ones', () => {
    const frames = manualFrames();
    const sizes: number[] = [];
    const q = new InsertQueue((defs) => sizes.push(defs.length), frames, { initial: 10, min: 2, max: 100, budgetMs: 40, maxFrames: 1000 });
    q.enqueue(Array.from({ length: 200 }, (_, i) => node(`n${i}`)));
    frames.run(0); // first slice: 10
    frames.run(200); // the last frame took 200 ms: smaller
    frames.run(210); // 10 ms: bigger again
    expect(sizes[0]).toBe(10);
    expect(sizes[1]).toBeLessThan(10);
    expect(sizes[2]).toBeGreaterThan(sizes[1] ?? 0);
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
