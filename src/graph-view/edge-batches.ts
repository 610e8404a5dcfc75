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

/** The segments of a batch's edges whose two ends are placed: x1 y1 x2 y2 per edge. */
export function batchSegments(edges: readonly LayerEdge[], positionOf: (id: string) => Point | undefined): Float64Array {
  const out = new Float64Array(edges.length * 4);
  let n = 0;
  for (const e of edges) {
    const a = positionOf(e.source);
    const b = positionOf(e.target);
    if (a === undefined || b === undefined) continue;
    out[n++] = a.x;
    out[n++] = a.y;
    out[n++] = b.x;
    out[n++] = b.y;
  }
  return out.subarray(0, n);
}

/** The canvas transform (a b c d e f) drawing graph coordinates as Cytoscape does at this viewport and pixel ratio. */
export function layerTransform(zoom: number, pan: Point, pixelRatio: number): readonly [number, number, number, number, number, number] {
  const s = zoom * pixelRatio;
  return [s, 0, 0, s, pan.x * pixelRatio, pan.y * pixelRatio];
}
