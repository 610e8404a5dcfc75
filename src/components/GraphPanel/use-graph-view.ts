/**
 * The graph as the centre draws it (the collapse mode, the story view's
 * open groups), shared by the graph and the inspector so both speak of the
 * same groups. While a guided tour runs, the services its steps point at are
 * drawn as themselves too (tour-services.ts). Memoised per run and view.
 */
import { useMemo } from 'react';
import { useRun, useUi } from '../../session/react/context.tsx';
import { useTour } from '../../session/react/use-tour.ts';
import { collapseModel, type CollapsedModel } from '../../graph-view/collapse.ts';
import { tourServices } from '../../selectors/tour-services.ts';

export function useGraphView(): CollapsedModel {
  const run = useRun();
  const collapse = useUi((s) => s.collapse);
  const expanded = useUi((s) => s.expanded);
  const tour = useTour();
  const plan = tour?.plan;
  const story = useMemo(() => (plan === undefined ? run.story.all : new Set([...run.story.all, ...tourServices(plan)])), [run.story, plan]);
  return useMemo(
    () => collapseModel(run.model, run.index, collapse, run.quiet, { story, expanded: new Set(expanded) }),
    [run.model, run.index, run.quiet, story, collapse, expanded],
  );
}
