/**
 * A glossary term on screen: focusable, described by its explanation
 * (aria-describedby), which also shows as a tooltip on hover and on keyboard
 * focus (WCAG 1.4.13: it stays while the pointer is over it, Esc dismisses
 * it). The texts are the glossary's (src/teaching/glossary.ts). Memoised:
 * a panel that re-renders for a new run (the conditions' help texts) does not
 * render its terms again when their words did not change (issue 16).
 */
import { memo, useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { lookupTerm } from '../../teaching/glossary.ts';
import { glossaryTermFor } from './link-terms.ts';
import styles from './Term.module.css';

const HIDE_DELAY_MS = 120;
const MAX_W = 320;

interface Place {
  readonly left: number;
  readonly top: number;
  readonly below: boolean;
}

function placeFor(el: HTMLElement): Place {
  const r = el.getBoundingClientRect();
  const left = Math.min(Math.max(8, r.left + r.width / 2 - MAX_W / 2), window.innerWidth - MAX_W - 8);
  // Above the term unless it is near the top of the window.
  const below = r.top < 150;
  return { left, top: below ? r.bottom + 8 : r.top - 8, below };
}

export const Term = memo(function Term({ term, children, className }: { readonly term: string; readonly children?: ReactNode; readonly className?: string }) {
  const entry = lookupTerm(glossaryTermFor(term) ?? term);
  const id = useId();
  const ref = useRef<HTMLSpanElement>(null);
  const [place, setPlace] = useState<Place | undefined>(undefined);
  const hideTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const show = useCallback(() => {
    if (hideTimer.current !== undefined) clearTimeout(hideTimer.current);
    hideTimer.current = undefined;
    if (ref.current !== null) setPlace(placeFor(ref.current));
  }, []);
  const hideSoon = useCallback(() => {
    if (hideTimer.current !== undefined) clearTimeout(hideTimer.current);
    hideTimer.current = setTimeout(() => setPlace(undefined), HIDE_DELAY_MS);
  }, []);
  const hide = useCallback(() => {
    if (hideTimer.current !== undefined) clearTimeout(hideTimer.current);
    hideTimer.current = undefined;
    setPlace(undefined);
  }, []);

  useEffect(() => {
    if (place === undefined) return undefined;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        hide();
      }
    };
    // The tooltip is placed once; anything that moves the term closes it.
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('scroll', hide, true);
    window.addEventListener('resize', hide);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('scroll', hide, true);
      window.removeEventListener('resize', hide);
    };
  }, [place, hide]);

  useEffect(() => () => {
    if (hideTimer.current !== undefined) clearTimeout(hideTimer.current);
  }, []);

  if (entry === undefined) return <>{children ?? term}</>;
  return (
    <>
      <span
        ref={ref}
        className={className === undefined ? styles.term : `${styles.term} ${className}`}
        tabIndex={0}
        aria-describedby={id}
        onPointerEnter={show}
        onPointerLeave={hideSoon}
        onFocus={show}
        onBlur={hide}
        data-term={entry.term}
      >
        {children ?? term}
      </span>
      <span id={id} hidden>
        {entry.term}: {entry.text}
      </span>
      {place !== undefined &&
        createPortal(
          <div
            className={place.below ? `${styles.tip} ${styles.below}` : styles.tip}
            style={{ left: place.left, top: place.top, maxWidth: MAX_W }}
            aria-hidden="true"
            onPointerEnter={show}
            onPointerLeave={hideSoon}
            data-testid="glossary.tooltip"
          >
            <span className={styles.tipTerm}>{entry.term}</span>
            <span className={styles.tipText}>{entry.text}</span>
            {entry.ref !== undefined && <span className={styles.tipRef}>docs/smf-semantics.md {entry.ref}</span>}
          </div>,
          document.body,
        )}
    </>
  );
});
