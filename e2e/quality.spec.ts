import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { ARTIFACTS, bridge, importScenario, open, shot, typeTime, waitLaidOut } from './support/app.ts';

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
      await open(page, '?preset=demo-restart-on');
      await typeTime(page, 5015);
      await bridge(page, 'select', 'svc:/site/app:default');
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
    await open(page, '?preset=demo-restart-on');
    await typeTime(page, 1600);
    await expect(page.getByTestId('live')).toContainText(/online/);
  });

  test('screenshots: the default scenario at an interesting instant (docs/screenshot.png)', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await open(page);
    const summary = await bridge(page, 'traceSummary');
    const changes = summary?.changes ?? [];
    // The first failure if there is one, else the first service knocked offline, else mid-boot.
    const hit =
      changes.find((c) => c.to === 'maintenance') ??
      changes.find((c) => c.from === 'online' && c.to !== 'online') ??
      changes[Math.floor(changes.length / 2)];
    if (hit !== undefined) {
      await typeTime(page, hit.t + (hit.to === 'maintenance' ? 0 : 10));
      await bridge(page, 'select', hit.fmri);
    }
    // A failure: the failed service and what it needed (readable at 1366×768); otherwise the path svcs -xv follows.
    await page.getByTestId('focus.mode').selectOption(hit?.to === 'maintenance' ? 'dependencies' : 'cause');
    await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
    await shot(page, 'default-interesting');
    mkdirSync('docs', { recursive: true });
    await page.waitForTimeout(400);
    await page.screenshot({ path: 'docs/screenshot.png' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot(page, 'default-interesting-dark');
  });

  test('a preset opens in its final layout at once: the layout shipped with it, no worker', async ({ page }) => {
    await open(page);
    expect(await bridge(page, 'layoutSource')).toBe('precomputed');
    await expect(page.getByTestId('layout.status')).toHaveText('ELK layered · precomputed');
    // The ELK worker was never fetched: nothing was laid out in the browser.
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(fetched.filter((u) => u.includes('elk-worker'))).toEqual([]);
    // Another preset of the same graph family opens the same way.
    await page.getByTestId('scenario.picker').click();
    await page.getByTestId('scenario.option.ipmp-dynamic-reconfiguration').click();
    await expect.poll(() => bridge(page, 'presetId')).toBe('ipmp-dynamic-reconfiguration');
    await expect.poll(() => bridge(page, 'layoutSource')).toBe('precomputed');
  });

  test('an imported graph laid out once opens in that layout after a reload, without the worker', async ({ page }) => {
    await open(page, '?preset=demo-restart-on');
    await importScenario(page, 'fixtures/graphs/illumos-2025.json');
    expect(await bridge(page, 'layoutSource')).toBe('elk');
    expect(await page.evaluate(() => window.__BOOTGRAPH__?.layoutInfo()?.cached)).toBe(false);
    const before = await page.evaluate(() => {
      const b = window.__BOOTGRAPH__;
      return b === undefined ? undefined : b.nodeClientPosition('svc:/network/physical:default');
    });
    expect(before).toBeDefined();
    await page.reload();
    await waitLaidOut(page);
    expect(await bridge(page, 'sourceKind')).toBe('inline');
    expect(await page.evaluate(() => window.__BOOTGRAPH__?.layoutInfo()?.cached)).toBe(true);
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(fetched.filter((u) => u.includes('elk-worker'))).toEqual([]);
    // The same picture as before the reload.
    const after = await page.evaluate(() => window.__BOOTGRAPH__?.nodeClientPosition('svc:/network/physical:default'));
    expect(after).toEqual(before);
  });

  test('a 200-service graph lays out in the worker and stays responsive', async ({ page }) => {
    await open(page);
    await page.waitForTimeout(500);
    const load = await bridge(page, 'longTasks');
    const flagship = { nodes: await bridge(page, 'nodeCount'), layoutMs: await bridge(page, 'layoutMs'), simulateMs: await bridge(page, 'simulateMs') };
    const before = load.length;
    await importScenario(page, 'fixtures/graphs/illumos-2025.json');
    expect(await bridge(page, 'layoutSource')).toBe('elk');
    expect(await bridge(page, 'nodeCount')).toBeGreaterThan(80);
    const afterOpen = (await bridge(page, 'longTasks')).slice(before);
    await page.getByTestId('collapse.mode').selectOption('none');
    await page.waitForFunction(() => window.__BOOTGRAPH__?.layoutDone() === true && window.__BOOTGRAPH__.nodeCount() > 200);
    await page.getByTestId('transport.speed').selectOption('1');
    const mark = (await bridge(page, 'longTasks')).length;
    await page.keyboard.press('Space');
    await expect.poll(() => bridge(page, 'playing'), { timeout: 30_000 }).toBe(false);
    const playing = (await bridge(page, 'longTasks')).slice(mark);
    const scrubMark = (await bridge(page, 'longTasks')).length;
    for (const t of [100, 400, 800, 1200, 1600]) await typeTime(page, t);
    const scrubbing = (await bridge(page, 'longTasks')).slice(scrubMark);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(
      `${ARTIFACTS}/perf-illumos-2025.json`,
      JSON.stringify(
        {
          defaultScenario: { ...flagship, longTasksLoad: load },
          illumos2025: { layoutMs: await bridge(page, 'layoutMs'), simulateMs: await bridge(page, 'simulateMs'), longTasksOpen: afterOpen, longTasksPlaying: playing, longTasksScrubbing: scrubbing },
        },
        null,
        2,
      ),
    );
    await shot(page, 'illumos-2025-every-service');
    await page.getByTestId('collapse.mode').selectOption('milestone');
    await page.waitForFunction(() => window.__BOOTGRAPH__?.layoutDone() === true);
    await shot(page, 'illumos-2025-by-milestone');
  });
});
