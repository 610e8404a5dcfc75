/**
 * Legible cameras. A node label is drawn `font size × zoom` CSS pixels tall
 * (× the device pixel ratio on the screen, taken as 1 here: the size a
 * person reads on a 1× projector). Below MIN_LABEL_PX it cannot be read, so
 * the default view and every "bring this into view" pick the zoom and pan
 * from what must be read, not from the whole graph: fit everything if that
 * is legible, else the most important nodes that fit at a legible zoom. Pure.
 */
import { boundsOf, fitViewport, type Bounds, type NodeBox, type Viewport } from './viewport.ts';

/** The node label font size in the stylesheet (graph units, i.e. CSS px at zoom 1). */
export const LABEL_FONT_PX = 11;
/** The smallest label a person can read on a 1024×768 projector or a laptop (issue 12). */
export const MIN_LABEL_PX = 11;

/** How tall a label is drawn on screen: Cytoscape's font size × zoom × device pixel ratio. */
export function renderedLabelPx(fontPx: number, zoom: number, pixelRatio = 1): number {
  return fontPx * zoom * pixelRatio;
}

/** The smallest zoom at which a label of `fontPx` is at least `minPx` tall. */
export function legibleZoom(fontPx = LABEL_FONT_PX, minPx = MIN_LABEL_PX, pixelRatio = 1): number {
  return minPx / (fontPx * pixelRatio);
}

/**
 * The largest a label is drawn by the default view: a small graph (a lesson's five services) is zoomed in to fill
 * the panel, up to labels this tall (16 px: a heading's size, not a poster's).
 */
export const MAX_HOME_LABEL_PX = 16;
/** The zoom at which labels are MAX_HOME_LABEL_PX tall: the default view zooms in no further. */
export const HOME_MAX_ZOOM = MAX_HOME_LABEL_PX / LABEL_FONT_PX;

export interface LegibleOptions {
  /** The smallest zoom allowed (legibleZoom()). */
  readonly minZoom?: number;
  /** Never zoom in further than this (default HOME_MAX_ZOOM: a five-node graph fills the panel, its labels at most 16 px). */
  readonly maxZoom?: number;
  /** Screen px kept free around what is framed. */
  readonly padding?: number;
}

/** The zoom at which `b` just fits a width × height view with `padding`. */
function fitZoom(b: Bounds, width: number, height: number, padding: number): number {
  return Math.min((width - 2 * padding) / Math.max(1, b.x1 - b.x0), (height - 2 * padding) / Math.max(1, b.y1 - b.y0));
}

/** Centre coordinate along one axis: on the target, moved (if the graph is bigger than the view) so the view shows no empty margin. */
function centreOn(target0: number, target1: number, graph0: number, graph1: number, view: number): number {
  const c = (target0 + target1) / 2;
  if (graph1 - graph0 <= view) return (graph0 + graph1) / 2;
  return Math.min(Math.max(c, graph0 + view / 2), graph1 - view / 2);
}

/**
 * The camera for a width × height view of `all` nodes that keeps labels
 * legible and shows `tiers` in order of importance: everything, if it fits
 * at a legible zoom; else the longest prefix of tiers (tier 1, tiers 1–2, …)
 * that fits, at the legible zoom or closer, plus those nodes of the next tier
 * (in order) that still fit; if no node of the first tier fits alone, its
 * centre at the legible zoom. Empty tiers are skipped.
 */
export function legibleViewport(all: readonly NodeBox[], tiers: readonly (readonly NodeBox[])[], width: number, height: number, opts: LegibleOptions = {}): Viewport | undefined {
  const minZoom = opts.minZoom ?? legibleZoom();
  const maxZoom = Math.max(minZoom, opts.maxZoom ?? HOME_MAX_ZOOM);
  const padding = opts.padding ?? 28;
  const graph = boundsOf(all);
  if (graph === undefined || width <= 0 || height <= 0) return undefined;
  const whole = fitViewport(all, width, height, padding, maxZoom, 0);
  if (whole !== undefined && whole.zoom >= minZoom) return whole;
  // Whole tiers while they fit; then, from the first tier that does not, each of its nodes that still fits, in order.
  let target: Bounds | undefined;
  const acc: NodeBox[] = [];
  const fits = (boxes: readonly NodeBox[]): Bounds | undefined => {
    const b = boundsOf(boxes);
    return b !== undefined && fitZoom(b, width, height, padding) >= minZoom ? b : undefined;
  };
  for (const tier of tiers) {
    if (tier.length === 0) continue;
    const whole = fits([...acc, ...tier]);
    if (whole !== undefined) {
      acc.push(...tier);
      target = whole;
      continue;
    }
    for (const b of tier) {
      const more = fits([...acc, b]);
      if (more === undefined) continue;
      acc.push(b);
      target = more;
    }
    // Nothing of the first tier fits alone: centre on it at the legible zoom.
    target ??= boundsOf(tier);
    break;
  }
  const t = target ?? graph;
  const zoom = Math.max(minZoom, Math.min(1, maxZoom, fitZoom(t, width, height, padding)));
  let cx = centreOn(t.x0, t.x1, graph.x0 - padding / zoom, graph.x1 + padding / zoom, width / zoom);
  let cy = centreOn(t.y0, t.y1, graph.y0 - padding / zoom, graph.y1 + padding / zoom, height / zoom);
  // Slide the view, keeping the target inside with its padding, so that its edges cut as few nodes as possible.
  const vw = width / zoom;
  const vh = height / zoom;
  const pad = padding / zoom;
  const acrossX = (b: NodeBox): boolean => b.y + b.h / 2 > cy - vh / 2 && b.y - b.h / 2 < cy + vh / 2;
  cx = leastCutWithin(all.filter(acrossX).map((b) => [b.x - b.w / 2, b.x + b.w / 2] as const), cx - vw / 2, vw, t.x0, t.x1, pad) + vw / 2;
  const acrossY = (b: NodeBox): boolean => b.x + b.w / 2 > cx - vw / 2 && b.x - b.w / 2 < cx + vw / 2;
  cy = leastCutWithin(all.filter(acrossY).map((b) => [b.y - b.h / 2, b.y + b.h / 2] as const), cy - vh / 2, vh, t.y0, t.y1, pad) + vh / 2;
  return { zoom, pan: { x: width / 2 - zoom * cx, y: height / 2 - zoom * cy } };
}

