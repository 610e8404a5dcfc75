/**
 * The PNG export: the graph as Cytoscape draws it, framed like the SVG
 * export, with a title line (scenario and instant) above and the legend
 * below, so the image stands alone. Browser only (a canvas); the frame's
 * geometry is pngFrame(), which is pure.
 */
import type { Palette } from '../theme/palette.ts';
import { layoutLegend, legendItems, type PlacedItem } from './export-legend.ts';

export interface PngFrame {
  readonly width: number;
  readonly height: number;
  /** Where the graph image goes. */
  readonly graph: { readonly x: number; readonly y: number };
  readonly titleY: number;
  readonly legendY: number;
  readonly legend: readonly PlacedItem[];
}

const PAD = 24;
const TITLE = 36;

/** The frame around a graph image of `w`×`h` CSS pixels. */
export function pngFrame(w: number, h: number, palette: Palette): PngFrame {
  const width = Math.max(w + 2 * PAD, 640);
  const legend = layoutLegend(legendItems(palette), width - 2 * PAD);
  const graphY = PAD + TITLE;
  const legendY = graphY + h + PAD;
  return { width, height: legendY + legend.height + PAD / 2, graph: { x: Math.round((width - w) / 2), y: graphY }, titleY: PAD + 14, legendY, legend: legend.placed };
}

/** Draw the frame, the title and the legend around `graph` (a PNG at `scale` device pixels per CSS pixel). */
export async function framePng(graph: Blob, title: string, palette: Palette, scale: number): Promise<Blob> {
  const bitmap = await createImageBitmap(graph);
  const f = pngFrame(bitmap.width / scale, bitmap.height / scale, palette);
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(f.width * scale);
  canvas.height = Math.ceil(f.height * scale);
  const g = canvas.getContext('2d');
  if (g === null) throw new Error('no 2D canvas');
  g.scale(scale, scale);
  g.fillStyle = palette.bg;
  g.fillRect(0, 0, f.width, f.height);
  g.fillStyle = palette.text;
  g.font = '600 15px sans-serif';
  g.textBaseline = 'middle';
  g.fillText(title, PAD, f.titleY, f.width - 2 * PAD);
  g.drawImage(bitmap, f.graph.x, f.graph.y, bitmap.width / scale, bitmap.height / scale);
  bitmap.close();
  g.font = '11px sans-serif';
  for (const { item, x, y } of f.legend) {
    const left = PAD + x;
    const mid = f.legendY + y + 10;
    g.setLineDash(item.dash === undefined ? [] : [...item.dash]);
    if (item.kind === 'state') {
      g.fillStyle = item.fill;
      g.strokeStyle = item.stroke;
      g.lineWidth = 1.5;
      g.beginPath();
      g.roundRect(left, mid - 6, 18, 12, 3);
      g.fill();
      g.stroke();
    } else {
      g.strokeStyle = item.colour;
      g.lineWidth = item.width;
      g.beginPath();
      g.moveTo(left, mid);
      g.lineTo(left + 26, mid);
      if (item.tee === true) {
        g.moveTo(left + 26, mid - 5);
        g.lineTo(left + 26, mid + 5);
      }
      g.stroke();
    }
    g.setLineDash([]);
    g.fillStyle = palette.muted;
    g.fillText(item.label, left + (item.kind === 'state' ? 18 : 26) + 6, mid);
  }
  return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b === null ? reject(new Error('the canvas made no PNG')) : resolve(b)), 'image/png'));
}
