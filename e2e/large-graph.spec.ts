/**
 * Issue 16 in the app: a large graph with every service drawn is drawn by
 * the canvas renderer where WebGL is software (this machine's Chromium:
 * SwiftShader), as the hardware check decides (src/graph-view/webgl.ts), and
 * its edges on the edge layer under Cytoscape's canvas (src/graph-view/edge-layer.ts).
 */
import { expect, test, type Page } from '@playwright/test';
import { generateLayered } from '../bench/generate.ts';
import { BootgraphApp } from './support/app.ts';

interface Midpoint {
  readonly x: number;
  readonly y: number;
  /** The most opaque pixel of the edge layer within a pixel of the midpoint, and of Cytoscape's canvases. */
  readonly layer: number;
  readonly cytoscape: number;
}

/**
 * The midpoints of the given edges that are on screen and clear of every
 * node (so nothing but the edge can be drawn there), with what each canvas
 * paints at them; and the share of the layer's painted pixels that are
 * strongly painted (dimmed edges are faint).
 */
function probeEdges(page: Page, pairs: readonly (readonly [string, string])[]) {
  return page.evaluate((ps) => {
    const b = window.__BOOTGRAPH__;
    const layer = document.querySelector<HTMLCanvasElement>('[data-testid="graph.edge-layer"]');
    if (b === undefined || layer === null) return undefined;
    const others = [...document.querySelectorAll<HTMLCanvasElement>('[data-testid="graph.canvas"] canvas')].filter((c) => c !== layer);
    const rect = layer.getBoundingClientRect();
    const nodes = new Map<string, { x: number; y: number }>();
    for (const [s, t] of ps)
      for (const id of [s, t]) {
        const p = b.nodeClientPosition(id);
        if (p !== undefined) nodes.set(id, p);
      }
    const alphaAt = (c: HTMLCanvasElement, x: number, y: number): number => {
      const r = c.getBoundingClientRect();
      const k = c.width / r.width;
      const px = c.getContext('2d')?.getImageData(Math.round((x - r.left) * k) - 1, Math.round((y - r.top) * k) - 1, 3, 3).data ?? [];
      let a = 0;
      for (let i = 3; i < px.length; i += 4) a = Math.max(a, px[i] ?? 0);
      return a;
    };
    const out: { x: number; y: number; layer: number; cytoscape: number }[] = [];
    for (const [s, t] of ps) {
      const a = nodes.get(s);
      const c = nodes.get(t);
      if (a === undefined || c === undefined) continue;
      const m = { x: (a.x + c.x) / 2, y: (a.y + c.y) / 2 };
      if (m.x < rect.left + 20 || m.x > rect.right - 60 || m.y < rect.top + 40 || m.y > rect.bottom - 20) continue;
      if ([...nodes.values()].some((n) => Math.abs(n.x - m.x) < 110 && Math.abs(n.y - m.y) < 36)) continue;
      out.push({ ...m, layer: alphaAt(layer, m.x, m.y), cytoscape: Math.max(0, ...others.map((o) => alphaAt(o, m.x, m.y))) });
      if (out.length === 12) break;
    }
    const all = layer.getContext('2d')?.getImageData(0, 0, layer.width, layer.height).data ?? [];
    let painted = 0;
    let strong = 0;
    for (let i = 3; i < all.length; i += 4) {
      const v = all[i] ?? 0;
      if (v > 0) painted++;
      if (v >= 128) strong++;
    }
    return { midpoints: out as Midpoint[], strongShare: painted === 0 ? 0 : strong / painted };
  }, pairs);
}

test('a 400-service graph, every service drawn, is drawn by the canvas renderer on software GL', async ({ page }) => {
  const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
  await app.call('setCollapse', 'none');
  await app.waitReady();
  const opened = await app.call('loadScenario', generateLayered(400));
  expect(opened.ok).toBe(true);
  await app.waitReady();
  expect(await app.read('nodeCount')).toBeGreaterThanOrEqual(400);

  expect(await app.read('graphRenderer')).toBe('canvas');
  // Drawn: the canvas layers hold the nodes and edges, not an empty bitmap.
  await expect
    .poll(() =>
      page.evaluate(() => {
        let painted = 0;
        for (const c of document.querySelectorAll<HTMLCanvasElement>('[data-testid="graph.canvas"] canvas')) {
          const ctx = c.getContext('2d');
          if (ctx === null || c.width === 0 || c.height === 0) continue;
          const px = ctx.getImageData(0, 0, c.width, c.height).data;
          for (let i = 3; i < px.length; i += 16) if ((px[i] ?? 0) > 0) painted++;
        }
        return painted;
      }),
    )
    .toBeGreaterThan(1000);
});

