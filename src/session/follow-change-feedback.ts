/**
 * The feedback after a change (change-feedback.ts: the playhead policy and
 * the outcome summary, issue 13), applied where the run is published,
 * outside React: when the run store replaces the run on screen by a new run
 * of the same scenario and boot, the playhead moves and the outcome is set in
 * the same task, before any view renders. The views then render the new run
 * once, at its final playhead and with its outcome marked (issue 16: a React
 * layout effect used to do this after the views had rendered the new run at
 * the old playhead, so every panel rendered each change twice). Opening
 * another scenario or boot is not a change of this boot: the summary is
 * dismissed, and the command that opened it placed the playhead.
 */
import type { InstanceStatus } from '../engine/trace.ts';
import { selectPosition } from '../store/selectors.ts';
import type { UiStore } from '../store/ui-store.ts';
import { outcomeChange, playheadAfterChange } from './change-feedback.ts';
import type { Run } from './derive-run.ts';

export interface PublishedRuns {
  current(): Run | undefined;
  subscribe(fn: () => void): () => void;
}

/** Follow the run store from now on (the run on screen now is not a change); returns a function that stops. */
export function followChangeFeedback(s: { readonly runs: PublishedRuns; readonly ui: UiStore }): () => void {
  let shown = s.runs.current();
  return s.runs.subscribe(() => {
    const run = s.runs.current();
    const before = shown;
    if (run === undefined || run === before) return;
    shown = run;
    if (before === undefined || before.trace === run.trace) return;
    const ui = s.ui.getState();
    if (before.base !== run.base || before.boot !== run.boot) {
      ui.dismissOutcome();
      return;
    }
    ui.seek(playheadAfterChange(before.trace, run.trace, selectPosition(ui)));
    const end = (r: Run): ReadonlyMap<string, InstanceStatus> => r.seeker.atIndex(r.trace.records.length - 1);
    ui.showOutcome(outcomeChange(before.trace, run.trace, { before: end(before), after: end(run) }));
  });
}
