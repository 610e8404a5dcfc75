import { describe, expect, it } from 'vitest';
import { findPreset } from '../scenarios/catalog.ts';
import { tourById } from '../teaching/tours/index.ts';
import { demoScenario } from '../testing/fixtures.ts';
import { createSession, type Clock, type Session } from './create-session.ts';
import { documentOf } from './doc-store.ts';
import { presetDocument } from './document.ts';
import { leaveTour, nextStep, playTry, predict, prevStep, restartTour, retryTry, showStep, startTour, toggleTour, tourPlan, tourVerdict } from './tour-commands.ts';

const still: Clock = { requestFrame: () => 0, cancelFrame: () => undefined };

/** A session on the demo preset (the run store follows the document), once its first run is on screen. */
async function app(): Promise<Session> {
  const s = createSession({ doc: presetDocument('demo-restart-on'), clock: still, bases: { load: () => Promise.resolve(demoScenario()), label: (id) => id } });
  await s.runs.whenSettled();
  return s;
}

const TOUR = tourById('demo-restart-on');

describe('tour actions', () => {
  it('steps forward and back to the model’s instants', async () => {
    if (TOUR === undefined) throw new Error('tour');
    const s = await app();
    const plan = tourPlan(s.runs, demoScenario(), TOUR);
    startTour(s, TOUR);
    expect(s.ui.getState().tour).toEqual({ id: TOUR.id, step: 0 });
    expect(s.ui.getState().playhead).toBe(plan.steps[0]?.instant);
    nextStep(s);
    nextStep(s);
    expect(s.ui.getState().playhead).toBe(plan.steps[2]?.instant);
    prevStep(s);
    expect(s.ui.getState().tour?.step).toBe(1);
    expect(s.ui.getState().playhead).toBe(plan.steps[1]?.instant);
    s.ui.getState().setPlayhead(42);
    restartTour(s);
    expect(s.ui.getState().tour?.step).toBe(0);
    expect(s.ui.getState().playhead).toBe(plan.steps[0]?.instant);
    showStep(s, TOUR.id, 99);
    expect(s.ui.getState().tour?.step).toBe(TOUR.steps.length - 1);
  });

  it('leaving parks the tour; resuming restores the step and the tour’s own boot', async () => {
    if (TOUR === undefined) throw new Error('tour');
    const s = await app();
    startTour(s, TOUR);
    nextStep(s);
    leaveTour(s);
    expect(s.ui.getState().tour).toBeUndefined();
    s.doc.getState().setCondition('boot.verbose', 'yes', 'no');
    s.doc.getState().setBoot(1);
    toggleTour(s);
    expect(s.ui.getState().tour).toEqual({ id: TOUR.id, step: 1 });
    expect(documentOf(s.doc.getState())).toEqual(presetDocument('demo-restart-on'));
    toggleTour(s);
    expect(s.ui.getState().tourParked).toEqual({ id: TOUR.id, step: 1 });
  });

  it('try it: predict, then the condition becomes the user’s override and the changed boot plays; predict again undoes it', async () => {
    if (TOUR === undefined) throw new Error('tour');
    const s = await app();
    const last = TOUR.steps.length - 1;
    showStep(s, TOUR.id, last);
    playTry(s);
    expect(s.doc.getState().conditions).toEqual({});
    predict(s, 0);
    playTry(s);
    expect(s.doc.getState().conditions).toEqual({ 'boot.default-milestone': 'none' });
    expect(s.ui.getState().tourTry).toEqual({ choice: 0, applied: true });
    expect(s.ui.getState().playhead).toBe(0);
    expect(s.player.getSnapshot().matches('playing')).toBe(true);
    // A prediction cannot change once the boot has played.
    predict(s, 1);
    expect(s.ui.getState().tourTry?.choice).toBe(0);
    expect(tourVerdict(s.runs, demoScenario(), TOUR)?.right).toEqual([false, true]);
    retryTry(s);
    expect(s.doc.getState().conditions).toEqual({});
    expect(s.ui.getState().tourTry).toBeUndefined();
    expect(s.ui.getState().tour).toEqual({ id: TOUR.id, step: last });
  });

  it('which fix removes it: playing a choice applies that choice’s own condition, and the verdict describes that choice’s boot (issue 17)', async () => {
    const flagship = tourById('clearview-ipmp-first-boot');
    const preset = findPreset('clearview-ipmp-first-boot');
    if (flagship === undefined || preset === undefined) throw new Error('flagship');
    const base = await preset.load();
    const s = createSession({ doc: presetDocument(flagship.preset), clock: still, bases: { load: () => Promise.resolve(base), label: (id) => id } });
    await s.runs.whenSettled();
    const last = flagship.steps.length - 1;
    showStep(s, flagship.id, last);
    predict(s, 1);
    playTry(s);
    expect(s.doc.getState().conditions).toEqual({ 'devices.devfsadm-timing': 'root-rw' });
    const two = tourVerdict(s.runs, base, flagship, 1);
    expect(two?.right).toEqual([true, false]);
    expect(two?.line).toContain('dependency cycle');
    retryTry(s);
    predict(s, 0);
    playTry(s);
    expect(s.doc.getState().conditions).toEqual({ 'devices.libdlpi-fallback': 'yes' });
    expect(tourVerdict(s.runs, base, flagship, 0)?.line).toMatch(/^No ordering hazard on \/dev\/ipmpstub, and no dependency cycle/);
    s.dispose();
  });
});
