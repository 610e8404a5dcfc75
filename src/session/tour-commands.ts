/**
 * Guided tours in the running app (issue 8): opening a step (the tour's own
 * boot, the step's instant), leaving and resuming, and the "try it" step
 * (predict, then the condition is applied as the user's own override and the
 * changed boot plays). The tour texts are data (src/teaching/tours); the
 * instants and the verdict come from the model.
 */
import type { Scenario } from '../model/scenario/types.ts';
import { listConditions } from '../model/world/conditions.ts';
import type { Trace } from '../engine/index.ts';
import { planTour, tryOutcome, type TourPlan, type TryOutcome } from '../selectors/tour-plan.ts';
import { choiceCondition, evaluateTry, type TryVerdict } from '../teaching/tour.ts';
import { tourById, tourForPreset } from '../teaching/tours/index.ts';
import type { Tour } from '../teaching/tour-types.ts';
import type { TourPosition } from '../store/teach-slice.ts';
import { documentOf } from './doc-store.ts';
import type { CurrentRun, Editing } from './commands.ts';
import type { Deriver } from './derive-run.ts';
import { presetDocument, type SessionDocument } from './document.ts';

/** What the tour commands touch: the document, the playhead, the run on screen, and the simulator for the tour's own boot. */
export interface Touring extends Editing {
  readonly runs: CurrentRun & Deriver;
}

const PLANS = new WeakMap<Scenario, Map<string, TourPlan>>();

/** The trace of the tour's own boot: the preset as shipped (first boot, no changes). */
function tourTrace(runs: Deriver, base: Scenario, tour: Tour): Trace {
  return runs.derive(base, presetDocument(tour.preset)).trace;
}

/** The tour over its own boot of `base`. Memoised. */
export function tourPlan(runs: Deriver, base: Scenario, tour: Tour): TourPlan {
  let byTour = PLANS.get(base);
  if (byTour === undefined) {
    byTour = new Map();
    PLANS.set(base, byTour);
  }
  const hit = byTour.get(tour.id);
  if (hit !== undefined) return hit;
  const plan = planTour(tour, tourTrace(runs, base, tour));
  byTour.set(tour.id, plan);
  return plan;
}

export interface TryVerdictView extends TryOutcome {
  readonly right: readonly boolean[];
}

const VERDICTS = new WeakMap<Scenario, Map<string, TryVerdictView | undefined>>();
const TRIES = new WeakMap<Scenario, Map<string, TryVerdict | undefined>>();

function memo<T>(cache: WeakMap<Scenario, Map<string, T>>, base: Scenario, key: string, make: () => T): T {
  let byKey = cache.get(base);
  if (byKey === undefined) {
    byKey = new Map();
    cache.set(base, byKey);
  }
  if (byKey.has(key)) return byKey.get(key) as T;
  const out = make();
  byKey.set(key, out);
  return out;
}

/**
 * The model's answer to a tour's "try it" step (simulating the changed boot,
 * or each choice's boot when the choices have their own conditions). The
 * outcome describes the boot of `played` (per-choice conditions: the choice
 * the learner played; default: the right one). Memoised.
 */
export function tourVerdict(runs: Deriver, base: Scenario, tour: Tour, played?: number): TryVerdictView | undefined {
  const step = tour.steps[tour.steps.length - 1];
  if (step === undefined) return undefined;
  const v = memo(TRIES, base, tour.id, () => {
    const out = evaluateTry(base, step, (changed) => runs.derive(changed, presetDocument(tour.preset)).trace);
    return out.ok ? out : undefined;
  });
  if (v === undefined) return undefined;
  const boot = played === undefined ? undefined : v.boots?.[played];
  return memo(VERDICTS, base, `${tour.id}#${boot === undefined ? '' : String(played)}`, () => ({
    ...tryOutcome(step, v.right, boot?.trace ?? v.trace, tourTrace(runs, base, tour), boot === undefined ? undefined : played),
    right: v.right,
  }));
}

/** The document a tour narrates: its preset's first boot, as shipped. */
export function isTourDocument(doc: SessionDocument, tour: Tour): boolean {
  return doc.source.kind === 'preset' && doc.source.id === tour.preset && doc.boot === 0 && doc.interventions.length === 0 && Object.keys(doc.conditions).length === 0;
}

/** The tour for the scenario on screen, if it is a preset that has one. */
export function tourForSession(s: Pick<Editing, 'doc'>): Tour | undefined {
  const src = s.doc.getState().source;
  return src.kind === 'preset' ? tourForPreset(src.id) : undefined;
}

/**
 * Back to the tour's own boot. The scenario source object is kept when it
 * is already the tour's preset, so the base scenario is not reloaded.
 */