test('a 400-service graph draws its edges on the edge layer: painted there, following a zoom, dimmed by a focus, hovered, exported', async ({ page }) => {
  const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
  await app.call('setCollapse', 'none');
  await app.waitReady();
  const scenario = generateLayered(400);
  // Each dependency is an edge between the two services' instances.
  const pairs = scenario.services.flatMap((s) => (s.dependencies ?? []).map((d) => [`${s.fmri}:default`, d.targets[0] ?? ''] as const));
  expect((await app.call('loadScenario', scenario)).ok).toBe(true);
  await app.waitReady();
  expect(await app.read('graphRenderer')).toBe('canvas');

  // Every edge on screen is painted on the layer, and not by Cytoscape.
  await expect.poll(async () => (await probeEdges(page, pairs))?.midpoints.length ?? 0).toBeGreaterThanOrEqual(5);
  const before = await probeEdges(page, pairs);
  for (const m of before?.midpoints ?? []) {
    expect(m.layer, `edge layer at ${m.x},${m.y}`).toBeGreaterThan(0);
    expect(m.cytoscape, `Cytoscape at ${m.x},${m.y}`).toBe(0);
  }

  // A zoom moves the edges with the nodes: the new midpoints are painted.
  const zoom = await app.read('zoom');
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect.poll(() => app.read('zoom')).toBeLessThan((zoom ?? 1) * 0.9);
  await expect
    .poll(async () => {
      const after = await probeEdges(page, pairs);
      const moved = (after?.midpoints ?? []).filter((m) => !(before?.midpoints ?? []).some((b) => Math.hypot(b.x - m.x, b.y - m.y) < 4));
      return moved.length >= 3 && moved.every((m) => m.layer > 0 && m.cytoscape === 0);
    })
    .toBe(true);

  // An edge is still Cytoscape's element: hovering it shows its tooltip.
  const edge = (await probeEdges(page, pairs))?.midpoints[0];
  expect(edge).toBeDefined();
  await page.mouse.move(edge?.x ?? 0, edge?.y ?? 0);
  await expect(page.getByTestId('graph.tooltip')).toContainText('→');
  await page.mouse.move(0, 0);

  // The PNG export has the edges (the layer composited under Cytoscape's picture): the exclusion edges' colour is in it.
  const excludeRed = await page.evaluate(async () => {
    const blob = await window.__BOOTGRAPH__?.graphPng();
    if (blob === undefined) return 0;
    const bmp = await createImageBitmap(blob);
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const g = c.getContext('2d');
    if (g === null) return 0;
    g.drawImage(bmp, 0, 0);
    const px = g.getImageData(0, 0, bmp.width, bmp.height).data;
    let n = 0;
    // #d6336c at 0.85 over the light background #f4f5f7: about (219, 81, 129).
    for (let i = 0; i < px.length; i += 4) if (Math.abs((px[i] ?? 0) - 219) < 24 && Math.abs((px[i + 1] ?? 0) - 81) < 24 && Math.abs((px[i + 2] ?? 0) - 129) < 24) n++;
    return n;
  });
  expect(excludeRed).toBeGreaterThan(500);

  // A focus on the dependencies of a service that has none dims every edge: the layer repaints them faint.
  const strong = before?.strongShare ?? 0;
  expect(strong).toBeGreaterThan(0.2);
  await app.call('select', 'svc:/bench/s0:default');
  await expect.poll(() => app.read('selected')).toBe('svc:/bench/s0:default');
  await page.getByTestId('focus.mode').selectOption('dependencies');
  await expect.poll(() => app.read('nodeClasses', 'svc:/bench/s1:default')).toContain('dim');
  await expect.poll(async () => (await probeEdges(page, pairs))?.strongShare ?? 1).toBeLessThan(strong / 3);
});
