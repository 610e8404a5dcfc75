/**
 * The line a printed page starts with (issue 18): the scenario and the
 * instant shown, since the transport and its time box are controls and are
 * not printed. Hidden on screen.
 */
import { formatTime } from '../../selectors/playhead.ts';
import { useRun, useUi } from '../../session/react/context.tsx';
import styles from './PrintCaption.module.css';

export function PrintCaption() {
  const run = useRun();
  // The playhead, as the transport's time box shows it (the frame's time is its last event's).
  const t = useUi((s) => s.playhead);
  return (
    <p className={styles.caption} data-testid="print.caption">
      {run.scenario.name} — at {formatTime(t)}
    </p>
  );
}
