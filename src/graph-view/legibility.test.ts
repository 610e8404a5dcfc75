/**
 * Issue 12: label sizes on screen and the cameras that keep them legible.
 * A label is font size × zoom (× device pixel ratio) tall; the default view
 * never zooms below the legible zoom and shows the most important nodes.
 */
import { describe, expect, it } from 'vitest';
import { EDGE_MARGIN, LABEL_FONT_PX, leastCut, legibleViewport, legibleZoom, MAX_HOME_LABEL_PX, MIN_LABEL_PX, renderedLabelPx } from './legibility.ts';
import type { NodeBox, Viewport } from './viewport.ts';

const box = (x: number, y: number, w = 100, h = 20): NodeBox => ({ x, y, w, h });

/** Where a graph point lands on screen. */
const onScreen = (v: Viewport, p: { x: number; y: number }) => ({ x: v.pan.x + v.zoom * p.x, y: v.pan.y + v.zoom * p.y });
const inView = (v: Viewport, b: NodeBox, w: number, h: number): boolean => {
  const a = onScreen(v, { x: b.x - b.w / 2, y: b.y - b.h / 2 });
  const c = onScreen(v, { x: b.x + b.w / 2, y: b.y + b.h / 2 });
  return a.x >= 0 && a.y >= 0 && c.x <= w && c.y <= h;
};

describe('label size on screen', () => {
  it('is the font size times the zoom times the pixel ratio', () => {
    expect(renderedLabelPx(11, 1)).toBe(11);
    expect(renderedLabelPx(11, 0.5)).toBe(5.5);
    expect(renderedLabelPx(11, 0.5, 2)).toBe(11);
    expect(renderedLabelPx(12, 0.25)).toBe(3);
  });

  it('is legible from the zoom that makes it MIN_LABEL_PX tall', () => {
    expect(MIN_LABEL_PX).toBe(11);
    expect(legibleZoom(11, 11)).toBe(1);
    expect(legibleZoom(22, 11)).toBe(0.5);
    expect(legibleZoom(11, 11, 2)).toBe(0.5);
    expect(renderedLabelPx(LABEL_FONT_PX, legibleZoom())).toBeCloseTo(MIN_LABEL_PX, 9);
  });
});

