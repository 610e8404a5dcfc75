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
import { tourServices } from '../../selectors/tour-services.ts';

export function useGraphView(): CollapsedModel {
  return useLimitedGraphView().model;
}

/** The graph drawn, and why it is not the view asked for where the drawn-node limit applied (draw-limit.ts). */
export function useLimitedGraphView(): LimitedView {
  const run = useRun();
  const collapse = useUi((s) => s.collapse);
  const expanded = useUi((s) => s.expanded);
  const outcome = useUi((s) => s.outcome);
  const tour = useTour();
  const plan = tour?.plan;
  const alsoStory = useMemo(() => [...(plan === undefined ? [] : tourServices(plan)), ...(outcome?.changed.map((c) => c.fmri) ?? [])], [plan, outcome]);
  return useMemo(() => graphViewOf(run, { collapse, expanded, alsoStory }), [run, collapse, expanded, alsoStory]);
}
