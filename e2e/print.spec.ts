/**
 * Issue 18: a printed page is the graph at the instant shown and the
 * inspector's explanation (with its service names), without the controls;
 * the graph on paper is the whole graph drawn for print, not the screen's
 * canvas.
 */
import { expect, test } from '@playwright/test';
import { BootgraphApp } from './support/app.ts';

test('printing keeps the graph, the instant and the explanation, not the controls', async ({ page }) => {
  const app = await BootgraphApp.open(page, '?preset=clearview-ipmp-first-boot&t=1500&select=svc:/network/physical:default');
  await expect(page.getByTestId('inspector.fmri')).toContainText('network/physical');
  await expect(page.getByTestId('inspector.why')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('graph.canvas')).toBeVisible();
  // The selected service and its explanation stay on paper.
  await expect(page.getByTestId('inspector.fmri')).toBeVisible();
  await expect(page.getByTestId('inspector.why')).toBeVisible();
  // The transport is a control: the instant is printed as a caption instead.
  await expect(page.getByTestId('print.caption')).toHaveText(`${await app.read('scenarioName')} — at 1.500 s`);
  for (const id of ['share', 'export.open', 'transport.play', 'transport.scrubber']) await expect(page.getByTestId(id)).toBeHidden();
  await expect(page.getByRole('complementary', { name: 'Scenario, conditions and commands' })).toBeHidden();
  // When the browser is about to print, the whole graph drawn as the SVG export draws it takes the screen-sized canvas's place.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const paper = page.getByTestId('print.graph');
  await expect(paper).toBeVisible();
  await expect(page.getByTestId('graph.canvas')).toBeHidden();
  const drawn = await paper.evaluate((img: HTMLImageElement) => ({ src: decodeURIComponent(img.src), loaded: img.complete && img.naturalWidth > 0 }));
  expect(drawn.loaded).toBe(true);
  expect(drawn.src).toMatch(/^data:image\/svg\+xml/);
  expect(drawn.src).toContain('network/physical');
  // The legend is printed with the graph (the panel's own, folded or not, is a control).
  expect(drawn.src).toContain('class="legend"');
  await expect(page.getByTestId('legend.toggle')).toBeHidden();
  await app.shot('print');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  // The image exists only while printing: the page holds no <img> otherwise.
  await expect(paper).toHaveCount(0);
  await expect(page.getByTestId('graph.canvas')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByTestId('share')).toBeVisible();
});
