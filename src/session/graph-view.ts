/**
 * The graph as the centre draws it, computed once per run and view (issue 16):
 * the collapse mode, the story view's open groups, and the services drawn as
 * themselves besides the story (story.ts): while a guided tour runs, the
 * services its steps point at; after a change, the services that now end
 * differently. The graph panel and the inspector (a selected group) both ask
 * for it while rendering the same change; the second asks get the first's
 * answer instead of collapsing the graph again. A view over the drawn-node
 * limit is drawn as the story (draw-limit.ts). Framework-free.
 */
import type { CollapseMode } from '../graph-view/collapse.ts';
import { collapseWithinLimit, type LimitedView } from '../graph-view/draw-limit.ts';
import type { Run } from './derive-run.ts';

export interface GraphViewAsk {
  readonly collapse: CollapseMode;
  /** The story view's open groups. */
  readonly expanded: readonly string[];
  /** Services drawn as themselves besides the story (a tour's, a change's). */
  readonly alsoStory: readonly string[];
}

const SEP = '\u0000';
const keyOf = (ask: GraphViewAsk): string => [ask.collapse, ask.expanded.join(SEP), ask.alsoStory.join(SEP)].join('\u0001');

/** The last view computed for each run (a run is replaced on every change; the views of older runs go with them). */
const LAST = new WeakMap<Run, { readonly key: string; readonly view: LimitedView }>();

export function graphViewOf(run: Run, ask: GraphViewAsk): LimitedView {
  const key = keyOf(ask);
  const hit = LAST.get(run);
  if (hit !== undefined && hit.key === key) return hit.view;
  const story = ask.alsoStory.length === 0 ? run.story.all : new Set([...run.story.all, ...ask.alsoStory]);
  const view = collapseWithinLimit(run.model, run.index, ask.collapse, run.quiet, { story, expanded: new Set(ask.expanded) });
  LAST.set(run, { key, view });
  return view;
}
