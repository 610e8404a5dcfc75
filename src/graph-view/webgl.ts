/**
 * Whether Cytoscape's WebGL renderer (`webgl: true`, Cytoscape ≥ 3.31) may
 * draw a large graph here. Only on a hardware-accelerated WebGL2 context:
 * on a software GL (SwiftShader, llvmpipe, …) it drew 4–5 fps against 20–30
 * on the canvas renderer (issue 16; BENCHMARKS.md has this machine's
 * figures), so there the canvas stays. The check asks the browser twice: a
 * context refused for a "major performance caveat" (the browser's own word
 * for software rendering), then the renderer's name.
 */
import { optimised } from './lod.ts';

/** What the check needs of a canvas (a fake in tests). */
export interface GlCanvas {
  getContext(kind: 'webgl2', attrs: WebGLContextAttributes): GlContext | null;
}

/** What the check reads of a WebGL2 context. */
export interface GlContext {
  readonly RENDERER: number;
  getExtension(name: 'WEBGL_debug_renderer_info'): { readonly UNMASKED_RENDERER_WEBGL: number } | null;
  getExtension(name: 'WEBGL_lose_context'): { loseContext(): void } | null;
  getParameter(p: number): unknown;
}

/** Renderer names of software GL implementations. */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|lavapipe|software|microsoft basic render|mesa offscreen/i;

export function acceleratedWebgl(canvas: GlCanvas): boolean {
  let gl: GlContext | null;
  try {
    gl = canvas.getContext('webgl2', { failIfMajorPerformanceCaveat: true });
  } catch {
    return false;
  }
  if (gl === null) return false;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info === null ? gl.RENDERER : info.UNMASKED_RENDERER_WEBGL));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return !SOFTWARE.test(name);
}

declare global {
  interface Window {
    /** Bench and e2e builds only: 'force' draws large graphs with WebGL whatever the hardware (to measure it), 'off' never. */
    __BOOTGRAPH_WEBGL__?: 'force' | 'off';
  }
}

let probed: boolean | undefined;

/** Large graphs are drawn with WebGL: on hardware-accelerated WebGL2 only (asked once per page). */
export function webglForLargeGraphs(): boolean {
  if (typeof document === 'undefined' || !optimised()) return false;
  if (import.meta.env.DEV || import.meta.env.VITE_E2E === '1') {
    const o = window.__BOOTGRAPH_WEBGL__;
    if (o === 'force') return true;
    if (o === 'off') return false;
  }
  probed ??= acceleratedWebgl(document.createElement('canvas') as unknown as GlCanvas);
  return probed;
}
