/**
 * The graph canvas (Cytoscape and the ELK client) is a lazy chunk. Its fetch
 * starts once, as early as the entry module can ask for it, so that it
 * downloads and compiles while the first scenario is simulated and the rest
 * of the app renders, instead of after them (bench:ui, cold load).
 */
import type { GraphCanvas } from '../../graph-view/GraphCanvas.tsx';

interface GraphCanvasModule {
  readonly GraphCanvas: typeof GraphCanvas;
}

let pending: Promise<GraphCanvasModule> | undefined;
let loaded: GraphCanvasModule | undefined;

export function loadGraphCanvas(): Promise<GraphCanvasModule> {
  pending ??= import('../../graph-view/GraphCanvas.tsx').then(
    (m) => {
      loaded = m;
      return m;
    },
    (err: unknown) => {
      // A failed fetch (offline, a deploy replaced the chunk) may be retried by the next caller.
      pending = undefined;
      throw err;
    },
  );
  return pending;
}

/** The module, if it has arrived (the usual case: main.tsx asked for it before React mounted). */
export function graphCanvasIfLoaded(): GraphCanvasModule | undefined {
  return loaded;
}
