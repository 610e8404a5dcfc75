import { describe, expect, it } from 'vitest';
import type { GraphCommand } from '../graph-view/commands.ts';
import { CommandQueue } from './command-queue.ts';

describe('command queue', () => {
  it('holds commands until a consumer attaches, then delivers them in order and passes new ones straight through', () => {
    const q = new CommandQueue<GraphCommand>();
    q.push({ type: 'fit' });
    q.push({ type: 'zoom', factor: 1.25 });
    const got: GraphCommand[] = [];
    const detach = q.attach((c) => got.push(c));
    expect(got).toEqual([{ type: 'fit' }, { type: 'zoom', factor: 1.25 }]);
    q.push({ type: 'show', camera: { zoom: 2, centre: { x: 1, y: 2 } } });
    expect(got).toHaveLength(3);
    expect(q.pending()).toEqual([]);
    detach();
    q.push({ type: 'fit' });
    expect(got).toHaveLength(3);
    expect(q.pending()).toEqual([{ type: 'fit' }]);
  });

  it('a stale detach does not unhook a newer consumer', () => {
    const q = new CommandQueue<GraphCommand>();
    const a: GraphCommand[] = [];
    const b: GraphCommand[] = [];
    const detachA = q.attach((c) => a.push(c));
    q.attach((c) => b.push(c));
    detachA();
    q.push({ type: 'fit' });
    expect(a).toEqual([]);
    expect(b).toEqual([{ type: 'fit' }]);
  });

  it('keeps only the most recent commands while nobody listens', () => {
    const q = new CommandQueue<GraphCommand>(2);
    for (const factor of [1, 2, 3]) q.push({ type: 'zoom', factor });
    expect(q.pending()).toEqual([{ type: 'zoom', factor: 2 }, { type: 'zoom', factor: 3 }]);
  });
});
