/**
 * The graph at one instant as plain element definitions: the structure from
 * the model, the state of each node at the playhead as classes, and the
 * focus/search/selection marks. Pure; the adapter diffs successive results.
 */
import type { InstanceStatus } from '../engine/index.ts';
import { shortFmri } from '../model/smf/fmri.ts';
import { filePathOf } from '../selectors/instance-facts.ts';
import { methodRunning, STATE_META, VISUAL_STATES, visualState, worstState, type VisualState } from '../selectors/visual-state.ts';
import { optimised } from './lod.ts';
import { SUMMARY_CHARS, SUMMARY_LINES } from './collapse.ts';
import type { GraphEdge, GraphModel, GraphNode } from './model.ts';

export type ElementData = Readonly<Record<string, string | number>>;

export interface ElementDef {
  readonly group: 'nodes' | 'edges';
  readonly data: ElementData & { readonly id: string };
  readonly classes: string;
}

export type NodeState = VisualState | 'file-present' | 'file-missing';

export interface Frame {
  readonly statuses: ReadonlyMap<string, InstanceStatus>;
  readonly files: ReadonlySet<string>;
}

export interface Marks {
  readonly selected?: string;
  /** Focus mode: these node and edge ids are highlighted, everything else dimmed. */
  readonly focus?: ReadonlySet<string>;
  /** Search: these node ids match (marked; nothing is dimmed, so they stay labelled in context). */
  readonly matches?: ReadonlySet<string>;
  /** The critical chain: node and edge ids drawn as the chain. */
  readonly chain?: ReadonlySet<string>;
  /** A guided tour's step: these node ids are spotlit (issue 8). */
  readonly spotlight?: ReadonlySet<string>;
  /**
   * Ordering hazards (issue 13, 17): a missing dependency drawn as a dashed
   * edge from the service that needs something to the one that provides it,
   * labelled with what it is (e.g. /dev/ipmpstub).
   */
  readonly hazards?: readonly HazardMark[];
  /** Drawn as selected too (a hazard's two services, issue 17). */
  readonly alsoSelected?: ReadonlySet<string>;
  /** Nodes whose service ends differently after the last change (issue 13). */
  readonly changed?: ReadonlySet<string>;
}

export interface HazardMark {
  /** The service that needs the object (the edge's source, like a dependent). */
  readonly reader: string;
  /** The service that provides it (the edge's target, like a dependency). */
  readonly writer: string;
  readonly label: string;
  /**
   * This boot's order happened to be right (the Hazards panel draws every
   * hazard, issue 17): drawn muted instead of in the failure colour.
   */
  readonly right?: boolean;
}

export function nodeState(node: GraphNode, frame: Frame): NodeState {
  switch (node.kind) {
    case 'instance':
      return visualState(frame.statuses.get(node.id));
    case 'stub':
      return 'absent';
    case 'file':
      return frame.files.has(filePathOf(node.id)) ? 'file-present' : 'file-missing';
    case 'group': {
      // Files are not services: a group's state is its services' (a group of files only: missing if any is).
      const members = node.members ?? [];
      const services = members.filter((m) => !m.startsWith('file:'));
      if (services.length === 0) return members.every((m) => frame.files.has(filePathOf(m))) ? 'file-present' : 'file-missing';
      return worstState(services.map((m) => visualState(frame.statuses.get(m))));
    }
  }
}

export function stateGlyph(s: NodeState): string {
  if (s === 'file-present') return '◆';
  if (s === 'file-missing') return '◇';
  return STATE_META[s].glyph;
}

/**
 * A group's state summary at an instant, in svcs's words: "5 · 3 online,
 * 2 offline" (services, then the non-zero counts per state in svcs's order,
 * running first). File dependencies are not services: a group of files only
 * says how many are missing.
 */
export function groupSummary(members: readonly string[], frame: Frame): string {
  const counts = new Map<VisualState, number>();
  let services = 0;
  let files = 0;
  let missing = 0;
  for (const m of members) {
    if (m.startsWith('file:')) {
      files++;
      if (!frame.files.has(filePathOf(m))) missing++;
      continue;
    }
    services++;
    const s = visualState(frame.statuses.get(m));
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  if (services === 0) return `${files} file${files === 1 ? '' : 's'} · ${missing === 0 ? 'all present' : `${missing} missing`}`;
  const parts = VISUAL_STATES.filter((s) => (counts.get(s) ?? 0) > 0).map((s) => `${counts.get(s) ?? 0} ${STATE_META[s].label}`);
  return `${services} · ${parts.join(', ')}`;
}

/**
 * A group's state summary as the lines its box holds (collapse.ts: SUMMARY_LINES of SUMMARY_CHARS characters of the
 * 11 px monospace label font): wrapped between its counts ("19 online," is never split), and, when even that is too
 * long, cut after the last count that fits with "…". The tooltip and the inspector give the whole summary. Pure.
 */
export function fitSummary(summary: string, chars = SUMMARY_CHARS, maxLines = SUMMARY_LINES): string[] {
  // Units: "39 ·", "19 online,", "20 disabled" (and a word too long for a line is cut to it).
  const units = summary.split(/(?<=[·,]) /).map((u) => (u.length > chars ? `${u.slice(0, chars - 1)}…` : u));
  const lines: string[] = [];
  for (const u of units) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + u.length <= chars) lines[lines.length - 1] = `${last} ${u}`;
    else lines.push(u);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  // The last line kept, with as many of its units as leave room for " …".
  const tail = (kept[maxLines - 1] ?? '').split(/(?<=[·,]) /);
  while (tail.length > 1 && tail.join(' ').length + 2 > chars) tail.pop();
  const text = tail.join(' ');
  kept[maxLines - 1] = text.length + 2 > chars ? `${text.slice(0, chars - 1)}…` : `${text} …`;
  return kept;
}

