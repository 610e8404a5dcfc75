/**
 * ELK layered in a Web Worker (toolchain-notes §4, §7): the fast options, no
 * main-thread work beyond building the input and reading positions back.
 * elkjs is imported lazily so it is not part of the first load; the worker
 * script is a separate asset.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { GraphModel } from './model.ts';
import { boundsOf } from './viewport.ts';
import { chooseDirection, type Direction, type Point, type Positions } from './layout-simple.ts';

export const ELK_OPTIONS: Readonly<Record<string, string>> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.layered.thoroughness': '1',
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
  // Cytoscape draws straight edges from node to node: ELK's routes are not used, so they get no room.
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.spacing.edgeNodeBetweenLayers': '4',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '3',
  'elk.spacing.nodeNode': '10',
  'elk.layered.spacing.nodeNodeBetweenLayers': '16',
  'elk.spacing.componentComponent': '48',
  'elk.separateConnectedComponents': 'true',
  // Wide rather than tall: screens are landscape, and the story must fit at a legible zoom.
  'elk.aspectRatio': '2',
};

/**
 * The ELK input: edges point from a dependency to its dependent so that
 * layers run downward in boot order. Exclusions order nothing, but laying
 * them out like dependencies keeps the two services next to each other
 * instead of drawing a long line across the graph.
 */
export function elkGraph(model: GraphModel, options: Readonly<Record<string, string>> = ELK_OPTIONS, direction: Direction = chooseDirection(model)): ElkNode {
  const ids = new Set(model.nodes.map((n) => n.id));
  // An expanded group is a compound node: ELK lays its members out inside it first, then places it as one block
  // (each level on its own: fast even for big groups). An edge between levels is laid out at the outer level, from or to the group.
  const parentOf = new Map<string, string>();
  for (const n of model.nodes) if (n.parent !== undefined && ids.has(n.parent)) parentOf.set(n.id, n.parent);
  const children = new Map<string, ElkNode[]>();
  const inner = new Map<string, ElkExtendedEdge[]>();
  const outer: ElkExtendedEdge[] = [];
  for (const n of model.nodes) {
    const p = parentOf.get(n.id);
    if (p === undefined) continue;
    const list = children.get(p) ?? [];
    list.push({ id: n.id, width: n.width, height: n.height });
    children.set(p, list);
  }
  const seen = new Set<string>();
  for (const e of model.edges) {
    if (e.source === e.target || e.loose === true || !ids.has(e.source) || !ids.has(e.target)) continue;
    const ps = parentOf.get(e.source);
    const pt = parentOf.get(e.target);
    if (ps !== undefined && ps === pt) {
      const list = inner.get(ps) ?? [];
      list.push({ id: e.id, sources: [e.target], targets: [e.source] });
      inner.set(ps, list);
      continue;
    }
    const s = ps ?? e.source;
    const t = pt ?? e.target;
    const key = `${t}>${s}`;
    if (s === t || seen.has(key)) continue;
    seen.add(key);
    outer.push({ id: e.id, sources: [t], targets: [s] });
  }
  const top: ElkNode[] = model.nodes
    .filter((n) => !parentOf.has(n.id))
    .map((n) => {
      const members = children.get(n.id);
      if (members === undefined) return { id: n.id, width: n.width, height: n.height };
      // Room above the members for the group's title node (as big as the closed group; graph-adapter.ts places it), and
      // at least its width, the members centred under it. The padding matches Cytoscape's around a compound (stylesheet.ts).
      return {
        id: n.id,
        children: members,
        edges: inner.get(n.id) ?? [],
        layoutOptions: {
          ...options,
          'elk.direction': direction,
          'elk.padding': `[top=${n.height + 24},left=12,bottom=12,right=12]`,
          'elk.nodeSize.constraints': 'MINIMUM_SIZE',
          'elk.nodeSize.minimum': `(${n.width + 24}, ${n.height + 40})`,
          'elk.contentAlignment': 'H_CENTER V_TOP',
        },
      };
    });
  return {
    id: 'root',
    layoutOptions: { ...options, 'elk.direction': direction },
    children: top,
    edges: outer,
  };
}

/** Node centres in graph coordinates (ELK gives top-left corners, relative to the parent). Compound nodes are left out: Cytoscape draws them around their members. */
export function positionsFromElk(result: ElkNode): Positions {
  const out = new Map<string, Point>();
  const walk = (nodes: readonly ElkNode[], dx: number, dy: number): void => {
    for (const c of nodes) {
      const x = dx + (c.x ?? 0);
      const y = dy + (c.y ?? 0);
      if (c.children !== undefined && c.children.length > 0) walk(c.children, x, y);
      else out.set(c.id, { x: Math.round(x + (c.width ?? 0) / 2), y: Math.round(y + (c.height ?? 0) / 2) });
    }
  };
  walk(result.children ?? [], 0, 0);
  return out;
}

/** Up to this many nodes a graph is laid out both ways (downward and rightward) and the better one kept; above, chooseDirection() decides. */
const BOTH_WAYS_MAX = 150;

