import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cameraOf, panFor, panToShow } from './camera.ts';

/** Where a box's sides are drawn (screen px) under a pan. */
function drawn(v: { zoom: number; pan: { x: number; y: number } }, b: { x: number; y: number; w: number; h: number }) {
  return { x0: (b.x - b.w / 2) * v.zoom + v.pan.x, x1: (b.x + b.w / 2) * v.zoom + v.pan.x, y0: (b.y - b.h / 2) * v.zoom + v.pan.y, y1: (b.y + b.h / 2) * v.zoom + v.pan.y };
}

describe('camera', () => {
  it('keeps the graph point at the centre of the view across a change of size', () => {
    const c = cameraOf({ zoom: 2, pan: { x: -100, y: 40 } }, 800, 400);
    expect(c).toEqual({ zoom: 2, centre: { x: 250, y: 80 } });
    const p = panFor(c, 600, 300);
    // The same graph point is drawn at the new centre.
    expect(p.pan.x + 2 * 250).toBe(300);
    expect(p.pan.y + 2 * 80).toBe(150);
    expect(panFor({ zoom: 9, centre: { x: 0, y: 0 } }, 100, 100).zoom).toBe(3);
  });

  it('panToShow leaves a camera that shows the box alone', () => {
    const v = { zoom: 1, pan: { x: 0, y: 0 } };
    expect(panToShow(v, { x: 100, y: 100, w: 40, h: 20 }, 400, 300)).toEqual(v);
  });

  it('panToShow moves a box cut at the bottom (the view got shorter) just inside, margin from the edge, at the same zoom', () => {
    const v = { zoom: 1.5, pan: { x: 10, y: 20 } };
    const box = { x: 100, y: 200, w: 60, h: 26 };
    // Drawn from y 280.5 to 319.5: a 300 px tall view cuts it.
    const p = panToShow(v, box, 400, 300, 28);
    expect(p.zoom).toBe(1.5);
    expect(p.pan.x).toBe(10);
    expect(drawn(p, box).y1).toBeCloseTo(300 - 28);
  });

  it('panToShow brings any box inside the view, whole when it fits, without changing the zoom (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        fc.double({ min: -2000, max: 2000, noNaN: true }),
        fc.double({ min: -2000, max: 2000, noNaN: true }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.double({ min: 1, max: 300, noNaN: true }),
        fc.double({ min: 1, max: 80, noNaN: true }),
        (zoom, px, py, x, y, w, h) => {
          const box = { x, y, w, h };
          const p = panToShow({ zoom, pan: { x: px, y: py } }, box, 640, 360);
          expect(p.zoom).toBe(zoom);
          const d = drawn(p, box);
          if (w * zoom <= 640 - 56) expect(d.x0 >= -1e-6 && d.x1 <= 640 + 1e-6).toBe(true);
          else expect((d.x0 + d.x1) / 2).toBeCloseTo(320);
          if (h * zoom <= 360 - 56) expect(d.y0 >= -1e-6 && d.y1 <= 360 + 1e-6).toBe(true);
          else expect((d.y0 + d.y1) / 2).toBeCloseTo(180);
        },
      ),
    );
  });
});
