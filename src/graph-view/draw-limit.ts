/**
 * How many nodes the graph draws at once (issue 15: the app stays responsive
 * up to the largest size it accepts). The story view and the grouped views
 * keep a big graph small; with every service drawn, Cytoscape's canvas redraw
 * is the cost: bench:limit measured 96–116 ms of CPU per step or scrub at
 * 1,001 nodes and 224–265 ms at 2,001 (BENCHMARKS.md, "How big a graph the
 * app holds"). A view that would draw more is drawn as the story instead, and
 * groups that would open past the limit stay closed; the panel says so.
 */
import { collapseModel, type CollapseMode, type CollapsedModel, type StoryView } from './collapse.ts';
import type { GraphModel } from './model.ts';
import type { DependencyIndex } from '../selectors/dependencies.ts';

/** The most nodes drawn at once: the largest size measured under 200 ms of CPU per playhead move. */
export const DRAWN_NODE_LIMIT = 1_000;

/** Why the graph drawn is not the one asked for. */
export interface DrawLimited {
  /** The nodes the asked-for view would have drawn. */
  readonly asked: number;
  /** What was set aside: a whole view (shown as the story instead) or the open groups (shown closed). */
  readonly setAside: 'view' | 'open groups';
}

export interface LimitedView {
  readonly model: CollapsedModel;
  readonly limited?: DrawLimited;
}

export function collapseWithinLimit(
  model: GraphModel,
  index: DependencyIndex,
  mode: CollapseMode,
  quiet: ReadonlySet<string>,
  view: StoryView,
  limit: number = DRAWN_NODE_LIMIT,
): LimitedView {
  const asked = collapseModel(model, index, mode, quiet, view);
  if (asked.nodes.length <= limit) return { model: asked };
  const closed = view.expanded.size === 0 ? undefined : collapseModel(model, index, 'story', quiet, { story: view.story, expanded: new Set() });
  if (mode === 'story') {
    // The story with its groups closed is what the story view is made of; if even that is over the limit, it is drawn (measured to hold at 5,000 services).
    return closed === undefined || closed.nodes.length >= asked.nodes.length ? { model: asked } : { model: closed, limited: { asked: asked.nodes.length, setAside: 'open groups' } };
  }
  const story = closed ?? collapseModel(model, index, 'story', quiet, view);
  return { model: story, limited: { asked: asked.nodes.length, setAside: 'view' } };
}

/** What the graph panel says when the limit applied (plain text). */
export function drawLimitText(limited: DrawLimited, limit: number = DRAWN_NODE_LIMIT): string {
  const n = limited.asked.toLocaleString('en-US');
  const max = limit.toLocaleString('en-US');
  return limited.setAside === 'view'
    ? `This view would draw ${n} nodes; the graph stays responsive up to ${max}, so it shows the story instead. The Table lists every service.`
    : `Opening these groups would draw ${n} nodes; the graph stays responsive up to ${max}, so they stay closed. The Table lists every service.`;
}
