import { describe, expect, it } from 'vitest';
import { createSession } from '../create-session.ts';
import { encodeAutosave, type AutosaveRecord } from './autosave-record.ts';
import { Autosaver, type Timers } from './autosave.ts';
import { SavedWorkService } from './saved-work-service.ts';
import { OPENING_KEY, planStart, scanSavedWork, slotKey, type WorkStorage } from './saved-work.ts';

class MemoryStorage implements WorkStorage {
  readonly map = new Map<string, string>();
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
    this.map.set(k, v);
  }
  removeItem(k: string): void {
    this.map.delete(k);
  }
}

const never: Timers = { set: () => 0, clear: () => undefined };
const rec = (p: string, savedAt: string, t = 0): AutosaveRecord => ({ state: { p, t }, savedAt });

function start(st: MemoryStorage, tab: string, held: ReadonlySet<string> = new Set()) {
  let n = 0;
  const fresh = (): string => `fresh${++n}`;
  const work = scanSavedWork(st, fresh);
  const plan = planStart(work, true, tab, held, fresh);
  const s = createSession({ doc: { source: { kind: 'preset', id: 'demo-restart-on' }, conditions: {}, interventions: [], boot: 0 } });
  const autosave = new Autosaver(s, st, { armed: true, timers: never, key: plan.ownKey });
  const adopted: string[] = [];
  let finish: () => void = () => undefined;
  const opened = new Promise<void>((r) => {
    finish = r;
  });
  const service = new SavedWorkService(st, s, autosave, 'clearview-ipmp-first-boot', work, plan, { held, adopt: (k) => adopted.push(k), opened: () => opened });
  return { s, work, plan, autosave, service, adopted, finish: () => finish() };
}

describe('the saved work service (issue 15)', () => {
  it('safe mode: shows the unfinished work; "open it anyway" opens it, re-arms the crash guard, and the guard goes once it is drawn', async () => {
    const st = new MemoryStorage();
    st.setItem(slotKey('a'), encodeAutosave(rec('demo-restart-on', '2026-12-03T10:00:00.000Z', 1234)));
    st.setItem(OPENING_KEY, JSON.stringify({ slot: slotKey('a') }));
    const { s, service, autosave, adopted, finish } = start(st, 'new');
    expect(service.get().visible).toBe(true);
    expect(service.get().safeMode?.key).toBe(slotKey('a'));
    expect(service.get().safeMode?.description).toContain('demo-restart-on');
    expect(s.ui.getState().playhead).toBe(0);
    expect(service.open(slotKey('a'))).toBe(true);
    expect(s.ui.getState().playhead).toBe(1234);
    expect(autosave.key()).toBe(slotKey('a'));
    expect(adopted).toEqual([slotKey('a')]);
    expect(JSON.parse(st.getItem(OPENING_KEY) ?? 'null')).toMatchObject({ slot: slotKey('a') });
    finish();
    await Promise.resolve();
    await Promise.resolve();
    expect(st.getItem(OPENING_KEY)).toBeNull();
    expect(service.get().safeMode).toBeUndefined();
  });

  it('discarding the unfinished work removes it and its marker; download gives it back as stored', () => {
    const st = new MemoryStorage();
    const text = encodeAutosave(rec('demo-restart-on', '2026-12-03T10:00:00.000Z'));
    st.setItem(slotKey('a'), text);
    st.setItem(OPENING_KEY, JSON.stringify({ slot: slotKey('a') }));
    const { service } = start(st, 'new');
    expect(service.download(slotKey('a'))?.text).toBe(text);
    service.discard(slotKey('a'));
    expect(st.getItem(slotKey('a'))).toBeNull();
    expect(st.getItem(OPENING_KEY)).toBeNull();
    expect(service.get().safeMode).toBeUndefined();
  });

  it('opening work another tab holds opens a copy: this tab keeps saving into its own slot', () => {
    const st = new MemoryStorage();
    st.setItem(slotKey('a'), encodeAutosave(rec('demo-restart-on', '2026-12-03T10:00:00.000Z', 500)));
    const held = new Set([slotKey('a')]);
    const { service, autosave, plan } = start(st, 'b', held);
    // The start itself opened a copy and says so.
    expect(plan.copiedFrom?.key).toBe(slotKey('a'));
    expect(service.get().copiedFrom).toContain('demo-restart-on');
    expect(service.open(slotKey('a'))).toBe(true);
    expect(autosave.key()).toBe(slotKey('b'));
    autosave.flush();
    expect(st.getItem(slotKey('a'))).toBe(encodeAutosave(rec('demo-restart-on', '2026-12-03T10:00:00.000Z', 500)));
    expect(st.getItem(slotKey('b'))).not.toBeNull();
  });

  it('the slot this tab saved into before stays openable after it opens another', () => {
    const st = new MemoryStorage();
    st.setItem(slotKey('mine'), encodeAutosave(rec('demo-restart-on', '2026-12-03T10:00:00.000Z')));
    st.setItem(slotKey('old'), encodeAutosave(rec('demo-restart-on', '2026-12-01T10:00:00.000Z', 77)));
    const { service, autosave } = start(st, 'mine');
    expect(service.get().others.map((o) => o.key)).toEqual([slotKey('old')]);
    expect(service.newest()).toBe(slotKey('old'));
    service.open(slotKey('old'));
    expect(autosave.key()).toBe(slotKey('old'));
    expect(service.get().others.map((o) => o.key)).toEqual([slotKey('mine')]);
  });

  it('the work this tab saves into cannot be discarded from under it', () => {
    const st = new MemoryStorage();
    st.setItem(slotKey('mine'), encodeAutosave(rec('demo-restart-on', '2026-12-03T10:00:00.000Z')));
    const { service } = start(st, 'mine');
    service.discard(slotKey('mine'));
    expect(st.getItem(slotKey('mine'))).not.toBeNull();
  });
});