describe('legibleViewport', () => {
  const W = 760;
  const H = 460;

  it('fits a small graph whole, zoomed in to fill the panel but with labels no taller than 16 px', () => {
    const all = [box(0, 0), box(200, 60), box(-150, 120)];
    const v = legibleViewport(all, [], W, H);
    // 350 × 140 graph units (with the boxes) in 760 × 460 less padding: it could grow 2×; the labels cap it.
    expect(v?.zoom).toBeCloseTo(16 / 11, 6);
    expect(renderedLabelPx(LABEL_FONT_PX, v?.zoom ?? 0)).toBeCloseTo(MAX_HOME_LABEL_PX, 6);
    for (const b of all) expect(v !== undefined && inView(v, b, W, H)).toBe(true);
    // A graph a little smaller than the panel fills it: the zoom is the fit, between 1 and the cap.
    const wide = [box(0, 0), box(480, 0), box(0, 250)];
    const w = legibleViewport(wide, [], W, H);
    expect(w?.zoom).toBeGreaterThan(1.15);
    expect(w?.zoom).toBeLessThan(16 / 11);
    for (const b of wide) expect(w !== undefined && inView(w, b, W, H)).toBe(true);
  });

  it('never goes below the legible zoom on a big graph, and shows the first tier', () => {
    // A 40 × 40 grid of nodes: fitting it whole would make labels about 1 px.
    const all: NodeBox[] = [];
    for (let i = 0; i < 40; i++) for (let j = 0; j < 40; j++) all.push(box(i * 130, j * 50));
    const failed = [box(39 * 130, 39 * 50)];
    const v = legibleViewport(all, [failed], W, H);
    expect(v).toBeDefined();
    if (v === undefined) return;
    expect(renderedLabelPx(LABEL_FONT_PX, v.zoom)).toBeGreaterThanOrEqual(MIN_LABEL_PX);
    expect(inView(v, failed[0] ?? box(0, 0), W, H)).toBe(true);
  });

  it('adds tiers while they fit, and stops at the first that does not', () => {
    const all: NodeBox[] = [];
    for (let i = 0; i < 30; i++) all.push(box(i * 300, 0));
    const t1 = [box(3000, 0)];
    const t2 = [box(3300, 0), box(3600, 0)];
    const t3 = [box(0, 0)];
    const v = legibleViewport(all, [t1, t2, t3], W, H);
    expect(v).toBeDefined();
    if (v === undefined) return;
    expect(v.zoom).toBeGreaterThanOrEqual(legibleZoom());
    for (const b of [...t1, ...t2]) expect(inView(v, b, W, H)).toBe(true);
    expect(inView(v, t3[0] ?? box(0, 0), W, H)).toBe(false);
  });

  it('shows as much of a tier as fits, in order, when the whole tier does not', () => {
    const far = [box(0, 0), box(5000, 0), box(300, 0)];
    const all = [...far, box(2500, 300)];
    const v = legibleViewport(all, [far], W, H);
    expect(v?.zoom).toBeGreaterThanOrEqual(legibleZoom());
    if (v === undefined) return;
    expect(inView(v, box(0, 0), W, H)).toBe(true);
    expect(inView(v, box(300, 0), W, H)).toBe(true);
    expect(inView(v, box(5000, 0), W, H)).toBe(false);
  });

  it('centres a node too big to fit at the legible zoom', () => {
    const huge = [box(0, 0, 3000, 20)];
    const v = legibleViewport([...huge, box(0, 500)], [huge], W, H);
    expect(v?.zoom).toBe(legibleZoom());
    const c = v === undefined ? { x: NaN, y: NaN } : onScreen(v, { x: 0, y: 0 });
    expect(c.x).toBeCloseTo(W / 2, 6);
  });

  it('does not leave empty margins when the graph is bigger than the view', () => {
    const all: NodeBox[] = [];
    for (let i = 0; i < 20; i++) all.push(box(i * 150, (i % 5) * 100));
    // The first node is at the left edge of the graph: the view starts there, not centred on it.
    const v = legibleViewport(all, [[box(0, 0)]], W, H);
    expect(v).toBeDefined();
    if (v === undefined) return;
    const left = onScreen(v, { x: -50, y: 0 });
    expect(left.x).toBeGreaterThan(0);
    expect(left.x).toBeLessThanOrEqual(28 + 1e-9);
  });

  it('slides the view so that its edges cut no node when the target leaves room, the target still inside', () => {
    // Five 200-wide nodes 100 apart (x from 0 to 1400), a 640 px view at zoom 1 on the middle one: centred, its edges
    // fall inside the second and the fourth node; slid by 120 + EDGE_MARGIN (either way) they fall in the gaps, the middle
    // one still inside.
    const row = Array.from({ length: 5 }, (_, k) => box(100 + k * 300, 0, 200, 20));
    const target = row[2];
    if (target === undefined) return;
    const v = legibleViewport(row, [[target]], 640, 200, { maxZoom: 1 });
    expect(v?.zoom).toBe(1);
    if (v === undefined) return;
    expect(inView(v, target, 640, 200)).toBe(true);
    const cut = row.filter((b) => {
      const a = onScreen(v, { x: b.x - b.w / 2, y: 0 }).x;
      const c = onScreen(v, { x: b.x + b.w / 2, y: 0 }).x;
      return (a < 0 && c > 0) || (a < 640 && c > 640);
    });
    expect(cut).toEqual([]);
    expect(Math.abs(onScreen(v, { x: 380, y: 0 }).x)).toBeCloseTo(120 + EDGE_MARGIN);
  });

  it('along one axis: the least-cutting start between the bounds, the nearest one among equals, the start if there is no room', () => {
    const spans = [[0, 100], [140, 240], [280, 380]] as const;
    // A 230-long view from 70 cuts [0,100] and [280,380]. One cut is the least: from 50 - EDGE_MARGIN (the right edge
    // EDGE_MARGIN before 280) or from 140 - EDGE_MARGIN (the left edge EDGE_MARGIN before 140); the first is nearer.
    expect(leastCut(spans, 70, 230, 0, 200)).toBe(50 - EDGE_MARGIN);
    // From 100 up, the nearest start with one cut is EDGE_MARGIN after the first span's end (an edge nearer a span than
    // that cuts it: its halo would show).
    expect(leastCut(spans, 70, 230, 100, 200)).toBe(100 + EDGE_MARGIN);
    // Bounds win over fewer cuts; no room: the start.
    expect(leastCut(spans, 70, 230, 60, 80)).toBe(70);
    expect(leastCut(spans, 70, 230, 100, 50)).toBe(70);
  });

  it('has nothing to show for an empty graph or an empty view', () => {
    expect(legibleViewport([], [], W, H)).toBeUndefined();
    expect(legibleViewport([box(0, 0)], [], 0, H)).toBeUndefined();
  });
});
