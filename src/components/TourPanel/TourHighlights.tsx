/** What a tour step points at, as chips with their state at the playhead (a file: present or absent); clicking selects. */
import { useSlowFrame, useUi, useUiActions } from '../../session/react/context.tsx';
import { shortFmri } from '../../model/smf/fmri.ts';
import { filePathOf } from '../../selectors/instance-facts.ts';
import { svcsLabel } from '../../selectors/narrate.ts';
import { visualState } from '../../selectors/visual-state.ts';
import { StateBadge } from '../StateBadge/StateBadge.tsx';
import styles from './TourPanel.module.css';

export function TourHighlights({ ids }: { readonly ids: readonly string[] }) {
  const ui = useUiActions();
  const frame = useSlowFrame();
  const selected = useUi((s) => s.selected);
  if (ids.length === 0) return null;
  return (
    <ul className={styles.chips} aria-label="This step is about" data-testid="tour.highlights">
      {ids.map((id) => {
        const file = id.startsWith('file:');
        const s = frame.statuses.get(id);
        return (
          <li key={id}>
            <button
              type="button"
              className={styles.chip}
              aria-pressed={selected === id}
              onClick={() => ui.select(id)}
              title={file ? id : `Select ${id}`}
              data-testid="tour.highlight"
              data-id={id}
            >
              <span className={styles.chipName}>{file ? filePathOf(id) : shortFmri(id).replace(/:default$/, '')}</span>
              {file ? (
                <StateBadge state={frame.files.has(filePathOf(id)) ? 'file-present' : 'file-missing'} compact />
              ) : (
                <StateBadge state={visualState(s)} label={svcsLabel(s)} compact />
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