/**
 * Space kept between a view's edge and a node it shows whole or leaves out (graph units): more than a node's widest
 * halo (a spotlit node's underlay, 9 in stylesheet.ts) and its border, so that no sliver of a node left out shows.
 */
export const EDGE_MARGIN = 12;

/**
 * leastCut for a view that shows the target span [t0, t1] with `pad` on both sides; if every such place cuts a node,
 * the target's padding may shrink to EDGE_MARGIN when that cuts fewer (a panel a few pixels too short for the padding
 * then shows a node whole instead of cutting it in half at its edge).
 */
function leastCutWithin(spans: readonly (readonly [number, number])[], start: number, len: number, t0: number, t1: number, pad: number): number {
  const roomy = leastCut(spans, start, len, t1 + pad - len, t0 - pad);
  const m = Math.min(pad, EDGE_MARGIN);
  if (cutsAt(spans, roomy, len) === 0 || m >= pad) return roomy;
  const tight = leastCut(spans, start, len, t1 + m - len, t0 - m);
  return cutsAt(spans, tight, len) < cutsAt(spans, roomy, len) ? tight : roomy;
}

/**
 * How badly a view [a, a + len] cuts the spans at its edges: the number of spans an edge crosses, plus a fraction for
 * each span left out less than EDGE_MARGIN beyond an edge (a sliver of its halo shows): crossing one node is worse than
 * grazing any number.
 */
function cutsAt(spans: readonly (readonly [number, number])[], a: number, len: number): number {
  const b = a + len;
  let hard = 0;
  let near = 0;
  for (const [s0, s1] of spans) {
    if ((s0 < a && s1 > a) || (s0 < b && s1 > b)) hard++;
    else if ((s1 <= a && s1 + EDGE_MARGIN > a) || (s0 >= b && s0 - EDGE_MARGIN < b)) near++;
  }
  return hard + near / (spans.length + 1);
}

/**
 * Along one axis: where to put a view of length `len` (its start), between
 * `lo` and `hi` (where it still shows the target), so that its two edges
 * cut as few of the `spans` as possible (cutsAt); among equals, the closest to
 * `start`. Candidates are the positions that show a span whole or leave it
 * out, EDGE_MARGIN from either edge. If there is no room (lo > hi), `start`.
 */
export function leastCut(spans: readonly (readonly [number, number])[], start: number, len: number, lo: number, hi: number): number {
  if (!(lo <= hi) || spans.length === 0) return start;
  const cuts = (a: number): number => cutsAt(spans, a, len);
  const clamp = (a: number): number => Math.min(hi, Math.max(lo, a));
  let best = clamp(start);
  let bestCuts = cuts(best);
  if (bestCuts === 0) return best;
  const m = EDGE_MARGIN;
  for (const [s0, s1] of spans) {
    for (const a of [s0 - m, s1 + m, s1 + m - len, s0 - m - len]) {
      const c = clamp(a);
      const k = cuts(c);
      if (k < bestCuts || (k === bestCuts && Math.abs(c - start) < Math.abs(best - start))) {
        best = c;
        bestCuts = k;
      }
    }
  }
  return best;
}

/** Boxes of the nodes whose ids are in `ids` (in that order), from a lookup. */
export function boxesOf(ids: Iterable<string>, box: (id: string) => NodeBox | undefined): NodeBox[] {
  const out: NodeBox[] = [];
  for (const id of ids) {
    const b = box(id);
    if (b !== undefined) out.push(b);
  }
  return out;
}
