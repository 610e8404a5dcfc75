/** CSS media queries and the print events as external stores for React (useSyncExternalStore). */
import { useSyncExternalStore } from 'react';

export interface MediaStore {
  readonly subscribe: (cb: () => void) => () => void;
  readonly get: () => boolean;
}

export function media(query: string): MediaStore {
  return {
    subscribe: (cb) => {
      const m = window.matchMedia(query);
      m.addEventListener('change', cb);
      return () => m.removeEventListener('change', cb);
    },
    get: () => window.matchMedia(query).matches,
  };
}

const never = (): boolean => false;

export function useMedia(store: MediaStore): boolean {
  return useSyncExternalStore(store.subscribe, store.get, never);
}

/**
 * The page is being printed: from `beforeprint` to `afterprint`, or while
 * the print media applies (a print preview, Playwright's emulateMedia).
 * Listeners run inside `beforeprint`, so what they render is on paper.
 */
const PRINT = media('print');
let printing = false;
const PRINTING: MediaStore = {
  subscribe: (cb) => {
    const before = (): void => {
      printing = true;
      cb();
    };
    const after = (): void => {
      printing = false;
      cb();
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    const off = PRINT.subscribe(cb);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      off();
    };
  },
  get: () => printing || PRINT.get(),
};

export function usePrinting(): boolean {
  return useMedia(PRINTING);
}
