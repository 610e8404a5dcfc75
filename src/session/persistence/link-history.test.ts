import { describe, expect, it } from 'vitest';
import { encodeShareState } from '../../share/codec.ts';
import type { ShareStateV1 } from '../../share/share-state.ts';
import { readAddress } from './address.ts';
import { AUTOSAVE_KEY, encodeAutosave } from './autosave-record.ts';
import { Autosaver, type KeyValueStore, type Timers } from './autosave.ts';
import { LinkHistory, type HistoryPort } from './link-history.ts';
import { openingFor } from './open-session.ts';
import { createSession } from '../create-session.ts';

const PRESETS = { known: ['demo-restart-on', 'clearview-ipmp-first-boot'], defaultId: 'clearview-ipmp-first-boot' };

class FakeHistory {
  constructor(private readonly w: FakeWindow) {}
  get state(): unknown {
    return this.w.entries[this.w.at]?.data ?? null;
  }
  pushState(data: unknown, _u: string, url?: string | URL | null): void {
    const w = this.w;
    const href = String(url ?? w.location.href);
    w.entries = w.entries.slice(0, w.at + 1);
    w.entries.push({ href, data });
    w.at++;
  }
  replaceState(data: unknown, _u: string, url?: string | URL | null): void {
    this.w.entries[this.w.at] = { href: String(url ?? this.w.location.href), data };
  }
}

class FakeWindow implements HistoryPort {
  entries: { href: string; data: unknown }[];
  at = 0;
  private readonly listeners = new Set<() => void>();
  readonly history = new FakeHistory(this);
  constructor(href: string) {
    this.entries = [{ href, data: null }];
  }
  get location() {
    const u = new URL(this.entries[this.at]?.href ?? 'https://x.test/');
    return { href: u.href, search: u.search, hash: u.hash };
  }
  addEventListener(_t: 'popstate', fn: () => void): void {
    this.listeners.add(fn);
  }
  removeEventListener(_t: 'popstate', fn: () => void): void {
    this.listeners.delete(fn);
  }
  go(delta: number): void {
    this.at += delta;
    for (const f of this.listeners) f();
  }
  /** The user types a new address with only the fragment changed. */
  navigate(href: string): void {
    this.history.pushState(null, '', href);
    for (const f of this.listeners) f();
  }
}

class MemoryStore implements KeyValueStore {
  readonly map = new Map<string, string>();
  getItem(k: string): string | null {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.map.set(k, v);
  }
}

class ManualTimers implements Timers {
  private fns = new Map<number, () => void>();
  private n = 0;
  set(fn: () => void): unknown {
    this.fns.set(++this.n, fn);
    return this.n;
  }
  clear(h: unknown): void {
    this.fns.delete(h as number);
  }
  runAll(): void {
    const f = [...this.fns.values()];
    this.fns.clear();
    for (const x of f) x();
  }
}

const frag = (state: ShareStateV1): string => {
  const e = encodeShareState(state);
  if (!e.ok) throw new Error(e.message);
  return e.fragment;
};

/** What main.tsx does, with fakes. */
function boot(href: string, saved?: ShareStateV1) {
  const win = new FakeWindow(href);
  const store = new MemoryStore();
  if (saved !== undefined) store.map.set(AUTOSAVE_KEY, encodeAutosave({ state: saved }));
  const request = readAddress(win.location, PRESETS.known);
  const opening = openingFor(request, saved === undefined ? undefined : { state: saved }, PRESETS.defaultId, PRESETS.known);
  const s = createSession({
    doc: { source: opening.session.source, conditions: opening.session.conditions, interventions: opening.session.interventions, boot: opening.session.boot },
    ui: { playhead: opening.session.playhead, pin: undefined, selected: opening.session.selected },
  });
  const timers = new ManualTimers();
  const saver = new Autosaver(s, store, { armed: !opening.fromAddress, timers });
  saver.start();
  const links = new LinkHistory(s, saver, win, PRESETS);
  links.begin(request);
  links.start();
  return { win, store, s, timers, saver, links, opening };
}

