/**
 * The graph's structure, derived once per trace: one node per instance, a
 * node for each service target with no instances (absent) and each file
 * target, one edge per (dependent, group, target). Node sizes are fixed here
 * so the layout can be computed once per structure and cached. Pure.
 */
import type { Trace } from '../engine/index.ts';
import { shortFmri } from '../model/smf/fmri.ts';
import type { Grouping, RestartOn } from '../model/smf/states.ts';
import type { DependencyIndex } from '../selectors/dependencies.ts';

export type NodeKind = 'instance' | 'stub' | 'file' | 'group';

export interface GraphNode {
  readonly id: string;
  readonly kind: NodeKind;
  /** The text in the node (the short FMRI), without the state glyph. */
  readonly label: string;
  /** Tooltip: full FMRI and common name. */
  readonly title: string;
  readonly category: string;
  readonly width: number;
  readonly height: number;
  /** Group nodes: the ids they stand for. */
  readonly members?: readonly string[];
  /** Group nodes: drawn open, as a compound node around its members. */
  readonly expanded?: boolean;
  /** A member of an expanded group: the group's id (Cytoscape's compound parent). */
  readonly parent?: string;
}

export interface GraphEdge {
  readonly id: string;
  /** The dependent. */
  readonly source: string;
  /** The dependency. */
  readonly target: string;
  readonly grouping: Grouping;
  readonly restartOn: RestartOn;
  readonly group: string;
  readonly restarter?: boolean;
  /** Collapsed edges: how many dependencies this one stands for. */
  readonly count?: number;
  /** Drawn, but not given to the layout (a closed group's own dependencies: they would stretch the story into many layers). */
  readonly loose?: boolean;
  /**
   * Not a dependency: a method's access to a file a tour names (named-resources.ts), in words ("opens",
   * "creates"), from the world access log. Drawn dotted, without the grouping's line style.
   */
  readonly access?: string;
}

export interface GraphModel {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** Identifies the structure (ids, sizes, edges): the layout cache key. */
  readonly key: string;
}

/** Monospace metrics of the node label font (11 px): measured for DejaVu Sans Mono / Menlo class fonts. */
export const CHAR_WIDTH = 6.8;
/** Tight boxes around 11 px labels: the whole story must fit a 1366×768 screen at zoom 1 (legibility.ts). */
export const NODE_HEIGHT = 20;
const PAD_X = 18;

export function nodeWidth(text: string): number {
  return Math.round((text.length + 2) * CHAR_WIDTH + PAD_X);
}

/** Category for collapsing: the first path component, or the first two under system/ and network/. */
export function categoryOf(fmri: string): string {
  const short = shortFmri(fmri).replace(/:.*$/, '');
  const parts = short.split('/');
  if ((parts[0] === 'system' || parts[0] === 'network' || parts[0] === 'application') && parts.length >= 3) return `${parts[0]}/${parts[1] ?? ''}`;
  return parts[0] ?? short;
}

/** The nodes a layout places: all but open groups (compound nodes take their members' bounds). */
export function placedIds(model: Pick<GraphModel, 'nodes'>): string[] {
  const out: string[] = [];
  for (const n of model.nodes) if (n.expanded !== true) out.push(n.id);
  return out;
}

export function isMilestone(fmri: string): boolean {
  return fmri.startsWith('svc:/milestone/');
}

/** A cheap, stable hash (FNV-1a, 32-bit) for cache keys. */
export function hashString(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export function structureKey(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): string {
  const parts: string[] = [];
  for (const n of nodes) parts.push(`${n.id}|${n.width}x${n.height}${n.parent === undefined ? '' : `<${n.parent}`}${n.expanded === true ? '+' : ''}`);
  parts.push('#');
  for (const e of edges) parts.push(`${e.source}>${e.target}:${e.grouping}${e.loose === true ? '~' : ''}`);
  return `${nodes.length}n${edges.length}e-${hashString(parts.join('\n'))}`;
}

/**
 * The node label: the short FMRI, without ":default" (the instance name almost
 * every service uses; svcs accepts the abbreviation). The tooltip, the table
 * and the inspector show the full FMRI.
 */
export function nodeLabel(fmri: string): string {
  return shortFmri(fmri).replace(/:default$/, '');
}

export function buildGraphModel(trace: Trace, index: DependencyIndex): GraphModel {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const ids = new Set<string>();
  for (const i of trace.instances) {
    const label = nodeLabel(i.fmri);
    nodes.push({
      id: i.fmri,
      kind: 'instance',
      label,
      title: i.commonName === undefined ? i.fmri : `${i.fmri} (${i.commonName})`,
      category: categoryOf(i.fmri),
      width: nodeWidth(label),
      height: NODE_HEIGHT,
    });
    ids.add(i.fmri);
  }
  const extra = (id: string, kind: 'stub' | 'file'): void => {
    if (ids.has(id)) return;
    ids.add(id);
    const label = kind === 'file' ? shortFmri(id) : shortFmri(id);
    nodes.push({
      id,
      kind,
      label,
      title: kind === 'file' ? `${id} (file dependency)` : `${id} (no instances in the repository)`,
      category: kind === 'file' ? 'files' : categoryOf(id),
      width: nodeWidth(label),
      height: NODE_HEIGHT,
    });
  };
  const seen = new Set<string>();
  for (const i of trace.instances) {
    for (const g of index.deps.get(i.fmri) ?? []) {
      for (const t of g.targets) {
        const targets = t.instances.length > 0 ? t.instances : [t.declared];
        if (t.kind === 'file') extra(t.declared, 'file');
        else if (t.instances.length === 0) extra(t.declared, 'stub');
        for (const target of targets) {
          const id = `${i.fmri}>${target}#${g.name}`;
          if (seen.has(id)) continue;
          seen.add(id);
          edges.push({
            id,
            source: i.fmri,
            target,
            grouping: g.grouping,
            restartOn: g.restartOn,
            group: g.name,
            ...(g.restarter === true ? { restarter: true } : {}),
          });
        }
      }
    }
  }
  return { nodes, edges, key: structureKey(nodes, edges) };
}
