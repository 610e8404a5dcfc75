import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { ARTIFACTS, BootgraphApp, drawn } from './support/app.ts';

test.use({ viewport: { width: 1366, height: 768 } });

async function axe(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(`${ARTIFACTS}/axe-${name}.json`, JSON.stringify(results.violations, null, 2));
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([]);
}

test.describe('accessibility and looks', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`axe finds no serious or critical violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
      await app.transport.typeTime(5015);
      await app.call('select', 'svc:/site/app:default');
      await axe(page, `${scheme}-graph`);
      await page.getByTestId('view.table').click();
      await page.getByTestId('tab.events').click();
      await axe(page, `${scheme}-table`);
      await page.getByTestId('tab.console').click();
      await page.keyboard.press('?');
      await axe(page, `${scheme}-help`);
    });
  }

  test('state changes are announced politely', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
    await app.transport.typeTime(1600);
    await expect(page.getByTestId('live')).toContainText(/online/);
  });

  test('screenshots: the default scenario at an interesting instant, light and dark (artifacts; the README’s is npm run screenshot)', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    const app = await BootgraphApp.open(page);
    await app.showInterestingInstant();
    await app.shot('default-interesting');
    await page.emulateMedia({ colorScheme: 'dark' });
    await app.shot('default-interesting-dark');
  });

  test('a preset opens in its final layout at once: the layout shipped with it, no worker', async ({ page }) => {
    const app = await BootgraphApp.open(page);
    expect(await app.read('layoutSource')).toBe('precomputed');
    await expect(page.getByTestId('layout.status')).toHaveText('ELK layered · precomputed');
    // The ELK worker was never fetched: nothing was laid out in the browser.
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(fetched.filter((u) => u.includes('elk-worker'))).toEqual([]);
    // Another preset of the same graph family opens the same way.
    await page.getByTestId('scenario.picker').click();
    await page.getByTestId('scenario.option.ipmp-dynamic-reconfiguration').click();
    await expect.poll(() => app.read('presetId')).toBe('ipmp-dynamic-reconfiguration');
    await expect.poll(() => app.read('layoutSource')).toBe('precomputed');
  });

  test('an imported graph laid out once opens in that layout after a reload, without the worker', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
    await app.importScenario('fixtures/graphs/illumos-2025.json');
    expect(await app.read('layoutSource')).toBe('elk');
    expect(await page.evaluate(() => window.__BOOTGRAPH__?.layoutInfo()?.cached)).toBe(false);
    // A milestone: always drawn as itself in the story view (issue 12).
    const before = await page.evaluate(() => {
      const b = window.__BOOTGRAPH__;
      return b === undefined ? undefined : b.nodeClientPosition('svc:/milestone/single-user:default');
    });
    expect(before).toBeDefined();
    await page.reload();
    await app.waitReady();
    expect(await app.read('sourceKind')).toBe('inline');
    expect(await page.evaluate(() => window.__BOOTGRAPH__?.layoutInfo()?.cached)).toBe(true);
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(fetched.filter((u) => u.includes('elk-worker'))).toEqual([]);
    // The same picture as before the reload.
    const after = await page.evaluate(() => window.__BOOTGRAPH__?.nodeClientPosition('svc:/milestone/single-user:default'));
    expect(after).toEqual(before);
  });

  test('a 200-service graph lays out in the worker and stays responsive', async ({ page }) => {
    const app = await BootgraphApp.open(page);
    await drawn(page);
    const load = await app.read('longTasks');
    const flagship = { nodes: await app.read('nodeCount'), layoutMs: await app.read('layoutMs'), simulateMs: await app.read('simulateMs') };
    const before = load.length;
    await app.importScenario('fixtures/graphs/illumos-2025.json');
    expect(await app.read('layoutSource')).toBe('elk');
    // The story view: the milestones and groups summarising the rest (issue 12); every service comes below.
    expect(await app.read('nodeCount')).toBeGreaterThan(10);
    const afterOpen = (await app.read('longTasks')).slice(before);
    await page.getByTestId('collapse.mode').selectOption('none');
    await page.waitForFunction(() => window.__BOOTGRAPH__?.layoutDone() === true && window.__BOOTGRAPH__.nodeCount() > 200);
    await page.getByTestId('transport.speed').selectOption('1');
    const mark = (await app.read('longTasks')).length;
    await page.keyboard.press('Space');
    await expect.poll(() => app.read('playing'), { timeout: 30_000 }).toBe(false);
    const playing = (await app.read('longTasks')).slice(mark);
    const scrubMark = (await app.read('longTasks')).length;
    for (const t of [100, 400, 800, 1200, 1600]) await app.transport.typeTime(t);
    const scrubbing = (await app.read('longTasks')).slice(scrubMark);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(
      `${ARTIFACTS}/perf-illumos-2025.json`,
      JSON.stringify(
        {
          defaultScenario: { ...flagship, longTasksLoad: load },
          illumos2025: { layoutMs: await app.read('layoutMs'), simulateMs: await app.read('simulateMs'), longTasksOpen: afterOpen, longTasksPlaying: playing, longTasksScrubbing: scrubbing },
        },
        null,
        2,
      ),
    );
    await app.shot('illumos-2025-every-service');
    await page.getByTestId('collapse.mode').selectOption('milestone');
    await page.waitForFunction(() => window.__BOOTGRAPH__?.layoutDone() === true);
    await app.shot('illumos-2025-by-milestone');
  });
});
