/**
 * Running text with its glossary terms explained (first occurrence of each;
 * see link-terms.ts). With `showMissing`, the caller's `terms` that the text
 * does not mention are listed after it, so each is still explained.
 */
import { Fragment, useMemo } from 'react';
import { glossaryTermFor, linkTerms } from './link-terms.ts';
import { Term } from './Term.tsx';
import styles from './Term.module.css';

export function GlossaryText({ text, terms, showMissing = false }: { readonly text: string; readonly terms?: readonly string[]; readonly showMissing?: boolean }) {
  const parts = useMemo(() => linkTerms(text, terms), [text, terms]);
  const missing = useMemo(() => {
    if (!showMissing || terms === undefined) return [];
    const linked = new Set(parts.flatMap((p) => ('term' in p ? [p.term] : [])));
    const out: string[] = [];
    for (const t of terms) {
      const g = glossaryTermFor(t);
      if (g !== undefined && !linked.has(g) && !out.includes(g)) out.push(g);
    }
    return out;
  }, [parts, terms, showMissing]);
  return (
    <>
      {parts.map((p, i) => ('term' in p ? <Term key={i} term={p.term}>{p.text}</Term> : <Fragment key={i}>{p.text}</Fragment>))}
      {missing.length > 0 && (
        <span className={styles.also}>
          {' '}See{' '}
          {missing.map((t, i) => (
            <Fragment key={t}>
              {i > 0 && ', '}
              <Term term={t}>{t}</Term>
            </Fragment>
          ))}
          .
        </span>
      )}
    </>
  );
}
