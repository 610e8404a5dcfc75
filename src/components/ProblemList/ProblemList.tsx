/** With nothing selected, the inspector shows `svcs -x`: every root-cause problem at the playhead. */
import { useMemo } from 'react';
import { useRun, useSlowFrame, useUiActions } from '../../session/react/context.tsx';
import { explainAll } from '../../engine/index.ts';
import { shortFmri } from '../../model/smf/fmri.ts';
import { svcsLabel } from '../../selectors/narrate.ts';
import { visualState } from '../../selectors/visual-state.ts';
import { StateBadge } from '../StateBadge/StateBadge.tsx';
import styles from './ProblemList.module.css';

export function ProblemList() {
  const ui = useUiActions();
  const run = useRun();
  const frame = useSlowFrame();
  const problems = useMemo(() => explainAll({ trace: run.trace, statuses: frame.statuses, files: frame.files }), [run.trace, frame]);
  const counts = useMemo(() => {
    let online = 0;
    let total = 0;
    for (const i of run.trace.instances) {
      const s = frame.statuses.get(i.fmri);
      if (s === undefined || !s.present) continue;
      total++;
      if (s.state === 'online' || s.state === 'degraded') online++;
    }
    return { online, total };
  }, [run.trace, frame]);

  return (
    <div className={styles.root} data-testid="inspector.problems">
      <p className={styles.summary}>
        <strong>{counts.online}</strong> of {counts.total} services running.
        {problems.length === 0 ? ' svcs -x reports no problems at this instant.' : ` svcs -x reports ${problems.length} problem${problems.length === 1 ? '' : 's'}:`}
      </p>
      <ul className={styles.list}>
        {problems.map((p) => {
          const s = frame.statuses.get(p.fmri);
          return (
            <li key={p.fmri}>
              <button type="button" className={styles.item} onClick={() => ui.select(p.fmri)}>
                <span className={styles.head}>
                  <span className={styles.fmri}>{shortFmri(p.fmri)}</span>
                  <StateBadge state={visualState(s)} label={svcsLabel(s)} compact />
                </span>
                <span className={styles.reason}>
                  {p.reasons[0]?.text.replace(/\n\s+/g, ' ') ?? ''}
                  {p.impact.length > 0 && <span className={styles.impact}> · holds back {p.impact.length}</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <p className={styles.hint}>Select a service in the graph, the table or the timeline to inspect it.</p>
    </div>
  );
}