/**
 * How large a w × h layout can be drawn in a landscape view (width:height =
 * aspect, the shape of the graph panel at 1024–1920 px): the bigger, the
 * more of it fits at a legible zoom.
 */
export function landscapeScale(w: number, h: number, aspect = 2): number {
  return Math.min(aspect / Math.max(1, w), 1 / Math.max(1, h));
}

/** The width and height of a layout's node boxes. */
function layoutSize(model: GraphModel, positions: Positions): { readonly w: number; readonly h: number } {
  const boxes = [];
  for (const n of model.nodes) {
    const p = positions.get(n.id);
    if (p !== undefined) boxes.push({ x: p.x, y: p.y, w: n.width, h: n.height });
  }
  const b = boundsOf(boxes);
  return b === undefined ? { w: 0, h: 0 } : { w: b.x1 - b.x0, h: b.y1 - b.y0 };
}

/**
 * The widest layout that is drawn whole across the graph panel at a legible zoom (1): the panel is 760 px wide at
 * 1024×768 (a drawer open) and at 1366×768, less the camera's padding on each side (legibility.ts). A story view no
 * wider than this is never cut at the panel's sides.
 */
export const PANEL_FIT_WIDTH = 760 - 2 * 28;

/**
 * Narrower variants, tried in turn when neither direction of the default fits the panel's width: the graph's separate
 * parts (a story's summary groups of unrelated services) packed in rows no wider than its widest part, so that they
 * stack under it (at aspect ratio 2 the Clearview story's three summary groups side by side made it 885 px wide); then
 * also layers by longest path, fewer services side by side (the Snap Upgrade story's widest layer held four milestones
 * and groups); then layers that ELK keeps narrow by stretching the graph downward (the patching story).
 */
const NARROWER: readonly Readonly<Record<string, string>>[] = [
  { 'elk.aspectRatio': '0.5' },
  { 'elk.aspectRatio': '0.5', 'elk.layered.layering.strategy': 'LONGEST_PATH' },
  { 'elk.aspectRatio': '0.5', 'elk.layered.layering.strategy': 'STRETCH_WIDTH' },
];

/**
 * ELK layered for `model` through `layout` (the worker, or elkjs in the
 * build script: both give the same result). chooseDirection() guesses from
 * layer sizes before any layout; for a graph small enough to lay out twice
 * (a story view), both directions are laid out and the one that is drawn
 * larger in a landscape view is kept (the other only if it is 10% larger):
 * the illumos 2025 story's milestones fit 1366×768 laid out downward, not
 * rightward as the guess had it. A layout drawn whole across the graph panel
 * at a legible zoom (PANEL_FIT_WIDTH) is preferred to a wider one: if neither
 * direction gives one, the NARROWER options are tried, both ways, in turn.
 */
export async function layOutElk(model: GraphModel, layout: (graph: ElkNode) => Promise<ElkNode>, options: Readonly<Record<string, string>> = ELK_OPTIONS): Promise<Positions> {
  const guess = chooseDirection(model);
  const first = positionsFromElk(await layout(elkGraph(model, options, guess)));
  if (model.nodes.length > BOTH_WAYS_MAX) return first;
  const otherWay = guess === 'DOWN' ? 'RIGHT' : 'DOWN';
  const sized = (p: Positions) => ({ p, ...layoutSize(model, p) });
  const fits = (c: { readonly w: number }): boolean => c.w <= PANEL_FIT_WIDTH;
  const better = (a: ReturnType<typeof sized>, b: ReturnType<typeof sized>): ReturnType<typeof sized> => {
    if (fits(a) !== fits(b)) return fits(a) ? a : b;
    return landscapeScale(b.w, b.h) > 1.1 * landscapeScale(a.w, a.h) ? b : a;
  };
  const best = better(sized(first), sized(positionsFromElk(await layout(elkGraph(model, options, otherWay)))));
  if (fits(best)) return best.p;
  for (const narrower of NARROWER) {
    const o = { ...options, ...narrower };
    const c = better(sized(positionsFromElk(await layout(elkGraph(model, o, guess)))), sized(positionsFromElk(await layout(elkGraph(model, o, otherWay)))));
    if (fits(c)) return c.p;
  }
  return best.p;
}

interface ElkLike {
  layout(graph: ElkNode): Promise<ElkNode>;
  terminateWorker(): void;
}

let elk: Promise<ElkLike> | undefined;

async function createElk(): Promise<ElkLike> {
  const [{ default: ELK }, { default: workerUrl }] = await Promise.all([
    import('elkjs/lib/elk-api.js'),
    import('elkjs/lib/elk-worker.min.js?url'),
  ]);
  return new ELK({ workerFactory: () => new Worker(workerUrl) });
}

/** Lay out in the worker. Rejects if the worker fails; the caller falls back. */
export async function elkLayout(model: GraphModel): Promise<Positions> {
  elk ??= createElk();
  try {
    const instance = await elk;
    return await layOutElk(model, (g) => instance.layout(g));
  } catch (err) {
    // A broken worker is dropped so that the next layout starts a fresh one.
    const broken = elk;
    elk = undefined;
    void broken?.then((e) => e.terminateWorker()).catch(() => undefined);
    throw err;
  }
}
