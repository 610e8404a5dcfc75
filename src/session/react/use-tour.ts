/**
 * The open guided tour as the views need it (issue 8): the tour, its plan
 * over the tour's own boot, the current step, whether that boot is what is
 * on screen, and the graph spotlight. Follows the UI store's `tour`
 * (SessionState.tour), so a step restored from a link shows like a clicked one.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { StepPlan, TourPlan } from '../../selectors/tour-plan.ts';
import { stepReached, stepSpotlight } from '../../selectors/tour-plan.ts';
import type { TourPosition, TourTry } from '../../store/teach-slice.ts';
import { tourById } from '../../teaching/tours/index.ts';
import type { Tour } from '../../teaching/tour-types.ts';
import { useDoc, useRun, useSession, useUi } from './context.tsx';
import { isPlaying } from '../player.machine.ts';
import { isTourDocument, tourPlan } from '../tour-commands.ts';

export interface TourView {
  readonly tour: Tour;
  readonly position: TourPosition;
  readonly plan: TourPlan;
  readonly step: StepPlan;
  /** The tour's own boot is on screen (the learner has not changed conditions, commands or boot). */
  readonly onTourBoot: boolean;
  readonly prediction: TourTry | undefined;
}

export function useTour(): TourView | undefined {
  const { runs } = useSession();
  const run = useRun();
  const position = useUi((s) => s.tour);
  const prediction = useUi((s) => s.tourTry);
  const source = useDoc((s) => s.source);
  const conditions = useDoc((s) => s.conditions);
  const interventions = useDoc((s) => s.interventions);
  const boot = useDoc((s) => s.boot);
  return useMemo(() => {
    if (position === undefined) return undefined;
    const tour = tourById(position.id);
    if (tour === undefined || source.kind !== 'preset' || source.id !== tour.preset) return undefined;
    const plan = tourPlan(runs, run.base, tour);
    const step = plan.steps[Math.min(position.step, plan.steps.length - 1)];
    if (step === undefined) return undefined;
    const onTourBoot = isTourDocument({ source, conditions, interventions, boot }, tour);
    return { tour, position, plan, step, onTourBoot, prediction };
  }, [runs, position, prediction, source, conditions, interventions, boot, run.base]);
}

/** What the graph spotlights for the open tour step (undefined: no tour, or the learner is exploring another boot). */
export function useTourSpotlight(): ReadonlySet<string> | undefined {
  const view = useTour();
  return useMemo(() => {
    if (view === undefined) return undefined;
    const applied = view.prediction?.applied === true;
    if (!view.onTourBoot && !applied) return undefined;
    const ids = stepSpotlight(view.step);
    return ids.length === 0 ? undefined : new Set(ids);
  }, [view]);
}

/**
 * The tour's side effects: show the step's instant whenever the step
 * changes (a click, a link, a resumed tour), stop playback at the next step
 * when it is reached, and close a tour whose scenario is no longer open.
 */
export function useTourDirector(view: TourView | undefined): void {
  const services = useSession();
  const position = useUi((s) => s.tour);
  const key = view === undefined ? '' : `${view.tour.id}#${view.step.index}`;
  const instant = view?.step.instant;
  const shown = useRef('');

  // A tour for a scenario that is not on screen (the user opened another one) ends.
  useEffect(() => {
    if (position !== undefined && view === undefined) services.ui.getState().setTour(undefined);
  }, [position, view, services]);

  useEffect(() => {
    if (key === '' || key === shown.current || instant === undefined) return;
    shown.current = key;
    // Only on the tour's own boot: a link that changed conditions keeps its instant.
    if (view?.onTourBoot !== true) return;
    services.player.send({ type: 'PAUSE' });
    services.ui.getState().setPlayhead(instant);
  }, [key, instant, view?.onTourBoot, services]);

  const plan = view?.plan;
  const onTourBoot = view?.onTourBoot === true;
  useEffect(() => {
    if (plan === undefined || !onTourBoot) return undefined;
    return services.ui.subscribe((s, prev) => {
      const at = s.tour;
      if (at === undefined || s.playhead <= prev.playhead || !isPlaying(services.player.getSnapshot())) return;
      const reached = stepReached(plan, at.step, prev.playhead, s.playhead);
      const target = reached === undefined ? undefined : plan.steps[reached];
      if (target === undefined) return;
      // After the ticker has finished this frame (it schedules the next one first).
      queueMicrotask(() => {
        services.player.send({ type: 'PAUSE' });
        services.ui.getState().setPlayhead(target.instant);
        services.ui.getState().setTour({ id: at.id, step: target.index });
      });
    });
  }, [plan, onTourBoot, services]);
}
