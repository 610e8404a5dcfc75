/**
 * The graph as the centre draws it, computed once per run and view (issue 16):
 * the collapse mode, the story view's open groups, and what is drawn as
 * itself in any view besides the story (story.ts, named-resources.ts): while
 * a guided tour runs, the services and files its steps point at; after a
 * change, the services that now end differently. The graph panel and the inspector (a selected group) both ask
 * for it while rendering the same change; the second asks get the first's
 * answer instead of collapsing the graph again. A view over the drawn-node
 * limit is drawn as the story (draw-limit.ts). Framework-free.
 */
import type { CollapseMode } from '../graph-view/collapse.ts';
import type { LimitedView } from '../graph-view/draw-limit.ts';
import { revealedView } from '../graph-view/named-resources.ts';
import type { Run } from './derive-run.ts';

export interface GraphViewAsk {
  readonly collapse: CollapseMode;
  /** The story view's open groups. */
  readonly expanded: readonly string[];
  /** Services (and a tour's files) drawn as themselves in any view besides the story (a tour's, a change's). */
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
  // Drawn as themselves in any view, a file the graph has no vertex for with a node of its own (named-resources.ts).
  const view = revealedView({ model: run.model, index: run.index, trace: run.trace, quiet: run.quiet, story: run.story.all }, ask.collapse, new Set(ask.expanded), [...new Set(ask.alsoStory)]);
  LAST.set(run, { key, view });
  return view;
}
