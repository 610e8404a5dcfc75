/**
 * Summarising big graphs (the full illumos graphs have ~200 instances).
 *
 * story (the default): the services the scenario is about (story.ts) drawn
 * as themselves, everything else in groups by milestone stage: the earliest
 * milestone whose dependencies need the service (what svc.startd must bring
 * up for that milestone that an earlier one does not, docs/smf-semantics.md §6);
 * services no milestone needs are grouped by their FMRI's first component
 * (network/*, system/*, ...). A group can be expanded: it becomes a compound
 * node drawn around its members. Groups are a view: the simulation and the
 * explanations speak of instances.
 *
 * category / milestone: every service grouped, as scfdot's consolidation
 * options did; active: without the quiet ones. Pure; each result has its own
 * structure key and so its own cached layout.
 */
import { shortFmri } from '../model/smf/fmri.ts';
import type { Grouping } from '../model/smf/states.ts';
import { dependencyClosure, type DependencyIndex } from '../selectors/dependencies.ts';
import { CHAR_WIDTH, isMilestone, structureKey, type GraphEdge, type GraphModel, type GraphNode } from './model.ts';

export type CollapseMode = 'story' | 'none' | 'active' | 'category' | 'milestone';

export const DEFAULT_COLLAPSE: CollapseMode = 'story';

export interface StoryView {
  /** Drawn as themselves (story.ts). */
  readonly story: ReadonlySet<string>;
  /** Group ids drawn open. */
  readonly expanded: ReadonlySet<string>;
  /**
   * Drawn as themselves in every view (what a tour step names, named-resources.ts): the grouped views leave
   * them out of their groups and "active services" keeps them. (The story view draws `story`; include them there.)
   */
  readonly reveal?: ReadonlySet<string>;
}

export interface CollapsedModel extends GraphModel {
  /** For every original node id: the node that shows it (itself, or its group). */
  readonly shownAs: ReadonlyMap<string, string>;
}

export const GROUP_PREFIX = 'group:';
/** Room for three lines: the name and a state summary that wraps once. */
const GROUP_HEIGHT = 46;
/**
 * Room for the second line of a group's label, the state summary ("39 · 19 online, 20 disabled"); a longer one wraps
 * onto a third (cut with "…" after that: to-elements.ts fitSummary; the tooltip has it whole). Narrow enough that
 * every preset's story view is drawn whole across the graph panel at 1024×768 and 1366×768 at a legible zoom
 * (layout-elk.ts PANEL_FIT_WIDTH): at 36, four groups and milestones side by side made the Snap Upgrade story 1,196 px wide.
 */
export const SUMMARY_CHARS = 26;
/** The summary's lines in a group's box (the name is the first line; GROUP_HEIGHT holds three). */
export const SUMMARY_LINES = 2;
/** Room beside a group's label, inside its box: the label wraps at the box's width less this (stylesheet.ts). */
export const GROUP_PADDING_PX = 18;

const STRENGTH: Record<Grouping, number> = { require_all: 3, require_any: 2, optional_all: 1, exclude_all: 0 };

function groupNode(id: string, name: string, members: string[], expanded: boolean): GraphNode {
  // The first line is the name (and a glyph), the second the state summary (to-elements.ts).
  const chars = Math.max(name.length + 4, SUMMARY_CHARS);
  return {
    id,
    kind: 'group',
    label: name,
    title: `${members.length} services ${expanded ? 'in this group' : 'summarised'}: ${members.slice(0, 12).map(shortFmri).join(', ')}${members.length > 12 ? ', …' : ''}\n${expanded ? 'Click the group to close it' : 'Click or press Enter to open the group'}`,
    category: name,
    width: Math.round(chars * CHAR_WIDTH + GROUP_PADDING_PX),
    height: GROUP_HEIGHT,
    members,
    ...(expanded ? { expanded: true } : {}),
  };
}

/**
 * Replace the nodes `assign` puts in a group by one node per group (a group
 * of one stays an ordinary node); edges between groups are merged, keeping
 * the strongest grouping. An expanded group keeps its members, as children
 * of the group node.
 */
