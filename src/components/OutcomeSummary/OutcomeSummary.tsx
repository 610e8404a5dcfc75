/**
 * What the last change did to the boot (issue 13), in one compact line: how
 * many services end differently, the first few as buttons (from → to;
 * failures that appear or go away first), and the new boot length; or that
 * no service ends differently. The graph marks the same services until this
 * is dismissed or the next change replaces it.
 */
import { useState } from 'react';
import { shortFmri } from '../../model/smf/fmri.ts';
import { useUi, useUiActions } from '../../session/react/context.tsx';
import { Icon } from '../Icon/Icon.tsx';
import styles from './OutcomeSummary.module.css';

const SHOWN = 3;

export function OutcomeSummary() {
  const ui = useUiActions();
  const outcome = useUi((s) => s.outcome);
  // Expanded for this outcome only: the next change starts compact again.
  const [expandedFor, setExpandedFor] = useState<number | undefined>(undefined);
  if (outcome === undefined) return null;
  const expanded = expandedFor === outcome.id;
  const shown = expanded ? outcome.changed : outcome.changed.slice(0, SHOWN);
  const more = outcome.changed.length - shown.length;
  return (
    <section className={styles.root} role="status" aria-label="What the change did" data-testid="outcome" data-changed={outcome.changed.length}>
      <p className={styles.text} data-testid="outcome.text">
        <strong>{outcome.headline}</strong>
        {outcome.changed.length === 0 ? '. ' : ': '}
        {shown.map((c) => (
          <button key={c.fmri} type="button" className={styles.item} onClick={() => ui.select(c.fmri)} title={`Select ${c.fmri}`} data-testid="outcome.item" data-fmri={c.fmri}>
            <span className={styles.fmri}>{shortFmri(c.fmri)}</span> {c.from} → {c.to}
          </button>
        ))}
        {(more > 0 || expanded) && outcome.changed.length > SHOWN && (
          <button type="button" className={styles.more} onClick={() => setExpandedFor(expanded ? undefined : outcome.id)} aria-expanded={expanded} data-testid="outcome.more">
            {expanded ? 'fewer' : `+${more} more`}
          </button>
        )}
        <span className={styles.length}>{outcome.length}</span>
      </p>
      <button type="button" className={`ui-btn ui-btn-ghost ui-btn-icon ${styles.close}`} onClick={() => ui.dismissOutcome()} aria-label="Dismiss" title="Dismiss">
        <Icon name="close" size={14} />
      </button>
    </section>
  );
}
