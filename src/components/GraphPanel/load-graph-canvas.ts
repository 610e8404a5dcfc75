/**
 * The graph canvas (Cytoscape and the ELK client) is a lazy chunk. Its fetch
 * starts once, as early as the entry module can ask for it, so that it
 * downloads and compiles while the first scenario is simulated and the rest
 * of the app renders, instead of after them (bench:ui, cold load).
 */
import { loadOnce } from '../../lib/load-once.ts';
import type { GraphCanvas } from '../../graph-view/GraphCanvas.tsx';

interface GraphCanvasModule {
  readonly GraphCanvas: typeof GraphCanvas;
}

const canvas = loadOnce<GraphCanvasModule>(() => import('../../graph-view/GraphCanvas.tsx'));

export function loadGraphCanvas(): Promise<GraphCanvasModule> {
  return canvas.load();
}

/** The module, if it has arrived (the usual case: main.tsx asked for it before React mounted). */
export function graphCanvasIfLoaded(): GraphCanvasModule | undefined {
  return canvas.loaded();
}
