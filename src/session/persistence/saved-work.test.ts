import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AUTOSAVE_KEY, encodeAutosave, type AutosaveRecord } from './autosave-record.ts';
import {
  ASIDE_PREFIX, MAX_SLOTS, OPENING_KEY, chooseSlot, planStart, scanSavedWork, slotKey, slotsToPrune, type WorkStorage,
} from './saved-work.ts';

/** localStorage over a Map; `full` makes every write fail as a full quota does. */
class MemoryStorage implements WorkStorage {
  readonly map = new Map<string, string>();
  full = false;
  get length(): number {
    return this.map.size;
  }
  key(i: number): string | null {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string): string | null {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    if (this.full) throw new Error('QuotaExceededError');
    this.map.set(k, v);
  }
  removeItem(k: string): void {
    this.map.delete(k);
  }
}

const record = (p: string, savedAt: string): AutosaveRecord => ({ state: { p }, savedAt });
const ids = (): (() => string) => {
  let n = 0;
  return () => `fresh${++n}`;
};

describe('saved work: slots, kept aside, unfinished openings (issue 15)', () => {
  it('reads every slot newest first', () => {
    const st = new MemoryStorage();
    st.setItem(slotKey('a'), encodeAutosave(record('demo-a', '2026-12-01T10:00:00.000Z')));
    st.setItem(slotKey('b'), encodeAutosave(record('demo-b', '2026-12-03T10:00:00.000Z')));
    st.setItem('bootgraph.layouts', '{}');
    const work = scanSavedWork(st, ids());
    expect(work.slots.map((s) => s.record.state.p)).toEqual(['demo-b', 'demo-a']);
    expect(work.aside).toEqual([]);
  });

  it('moves an unreadable or newer record aside, byte for byte, and never drops it', () => {
    const st = new MemoryStorage();
    const damaged = '{"format":"bootgraph-autosave/1","state":{"p":';
    const newer = JSON.stringify({ format: 'bootgraph-autosave/2', state: { q: 1 } });
    st.setItem(slotKey('a'), damaged);
    st.setItem(slotKey('b'), newer);
    const work = scanSavedWork(st, ids());
    expect(work.slots).toEqual([]);
    expect(work.movedAside.map((a) => a.reason).sort()).toEqual(['newer', 'unreadable']);
    expect(st.getItem(slotKey('a'))).toBeNull();
    const kept = [...st.map.entries()].filter(([k]) => k.startsWith(ASIDE_PREFIX)).map(([, v]) => v).sort();
    expect(kept).toEqual([damaged, newer].sort());
    // A second scan finds them aside (not "moved" again) and keeps them.
    const again = scanSavedWork(st, ids());
    expect(again.aside).toHaveLength(2);
    expect(again.movedAside).toEqual([]);
  });

  it('a record that cannot be moved (storage full) stays where it is, listed, and no tab saves over it', () => {
    const st = new MemoryStorage();
    st.setItem(slotKey('a'), 'not json');
    st.full = true;
    const work = scanSavedWork(st, ids());
    expect(work.aside).toEqual([{ key: slotKey('a'), reason: 'unreadable', size: 8 }]);
    expect(st.getItem(slotKey('a'))).toBe('not json');
    // The tab whose slot that was starts in a fresh slot.
    const plan = planStart(work, true, 'a', new Set(), ids());
    expect(plan.ownKey).not.toBe(slotKey('a'));
  });

  it('the single autosave of earlier versions becomes a slot', () => {
    const st = new MemoryStorage();
    st.setItem(AUTOSAVE_KEY, encodeAutosave(record('demo-a', '2026-12-01T10:00:00.000Z')));
    const work = scanSavedWork(st, ids());
    expect(work.slots.map((s) => s.key)).toEqual([slotKey('fresh1')]);
    expect(st.getItem(AUTOSAVE_KEY)).toBeNull();
  });

  it('a marker left by an opening that never finished names the unfinished slot, and it is never chosen', () => {
    const st = new MemoryStorage();
    st.setItem(slotKey('a'), encodeAutosave(record('demo-a', '2026-12-03T10:00:00.000Z')));
    st.setItem(slotKey('b'), encodeAutosave(record('demo-b', '2026-12-01T10:00:00.000Z')));
    st.setItem(OPENING_KEY, JSON.stringify({ slot: slotKey('a'), at: '2026-12-03T10:00:01.000Z' }));
    const work = scanSavedWork(st, ids());
    expect(work.unfinished?.key).toBe(slotKey('a'));
    // Safe mode: the default scenario, in a slot that is not the unfinished one, even for the tab that owned it.
    for (const tab of ['a', 'new']) {
      const c = chooseSlot(work, tab, new Set(), ids());
      expect(c.open).toBeUndefined();
      expect(c.ownKey).not.toBe(slotKey('a'));
      expect(c.ownKey).not.toBe(slotKey('b'));
    }
  });

  it('a reload reopens the tab’s own slot even when another is newer', () => {
    const st = new MemoryStorage();
    st.setItem(slotKey('mine'), encodeAutosave(record('demo-a', '2026-12-01T10:00:00.000Z')));
    st.setItem(slotKey('other'), encodeAutosave(record('demo-b', '2026-12-03T10:00:00.000Z')));
    const c = chooseSlot(scanSavedWork(st, ids()), 'mine', new Set([slotKey('other')]), ids());
    expect(c).toMatchObject({ ownKey: slotKey('mine'), open: { key: slotKey('mine') } });
  });

  it('a new tab adopts the newest free slot; if another tab holds it, it opens a copy in a slot of its own', () => {
    const st = new MemoryStorage();
    st.setItem(slotKey('a'), encodeAutosave(record('demo-a', '2026-12-03T10:00:00.000Z')));
    const work = scanSavedWork(st, ids());
    expect(chooseSlot(work, 'new', new Set(), ids())).toMatchObject({ ownKey: slotKey('a'), open: { key: slotKey('a') } });
    const held = chooseSlot(work, 'new', new Set([slotKey('a')]), ids());
    expect(held).toMatchObject({ ownKey: slotKey('new'), open: { key: slotKey('a') }, copiedFrom: { key: slotKey('a') } });
  });

  it('a link opens in the tab’s own slot and never takes over saved work', () => {
    const st = new MemoryStorage();
    st.setItem(slotKey('a'), encodeAutosave(record('demo-a', '2026-12-03T10:00:00.000Z')));
    const plan = planStart(scanSavedWork(st, ids()), false, 'new', new Set(), ids());
    expect(plan.ownKey).toBe(slotKey('new'));
    expect(plan.open).toBeUndefined();
    expect(plan.others.map((s) => s.key)).toEqual([slotKey('a')]);
  });

  it('property: two tabs starting together never save into the same slot, whatever is stored and held', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd'), day: fc.integer({ min: 1, max: 28 }) }), { maxLength: 6 }),
        fc.subarray(['a', 'b', 'c', 'd']),
        fc.option(fc.constantFrom('a', 'b', 'c', 'd')),
        (saved, heldIds, unfinished) => {
          const st = new MemoryStorage();
          for (const s of saved) st.setItem(slotKey(s.id), encodeAutosave(record(`p-${s.id}`, `2026-12-${String(s.day).padStart(2, '0')}T00:00:00.000Z`)));
          if (unfinished !== null) st.setItem(OPENING_KEY, JSON.stringify({ slot: slotKey(unfinished) }));
          const work = scanSavedWork(st, ids());
          const held = new Set(heldIds.map(slotKey));
          const fresh = ids();
          // Tab 1 starts and holds its slot; tab 2 starts with that slot held.
          const one = planStart(work, true, 'tab1', held, fresh);
          const two = planStart(work, true, 'tab2', new Set([...held, one.ownKey]), fresh);
          expect(two.ownKey).not.toBe(one.ownKey);
          for (const p of [one, two]) {
            expect(held.has(p.ownKey)).toBe(false);
            expect(p.ownKey).not.toBe(work.unfinished?.key);
            if (work.unfinished !== undefined) expect(p.open?.key).not.toBe(work.unfinished.key);
          }
        },
      ),
    );
  });

  it('prunes the oldest free slots beyond MAX_SLOTS, never a held, the kept or the unfinished one', () => {
    const st = new MemoryStorage();
    for (let i = 0; i < MAX_SLOTS + 3; i++) st.setItem(slotKey(`s${i}`), encodeAutosave(record('demo', `2026-12-${String(i + 1).padStart(2, '0')}T00:00:00.000Z`)));
    st.setItem(OPENING_KEY, JSON.stringify({ slot: slotKey('s0') }));
    const work = scanSavedWork(st, ids());
    const gone = slotsToPrune(work, new Set([slotKey('s1')]), slotKey('s2'));
    // Nine slots, s8 newest; s0 unfinished, s1 held, s2 kept: the three oldest of the rest go.
    expect(gone).toEqual([slotKey('s5'), slotKey('s4'), slotKey('s3')]);
  });
});
