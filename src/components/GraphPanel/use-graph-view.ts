/**
 * The graph as the centre draws it (the collapse mode, the story view's
 * open groups), shared by the graph and the inspector so both speak of the
 * same groups. Drawn as themselves besides the story (story.ts): while a
 * guided tour runs, the services its steps point at (tour-services.ts); after
 * a change, the services that now end differently (the outcome summary marks
 * them on the graph). Memoised per run and view. A view over the drawn-node
 * limit is drawn as the story (draw-limit.ts).
 */
import { useMemo } from 'react';
import { useRun, useUi } from '../../session/react/context.tsx';
import { useTour } from '../../session/react/use-tour.ts';
import type { CollapsedModel } from '../../graph-view/collapse.ts';
import { collapseWithinLimit, type LimitedView } from '../../graph-view/draw-limit.ts';
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
  const story = useMemo(() => {
    const extra = [...(plan === undefined ? [] : tourServices(plan)), ...(outcome?.changed.map((c) => c.fmri) ?? [])];
    return extra.length === 0 ? run.story.all : new Set([...run.story.all, ...extra]);
  }, [run.story, plan, outcome]);
  return useMemo(
    () => collapseWithinLimit(run.model, run.index, collapse, run.quiet, { story, expanded: new Set(expanded) }),
    [run.model, run.index, run.quiet, story, collapse, expanded],
  );
}
