import { describe, expect, it } from 'vitest';
import { buildDependencyIndex } from '../selectors/dependencies.ts';
import { failingTrace } from '../testing/fixtures.ts';
import { LayoutSeedRegistry, parseLayoutSeeds, toSeed } from './layout-seeds.ts';
import { LayoutService } from './layout-service.ts';
import { simpleLayout } from './layout-simple.ts';
import { buildGraphModel } from './model.ts';

function model() {
  const trace = failingTrace();
  return buildGraphModel(trace, buildDependencyIndex(trace));
}

describe('precomputed layouts (layout-seeds.ts)', () => {
  it('serves a shipped layout without running the engine, and says where it came from', async () => {
    const m = model();
    const shipped = simpleLayout(m);
    const registry = new LayoutSeedRegistry();
    registry.register({ [m.key]: toSeed(m.nodes.map((n) => n.id), shipped) });
    let calls = 0;
    const service = new LayoutService({ engine: async (mm) => { calls++; return simpleLayout(mm); }, seeds: registry });
    const now = service.cached(m.key, m);
    expect(now?.source).toBe('precomputed');
    const r = await service.layout(m);
    expect(calls).toBe(0);
    expect(r.source).toBe('precomputed');
    for (const n of m.nodes) expect(r.positions.get(n.id)).toEqual({ x: Math.round(shipped.get(n.id)?.x ?? NaN), y: Math.round(shipped.get(n.id)?.y ?? NaN) });
  });

  it('ignores a seed that misses a node, and lays the graph out instead', async () => {
    const m = model();
    const partial = toSeed(m.nodes.slice(1).map((n) => n.id), simpleLayout(m));
    const registry = new LayoutSeedRegistry();
    registry.register({ [m.key]: partial });
    let calls = 0;
    const service = new LayoutService({ engine: async (mm) => { calls++; return simpleLayout(mm); }, seeds: registry });
    expect(service.cached(m.key, m)).toBeUndefined();
    expect((await service.layout(m)).source).toBe('elk');
    expect(calls).toBe(1);
  });

  it('accepts only well-formed seed files', () => {
    expect(parseLayoutSeeds({ k: { a: [1, 2] } })).toEqual({ k: { a: [1, 2] } });
    for (const bad of [null, [], 'x', { k: [] }, { k: { a: [1] } }, { k: { a: ['1', 2] } }, { k: { a: [1, Number.NaN] } }, { k: null }]) {
      expect(parseLayoutSeeds(bad)).toBeUndefined();
    }
  });
});
