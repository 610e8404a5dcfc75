/**
 * The views' line to the stores (view-gate.ts): held, notifications wait and
 * arrive once per listener on release; the stores and their direct
 * followers are never held.
 */
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { ViewGate, type Subscribe } from './view-gate.ts';

function emitter(): { subscribe: Subscribe; emit: () => void } {
  const fns = new Set<() => void>();
  return {
    subscribe: (fn) => {
      fns.add(fn);
      return () => fns.delete(fn);
    },
    emit: () => {
      for (const fn of [...fns]) fn();
    },
  };
}

describe('ViewGate', () => {
  it('passes notifications through while open', () => {
    const gate = new ViewGate();
    const e = emitter();
    const log: string[] = [];
    gate.subscribe(e.subscribe)(() => log.push('view'));
    e.emit();
    expect(log).toEqual(['view']);
  });

  it('held: notifications wait, once per listener, in the order first notified; release delivers them', () => {
    const gate = new ViewGate();
    const a = emitter();
    const b = emitter();
    const log: string[] = [];
    gate.subscribe(b.subscribe)(() => log.push('b'));
    gate.subscribe(a.subscribe)(() => log.push('a'));
    a.subscribe(() => log.push('follower'));
    gate.hold();
    a.emit();
    b.emit();
    a.emit();
    // A direct follower of the store is not held.
    expect(log).toEqual(['follower', 'follower']);
    expect(gate.isHeld()).toBe(true);
    gate.release();
    expect(log).toEqual(['follower', 'follower', 'a', 'b']);
    expect(gate.isHeld()).toBe(false);
    gate.release();
    expect(log).toHaveLength(4);
  });

  it('a listener that unsubscribes while held is not called on release', () => {
    const gate = new ViewGate();
    const e = emitter();
    const log: string[] = [];
    const off = gate.subscribe(e.subscribe)(() => log.push('view'));
    gate.hold();
    e.emit();
    off();
    gate.release();
    expect(log).toEqual([]);
  });

  it('gives the same wrapped function and store back (React resubscribes when they change)', () => {
    const gate = new ViewGate();
    const e = emitter();
    const store = createStore(() => ({ n: 0 }));
    expect(gate.subscribe(e.subscribe)).toBe(gate.subscribe(e.subscribe));
    expect(gate.store(store)).toBe(gate.store(store));
  });

  it('a store as views read it: the state at once, its notifications held', () => {
    const gate = new ViewGate();
    const store = createStore(() => ({ n: 0 }));
    const view = gate.store(store);
    const seen: number[] = [];
    view.subscribe((s) => seen.push(s.n));
    store.setState({ n: 1 });
    gate.hold();
    store.setState({ n: 2 });
    store.setState({ n: 3 });
    expect(view.getState().n).toBe(3);
    expect(seen).toEqual([1]);
    gate.release();
    expect(seen).toEqual([1, 3]);
    expect(view.getInitialState().n).toBe(0);
  });
});
