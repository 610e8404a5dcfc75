/**
 * `npm run screenshot`: the README's picture (docs/screenshot.png), exactly
 * what a first load of the app shows at 1366×768 in the light theme (issue 12:
 * the README shows what a newcomer sees). Its own script, so the test suite
 * never writes into the source tree.
 */
import { test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { BootgraphApp, drawn } from '../../e2e/support/app.ts';

test('README screenshot (docs/screenshot.png)', async ({ page }) => {
  // Still colours: no transitions to catch half-way.
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await BootgraphApp.open(page);
  await drawn(page);
  mkdirSync('docs', { recursive: true });
  await page.screenshot({ path: 'docs/screenshot.png' });
});
