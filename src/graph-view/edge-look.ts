/**
 * How an edge of a large graph looks on the edge layer (edge-layer.ts): the
 * colour, width, dash and opacity that the stylesheet (stylesheet.ts, light
 * detail, no arrowheads) gives an edge with these classes. edge-look.test.ts
 * checks it against Cytoscape's own computed style for every combination of
 * classes, in both themes, so the layer draws what Cytoscape would have.
 * Hazard edges (curved, with an arrowhead and a label) stay Cytoscape's. Pure.
 */
import type { StylesheetJson } from 'cytoscape';
import type { Palette } from '../theme/palette.ts';

export interface EdgeLook {
  /** CSS colour of the line. */
  readonly color: string;
  /** Graph units (scaled by the zoom, as Cytoscape's are). */
  readonly width: number;
  /** Canvas line dash in graph units; empty: solid. */
  readonly dash: readonly number[];
  readonly opacity: number;
  /** Stacking among edges (Cytoscape's z-index: highlighted and chain edges over the rest). */
  readonly z: number;
}

/** Width and dash per grouping (stylesheet.ts `edge.g-*`). */
const GROUPING: Readonly<Record<string, { readonly width: number; readonly dash: readonly number[] }>> = {
  'g-require_all': { width: 2.4, dash: [] },
  'g-require_any': { width: 1, dash: [] },
  'g-optional_all': { width: 1.4, dash: [6, 4] },
  'g-exclude_all': { width: 1.6, dash: [] },
};
/** Cytoscape strokes `line-style: dotted` with this dash (its drawEdgePath). */
const DOTTED: readonly number[] = [1, 1];

/** Whether the edge layer draws an edge with these classes (hazard edges are Cytoscape's). */
export function onEdgeLayer(classes: ReadonlySet<string>): boolean {
  return !classes.has('hazard');
}

/** The look of an edge on the layer; undefined for an edge the layer does not draw. */
export function edgeLook(classes: ReadonlySet<string>, p: Palette): EdgeLook | undefined {
  if (!onEdgeLayer(classes)) return undefined;
  let color = p.edge;
  let width = 1.2;
  let dash: readonly number[] = [];
  let opacity = 0.85;
  let z = 0;
  for (const [cls, g] of Object.entries(GROUPING)) {
    if (!classes.has(cls)) continue;
    width = g.width;
    dash = g.dash;
  }
  const exclude = classes.has('g-exclude_all');
  if (exclude) color = p.edgeExclude;
  if (classes.has('restarter')) {
    dash = DOTTED;
    width = 1.6;
  }
  // A method's access to a file a tour names (named-resources.ts): fine, dotted, muted.
  if (classes.has('access')) {
    dash = DOTTED;
    width = 1.4;
    color = p.muted;
  }
  if (classes.has('dim')) opacity = 0.06;
  if (classes.has('hl')) {
    opacity = 1;
    color = exclude ? p.edgeExclude : p.muted;
    z = 10;
  }
  if (classes.has('chain')) {
    opacity = 1;
    width = 3.5;
    color = p.states.degraded.accent;
    z = 20;
  }
  return { color, width, dash, opacity, z };
}

/** One key per distinct look: edges with equal keys are stroked together. */
export function lookKey(l: EdgeLook): string {
  return `${l.z}|${l.opacity}|${l.color}|${l.width}|${l.dash.join(',')}`;
}

/**
 * Appended to the stylesheet while the layer draws the edges: Cytoscape keeps
 * the edge elements (data, classes, the exports) but leaves them out of its
 * frames (`display: none`: its renderer neither paints them nor recomputes
 * their geometry and bounds when a node changes, which `opacity: 0` would
 * still do every frame); the layer answers hover and taps on them
 * (edge-layer.ts edgeAt). Hazard edges stay Cytoscape's, as styled.
 */
export const EDGE_LAYER_RULES: StylesheetJson = [
  { selector: 'edge', style: { display: 'none' } },
  { selector: 'edge.hazard', style: { display: 'element' } },
];