export function edgeTitle(e: GraphEdge): string {
  const head = `${shortFmri(e.source)} → ${shortFmri(e.target)}`;
  if (e.access !== undefined) {
    const [service, file] = e.source.startsWith('file:') ? [e.target, e.source] : [e.source, e.target];
    return `${shortFmri(service)}'s method ${e.access} ${shortFmri(file)} (world access log; not a dependency)`;
  }
  if (e.count !== undefined && e.count > 1) return `${head}\n${e.count} dependencies (strongest: ${e.grouping})`;
  if (e.restarter === true) return `${head}\ndelegated restarter (general/restarter)`;
  return `${head}\n${e.grouping}, restart_on ${e.restartOn} — group “${e.group}”`;
}

function anyRunning(node: GraphNode, frame: Frame): boolean {
  if (node.kind === 'instance') return methodRunning(frame.statuses.get(node.id));
  if (node.kind === 'group') return (node.members ?? []).some((m) => methodRunning(frame.statuses.get(m)));
  return false;
}

/** The id of the node that carries an open group's title (not a service, group or file id). */
export function groupTitleId(group: string): string {
  return `title:${group}`;
}

interface NodeCacheEntry {
  readonly state: NodeState;
  readonly running: boolean;
  readonly def: ElementDef;
}

/**
 * A service's or file's node depends on the instant only through its state
 * and whether a method runs: while a boot plays, a node whose two did not
 * change (and under the same marks) is the same object as in the last frame,
 * so no label or class string is built again and the diff skips it by
 * identity. Groups (their summary counts every member) are built each time.
 * Keyed by the model; cleared when the marks change.
 */
const NODE_CACHE = new WeakMap<GraphModel, { marks: Marks; nodes: Map<string, NodeCacheEntry> }>();

function sameMarks(a: Marks, b: Marks): boolean {
  return (
    a.selected === b.selected && a.focus === b.focus && a.matches === b.matches && a.chain === b.chain && a.spotlight === b.spotlight &&
    a.alsoSelected === b.alsoSelected && a.changed === b.changed
  );
}

function nodeCache(model: GraphModel, marks: Marks): Map<string, NodeCacheEntry> | undefined {
  if (!optimised()) return undefined;
  const hit = NODE_CACHE.get(model);
  if (hit !== undefined && sameMarks(hit.marks, marks)) return hit.nodes;
  const nodes = new Map<string, NodeCacheEntry>();
  NODE_CACHE.set(model, { marks, nodes });
  return nodes;
}

