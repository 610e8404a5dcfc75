/**
 * The key drawn under an exported picture (SVG and PNG), so that an image
 * pasted into a bug report or a slide stands alone: the states' colours and
 * the dependency groupings' line styles, as the on-screen legend shows them.
 * Pure: geometry and colours only; the SVG and canvas code draw it.
 */
import type { Palette } from '../theme/palette.ts';

export interface LegendSwatch {
  readonly kind: 'state';
  readonly label: string;
  readonly fill: string;
  readonly stroke: string;
  readonly dash?: readonly number[];
}

export interface LegendLine {
  readonly kind: 'edge';
  readonly label: string;
  readonly colour: string;
  readonly width: number;
  readonly dash?: readonly number[];
  readonly tee?: boolean;
}

export type LegendItem = LegendSwatch | LegendLine;

export function legendItems(p: Palette): LegendItem[] {
  const s = p.states;
  return [
    { kind: 'state', label: 'online', fill: s.online.fill, stroke: s.online.accent },
    { kind: 'state', label: 'degraded', fill: s.degraded.fill, stroke: s.degraded.accent },
    { kind: 'state', label: 'starting', fill: s.starting.fill, stroke: s.starting.accent },
    { kind: 'state', label: 'offline', fill: s.offline.fill, stroke: s.offline.accent, dash: [4, 3] },
    { kind: 'state', label: 'maintenance', fill: s.maintenance.fill, stroke: s.maintenance.accent },
    { kind: 'state', label: 'disabled', fill: s.disabled.fill, stroke: s.disabled.accent, dash: [2, 2] },
    { kind: 'state', label: 'file', fill: p.fileNode.fill, stroke: p.fileNode.accent },
    { kind: 'edge', label: 'require_all', colour: p.edge, width: 2 },
    { kind: 'edge', label: 'require_any', colour: p.edge, width: 1 },
    { kind: 'edge', label: 'optional_all', colour: p.edge, width: 1.4, dash: [6, 4] },
    { kind: 'edge', label: 'exclude_all', colour: p.edgeExclude, width: 1.6, tee: true },
  ];
}

/** Approximate width of one item (swatch or line sample, gap, label in a 11 px font). */
export function legendItemWidth(item: LegendItem): number {
  return (item.kind === 'state' ? 18 : 26) + 6 + item.label.length * 6.6 + 16;
}

export interface PlacedItem {
  readonly item: LegendItem;
  readonly x: number;
  readonly y: number;
}

/** Lay the items out in rows no wider than `width`; `rowHeight` apart. */
export function layoutLegend(items: readonly LegendItem[], width: number, rowHeight = 20): { placed: PlacedItem[]; height: number } {
  const placed: PlacedItem[] = [];
  let x = 0;
  let y = 0;
  for (const item of items) {
    const w = legendItemWidth(item);
    if (x > 0 && x + w > width) {
      x = 0;
      y += rowHeight;
    }
    placed.push({ item, x, y });
    x += w;
  }
  return { placed, height: items.length === 0 ? 0 : y + rowHeight };
}
