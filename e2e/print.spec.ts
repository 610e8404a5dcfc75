/**
 * Issue 18: a printed page is the graph at the instant shown and the
 * inspector's explanation (with its service names), without the controls.
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
  await app.shot('print');
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByTestId('share')).toBeVisible();
});
