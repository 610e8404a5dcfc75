/**
 * The edge layer's batches and geometry (edge-layer.ts draws them): edges
 * grouped by look, so that a whole batch is one path stroked once instead of
 * one stroke per edge; the segments of a batch from node positions (graph
 * coordinates, centre to centre as Cytoscape's haystack edges of radius 0
 * are); and the canvas transform for a viewport. Pure.
 */
import type { Palette } from '../theme/palette.ts';
import { edgeLook, lookKey, type EdgeLook } from './edge-look.ts';

export interface LayerEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly classes: ReadonlySet<string>;
}

export interface EdgeBatch {
  readonly key: string;
  readonly look: EdgeLook;
  readonly edges: readonly LayerEdge[];
}

/**
 * Every edge the layer draws in exactly one batch, batches in drawing order:
 * by z (Cytoscape's z-index: the plain edges, then highlighted, then the
 * chain), fainter before stronger within a z, then by key (a stable order).
 */
export function batchEdges(edges: Iterable<LayerEdge>, p: Palette): EdgeBatch[] {
  const byKey = new Map<string, { look: EdgeLook; edges: LayerEdge[] }>();
  for (const e of edges) {
    const look = edgeLook(e.classes, p);
    if (look === undefined) continue;
    const key = lookKey(look);
    const b = byKey.get(key);
    if (b === undefined) byKey.set(key, { look, edges: [e] });
    else b.edges.push(e);
  }
  return [...byKey.entries()]
    .map(([key, b]) => ({ key, look: b.look, edges: b.edges }))
    .sort((a, b) => a.look.z - b.look.z || a.look.opacity - b.look.opacity || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

interface Point {
  readonly x: number;
  readonly y: number;
}

/** The edges of a batch whose two ends are placed, and their segments: x1 y1 x2 y2 per edge, in the same order. */
export interface PlacedEdges {
  readonly edges: readonly LayerEdge[];
  readonly seg: Float64Array;
}

export function batchSegments(edges: readonly LayerEdge[], positionOf: (id: string) => Point | undefined): PlacedEdges {
  const seg = new Float64Array(edges.length * 4);
  const placed: LayerEdge[] = [];
  let n = 0;
  for (const e of edges) {
    const a = positionOf(e.source);
    const b = positionOf(e.target);
    if (a === undefined || b === undefined) continue;
    placed.push(e);
    seg[n++] = a.x;
    seg[n++] = a.y;
    seg[n++] = b.x;
    seg[n++] = b.y;
  }
  return { edges: placed, seg: seg.subarray(0, n) };
}

/** The edge under a point, as Cytoscape finds one. */
export interface EdgeHit {
  readonly edge: LayerEdge;
  /** Its midpoint (graph coordinates). */
  readonly mid: Point;
}

/**
 * The edge nearest to `p` (graph coordinates) among those within half their
 * width plus `slack` of it, as Cytoscape's hit test has it (its
 * findNearestElements: an edge within width / 2 + 8 px / zoom); on equal
 * distance the later batch (drawn on top) wins.
 */
export function nearestEdge(batches: readonly { readonly width: number; readonly placed: PlacedEdges }[], p: Point, slack: number): EdgeHit | undefined {
  let best: EdgeHit | undefined;
  let bestD = Infinity;
  for (const { width, placed } of batches) {
    const reach = width / 2 + slack;
    const s = placed.seg;
    for (let i = 0, k = 0; i + 3 < s.length; i += 4, k++) {
      const x1 = s[i] ?? 0;
      const y1 = s[i + 1] ?? 0;
      const x2 = s[i + 2] ?? 0;
      const y2 = s[i + 3] ?? 0;
      // Cheap reject: outside the segment's box grown by the reach.
      if (p.x < Math.min(x1, x2) - reach || p.x > Math.max(x1, x2) + reach || p.y < Math.min(y1, y2) - reach || p.y > Math.max(y1, y2) + reach) continue;
      const d = distanceToSegment(p, x1, y1, x2, y2);
      const edge = placed.edges[k];
      if (d > reach || d > bestD || edge === undefined) continue;
      bestD = d;
      best = { edge, mid: { x: (x1 + x2) / 2, y: (y1 + y2) / 2 } };
    }
  }
  return best;
}

function distanceToSegment(p: Point, x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - x1) * dx + (p.y - y1) * dy) / len2));
  return Math.hypot(p.x - (x1 + t * dx), p.y - (y1 + t * dy));
}

/** The canvas transform (a b c d e f) drawing graph coordinates as Cytoscape does at this viewport and pixel ratio. */
export function layerTransform(zoom: number, pan: Point, pixelRatio: number): readonly [number, number, number, number, number, number] {
  const s = zoom * pixelRatio;
  return [s, 0, 0, s, pan.x * pixelRatio, pan.y * pixelRatio];
}
