import { describe, expect, it } from 'vitest';
import { AUTOSAVE_KEY, decodeAutosave, encodeAutosave } from './autosave-record.ts';
import { Autosaver, IDLE_TIMEOUT_MS, idleTimers, readAutosave, type KeyValueStore, type Timers } from './autosave.ts';
import { createSession } from '../create-session.ts';

class MemoryStore implements KeyValueStore {
  readonly map = new Map<string, string>();
  writes = 0;
  failing = false;
  getItem(k: string): string | null {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    if (this.failing) throw new Error('QuotaExceededError');
    this.writes++;
    this.map.set(k, v);
  }
}

/** Timers run only when the test says so. */
class ManualTimers implements Timers {
  private next = 1;
  readonly pending = new Map<number, () => void>();
  set(fn: () => void): unknown {
    const id = this.next++;
    this.pending.set(id, fn);
    return id;
  }
  clear(h: unknown): void {
    this.pending.delete(h as number);
  }
  runAll(): void {
    const fns = [...this.pending.values()];
    this.pending.clear();
    for (const f of fns) f();
  }
}

function setup(armed: boolean) {
  const s = createSession({ doc: { source: { kind: 'preset', id: 'demo-restart-on' }, conditions: {}, interventions: [], boot: 0 } });
  const store = new MemoryStore();
  const timers = new ManualTimers();
  const errors: string[] = [];
  const saver = new Autosaver(s, store, { armed, timers, onError: (m) => errors.push(m) });
  saver.start();
  return { s, store, timers, saver, errors };
}

describe('autosave', () => {
  it('writes the session a moment after it changes (debounced), and reads it back', () => {
    const { s, store, timers } = setup(true);
    s.ui.getState().setPlayhead(100);
    s.ui.getState().setPlayhead(200);
    s.ui.getState().select('svc:/site/db:default');
    expect(store.writes).toBe(0);
    expect(timers.pending.size).toBe(1);
    timers.runAll();
    expect(store.writes).toBe(1);
    expect(readAutosave(store)?.state).toEqual({ p: 'demo-restart-on', t: 200, sel: 'svc:/site/db:default' });
    s.player.stop();
  });

  it('after a link is opened it keeps the saved work until the user changes the document', () => {
    const { s, store, timers, saver } = setup(false);
    store.map.set(AUTOSAVE_KEY, encodeAutosave({ state: { p: 'demo-restart-on', c: { 'boot.mode': 'single' }, t: 7 } }));
    const before = store.map.get(AUTOSAVE_KEY);
    // Looking around the link's state is not work.
    s.ui.getState().setPlayhead(500);
    s.ui.getState().select('svc:/site/app:default');
    timers.runAll();
    saver.flush();
    expect(store.map.get(AUTOSAVE_KEY)).toBe(before);
    // Changing the document is.
    s.doc.getState().setCondition('boot.verbose', 'yes', 'no');
    expect(saver.isArmed()).toBe(true);
    timers.runAll();
    expect(readAutosave(store)?.state.c).toEqual({ 'boot.verbose': 'yes' });
    s.player.stop();
  });

  it('disarm() cancels a pending write', () => {
    const { s, store, timers, saver } = setup(true);
    s.ui.getState().setPlayhead(5);
    saver.disarm();
    timers.runAll();
    expect(store.writes).toBe(0);
    s.player.stop();
  });

  it('a failing store is reported once and never throws', () => {
    const { s, store, timers, errors } = setup(true);
    store.failing = true;
    s.ui.getState().setPlayhead(5);
    timers.runAll();
    s.ui.getState().setPlayhead(6);
    timers.runAll();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('Download the scenario file');
    s.player.stop();
  });

  it('keeps an imported scenario’s findings', () => {
    const s = createSession({
      doc: {
        source: {
          kind: 'inline',
          scenario: { format: 'bootgraph/1', name: 'x', services: [{ fmri: 'svc:/site/a' }] },
          imported: { files: ['a.xml'], findings: [{ severity: 'warning', code: 'missing-target', file: 'a.xml', line: 3, column: 5, fmri: 'svc:/site/a', message: 'm' }] },
        },
        conditions: {},
        interventions: [],
        boot: 0,
      },
    });
    const store = new MemoryStore();
    const saver = new Autosaver(s, store, { armed: true });
    saver.flush();
    expect(readAutosave(store)?.imported?.findings[0]).toMatchObject({ code: 'missing-target', line: 3, fmri: 'svc:/site/a' });
    s.player.stop();
  });

  it('refuses damaged or foreign records', () => {
    expect(decodeAutosave(null)).toBeUndefined();
    expect(decodeAutosave('{')).toBeUndefined();
    expect(decodeAutosave('{"format":"other","state":{"p":"x"}}')).toBeUndefined();
    expect(decodeAutosave('{"format":"bootgraph-autosave/1","state":{"p":3}}')).toBeUndefined();
    expect(decodeAutosave(encodeAutosave({ state: { p: 'demo-restart-on' } }))?.state).toEqual({ p: 'demo-restart-on' });
  });
});

describe('autosave timers (the delay, then an idle moment)', () => {
  it('runs a save at the first idle moment after its delay, and a cleared save never', () => {
    const delay = new ManualTimers();
    const idle = new Map<number, { fn: () => void; timeout: number }>();
    let next = 1;
    const scheduler = { request: (fn: () => void, opts: { timeout: number }) => (idle.set(next, { fn, timeout: opts.timeout }), next++), cancel: (h: unknown) => idle.delete(h as number) };
    const timers = idleTimers(scheduler, delay);
    const ran: string[] = [];
    timers.set(() => ran.push('a'), 600);
    const b = timers.set(() => ran.push('b'), 600);
    expect(idle.size).toBe(0);
    delay.runAll();
    expect(ran).toEqual([]);
    expect([...idle.values()].map((i) => i.timeout)).toEqual([IDLE_TIMEOUT_MS, IDLE_TIMEOUT_MS]);
    timers.clear(b);
    for (const i of [...idle.values()]) i.fn();
    expect(ran).toEqual(['a']);
  });

  it('without an idle callback, runs the save after its delay', () => {
    const delay = new ManualTimers();
    const timers = idleTimers(undefined, delay);
    const ran: string[] = [];
    const h = timers.set(() => ran.push('a'), 600);
    timers.set(() => ran.push('b'), 600);
    timers.clear(h);
    delay.runAll();
    expect(ran).toEqual(['b']);
  });
});
