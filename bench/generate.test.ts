import { describe, expect, it } from 'vitest';
import { generateServices } from './generate.ts';
import { DRAWN_NODE_LIMIT } from '../src/graph-view/draw-limit.ts';

describe('generateServices', () => {
  it('makes exactly the number of services asked for, so a UI bench at N nodes draws N nodes', () => {
    for (const n of [2, 300, 1000, 5000]) expect(generateServices(n).services).toHaveLength(n);
  });

  it('names the graph by its size', () => {
    expect(generateServices(1000).name).toBe('generated 1000');
  });

  it('keeps the 1,000-node bench inside the draw limit (drawn with every service, not replaced by the story)', () => {
    expect(generateServices(1000).services.length).toBeLessThanOrEqual(DRAWN_NODE_LIMIT);
  });
});
