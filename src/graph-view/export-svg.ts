/**
 * The graph as a standalone SVG document (issue 6): what the canvas shows —
 * nodes where the layout put them, coloured and shaped by state as the
 * stylesheet does, edges with the grouping's line style and arrowheads —
 * without Cytoscape, from element definitions and positions. Every piece of
 * text is XML-escaped, so a service name with markup stays text. Pure.
 */
import type { Grouping } from '../model/smf/states.ts';
import type { VisualState } from '../selectors/visual-state.ts';
import { PALETTES, type Palette, type StateColours, type ThemeName } from '../theme/palette.ts';
import { layoutLegend, legendItems, type PlacedItem } from './export-legend.ts';
import { labelSize, placeHazardLabels, type HazardLabelInput } from './hazard-label.ts';
import type { Point } from './layout-simple.ts';
import { MONO_FONT, STATE_SHAPE } from './stylesheet.ts';
import type { ElementDef, NodeState } from './to-elements.ts';

export interface SvgNode {
  readonly id: string;
  /** Lines of text (the glyph and short name; group nodes add counts). */
  readonly label: string;
  readonly title: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly state: NodeState;
  readonly selected?: boolean;
}

export interface SvgEdge {
  readonly source: string;
  readonly target: string;
  readonly grouping: Grouping;
  readonly restarter?: boolean;
  /** A method's access to a file, not a dependency (named-resources.ts). */
  readonly access?: boolean;
  /** An ordering hazard (a missing dependency) on this file or link, drawn dashed in the failure colour with its name; `right`: the order happened to be right this boot (muted). */
  readonly hazard?: { readonly label: string; readonly right: boolean };
  readonly title: string;
}

export interface SvgGraph {
  readonly nodes: readonly SvgNode[];
  readonly edges: readonly SvgEdge[];
}

