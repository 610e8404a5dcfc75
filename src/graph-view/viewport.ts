/**
 * Fitting the graph into its box from node positions and sizes alone.
 * Cytoscape's own fit() measures every label and edge (≈200 ms for 200
 * nodes in software rendering); the node boxes are known, so this is O(n)
 * arithmetic. Pure.
 */
export interface NodeBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface Viewport {
  readonly zoom: number;
  readonly pan: { readonly x: number; readonly y: number };
}

export interface Bounds {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** The box around node boxes (model coordinates); undefined for none. */
export function boundsOf(boxes: Iterable<NodeBox>): Bounds | undefined {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x - b.w / 2);
    x1 = Math.max(x1, b.x + b.w / 2);
    y0 = Math.min(y0, b.y - b.h / 2);
    y1 = Math.max(y1, b.y + b.h / 2);
  }
  return Number.isFinite(x0) ? { x0, y0, x1, y1 } : undefined;
}

export function fitViewport(boxes: Iterable<NodeBox>, width: number, height: number, padding = 28, maxZoom = 1.15, minZoom = 0.04): Viewport | undefined {
  const b = boundsOf(boxes);
  if (b === undefined || width <= 0 || height <= 0) return undefined;
  const { x0, y0, x1, y1 } = b;
  const bw = Math.max(1, x1 - x0);
  const bh = Math.max(1, y1 - y0);
  const zoom = Math.max(minZoom, Math.min(maxZoom, (width - 2 * padding) / bw, (height - 2 * padding) / bh));
  return {
    zoom,
    pan: { x: width / 2 - zoom * (x0 + bw / 2), y: height / 2 - zoom * (y0 + bh / 2) },
  };
}