export function regroup(
  model: GraphModel,
  assign: (n: GraphNode) => string | undefined,
  nameOf: (g: string) => string,
  opts: { readonly expanded?: ReadonlySet<string>; readonly linkGroups?: boolean; readonly detached?: (shownId: string) => boolean } = {},
): CollapsedModel {
  const expanded = opts.expanded ?? new Set<string>();
  const closed = new Set<string>();
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
    const open = expanded.has(id);
    if (!emitted.has(id)) {
      emitted.add(id);
      nodes.push(groupNode(id, nameOf(g), list, open));
      if (!open) closed.add(id);
    }
    if (open) {
      shownAs.set(n.id, n.id);
      nodes.push({ ...n, parent: id });
    } else shownAs.set(n.id, id);
  }
  const merged = new Map<string, GraphEdge>();
  for (const e of model.edges) {
    const s = shownAs.get(e.source) ?? e.source;
    const t = shownAs.get(e.target) ?? e.target;
    if (s === t) continue;
    // Without linkGroups, two closed groups are not joined (their dependencies are told by the services drawn),
    // and groups of services no milestone needs (detached) are drawn apart.
    if (opts.linkGroups === false && closed.has(s) && closed.has(t)) continue;
    if (opts.detached !== undefined && (opts.detached(s) || opts.detached(t))) continue;
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
  const edges = opts.linkGroups === false ? [...merged.values()].map((e) => (closed.has(e.source) ? { ...e, loose: true } : e)) : [...merged.values()];
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
export function withoutQuiet(model: GraphModel, quiet: ReadonlySet<string>, reveal: ReadonlySet<string> = new Set()): CollapsedModel {
  const keep = new Set(model.nodes.filter((n) => (n.kind === 'instance' && !quiet.has(n.id)) || reveal.has(n.id)).map((n) => n.id));
  const edges = model.edges.filter((e) => keep.has(e.source) && (keep.has(e.target) || !model.nodes.some((n) => n.id === e.target && n.kind === 'instance')));
  for (const e of edges) keep.add(e.target);
  const nodes = model.nodes.filter((n) => keep.has(n.id));
  // Hidden nodes have no stand-in: shownAs maps only what is drawn.
  return { nodes, edges, key: structureKey(nodes, edges), shownAs: new Map(nodes.map((n) => [n.id, n.id])) };
}

/** The top-level FMRI component ("network", "system", "site"); "files" for file dependencies. */
function topCategory(n: GraphNode): string {
  if (n.kind === 'file') return 'files';
  return shortFmri(n.id).split('/')[0] ?? n.category;
}

function stageName(milestone: string): string {
  return shortFmri(milestone).replace(/^milestone\//, '').replace(/:default$/, '');
}

/** The group a service is summarised in by the story view (undefined: drawn as itself). */
export function storyGroupOf(n: GraphNode, stage: ReadonlyMap<string, string>, story: ReadonlySet<string>): string | undefined {
  if (story.has(n.id) || (n.kind === 'instance' && isMilestone(n.id))) return undefined;
  const m = stage.get(n.id) ?? '';
  return m === '' ? `other:${topCategory(n)}` : `stage:${m}`;
}

export function storyGroupName(key: string): string {
  if (key.startsWith('stage:')) return `needed by ${stageName(key.slice('stage:'.length))}`;
  const top = key.slice('other:'.length);
  return top === 'files' ? 'other files' : `other ${top}/*`;
}

/** A graph this small is the story itself: nothing is grouped. */
export const STORY_GROUPS_MIN_NODES = 30;

/** The story view: the scenario's services as themselves, the rest grouped (see the top of this file). */
export function storyModel(model: GraphModel, index: DependencyIndex, view: StoryView): CollapsedModel {
  if (model.nodes.length < STORY_GROUPS_MIN_NODES) return { ...model, shownAs: new Map(model.nodes.map((n) => [n.id, n.id])) };
  const stage = milestoneStages(model, index);
  return regroup(model, (n) => storyGroupOf(n, stage, view.story), storyGroupName, {
    expanded: view.expanded,
    linkGroups: false,
    detached: (id) => id.startsWith(`${GROUP_PREFIX}other:`) && !view.expanded.has(id),
  });
}

/** A graph this small is readable whole: "active services" hides nothing (a lesson's disabled services are part of its story). */
const READABLE_WHOLE = 12;

export function collapseModel(model: GraphModel, index: DependencyIndex, mode: CollapseMode, quiet: ReadonlySet<string> = new Set(), view?: StoryView): CollapsedModel {
  if (mode === 'story') return storyModel(model, index, view ?? { story: new Set(), expanded: new Set() });
  if (mode === 'none') return { ...model, shownAs: new Map(model.nodes.map((n) => [n.id, n.id])) };
  const reveal = view?.reveal ?? new Set<string>();
  if (mode === 'active') {
    const small = model.nodes.filter((n) => n.kind === 'instance').length <= READABLE_WHOLE;
    return quiet.size === 0 || small ? { ...model, shownAs: new Map(model.nodes.map((n) => [n.id, n.id])) } : withoutQuiet(model, quiet, reveal);
  }
  if (mode === 'category') {
    return regroup(
      model,
      (n) => ((n.kind === 'instance' && isMilestone(n.id)) || reveal.has(n.id) ? undefined : n.category),
      (g) => `${g}/`,
    );
  }
  const stage = milestoneStages(model, index);
  return regroup(
    model,
    (n) => (isMilestone(n.id) || reveal.has(n.id) ? undefined : `stage:${stage.get(n.id) ?? ''}`),
    (g) => {
      const m = g.slice('stage:'.length);
      return m === '' ? 'outside every milestone' : `needed by ${shortFmri(m).replace(/^milestone\//, '').replace(/:default$/, '')}`;
    },
  );
}