export function toElements(model: GraphModel, frame: Frame, marks: Marks = {}): ElementDef[] {
  const out: ElementDef[] = [];
  const dimming = marks.focus !== undefined;
  const lit = (id: string): boolean => marks.focus === undefined || marks.focus.has(id);
  const cache = nodeCache(model, marks);
  for (const n of model.nodes) {
    const state = nodeState(n, frame);
    const running = anyRunning(n, frame);
    const cacheable = n.kind !== 'group' && n.expanded !== true;
    const cached = cacheable ? cache?.get(n.id) : undefined;
    if (cached !== undefined && cached.state === state && cached.running === running) {
      out.push(cached.def);
      continue;
    }
    const glyph = stateGlyph(state);
    const summary = n.kind === 'group' ? groupSummary(n.members ?? [], frame) : '';
    const label = n.kind === 'group' ? [`${glyph} ${n.label}`, ...fitSummary(summary)].join('\n') : `${glyph} ${n.label}`;
    // A group's tooltip starts with its whole summary (the box may show it cut).
    const title = n.kind === 'group' ? `${summary}\n${n.title}` : n.title;
    const cls = [`k-${n.kind}`, `s-${state}`];
    if (n.expanded === true) cls.push('expanded');
    if (running) cls.push('running');
    if (marks.selected === n.id || marks.alsoSelected?.has(n.id) === true) cls.push('selected');
    if (dimming) cls.push(lit(n.id) ? 'hl' : 'dim');
    if (marks.matches?.has(n.id) === true) cls.push('match');
    if (marks.chain?.has(n.id) === true) cls.push('chain');
    if (marks.spotlight?.has(n.id) === true) cls.push('spot');
    if (marks.changed?.has(n.id) === true) cls.push('changed');
    const data = { id: n.id, label, title, w: n.width, h: n.height, state, ...(n.parent === undefined ? {} : { parent: n.parent }), ...(n.expanded === true ? { compound: 1 } : {}) };
    const def: ElementDef = { group: 'nodes', data, classes: cls.join(' ') };
    out.push(def);
    if (cacheable) cache?.set(n.id, { state, running, def });
    // An open group's name and summary: a node of its own at the top of the group (the adapter places it above the
    // members), drawn like the closed group and, being a node, above the edges that leave the group through it.
    if (n.expanded === true) {
      out.push({
        group: 'nodes',
        data: { id: groupTitleId(n.id), label, title, w: n.width, h: n.height, state, parent: n.id, titleOf: n.id },
        // The group's selection outline is drawn around the whole box, title included.
        classes: [...cls.filter((c) => c !== 'expanded' && c !== 'selected'), 'group-title'].join(' '),
      });
    }
  }
  for (const e of edgeElements(model, marks)) out.push(e);
  for (const e of hazardElements(model, marks.hazards, marks.focus)) out.push(e);
  return out;
}

/** The id of the hazard edge between two drawn nodes (the focus set names it to light it). */
export function hazardEdgeId(reader: string, writer: string, label: string): string {
  return `hazard:${reader}>${writer}:${label}`;
}

/**
 * Hazard edges between the nodes of the two services (the caller maps a
 * service to the group node that shows it); none when a node is not shown or
 * both are one node.
 */
function hazardElements(model: GraphModel, hazards: readonly HazardMark[] | undefined, focus: ReadonlySet<string> | undefined): ElementDef[] {
  if (hazards === undefined || hazards.length === 0) return [];
  const nodes = new Set(model.nodes.map((n) => n.id));
  const shown = (id: string): string | undefined => (nodes.has(id) ? id : undefined);
  const out: ElementDef[] = [];
  const seen = new Set<string>();
  for (const h of hazards) {
    const source = shown(h.reader);
    const target = shown(h.writer);
    if (source === undefined || target === undefined || source === target) continue;
    const id = hazardEdgeId(source, target, h.label);
    if (seen.has(id)) continue;
    seen.add(id);
    const title = `Ordering hazard: ${shortFmri(target)} provides ${h.label}, which ${shortFmri(source)} needs; no dependency orders them`;
    const cls = ['hazard', ...(h.right === true ? ['right'] : []), ...(focus === undefined ? [] : [focus.has(id) ? 'hl' : 'dim'])];
    out.push({ group: 'edges', data: { id, source, target, label: h.label, title }, classes: cls.join(' ') });
  }
  return out;
}

interface EdgeCacheEntry {
  readonly focus: ReadonlySet<string> | undefined;
  readonly matches: ReadonlySet<string> | undefined;
  readonly chain: ReadonlySet<string> | undefined;
  readonly defs: readonly ElementDef[];
}

/**
 * Edges do not depend on the instant, only on the structure and the marks:
 * while a boot plays, every frame reuses the same edge objects (the diff
 * then skips them by identity). Keyed by the model and the mark sets' identity.
 */
const EDGE_CACHE = new WeakMap<GraphModel, EdgeCacheEntry>();

function edgeElements(model: GraphModel, marks: Marks): readonly ElementDef[] {
  const hit = optimised() ? EDGE_CACHE.get(model) : undefined;
  if (hit !== undefined && hit.focus === marks.focus && hit.matches === marks.matches && hit.chain === marks.chain) return hit.defs;
  const defs: ElementDef[] = [];
  for (const e of model.edges) {
    // A tour's file joined to the services that touched it (named-resources.ts) is not a dependency: no grouping style.
    const cls = e.access === undefined ? [`g-${e.grouping}`] : ['access'];
    if (e.restarter === true) cls.push('restarter');
    if (e.count !== undefined && e.count > 1) cls.push('bundle');
    if (marks.focus !== undefined) cls.push(marks.focus.has(e.id) ? 'hl' : 'dim');
    if (marks.chain?.has(e.id) === true) cls.push('chain');
    defs.push({
      group: 'edges',
      data: { id: e.id, source: e.source, target: e.target, grouping: e.grouping, restartOn: e.restartOn, title: edgeTitle(e) },
      classes: cls.join(' '),
    });
  }
  EDGE_CACHE.set(model, { focus: marks.focus, matches: marks.matches, chain: marks.chain, defs });
  return defs;
}