function restoreTourDocument(s: Pick<Editing, 'doc'>, tour: Tour): void {
  const d = s.doc.getState();
  if (isTourDocument(documentOf(d), tour)) return;
  if (d.source.kind !== 'preset' || d.source.id !== tour.preset) d.openSource({ kind: 'preset', id: tour.preset });
  else d.replace({ source: d.source, conditions: {}, interventions: [], boot: 0 });
}

/** Open step `step` of a tour: the tour's own boot at the step's instant (Next, Back, Restart and Resume all land here). */
export function showStep(s: Touring, id: string, step: number): void {
  const tour = tourById(id);
  if (tour === undefined) return;
  const k = Math.min(Math.max(0, Math.floor(step)), tour.steps.length - 1);
  s.player.send({ type: 'PAUSE' });
  const src = s.doc.getState().source;
  // Another scenario is on screen: its run is not the tour's; the tour panel seeks once the preset is loaded.
  const base = src.kind === 'preset' && src.id === tour.preset ? s.runs.current()?.base : undefined;
  restoreTourDocument(s, tour);
  const ui = s.ui.getState();
  ui.setTour({ id, step: k });
  if (ui.centreView === 'compare') ui.setCentreView('graph');
  const instant = base === undefined ? undefined : tourPlan(s.runs, base, tour).steps[k]?.instant;
  if (instant !== undefined) ui.setPlayhead(instant);
}

export function startTour(s: Touring, tour: Tour): void {
  showStep(s, tour.id, 0);
}

export function nextStep(s: Touring): void {
  const t = s.ui.getState().tour;
  if (t !== undefined) showStep(s, t.id, t.step + 1);
}

export function prevStep(s: Touring): void {
  const t = s.ui.getState().tour;
  if (t !== undefined && t.step > 0) showStep(s, t.id, t.step - 1);
}

export function restartTour(s: Touring): void {
  const t = s.ui.getState().tour;
  if (t !== undefined) showStep(s, t.id, 0);
}

/** Leave the tour and explore freely; it can be resumed where it was. */
export function leaveTour(s: Pick<Editing, 'ui'>): void {
  s.ui.getState().parkTour();
}

export function resumeTour(s: Touring, parked: TourPosition): void {
  showStep(s, parked.id, parked.step);
}

/** The top bar's Tour button: leave an open tour, resume a parked one, or start this scenario's. */
export function toggleTour(s: Touring): void {
  const ui = s.ui.getState();
  if (ui.tour !== undefined) return leaveTour(s);
  const tour = tourForSession(s);
  if (tour === undefined) return;
  if (ui.tourParked !== undefined && ui.tourParked.id === tour.id) return resumeTour(s, ui.tourParked);
  startTour(s, tour);
}

/** The learner's prediction, before the changed boot plays. */
export function predict(s: Pick<Editing, 'ui'>, choice: number): void {
  const ui = s.ui.getState();
  if (ui.tourTry?.applied === true) return;
  ui.setTourTry({ choice, applied: false });
}

/**
 * Apply the "try it" condition as the user's own condition override (it
 * shows as changed in the panels), then play the changed boot from the start.
 */
export function playTry(s: Touring): void {
  const ui = s.ui.getState();
  const pos = ui.tour;
  const prediction = ui.tourTry;
  const tour = pos === undefined ? undefined : tourById(pos.id);
  const step = tour?.steps[pos?.step ?? -1];
  const base = s.runs.current()?.base;
  if (tour === undefined || step?.try === undefined || prediction === undefined || base === undefined) return;
  s.player.send({ type: 'PAUSE' });
  // The predicted choice's own condition ("which fix removes it?"), else the step's.
  const condition = choiceCondition(step, prediction.choice);
  if (condition === undefined) return;
  const { id, value } = condition;
  const own = listConditions(base).find((c) => c.id === id)?.value;
  restoreTourDocument(s, tour);
  s.doc.getState().setCondition(id, value, own);
  // A question about what survives a reboot is answered by the next boot.
  if (step.try.after === 'next-boot') s.doc.getState().setBoot(1);
  ui.setTourTry({ choice: prediction.choice, applied: true });
  ui.seek({ t: 0, index: -1 });
  s.player.send({ type: 'PLAY' });
}

/** Jump to the instant the changed boot answers the question. */
export function revealTry(s: Pick<Editing, 'ui' | 'player'>, at: number): void {
  s.player.send({ type: 'PAUSE' });
  s.ui.getState().setPlayhead(at);
}

/** Predict again: back to the tour's own boot at the "try it" step. */
export function retryTry(s: Touring): void {
  const t = s.ui.getState().tour;
  if (t === undefined) return;
  s.ui.getState().setTourTry(undefined);
  showStep(s, t.id, t.step);
}
