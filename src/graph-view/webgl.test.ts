import { describe, expect, it } from 'vitest';
import { acceleratedWebgl, type GlCanvas, type GlContext } from './webgl.ts';

const RENDERER = 0x1f01;
const UNMASKED = 0x9246;

/** A canvas whose WebGL2 context reports this renderer name (unmasked, unless the debug extension is missing). */
function canvasWith(name: string | null, opts: { readonly debugInfo?: boolean; readonly masked?: string; readonly throws?: boolean } = {}) {
  const asked: WebGLContextAttributes[] = [];
  let lost = false;
  const gl: GlContext = {
    RENDERER,
    getExtension: ((ext: string) => {
      if (ext === 'WEBGL_debug_renderer_info') return opts.debugInfo === false ? null : { UNMASKED_RENDERER_WEBGL: UNMASKED };
      return {
        loseContext: () => {
          lost = true;
        },
      };
    }) as GlContext['getExtension'],
    getParameter: (p) => (p === UNMASKED ? name : p === RENDERER ? (opts.masked ?? 'WebKit WebGL') : undefined),
  };
  const canvas: GlCanvas = {
    getContext: (_kind, attrs) => {
      if (opts.throws === true) throw new Error('no WebGL here');
      asked.push(attrs);
      return name === null ? null : gl;
    },
  };
  return { canvas, asked, lost: () => lost };
}

describe('hardware WebGL check (the WebGL renderer only where the GPU draws)', () => {
  it('refuses software GL by the renderer name, even when the browser did not flag a performance caveat', () => {
    // What Debian Chromium with --disable-gpu answers here (measured: failIfMajorPerformanceCaveat still gives this context).
    expect(acceleratedWebgl(canvasWith('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)').canvas)).toBe(false);
    expect(acceleratedWebgl(canvasWith('llvmpipe (LLVM 15.0.6, 256 bits)').canvas)).toBe(false);
    expect(acceleratedWebgl(canvasWith('Microsoft Basic Render Driver').canvas)).toBe(false);
  });

  it('accepts a hardware renderer, and asks for a context without a major performance caveat', () => {
    const c = canvasWith('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)');
    expect(acceleratedWebgl(c.canvas)).toBe(true);
    expect(c.asked).toEqual([{ failIfMajorPerformanceCaveat: true }]);
    // The probe's context is released at once (browsers cap live WebGL contexts).
    expect(c.lost()).toBe(true);
  });

  it('no context, a throwing canvas: no WebGL; no debug extension: the masked name decides', () => {
    expect(acceleratedWebgl(canvasWith(null).canvas)).toBe(false);
    expect(acceleratedWebgl(canvasWith('x', { throws: true }).canvas)).toBe(false);
    expect(acceleratedWebgl(canvasWith('unused', { debugInfo: false, masked: 'Apple GPU' }).canvas)).toBe(true);
    expect(acceleratedWebgl(canvasWith('unused', { debugInfo: false, masked: 'Google SwiftShader' }).canvas)).toBe(false);
  });
});
