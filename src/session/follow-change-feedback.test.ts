/**
 * The change feedback (issue 13) applied by the session when a run is
 * published (issue 16): the playhead policy and the outcome summary are in
 * the stores in the same task as the new run, so a view renders the new run
 * once, already at its final playhead and with its outcome.
 */
import { describe, expect, it } from 'vitest';
import { demoScenario, failingBootScenario } from '../testing/fixtures.ts';
import { createSession } from './create-session.ts';
import { outcomeChange, playheadAfterChange } from './change-feedback.ts';
import { inlineDocument } from './document.ts';
import { followChangeFeedback } from './follow-change-feedback.ts';

function session() {
  const s = createSession({ doc: inlineDocument(demoScenario()) });
  const first = s.runs.current();
  if (first === undefined) throw new Error('no run');
  return { s, first };
}

describe('followChangeFeedback', () => {
  it('a new run of the same boot: the playhead policy and the outcome are applied before the run store returns', () => {
    const { s, first } = session();
    const stop = followChangeFeedback(s);
    s.ui.getState().setPlayhead(3000);
    const pos = { t: s.ui.getState().playhead, index: s.ui.getState().pin };
    s.doc.getState().addIntervention({ at: 2000, run: 'svcadm disable svc:/site/db:default' });
    const next = s.runs.current();
    if (next === undefined || next === first) throw new Error('not re-simulated');
    // Expected values from the pure policy (change-feedback.test.ts checks those against hand-built traces).
    const want = playheadAfterChange(first.trace, next.trace, pos);
    expect({ t: s.ui.getState().playhead, index: s.ui.getState().pin }).toEqual({ t: want.t, index: want.index });
    const outcome = s.ui.getState().outcome;
    expect(outcome?.changed).toEqual(outcomeChange(first.trace, next.trace).changed);
    expect(outcome?.changed.map((c) => c.fmri)).toContain('svc:/site/db:default');
    // The frame at the playhead is already the new run's, at the new position.
    expect(s.frames.getFrame().statuses).toEqual(next.seeker.atIndex(s.frames.getFrame().index));
    stop();
    s.dispose();
  });

  it('the run on screen when it starts is not a change, and stopping stops it', () => {
    const { s } = session();
    const stop = followChangeFeedback(s);
    expect(s.ui.getState().outcome).toBeUndefined();
    stop();
    s.doc.getState().addIntervention({ at: 2000, run: 'svcadm disable svc:/site/db:default' });
    expect(s.ui.getState().outcome).toBeUndefined();
    s.dispose();
  });

  it('another scenario is not a change of this boot: the summary is dismissed', () => {
    const { s } = session();
    const stop = followChangeFeedback(s);
    s.doc.getState().addIntervention({ at: 2000, run: 'svcadm disable svc:/site/db:default' });
    expect(s.ui.getState().outcome).toBeDefined();
    s.doc.getState().openSource({ kind: 'inline', scenario: failingBootScenario() });
    expect(s.runs.current()?.scenario.name).toBe(failingBootScenario().name);
    expect(s.ui.getState().outcome).toBeUndefined();
    stop();
    s.dispose();
  });
});
