/**
 * Issue 16 in the app: a large graph with every service drawn is drawn by
 * the canvas renderer where WebGL is software (this machine's Chromium:
 * SwiftShader), as the hardware check decides (src/graph-view/webgl.ts).
 */
import { expect, test } from '@playwright/test';
import { generateLayered } from '../bench/generate.ts';
import { BootgraphApp } from './support/app.ts';

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
