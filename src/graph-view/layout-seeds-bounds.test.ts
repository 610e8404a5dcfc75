/**
 * Stored layouts are validated coordinate by coordinate (issue 15): a huge,
 * infinite or non-numeric coordinate discards the stored layouts (the worker
 * lays the graph out again) instead of drawing a blank graph.
 */
import { describe, expect, it } from 'vitest';
import { LayoutStore, LAYOUT_STORE_KEY } from './layout-store.ts';
import { MAX_COORDINATE, parseLayoutSeeds } from './layout-seeds.ts';

const storage = (value: unknown): { getItem: (k: string) => string | null; setItem: () => void } => ({
  getItem: (k) => (k === LAYOUT_STORE_KEY ? JSON.stringify(value) : null),
  setItem: () => undefined,
});

describe('stored layouts, validated coordinate by coordinate', () => {
  it('keeps a layout whose every coordinate is a finite number within the bound', () => {
    const store = new LayoutStore(storage({ order: ['k'], views: { k: { a: [0, 0], b: [MAX_COORDINATE, -MAX_COORDINATE] } } }));
    expect(store.get('k', ['a', 'b'])).toEqual(new Map([['a', { x: 0, y: 0 }], ['b', { x: MAX_COORDINATE, y: -MAX_COORDINATE }]]));
  });

  for (const [what, bad] of [['1e308', 1e308], ['just past the bound', MAX_COORDINATE + 1], ['a string', '5'], ['null (what JSON makes of Infinity)', null]] as const) {
    it(`discards the stored layouts when one coordinate is ${what}`, () => {
      const store = new LayoutStore(storage({ order: ['k', 'j'], views: { k: { a: [0, 0], b: [bad, 1] }, j: { a: [1, 1] } } }));
      expect(store.get('k', ['a', 'b'])).toBeUndefined();
      expect(store.get('j', ['a'])).toBeUndefined();
      expect(parseLayoutSeeds({ k: { b: [1, bad] } })).toBeUndefined();
    });
  }
});
