/**
 * What a guided tour's steps name, drawn in whatever view is on screen
 * (issue 12): a service the view would summarise in a group is drawn as
 * itself, and a file the graph has no vertex for (a /dev link is a world
 * resource, not a declared dependency: the flagship's /dev/ipmpstub) gets a
 * node of its own, joined to the services whose methods touched it, as the
 * world access log tells (docs/access-log.md): a dotted edge from a service
 * that read or opened it to the file, and from the file to a service that
 * created, mounted or changed it (the same direction as a dependency: who
 * needs it → who provides it). Computed from the trace, never per tour. Pure.
 */
import { accessLog } from '../engine/access-log.ts';
import type { Trace } from '../engine/index.ts';
import { shortFmri } from '../model/smf/fmri.ts';
import type { AccessOp } from '../model/world/access.ts';
import { filePathOf } from '../selectors/instance-facts.ts';
import type { DependencyIndex } from '../selectors/dependencies.ts';
import type { CollapseMode } from './collapse.ts';
import { collapseWithinLimit, type LimitedView } from './draw-limit.ts';
import { nodeWidth, NODE_HEIGHT, structureKey, type GraphEdge, type GraphModel, type GraphNode } from './model.ts';

/** The access a file node's edge stands for, in words ("opens", "creates"). */
const VERB: Record<AccessOp, string> = { read: 'reads', open: 'opens', create: 'creates', remove: 'removes', mount: 'mounts', unmount: 'unmounts', change: 'changes' };
/** Reading and opening need the object (the service is the edge's source); the rest provide or change it. */
const NEEDS: ReadonlySet<AccessOp> = new Set(['read', 'open']);

/**
 * The model with a node for each named file it does not draw (ids as the
 * tour names them, `file://localhost/dev/ipmpstub`), and an edge per service
 * and kind of access from the access log. Named ids that are not files, or
 * already drawn, change nothing; the same model comes back when nothing is added.
 */
export function withNamedResources(model: GraphModel, trace: Trace, named: Iterable<string>): GraphModel {
  const ids = new Set(model.nodes.map((n) => n.id));
  const wanted = [...new Set(named)].filter((id) => id.startsWith('file:') && !ids.has(id));
  if (wanted.length === 0) return model;
  const nodes: GraphNode[] = [...model.nodes];
  const edges: GraphEdge[] = [...model.edges];
  const log = accessLog(trace);
  for (const id of wanted) {
    const path = filePathOf(id);
    const label = shortFmri(id);
    const touched = new Map<string, AccessOp[]>();
    for (const a of log) {
      if (a.name !== path || a.fmri === undefined || !ids.has(a.fmri)) continue;
      const ops = touched.get(a.fmri) ?? [];
      if (!ops.includes(a.op)) ops.push(a.op);
      touched.set(a.fmri, ops);
    }
    nodes.push({ id, kind: 'file', label, title: `${id} (named by the tour: a file no dependency declares)`, category: 'files', width: nodeWidth(label), height: NODE_HEIGHT });
    for (const [fmri, ops] of touched) {
      const needs = ops.filter((op) => NEEDS.has(op));
      const gives = ops.filter((op) => !NEEDS.has(op));
      if (needs.length > 0) edges.push(accessEdge(fmri, id, needs.map((op) => VERB[op]).join(', ')));
      if (gives.length > 0) edges.push(accessEdge(id, fmri, gives.map((op) => VERB[op]).join(', ')));
    }
  }
  return { nodes, edges, key: structureKey(nodes, edges) };
}

function accessEdge(source: string, target: string, access: string): GraphEdge {
  // Not a dependency: the grouping fields are there for the type; `access` decides how it is drawn (to-elements.ts).
  return { id: `access:${source}>${target}`, source, target, grouping: 'optional_all', restartOn: 'none', group: '', access };
}

/** What the graph needs to draw a view with names revealed. */
export interface RevealInput {
  readonly model: GraphModel;
  readonly index: DependencyIndex;
  readonly trace: Trace;
  readonly quiet: ReadonlySet<string>;
  /** The services the scenario is about (story.ts). */
  readonly story: ReadonlySet<string>;
}

/**
 * The view drawn for `mode` with `named` (a tour's services and files, the
 * services a change made end differently) each drawn as itself: added to the
 * story view's story, left out of the grouped views' groups, kept by
 * "active services" (collapse.ts), within the drawn-node limit (draw-limit.ts).
 */
export function revealedView(run: RevealInput, mode: CollapseMode, expanded: ReadonlySet<string>, named: readonly string[]): LimitedView {
  if (named.length === 0) return collapseWithinLimit(run.model, run.index, mode, run.quiet, { story: run.story, expanded });
  const reveal = new Set(named);
  const model = withNamedResources(run.model, run.trace, reveal);
  return collapseWithinLimit(model, run.index, mode, run.quiet, { story: new Set([...run.story, ...reveal]), expanded, reveal });
}
