import { expect, test } from '@playwright/test';
import { BootgraphApp } from './support/app.ts';

test.describe('playback and time travel', () => {
  test('opens the default scenario and plays it to the end', async ({ page }) => {
    const app = await BootgraphApp.open(page);
    const first = await app.read('presetId');
    expect(first).toBeTruthy();
    expect(await app.read('nodeCount')).toBeGreaterThan(0);
    expect(await app.read('playhead')).toBe(0);
    const end = await app.read('endTime');
    // Fast: 100× (the select) so a long boot still finishes quickly.
    await page.getByTestId('transport.speed').selectOption('100');
    await expect(page.getByTestId('transport.play')).toHaveAttribute('data-playing', 'false');
    await page.getByTestId('transport.play').click();
    await expect.poll(() => app.read('playhead'), { timeout: Math.max(30_000, end / 50) }).toBe(end);
    await expect.poll(() => app.read('playing')).toBe(false);
    const summary = await app.read('traceSummary');
    await expect(page.getByTestId('transport.event')).toHaveText(`event ${summary?.records}/${summary?.records}`);
    await app.shot('default-played-to-end');
  });

  test('scrubbing shows exactly the state at an instant, in the graph and the table', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
    await app.transport.typeTime('5.02 s');
    expect(await app.read('playhead')).toBe(5020);
    // db dumped core at 5.000 s: it is starting again; app and cache were stopped; report never noticed.
    expect(await app.read('getState', 'svc:/site/db:default')).toBe('offline*');
    expect(await app.read('getState', 'svc:/site/app:default')).toBe('offline');
    expect(await app.read('getState', 'svc:/site/cache:default')).toBe('offline');
    expect(await app.read('getState', 'svc:/site/report:default')).toBe('online');
    expect(await app.read('nodeClasses', 'svc:/site/db:default')).toContain('s-starting');
    expect(await app.read('nodeClasses', 'svc:/site/report:default')).toContain('s-online');
    await page.getByTestId('view.table').click();
    const table = page.getByTestId('state.table');
    await expect(table.locator('tr[data-fmri="svc:/site/db:default"]')).toContainText('offline*');
    await expect(table.locator('tr[data-fmri="svc:/site/app:default"] td').first()).toHaveText(/offline$/);
    await expect(table.locator('tr[data-fmri="svc:/site/report:default"]')).toContainText('online');
    await app.shot('scrub-table-5020');

    // The scrubber itself reaches any instant.
    await page.getByTestId('transport.scrubber').fill('1200');
    expect(await app.read('playhead')).toBe(1200);
    await expect(table.locator('tr[data-fmri="svc:/site/db:default"]')).toContainText('online');
    await expect(table.locator('tr[data-fmri="svc:/site/app:default"]')).toContainText('offline*');
  });

  test('steps back and forward one event at a time', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
    await app.transport.typeTime(5020);
    const at = await app.read('eventIndex');
    expect(await app.read('getState', 'svc:/site/cache:default')).toBe('offline');
    await page.getByTestId('transport.back').click();
    expect(await app.read('eventIndex')).toBe(at - 1);
    // One event earlier, cache's stop method had not finished yet.
    expect(await app.read('getState', 'svc:/site/cache:default')).toBe('online*');
    await page.getByTestId('transport.forward').click();
    expect(await app.read('eventIndex')).toBe(at);
    expect(await app.read('getState', 'svc:/site/cache:default')).toBe('offline');
    await expect(page.getByTestId('transport.event')).toContainText(`event ${at + 1}/`);
  });

  test('a breakpoint pauses when a service enters maintenance', async ({ page }) => {
    const app = await BootgraphApp.open(page);
    await page.getByTestId('import.file').setInputFiles('e2e/fixtures/failing-boot.json');
    await expect(page.getByTestId('toast')).toContainText('Imported');
    await page.getByTestId('breakpoint.maintenance').check();
    await page.getByTestId('transport.speed').selectOption('2');
    await page.getByTestId('transport.play').click();
    await expect.poll(() => app.read('playing'), { timeout: 20_000 }).toBe(false);
    expect(await app.read('playhead')).toBe(900);
    expect(await app.read('getState', 'svc:/site/db:default')).toBe('maintenance');
    expect(await app.read('selected')).toBe('svc:/site/db:default');
    await expect(page.getByRole('status').filter({ hasText: 'entered maintenance' })).toBeVisible();
    await app.graph.clickNode('svc:/site/net:default');
    expect(await app.read('selected')).toBe('svc:/site/net:default');
  });
});
