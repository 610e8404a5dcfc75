import { describe, expect, it } from 'vitest';
import { buildDependencyIndex } from '../selectors/dependencies.ts';
import { failingTrace } from '../testing/fixtures.ts';
import { LayoutService } from './layout-service.ts';
import { simpleLayout } from './layout-simple.ts';
import { LAYOUT_STORE_KEY, LayoutStore, type LayoutStorage } from './layout-store.ts';
import { buildGraphModel, type GraphModel } from './model.ts';

class MemoryStorage implements LayoutStorage {
  readonly map = new Map<string, string>();
  full = false;
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.full) throw new Error('QuotaExceededError');
    this.map.set(key, value);
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
}

function model(): GraphModel {
  const trace = failingTrace();
  return buildGraphModel(trace, buildDependencyIndex(trace));
}


describe('layouts kept across visits (layout-store.ts)', () => {
  it('a second visit draws an ELK layout from storage without laying it out again', async () => {
    const storage = new MemoryStorage();
    const m = model();
    let calls = 0;
    const engine = async (mm: GraphModel) => {
      calls++;
      return simpleLayout(mm);
    };
    const first = await new LayoutService({ engine, store: new LayoutStore(storage) }).layout(m);
    expect(first.source).toBe('elk');
    expect(calls).toBe(1);
    // A new page: a new service, the same storage.
    const again = new LayoutService({ engine, store: new LayoutStore(storage) });
    const now = again.cached(m.key, m);
    expect(now?.cached).toBe(true);
    expect((await again.layout(m)).positions.get(m.nodes[0]?.id ?? '')).toEqual(first.positions.get(m.nodes[0]?.id ?? ''));
    expect(calls).toBe(1);
  });

  it('does not keep a fallback layout (the worker is tried again next time)', async () => {
    const storage = new MemoryStorage();
    const m = model();
    await new LayoutService({ engine: () => Promise.reject(new Error('worker died')), store: new LayoutStore(storage) }).layout(m);
    expect(storage.map.has(LAYOUT_STORE_KEY)).toBe(false);
  });

  it('keeps only the most recent structures, and none over the size limit', () => {
    const storage = new MemoryStorage();
    const store = new LayoutStore(storage, { capacity: 2, maxNodes: 1000 });
    const m = model();
    const ids = m.nodes.map((n) => n.id);
    const pos = simpleLayout(m);
    for (const k of ['a', 'b', 'c']) store.put(k, ids, pos);
    expect(store.get('a', ids)).toBeUndefined();
    expect(store.get('b', ids)).toBeDefined();
    expect(store.get('c', ids)).toBeDefined();
    const small = new LayoutStore(storage, { maxNodes: 1 });
    small.put('big', ids, pos);
    expect(small.get('big', ids)).toBeUndefined();
    // A stored view that misses a node is not used.
    expect(store.get('c', [...ids, 'svc:/new/node:default'])).toBeUndefined();
  });

  it('survives corrupt, full and missing storage', () => {
    const m = model();
    const ids = m.nodes.map((n) => n.id);
    const pos = simpleLayout(m);
    for (const junk of ['{', '"text"', '{"order":[1],"views":{}}', '{"order":["k"],"views":{"k":{"a":[1]}}}', '<script>alert(1)</script>']) {
      const storage = new MemoryStorage();
      storage.map.set(LAYOUT_STORE_KEY, junk);
      const store = new LayoutStore(storage);
      expect(store.get('k', ids)).toBeUndefined();
      store.put('k', ids, pos);
      expect(store.get('k', ids)).toBeDefined();
    }
    const full = new MemoryStorage();
    full.full = true;
    const store = new LayoutStore(full);
    expect(() => store.put('k', ids, pos)).not.toThrow();
    // Nothing reached storage: the next visit lays the graph out again.
    expect(new LayoutStore(full).get('k', ids)).toBeUndefined();
    const none = new LayoutStore(undefined);
    none.put('k', ids, pos);
    expect(none.get('k', ids)).toBeUndefined();
  });

  it('drops layouts stored before issue 12 chose each graph’s direction (the v1 key) and does not read them', () => {
    const m = model();
    const ids = m.nodes.map((n) => n.id);
    const storage = new MemoryStorage();
    // A v1 entry for this very structure: the old direction.
    storage.map.set('bootgraph.layouts.v1', JSON.stringify({ order: [m.key], views: { [m.key]: Object.fromEntries(ids.map((id, k) => [id, [k * 100, 0]])) } }));
    expect(LAYOUT_STORE_KEY).toBe('bootgraph.layouts.v2');
    expect(new LayoutStore(storage).get(m.key, ids)).toBeUndefined();
    expect(storage.map.has('bootgraph.layouts.v1')).toBe(false);
  });
});