/** Text and attribute values: the five XML specials escaped, characters XML 1.0 forbids dropped. */
export function xmlText(s: string): string {
  return (
    s
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

const GROUPINGS: readonly Grouping[] = ['require_all', 'require_any', 'optional_all', 'exclude_all'];
const asGrouping = (v: unknown): Grouping => (GROUPINGS.includes(v as Grouping) ? (v as Grouping) : 'require_all');

/** The SVG input from the canvas's element definitions and node positions; unplaced nodes are left out. */
export function svgGraphFrom(elements: readonly ElementDef[], position: (id: string) => Point | undefined): SvgGraph {
  const nodes: SvgNode[] = [];
  const placed = new Set<string>();
  for (const e of elements) {
    // An open group is drawn by its title node (to-elements.ts) and its members; its own box is Cytoscape's.
    if (e.group !== 'nodes' || e.data['compound'] !== undefined) continue;
    const p = position(e.data.id);
    if (p === undefined) continue;
    placed.add(e.data.id);
    nodes.push({
      id: e.data.id,
      label: String(e.data['label'] ?? ''),
      title: String(e.data['title'] ?? e.data.id),
      x: p.x,
      y: p.y,
      w: Number(e.data['w'] ?? 40),
      h: Number(e.data['h'] ?? 24),
      state: String(e.data['state'] ?? 'offline') as NodeState,
      ...(e.classes.split(' ').includes('selected') ? { selected: true } : {}),
    });
  }
  const edges: SvgEdge[] = [];
  for (const e of elements) {
    if (e.group !== 'edges') continue;
    const source = String(e.data['source'] ?? '');
    const target = String(e.data['target'] ?? '');
    if (!placed.has(source) || !placed.has(target)) continue;
    const classes = e.classes.split(' ');
    edges.push({
      source,
      target,
      grouping: asGrouping(e.data['grouping']),
      ...(classes.includes('restarter') ? { restarter: true } : {}),
      ...(classes.includes('access') ? { access: true } : {}),
      ...(classes.includes('hazard') ? { hazard: { label: String(e.data['label'] ?? ''), right: classes.includes('right') } } : {}),
      title: String(e.data['title'] ?? ''),
    });
  }
  return { nodes, edges };
}

const n2 = (v: number): string => (Math.round(v * 100) / 100).toString();

function colours(p: Palette, s: NodeState): StateColours {
  if (s === 'file-present') return p.fileNode;
  if (s === 'file-missing') return p.fileMissing;
  return p.states[s];
}

function dashFor(border: string): string | undefined {
  if (border === 'dashed') return '5 3';
  if (border === 'dotted') return '1.5 2.5';
  return undefined;
}

function shapePath(n: SvgNode): string {
  const x0 = n.x - n.w / 2;
  const y0 = n.y - n.h / 2;
  const x1 = n.x + n.w / 2;
  const y1 = n.y + n.h / 2;
  const shape = n.state === 'file-present' || n.state === 'file-missing' ? 'rhomboid' : STATE_SHAPE[n.state as VisualState].shape;
  switch (shape) {
    case 'rectangle':
      return `M${n2(x0)} ${n2(y0)}H${n2(x1)}V${n2(y1)}H${n2(x0)}Z`;
    case 'octagon': {
      const c = Math.min(n.h * 0.3, n.w * 0.3);
      return `M${n2(x0 + c)} ${n2(y0)}H${n2(x1 - c)}L${n2(x1)} ${n2(y0 + c)}V${n2(y1 - c)}L${n2(x1 - c)} ${n2(y1)}H${n2(x0 + c)}L${n2(x0)} ${n2(y1 - c)}V${n2(y0 + c)}Z`;
    }
    case 'barrel': {
      const c = Math.min(n.w * 0.06, 8);
      return `M${n2(x0 + c)} ${n2(y0)}H${n2(x1 - c)}Q${n2(x1)} ${n2(n.y)} ${n2(x1 - c)} ${n2(y1)}H${n2(x0 + c)}Q${n2(x0)} ${n2(n.y)} ${n2(x0 + c)} ${n2(y0)}Z`;
    }
    case 'rhomboid': {
      const c = n.h * 0.35;
      return `M${n2(x0 + c)} ${n2(y0)}H${n2(x1)}L${n2(x1 - c)} ${n2(y1)}H${n2(x0)}Z`;
    }
    case 'round-rectangle': {
      const r = Math.min(6, n.h / 4);
      return `M${n2(x0 + r)} ${n2(y0)}H${n2(x1 - r)}Q${n2(x1)} ${n2(y0)} ${n2(x1)} ${n2(y0 + r)}V${n2(y1 - r)}Q${n2(x1)} ${n2(y1)} ${n2(x1 - r)} ${n2(y1)}H${n2(x0 + r)}Q${n2(x0)} ${n2(y1)} ${n2(x0)} ${n2(y1 - r)}V${n2(y0 + r)}Q${n2(x0)} ${n2(y0)} ${n2(x0 + r)} ${n2(y0)}Z`;
    }
  }
}

/** Where the segment from the centre of `a` towards `b` leaves a's box (with a small gap). */
export function boxExit(a: SvgNode, b: { x: number; y: number }, gap = 2): { x: number; y: number } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  if (dx === 0 && dy === 0) return { x: a.x, y: a.y };
  const hw = a.w / 2 + gap;
  const hh = a.h / 2 + gap;
  const s = Math.min(dx === 0 ? Infinity : hw / Math.abs(dx), dy === 0 ? Infinity : hh / Math.abs(dy));
  return { x: a.x + dx * Math.min(1, s), y: a.y + dy * Math.min(1, s) };
}

interface EdgeLook {
  readonly width: number;
  readonly dash?: string;
  readonly colour: string;
  readonly marker: 'arrow' | 'tee' | 'square' | 'hazard' | 'hazard-right';
}

function edgeLook(e: SvgEdge, p: Palette): EdgeLook {
  if (e.hazard !== undefined) return { width: e.hazard.right ? 1.8 : 2.4, dash: '8 5', colour: e.hazard.right ? p.muted : p.states.maintenance.accent, marker: e.hazard.right ? 'hazard-right' : 'hazard' };
  if (e.restarter === true) return { width: 1.6, dash: '1.5 3', colour: p.edge, marker: 'square' };
  if (e.access === true) return { width: 1.4, dash: '1.5 3', colour: p.muted, marker: 'arrow' };
  switch (e.grouping) {
    case 'require_all':
      return { width: 2.4, colour: p.edge, marker: 'arrow' };
    case 'require_any':
      return { width: 1, colour: p.edge, marker: 'arrow' };
    case 'optional_all':
      return { width: 1.4, dash: '6 4', colour: p.edge, marker: 'arrow' };
    case 'exclude_all':
      return { width: 1.6, colour: p.edgeExclude, marker: 'tee' };
  }
}

export interface SvgOptions {
  readonly theme?: ThemeName;
  readonly padding?: number;
  /** A title line drawn above the graph (the scenario and instant). */
  readonly title?: string;
  /** The legend below the graph; default: with a title (an exported file). The printed page asks for it without a title. */
  readonly legend?: boolean;
}

export function graphToSvg(graph: SvgGraph, opts: SvgOptions = {}): string {
  const p = PALETTES[opts.theme ?? 'light'];
  const pad = opts.padding ?? 24;
  const head = opts.title === undefined ? 0 : 28;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const n of graph.nodes) {
    x0 = Math.min(x0, n.x - n.w / 2);
    y0 = Math.min(y0, n.y - n.h / 2);
    x1 = Math.max(x1, n.x + n.w / 2);
    y1 = Math.max(y1, n.y + n.h / 2);
  }
  if (!Number.isFinite(x0)) {
    x0 = 0;
    y0 = 0;
    x1 = 200;
    y1 = 40;
  }
  const width = x1 - x0 + 2 * pad;
  // An exported file (one with a title) carries its legend below the graph, as the PNG does.
  const legend = !(opts.legend ?? opts.title !== undefined) ? undefined : layoutLegend(legendItems(p), Math.max(width - 2 * pad, 360));
  const height = y1 - y0 + 2 * pad + head + (legend?.height ?? 0);
  const vx = x0 - pad;
  const vy = y0 - pad - head;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n2(width)}" height="${n2(height)}" viewBox="${n2(vx)} ${n2(vy)} ${n2(width)} ${n2(height)}" font-family="${xmlText(MONO_FONT)}" font-size="11">`,
  );
  out.push('<defs>');
  const marker = (id: string, colour: string, body: string): string =>
    `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto-start-reverse">${body.replace(/COLOUR/g, colour)}</marker>`;
  out.push(marker('arrow', p.edge, '<path d="M0 1L10 5L0 9z" fill="COLOUR"/>'));
  out.push(marker('tee', p.edgeExclude, '<path d="M8 0V10" stroke="COLOUR" stroke-width="2.5"/>'));
  out.push(marker('square', p.edge, '<rect x="2" y="2" width="7" height="6" fill="COLOUR"/>'));
  out.push(marker('hazard', p.states.maintenance.accent, '<path d="M0 1L10 5L0 9z" fill="COLOUR"/>'));
  out.push(marker('hazard-right', p.muted, '<path d="M0 1L10 5L0 9z" fill="COLOUR"/>'));
  out.push('</defs>');
  out.push(`<rect x="${n2(vx)}" y="${n2(vy)}" width="${n2(width)}" height="${n2(height)}" fill="${p.bg}"/>`);
  if (opts.title !== undefined) {
    out.push(`<text x="${n2(x0)}" y="${n2(y0 - pad / 2 - 8)}" font-family="sans-serif" font-size="13" font-weight="600" fill="${p.text}">${xmlText(opts.title)}</text>`);
  }
  out.push('<g class="edges" fill="none">');
  for (const e of graph.edges) {
    const a = byId.get(e.source);
    const b = byId.get(e.target);
    if (a === undefined || b === undefined) continue;
    const from = boxExit(a, b);
    const to = boxExit(b, a);
    const look = edgeLook(e, p);
    out.push(
      `<line x1="${n2(from.x)}" y1="${n2(from.y)}" x2="${n2(to.x)}" y2="${n2(to.y)}" stroke="${look.colour}" stroke-width="${look.width}" stroke-opacity="0.85"${look.dash === undefined ? '' : ` stroke-dasharray="${look.dash}"`} marker-end="url(#${look.marker})"><title>${xmlText(e.title)}</title></line>`,
    );
  }
  out.push('</g>');
  out.push('<g class="nodes">');
  const labels = hazardLabels(graph, byId, p);
  for (const n of graph.nodes) {
    const c = colours(p, n.state);
    const enc = n.state === 'file-present' || n.state === 'file-missing' ? { border: n.state === 'file-missing' ? 'dashed' : 'solid', width: 1.5 } : STATE_SHAPE[n.state];
    const dash = dashFor(enc.border);
    const d = shapePath(n);
    const parts: string[] = [`<g><title>${xmlText(n.title)}</title>`];
    if (n.selected === true) parts.push(`<path d="${d}" fill="none" stroke="${p.accent}" stroke-width="${enc.width + 6}" stroke-opacity="0.9"/>`);
    parts.push(`<path d="${d}" fill="${c.fill}" stroke="${c.accent}" stroke-width="${enc.border === 'double' ? 3 : enc.width}"${dash === undefined ? '' : ` stroke-dasharray="${dash}"`}/>`);
    if (enc.border === 'double') parts.push(`<path d="${d}" fill="none" stroke="${c.fill}" stroke-width="1"/>`);
    const lines = n.label.split('\n');
    const lineH = 14;
    const top = n.y - ((lines.length - 1) * lineH) / 2;
    const weight = n.state === 'maintenance' ? ' font-weight="bold"' : '';
    parts.push(
      `<text text-anchor="middle" dominant-baseline="central" fill="${c.text}"${weight}>${lines
        .map((l, i) => `<tspan x="${n2(n.x)}" y="${n2(top + i * lineH)}">${xmlText(l)}</tspan>`)
        .join('')}</text></g>`,
    );
    out.push(parts.join(''));
  }
  out.push('</g>');
  // Hazard labels over the nodes, placed off them as on the canvas (hazard-label.ts).
  if (labels.length > 0) out.push(`<g class="hazard-labels">${labels.join('')}</g>`);
  if (legend !== undefined) out.push(svgLegend(legend.placed, x0, y1 + pad, p));
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** Each hazard edge's label: a box edged in the hazard's colour and its text, where placeHazardLabels puts it. */
function hazardLabels(graph: SvgGraph, byId: ReadonlyMap<string, SvgNode>, p: Palette): string[] {
  const inputs: (HazardLabelInput & { readonly right: boolean })[] = [];
  graph.edges.forEach((e, k) => {
    const a = byId.get(e.source);
    const b = byId.get(e.target);
    if (e.hazard === undefined || a === undefined || b === undefined) return;
    inputs.push({ id: String(k), at: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, text: e.hazard.label, right: e.hazard.right });
  });
  if (inputs.length === 0) return [];
  const placed = placeHazardLabels(inputs, graph.nodes);
  return inputs.map((l) => {
    const d = placed.get(l.id) ?? { x: 0, y: 0 };
    const size = labelSize(l.text);
    const x = l.at.x + d.x;
    const y = l.at.y + d.y;
    return `<g><rect x="${n2(x - size.w / 2)}" y="${n2(y - size.h / 2)}" width="${n2(size.w)}" height="${n2(size.h)}" rx="3" fill="${p.panel}" stroke="${l.right ? p.muted : p.states.maintenance.accent}" stroke-opacity="0.8"/><text x="${n2(x)}" y="${n2(y)}" text-anchor="middle" dominant-baseline="central" fill="${p.text}">${xmlText(l.text)}</text></g>`;
  });
}

