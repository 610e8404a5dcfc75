/**
 * Feedback after every change (issue 13): when the run on screen is replaced
 * by a new run of the same scenario and boot (a condition, a boot option, a
 * command or an edit re-simulated it), apply the playhead policy and show
 * what changed in the outcome (src/session/change-feedback.ts). Opening
 * another scenario or boot is not a change of this boot: no summary, and the
 * command that opened it placed the playhead.
 */
import { useLayoutEffect, useRef } from 'react';
import type { Run } from '../derive-run.ts';
import { outcomeChange, playheadAfterChange } from '../change-feedback.ts';
import { selectPosition } from '../../store/selectors.ts';
import { useRun, useSession } from './context.tsx';

export function useChangeFeedback(): void {
  const session = useSession();
  const run = useRun();
  const prev = useRef<Run | undefined>(undefined);
  useLayoutEffect(() => {
    const before = prev.current;
    prev.current = run;
    if (before === undefined || before.trace === run.trace) return;
    const ui = session.ui.getState();
    if (before.base !== run.base || before.boot !== run.boot) {
      ui.dismissOutcome();
      return;
    }
    const pos = playheadAfterChange(before.trace, run.trace, selectPosition(ui));
    ui.seek(pos);
    const c = outcomeChange(before.trace, run.trace);
    ui.showOutcome(c);
  }, [session, run]);
}
