/**
 * The graph as the centre draws it, shared by the graph and the inspector so
 * both speak of the same groups: computed once per run and view by the
 * session (src/session/graph-view.ts), whichever asks first. Drawn as
 * themselves besides the story: while a guided tour runs, the services its
 * steps point at (tour-services.ts); after a change, the services that now
 * end differently (the outcome summary marks them on the graph).
 */
import { useMemo } from 'react';
import { useRun, useUi } from './context.tsx';
import { useTour } from './use-tour.ts';
import type { CollapsedModel } from '../../graph-view/collapse.ts';
import type { LimitedView } from '../../graph-view/draw-limit.ts';
import { graphViewOf } from '../graph-view.ts';
import { alsoStoryOf, pictureElements } from '../picture.ts';
import type { ElementDef, Marks } from '../../graph-view/to-elements.ts';
import type { Frame } from '../frame-store.ts';
import { tourServices } from '../../selectors/tour-services.ts';

const NONE: readonly string[] = [];

/** The open tour's services and files, drawn as themselves in any view (tour-services.ts). */
export function useTourServices(): readonly string[] {
  const plan = useTour()?.plan;
  return useMemo(() => (plan === undefined ? NONE : tourServices(plan)), [plan]);
}

export function useGraphView(): CollapsedModel {
  return useLimitedGraphView().model;
}

/** The graph drawn, and why it is not the view asked for where the drawn-node limit applied (draw-limit.ts). */
export function useLimitedGraphView(): LimitedView {
  const run = useRun();
  const collapse = useUi((s) => s.collapse);
  const expanded = useUi((s) => s.expanded);
  const outcome = useUi((s) => s.outcome);
  const tour = useTourServices();
  const alsoStory = useMemo(() => alsoStoryOf(tour, outcome), [tour, outcome]);
  return useMemo(() => graphViewOf(run, { collapse, expanded, alsoStory }), [run, collapse, expanded, alsoStory]);
}

/**
 * The graph's elements at the frame with the panel's marks and the last change's (the services that end differently):
 * the same function, over the same objects, as a new run's picture drawn first (src/session/picture.ts), so that
 * picture is this render's answer.
 */
export function useGraphElements(model: CollapsedModel, frame: Frame, marks: Omit<Marks, 'changed'>): readonly ElementDef[] {
  const outcome = useUi((s) => s.outcome);
  return useMemo(() => pictureElements(model, frame, marks, outcome), [model, frame, marks, outcome]);
}
