/**
 * Code fetched on demand (a lazy chunk): imported once, however many callers ask, and kept once it has arrived so that
 * a caller can use it synchronously (`loaded()`). A failed import (offline before the precache, a deploy replaced the
 * chunk) is forgotten, so the next caller tries again. Used by the lazy panels (components/Lazy/lazy-panel.tsx) and the
 * graph canvas (components/GraphPanel/load-graph-canvas.ts).
 */
export interface LoadOnce<T> {
  /** The import, started by the first call and shared by every call until it settles (again after a failure). */
  load(): Promise<T>;
  /** What the import gave, once it has arrived. */
  loaded(): T | undefined;
}

export function loadOnce<T>(importer: () => Promise<T>): LoadOnce<T> {
  let pending: Promise<T> | undefined;
  let done: { readonly value: T } | undefined;
  return {
    load() {
      pending ??= importer().then(
        (value) => {
          done = { value };
          return value;
        },
        (err: unknown) => {
          pending = undefined;
          throw err;
        },
      );
      return pending;
    },
    loaded: () => done?.value,
  };
}