describe('links in the running app', () => {
  it('a plain visit restores the autosaved work', () => {
    const { s, opening } = boot('https://x.test/app/', { p: 'demo-restart-on', t: 42, sel: 'svc:/site/db:default' });
    expect(opening.restored).toBe(true);
    expect(s.doc.getState().source).toEqual({ kind: 'preset', id: 'demo-restart-on' });
    expect(s.ui.getState().playhead).toBe(42);
    expect(s.ui.getState().selected).toBe('svc:/site/db:default');
    s.player.stop();
  });

  it('a bad link opens the default scenario and leaves the autosave untouched', () => {
    const saved = { p: 'demo-restart-on', c: { 'boot.mode': 'single' }, t: 42 };
    const { s, store, timers, opening, saver } = boot('https://x.test/app/#v1.this-is-not-lz', saved);
    const before = store.map.get(AUTOSAVE_KEY);
    expect(opening.problem).toContain('could not be opened');
    expect(s.doc.getState().source).toEqual({ kind: 'preset', id: 'clearview-ipmp-first-boot' });
    s.ui.getState().setPlayhead(300);
    timers.runAll();
    saver.flush();
    expect(store.map.get(AUTOSAVE_KEY)).toBe(before);
    s.player.stop();
  });

  it('share pushes the link as a history entry; back and forward reopen the states', () => {
    const { win, s, links } = boot('https://x.test/app/?preset=demo-restart-on');
    s.ui.getState().setPlayhead(1000);
    const first = links.share();
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(win.entries).toHaveLength(2);
    expect(win.location.href).toBe(first.href);
    expect(win.location.search).toBe('');
    // Sharing the same state again adds no entry.
    links.share();
    expect(win.entries).toHaveLength(2);

    s.doc.getState().setCondition('boot.mode', 'single', undefined);
    s.ui.getState().setPlayhead(3000);
    s.ui.getState().select('svc:/site/app:default');
    const second = links.share();
    expect(second.ok && second.href).not.toBe(first.href);
    expect(win.entries).toHaveLength(3);

    win.go(-1);
    expect(s.ui.getState().playhead).toBe(1000);
    expect(s.doc.getState().conditions).toEqual({});
    expect(s.ui.getState().selected).toBeUndefined();
    win.go(1);
    expect(s.ui.getState().playhead).toBe(3000);
    expect(s.doc.getState().conditions).toEqual({ 'boot.mode': 'single' });
    expect(s.ui.getState().selected).toBe('svc:/site/app:default');
    s.player.stop();
  });

  it('back returns to a shared state even after the user moved on from it (the address was made plain)', () => {
    const { win, s, links, timers } = boot('https://x.test/app/?preset=demo-restart-on');
    s.ui.getState().setPlayhead(1000);
    const a = links.share();
    // Time passes: the user changes things, the autosave runs, the address is made plain.
    s.ui.getState().setPlayhead(3000);
    timers.runAll();
    expect(win.location.hash).toBe('');
    const b = links.share();
    expect(b.ok).toBe(true);
    win.go(-1);
    expect(s.ui.getState().playhead).toBe(1000);
    expect(a.ok && win.location.href).toBe(a.ok ? a.href : '');
    // And the old-style entry the app was opened with reopens its preset.
    win.go(-1);
    expect(s.ui.getState().playhead).toBe(0);
    expect(s.doc.getState().source).toEqual({ kind: 'preset', id: 'demo-restart-on' });
    win.go(2);
    expect(s.ui.getState().playhead).toBe(3000);
    s.player.stop();
  });

  it('once the user moves on from an opened link, the address becomes plain (a reload shows their work)', () => {
    const f = frag({ p: 'demo-restart-on', t: 1000 });
    const { win, s, timers, store } = boot(`https://x.test/app/#${f}`);
    expect(win.location.hash).toBe(`#${f}`);
    s.ui.getState().setPlayhead(1000);
    timers.runAll();
    expect(win.location.hash).toBe(`#${f}`);
    s.doc.getState().setCondition('boot.verbose', 'yes', 'no');
    timers.runAll();
    expect(win.location.href).toBe('https://x.test/app/');
    expect(store.map.has(AUTOSAVE_KEY)).toBe(true);
    s.player.stop();
  });

  it('a link typed into the address bar opens; a bad one says why; a plain entry brings back the work', () => {
    const saved = { p: 'demo-restart-on', t: 77 };
    const { win, s } = boot('https://x.test/app/', saved);
    win.navigate(`https://x.test/app/#${frag({ p: 'clearview-ipmp-first-boot', t: 1000, sel: 'svc:/network/physical:default' })}`);
    expect(s.doc.getState().source).toEqual({ kind: 'preset', id: 'clearview-ipmp-first-boot' });
    expect(s.ui.getState().selected).toBe('svc:/network/physical:default');
    expect(s.ui.getState().linkNotice).toBeUndefined();
    win.navigate('https://x.test/app/#v9.zzz');
    expect(s.ui.getState().linkNotice?.text).toContain('newer bootgraph');
    expect(s.ui.getState().linkNotice?.restorable).toBe(true);
    win.go(-2);
    expect(s.doc.getState().source).toEqual({ kind: 'preset', id: 'demo-restart-on' });
    expect(s.ui.getState().playhead).toBe(77);
    s.player.stop();
  });

  it('a state too large for a link is refused with the file offered, and the address is left alone', () => {
    const services = Array.from({ length: 4000 }, (_, i) => ({ fmri: `svc:/big/s${i}`, common_name: `${Math.sin(i)} ${i * 7919}` }));
    const { win, s, links } = boot('https://x.test/app/');
    s.doc.getState().openSource({ kind: 'inline', scenario: { format: 'bootgraph/1', name: 'huge', services } });
    const r = links.share();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('Download the scenario file');
    expect(win.entries).toHaveLength(1);
    s.player.stop();
  });
});
