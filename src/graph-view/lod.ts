/**
 * Level of detail by graph size. Drawing a Cytoscape frame costs time in
 * proportion to the elements drawn (every element is measured and painted
 * again whenever any one changes), so big graphs get a lighter style and a
 * renderer tuned for them. Thresholds and their effect are measured by
 * `npm run bench:ui` and recorded in BENCHMARKS.md. Pure.
 */

/** Above this many nodes: no colour transitions, no arrowheads, haystack edges, labels only when readable. */
export const LIGHT_MIN_NODES = 81;
/**
 * Above this many nodes the renderer itself changes (these are Cytoscape
 * construction options, so the canvas is rebuilt when a graph crosses it):
 * device pixel ratio 1, a bitmap of the graph while panning and zooming,
 * edges hidden during animated viewport changes.
 */
export const LARGE_MIN_NODES = 300;

export type Detail = 'full' | 'light';

export function detailFor(nodes: number): Detail {
  return nodes >= LIGHT_MIN_NODES && optimised() ? 'light' : 'full';
}

export function isLarge(nodes: number): boolean {
  return nodes >= LARGE_MIN_NODES && optimised();
}

/** Cytoscape renderer options for a size class. */
export interface RendererOptions {
  readonly pixelRatio?: number;
  readonly textureOnViewport: boolean;
  readonly hideEdgesOnViewport: boolean;
  /** Cytoscape's WebGL renderer (≥ 3.31): only asked for where webgl.ts found hardware WebGL2. */
  readonly webgl?: boolean;
}

/**
 * `webgl`: a large graph drawn by the GPU. It draws every element every
 * frame cheaply, so the canvas renderer's workarounds (a bitmap while the
 * viewport moves, edges hidden meanwhile) are not needed.
 */
export function rendererOptions(large: boolean, webgl = false): RendererOptions {
  if (large && webgl) return { webgl: true, textureOnViewport: false, hideEdgesOnViewport: false };
  return large ? { pixelRatio: 1, textureOnViewport: true, hideEdgesOnViewport: true } : { textureOnViewport: false, hideEdgesOnViewport: false };
}

declare global {
  interface Window {
    /** Bench and e2e builds only: set before the app loads to measure the unoptimised graph view. */
    __BOOTGRAPH_GRAPH_BASELINE__?: boolean;
    /** Bench and e2e builds only: 'off' leaves a large graph's edges to Cytoscape (to measure the edge layer against it). */
    __BOOTGRAPH_EDGE_LAYER__?: 'off';
  }
}

/**
 * A large graph on the canvas renderer draws its edges on a layer of its own
 * (edge-layer.ts); `npm run bench:ui -- --edge-layer=off` turns it off in a
 * bench/e2e build to measure before and after in the same build.
 */
export function edgeLayerFor(large: boolean, webgl: boolean): boolean {
  if (!large || webgl) return false;
  if (import.meta.env.DEV || import.meta.env.VITE_E2E === '1') return typeof window === 'undefined' || window.__BOOTGRAPH_EDGE_LAYER__ !== 'off';
  return true;
}

/**
 * The graph-view optimisations (level of detail, large-graph renderer,
 * chunked insertion, reused edge elements, coalesced redraws) are on, except
 * when `npm run bench:ui -- --baseline` turns them off in a bench/e2e build
 * to measure before and after in the same run on the same machine.
 * Production builds compile this to `true`.
 */
export function optimised(): boolean {
  if (!import.meta.env.DEV && import.meta.env.VITE_E2E !== '1') return true;
  return typeof window === 'undefined' || window.__BOOTGRAPH_GRAPH_BASELINE__ !== true;
}
