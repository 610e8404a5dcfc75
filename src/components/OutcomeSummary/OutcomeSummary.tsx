/**
 * What the last change did to the boot (issue 13), in words: the services
 * that end differently (from → to) and the new boot length, or that no
 * service ends differently. The graph marks the same services until this is
 * dismissed or the next change replaces it.
 */
import { shortFmri } from '../../model/smf/fmri.ts';
import { useUi, useUiActions } from '../../session/react/context.tsx';
import { Icon } from '../Icon/Icon.tsx';
import styles from './OutcomeSummary.module.css';

const SHOWN = 4;

export function OutcomeSummary() {
  const ui = useUiActions();
  const outcome = useUi((s) => s.outcome);
  if (outcome === undefined) return null;
  return (
    <section className={styles.root} role="status" aria-label="What the change did" data-testid="outcome" data-changed={outcome.changed.length}>
      <p className={styles.text} data-testid="outcome.text">{outcome.text}</p>
      {outcome.changed.length > 0 && (
        <ul className={styles.list}>
          {outcome.changed.slice(0, SHOWN).map((c) => (
            <li key={c.fmri}>
              <button type="button" className={styles.item} onClick={() => ui.select(c.fmri)} title={`Select ${c.fmri}`} data-testid="outcome.item" data-fmri={c.fmri}>
                <span className={styles.fmri}>{shortFmri(c.fmri)}</span> {c.from} → {c.to}
              </button>
            </li>
          ))}
          {outcome.changed.length > SHOWN && <li className={styles.more}>+{outcome.changed.length - SHOWN} more (Compare lists them all)</li>}
        </ul>
      )}
      <button type="button" className={`ui-btn ui-btn-ghost ui-btn-icon ${styles.close}`} onClick={() => ui.dismissOutcome()} aria-label="Dismiss" title="Dismiss">
        <Icon name="close" size={14} />
      </button>
    </section>
  );
}
