/**
 * The ordering hazards the two boots took differently (issue 17): for each,
 * what each boot did and when, and whether its order was the one that works.
 * Shown above the first divergence: between two boots of the timing
 * explorer, this is what decided them.
 */
import { useMemo } from 'react';
import { accessText, hazardObject } from '../../engine/hazard-text.ts';
import type { Hazard } from '../../engine/hazards.ts';
import type { Trace } from '../../engine/trace.ts';
import { hazardDiff } from '../../selectors/hazard-diff.ts';
import styles from './CompareView.module.css';

function Side({ name, label, h }: { name: 'A' | 'B'; label: string; h: Hazard | undefined }) {
  return (
    <div className={styles.side} data-testid={`compare.hazard.${name}`} data-right={h === undefined ? undefined : String(h.right)}>
      <p className={styles.sideHead}>
        <span className={styles.tag} data-side={name}>{name}</span>
        <span className={styles.sideLabel}>{label}</span>
      </p>
      {h === undefined ? (
        <p className={styles.hazardLine}>No hazard on it: the two services did not both touch it.</p>
      ) : (
        <>
          <p className={styles.hazardLine}>
            <span className={h.right ? styles.rightOrder : styles.wrongOrder}>{h.right ? 'The order that works' : 'The wrong order'}</span>
          </p>
          <p className={styles.hazardLine}>{h.order === 'writer-first' ? accessText(h.writer) : accessText(h.reader)};</p>
          <p className={styles.hazardLine}>then {h.order === 'writer-first' ? accessText(h.reader) : accessText(h.writer)}.</p>
        </>
      )}
    </div>
  );
}

export function HazardDiffCard({ a, b, labelA, labelB }: { readonly a: Trace; readonly b: Trace; readonly labelA: string; readonly labelB: string }) {
  const rows = useMemo(() => hazardDiff(a, b), [a, b]);
  if (rows.length === 0) return null;
  return (
    <section className={`${styles.card} ${styles.hazardCard}`} aria-labelledby="hazard-diff-title" data-testid="compare.hazards">
      <header className={styles.cardHead}>
        <h3 id="hazard-diff-title" className="ui-eyebrow">
          {rows.length === 1 ? 'The ordering hazard the boots took differently' : `${rows.length} ordering hazards the boots took differently`}
        </h3>
      </header>
      {rows.map((r) => {
        const h = r.a ?? r.b;
        return (
          <div key={r.id} className={styles.hazardRow} data-testid="compare.hazard" data-object={r.object}>
            <p className={styles.hazardWhat}>{h === undefined ? r.object : hazardObject(h)}</p>
            <div className={styles.sides}>
              <Side name="A" label={labelA} h={r.a} />
              <Side name="B" label={labelB} h={r.b} />
            </div>
          </div>
        );
      })}
    </section>
  );
}
