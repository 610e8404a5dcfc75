/**
 * The views' line to the session's stores, which the session can hold for a
 * moment (issue 16, the picture first): while held, a store's notifications
 * to the views wait, one per listener, and are delivered on release. The
 * stores themselves change at once and the session's own followers (the
 * frame at the playhead, the change feedback, the graph's picture) hear of
 * it at once; only React, which reaches the stores through these wrapped
 * subscriptions (react/context.tsx), renders later. A view that renders
 * meanwhile for another reason reads the stores as they are: the state it
 * sees is always whole, never half old and half new. Framework-free.
 */

export type Subscribe = (fn: () => void) => () => void;

/** A store as views read it (the shape of zustand's `useStore` argument). */
export interface ViewStore<S> {
  getState(): S;
  getInitialState(): S;
  subscribe(fn: (state: S, prev: S) => void): () => void;
}

export class ViewGate {
  private held = false;
  /** Listeners notified while held, in the order they were first notified. */
  private readonly waiting = new Set<() => void>();
  private readonly wrapped = new WeakMap<object, unknown>();

  /** The views' notifications wait until release(). */
  hold(): void {
    this.held = true;
  }

  isHeld(): boolean {
    return this.held;
  }

  /** Deliver what waited, once per listener. */
  release(): void {
    if (!this.held) return;
    this.held = false;
    const fns = [...this.waiting];
    this.waiting.clear();
    for (const fn of fns) fn();
  }

  /** `subscribe` as views use it (one function per store: the same function back for the same argument). */
  subscribe(subscribe: Subscribe): Subscribe {
    const hit = this.wrapped.get(subscribe) as Subscribe | undefined;
    if (hit !== undefined) return hit;
    const gated: Subscribe = (fn) => {
      const off = subscribe(() => this.notify(fn));
      return () => {
        off();
        this.waiting.delete(fn);
      };
    };
    this.wrapped.set(subscribe, gated);
    return gated;
  }

  /** A zustand store as views read it (the same object back for the same store). */
  store<S>(api: ViewStore<S>): ViewStore<S> {
    const hit = this.wrapped.get(api) as ViewStore<S> | undefined;
    if (hit !== undefined) return hit;
    const gated: ViewStore<S> = {
      getState: () => api.getState(),
      getInitialState: () => api.getInitialState(),
      subscribe: (fn) => {
        const listener = (): void => fn(api.getState(), api.getState());
        const off = api.subscribe((s, prev) => (this.held ? this.waiting.add(listener) : fn(s, prev)));
        return () => {
          off();
          this.waiting.delete(listener);
        };
      },
    };
    this.wrapped.set(api, gated);
    return gated;
  }

  private notify(fn: () => void): void {
    if (this.held) this.waiting.add(fn);
    else fn();
  }
}