function svgLegend(placed: readonly PlacedItem[], left: number, top: number, p: Palette): string {
  const parts = ['<g class="legend" font-family="sans-serif" font-size="11">'];
  for (const { item, x, y } of placed) {
    const lx = left + x;
    const mid = top + y + 10;
    const dash = item.dash === undefined ? '' : ` stroke-dasharray="${item.dash.join(' ')}"`;
    if (item.kind === 'state') {
      parts.push(`<rect x="${n2(lx)}" y="${n2(mid - 6)}" width="18" height="12" rx="3" fill="${item.fill}" stroke="${item.stroke}" stroke-width="1.5"${dash}/>`);
    } else {
      parts.push(`<line x1="${n2(lx)}" y1="${n2(mid)}" x2="${n2(lx + 26)}" y2="${n2(mid)}" stroke="${item.colour}" stroke-width="${item.width}"${dash}/>`);
      if (item.tee === true) parts.push(`<line x1="${n2(lx + 26)}" y1="${n2(mid - 5)}" x2="${n2(lx + 26)}" y2="${n2(mid + 5)}" stroke="${item.colour}" stroke-width="${item.width}"/>`);
    }
    parts.push(`<text x="${n2(lx + (item.kind === 'state' ? 24 : 32))}" y="${n2(mid)}" dominant-baseline="central" fill="${p.muted}">${xmlText(item.label)}</text>`);
  }
  parts.push('</g>');
  return parts.join('');
}
