/**
 * Where an ordering hazard's label ("/dev/ipmpstub") is drawn (issue 13, 17).
 * A hazard edge often joins two services drawn side by side (the flagship's
 * network/physical and system/device/local), so a label centred on the edge's
 * midpoint lies under their labels. Each label is drawn level, on a background,
 * at the nearest place around its edge's midpoint where it covers no node and no
 * label placed before it; where there is none, where it covers least. The canvas
 * (graph-adapter.ts, through the stylesheet's text margins) and the SVG export
 * place them with this, so the PNG (Cytoscape's own drawing) and the SVG agree. Pure.
 */
import type { NodeBox } from './viewport.ts';

/** The label font (stylesheet.ts edge.hazard): 11 px monospace; its background's padding. */
const FONT_PX = 11;
const CHAR_EM = 0.62;
const PADDING = 2;
/** Room kept between a label and a node (a node's halo and outline). */
const CLEARANCE = 6;
/** Offsets tried, nearest first (graph units): the label moves at most this far from its edge. */
const STEP = 6;
const REACH = 72;

export interface LabelPoint {
  readonly x: number;
  readonly y: number;
}

export interface HazardLabelInput {
  readonly id: string;
  /** The edge's midpoint (graph coordinates). */
  readonly at: LabelPoint;
  readonly text: string;
}

/** The box a label's text and background take (graph units at zoom 1). */
export function labelSize(text: string): { readonly w: number; readonly h: number } {
  const longest = Math.max(0, ...text.split('\n').map((l) => [...l].length));
  return { w: longest * FONT_PX * CHAR_EM + 2 * PADDING, h: text.split('\n').length * FONT_PX * 1.25 + 2 * PADDING };
}

/** How much two boxes overlap (area; 0 if apart). */
function overlap(a: NodeBox, b: NodeBox): number {
  const w = Math.min(a.x + a.w / 2, b.x + b.w / 2) - Math.max(a.x - a.w / 2, b.x - b.w / 2);
  const h = Math.min(a.y + a.h / 2, b.y + b.h / 2) - Math.max(a.y - a.h / 2, b.y - b.h / 2);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Offsets from the midpoint, nearest first: on it, then up, down, left and right and the diagonals, ring by ring. */
function candidates(): LabelPoint[] {
  const out: LabelPoint[] = [{ x: 0, y: 0 }];
  for (let r = STEP; r <= REACH; r += STEP) {
    out.push({ x: 0, y: -r }, { x: 0, y: r });
    for (let k = STEP; k <= r; k += STEP) out.push({ x: -k, y: -r }, { x: k, y: -r }, { x: -k, y: r }, { x: k, y: r });
    for (let k = 0; k < r; k += STEP) out.push({ x: -r, y: -k }, { x: r, y: -k }, { x: -r, y: k }, { x: r, y: k });
  }
  return out;
}

const CANDIDATES = candidates();

/**
 * Each label's offset from its edge's midpoint (graph units), in the order
 * given: the first candidate that covers no node (with CLEARANCE) and no label
 * placed before it, else the one that covers least.
 */
export function placeHazardLabels(labels: readonly HazardLabelInput[], nodes: readonly NodeBox[]): Map<string, LabelPoint> {
  const out = new Map<string, LabelPoint>();
  const taken: NodeBox[] = [];
  const near = (box: NodeBox, reach: number): NodeBox[] =>
    nodes
      .map((n) => ({ x: n.x, y: n.y, w: n.w + 2 * CLEARANCE, h: n.h + 2 * CLEARANCE }))
      .filter((n) => Math.abs(n.x - box.x) <= (n.w + box.w) / 2 + reach && Math.abs(n.y - box.y) <= (n.h + box.h) / 2 + reach);
  for (const l of labels) {
    const size = labelSize(l.text);
    const obstacles = [...near({ x: l.at.x, y: l.at.y, ...size }, REACH), ...taken];
    let best: { readonly d: LabelPoint; readonly cost: number } | undefined;
    for (const d of CANDIDATES) {
      const box = { x: l.at.x + d.x, y: l.at.y + d.y, ...size };
      let cost = 0;
      for (const o of obstacles) cost += overlap(box, o);
      if (best === undefined || cost < best.cost) best = { d, cost };
      if (cost === 0) break;
    }
    const d = best?.d ?? { x: 0, y: 0 };
    out.set(l.id, d);
    taken.push({ x: l.at.x + d.x, y: l.at.y + d.y, w: size.w + 2, h: size.h + 2 });
  }
  return out;
}
