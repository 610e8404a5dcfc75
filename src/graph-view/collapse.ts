/**
 * Collapsing big graphs (the full illumos graphs have ~200 instances): one
 * node per category (system/filesystem, network, ...) or per milestone stage
 * (what each milestone needs that an earlier one does not), as scfdot's
 * consolidation options did. Pure; the result has its own structure key and
 * so its own cached layout.
 */
import { shortFmri } from '../model/smf/fmri.ts';
import type { Grouping } from '../model/smf/states.ts';
import { dependencyClosure, type DependencyIndex } from '../selectors/dependencies.ts';
import { CHAR_WIDTH, isMilestone, structureKey, type GraphEdge, type GraphModel, type GraphNode } from './model.ts';

/** none: every node; active: without the quiet ones; category / milestone: grouped. */
export type CollapseMode = 'none' | 'active' | 'category' | 'milestone';

export interface CollapsedModel extends GraphModel {
  /** For every original node id: the node that shows it (itself, or its group). */
  readonly shownAs: ReadonlyMap<string, string>;
}

export const GROUP_PREFIX = 'group:';
const GROUP_HEIGHT = 42;

const STRENGTH: Record<Grouping, number> = { require_all: 3, require_any: 2, optional_all: 1, exclude_all: 0 };

function groupNode(id: string, name: string, members: string[]): GraphNode {
  const label = `${name} · ${members.length}`;
  // The second line shows per-state counts: reserve room for about 22 characters.
  const chars = Math.max(label.length + 2, 22);
  return {
    id,
    kind: 'group',
    label,
    title: `${members.length} services collapsed: ${members.slice(0, 12).map(shortFmri).join(', ')}${members.length > 12 ? ', …' : ''}`,
    category: name,
    width: Math.round(chars * CHAR_WIDTH + 36),
    height: GROUP_HEIGHT,
    members,
  };
}

function regroup(model: GraphModel, assign: (n: GraphNode) => string | undefined, nameOf: (g: string) => string): CollapsedModel {
  const members = new Map<string, string[]>();
  const shownAs = new Map<string, string>();
  for (const n of model.nodes) {
    const g = assign(n);
    if (g === undefined) {
      shownAs.set(n.id, n.id);
      continue;
    }
    const list = members.get(g) ?? [];
    list.push(n.id);
    members.set(g, list);
  }
  const nodes: GraphNode[] = [];
  const emitted = new Set<string>();
  for (const n of model.nodes) {
    const g = assign(n);
    if (g === undefined) {
      nodes.push(n);
      continue;
    }
    const list = members.get(g) ?? [];
    // A group of one stays an ordinary node.
    if (list.length === 1) {
      shownAs.set(n.id, n.id);
      nodes.push(n);
      continue;
    }
    const id = `${GROUP_PREFIX}${g}`;
    shownAs.set(n.id, id);
    if (!emitted.has(id)) {
      emitted.add(id);
      nodes.push(groupNode(id, nameOf(g), list));
    }
  }
  const merged = new Map<string, GraphEdge>();
  for (const e of model.edges) {
    const s = shownAs.get(e.source) ?? e.source;
    const t = shownAs.get(e.target) ?? e.target;
    if (s === t) continue;
    const key = `${s}>${t}`;
    const prev = merged.get(key);
    if (prev === undefined) {
      merged.set(key, s === e.source && t === e.target ? e : { ...e, id: `${key}#collapsed`, source: s, target: t, count: 1, group: e.group });
    } else {
      const strongest = STRENGTH[e.grouping] > STRENGTH[prev.grouping] ? e : prev;
      merged.set(key, {
        ...prev,
        id: `${key}#collapsed`,
        grouping: strongest.grouping,
        restartOn: strongest.restartOn,
        group: prev.group === e.group ? prev.group : 'several',
        count: (prev.count ?? 1) + 1,
      });
    }
  }
  const edges = [...merged.values()];
  return { nodes, edges, key: structureKey(nodes, edges), shownAs };
}

/** The earliest milestone (smallest closure) that needs each instance. */
export function milestoneStages(model: GraphModel, index: DependencyIndex): Map<string, string> {
  const milestones = model.nodes.filter((n) => n.kind === 'instance' && isMilestone(n.id)).map((n) => n.id);
  const closures = milestones.map((m) => ({ m, c: dependencyClosure(index, m) })).sort((a, b) => a.c.size - b.c.size || a.m.localeCompare(b.m));
  const stage = new Map<string, string>();
  for (const n of model.nodes) {
    if (isMilestone(n.id)) continue;
    const hit = closures.find((x) => x.c.has(n.id));
    stage.set(n.id, hit === undefined ? '' : hit.m);
  }
  return stage;
}

/** Drop quiet instances (and file or absent nodes nothing shown points at). */
export function withoutQuiet(model: GraphModel, quiet: ReadonlySet<string>): CollapsedModel {
  const keep = new Set(model.nodes.filter((n) => n.kind === 'instance' && !quiet.has(n.id)).map((n) => n.id));
  const edges = model.edges.filter((e) => keep.has(e.source) && (keep.has(e.target) || !model.nodes.some((n) => n.id === e.target && n.kind === 'instance')));
  for (const e of edges) keep.add(e.target);
  const nodes = model.nodes.filter((n) => keep.has(n.id));
  // Hidden nodes have no stand-in: shownAs maps only what is drawn.
  return { nodes, edges, key: structureKey(nodes, edges), shownAs: new Map(nodes.map((n) => [n.id, n.id])) };
}

export function collapseModel(model: GraphModel, index: DependencyIndex, mode: CollapseMode, quiet: ReadonlySet<string> = new Set()): CollapsedModel {
  if (mode === 'none') return { ...model, shownAs: new Map(model.nodes.map((n) => [n.id, n.id])) };
  if (mode === 'active') return quiet.size === 0 ? { ...model, shownAs: new Map(model.nodes.map((n) => [n.id, n.id])) } : withoutQuiet(model, quiet);
  if (mode === 'category') {
    return regroup(
      model,
      (n) => (n.kind === 'instance' && isMilestone(n.id) ? undefined : n.category),
      (g) => `${g}/`,
    );
  }
  const stage = milestoneStages(model, index);
  return regroup(
    model,
    (n) => (isMilestone(n.id) ? undefined : `stage:${stage.get(n.id) ?? ''}`),
    (g) => {
      const m = g.slice('stage:'.length);
      return m === '' ? 'outside every milestone' : `needed by ${shortFmri(m).replace(/^milestone\//, '').replace(/:default$/, '')}`;
    },
  );
}
