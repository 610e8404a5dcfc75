/**
 * The rows of a long scrolled list that are in view (issue 15: the work per
 * playhead move is what is on screen, not what the boot holds). A list of
 * fixed-height rows draws only these, plus OVERSCAN above and below so that a
 * quick scroll does not show a gap; 5,000 services are 5,000 table rows and
 * ~25,000 events, of which a screen shows thirty.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/** Rows drawn above and below the visible ones. */
const OVERSCAN = 25;

export interface VisibleRows<E extends HTMLElement> {
  /** The scrolling element. */
  readonly ref: RefObject<E | null>;
  /** The first row drawn. */
  readonly first: number;
  /** One past the last row drawn. */
  readonly last: number;
  /** Scroll the least needed to show row `index` (scrollIntoView's "nearest"). */
  readonly reveal: (index: number) => void;
}

/**
 * `count` rows of `rowHeight` px in the element `ref` points to, starting
 * `offset` px below the top of its content (padding, or a header that is
 * `sticky` and so covers the top of the view); `all` draws every row (short
 * lists, where every row stays in the document for find-in-page and screen
 * readers).
 */
export function useVisibleRows<E extends HTMLElement>(
  count: number,
  rowHeight: number,
  options: { readonly offset?: number; readonly sticky?: boolean; readonly all?: boolean } = {},
): VisibleRows<E> {
  const ref = useRef<E>(null);
  const offset = options.offset ?? 0;
  const covered = options.sticky === true ? offset : 0;
  const [view, setView] = useState({ top: 0, height: 400 });
  useEffect(() => {
    const el = ref.current;
    if (el === null) return undefined;
    const update = (): void => setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
    const ro = new ResizeObserver(update);
    ro.observe(el);
    el.addEventListener('scroll', update, { passive: true });
    update();
    return () => {
      ro.disconnect();
      el.removeEventListener('scroll', update);
    };
  }, []);
  const reveal = useCallback(
    (index: number) => {
      const el = ref.current;
      if (el === null || index < 0) return;
      const top = offset + index * rowHeight;
      // Below a sticky header, above the bottom edge.
      if (top - covered < el.scrollTop) el.scrollTop = top - covered;
      else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
    },
    [offset, covered, rowHeight],
  );
  if (options.all === true) return { ref, first: 0, last: count, reveal };
  const top = Math.max(0, view.top - offset);
  const first = Math.max(0, Math.min(count, Math.floor(top / rowHeight) - OVERSCAN));
  const last = Math.min(count, Math.ceil((top + view.height) / rowHeight) + OVERSCAN);
  return { ref, first, last, reveal };
}
