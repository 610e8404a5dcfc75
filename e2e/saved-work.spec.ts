/**
 * Issue 15 in the browser: never lose work. A start that never finished
 * opening the saved work opens in safe mode; two tabs never overwrite each
 * other's work; unreadable saved work is kept aside and the user is told.
 */
import { expect, test, type Page } from '@playwright/test';
import { BootgraphApp } from './support/app.ts';

const SLOT = 'bootgraph.autosave.';

/** Every saved session in this browser: slot key → the state it holds. */
function slots(page: Page): Promise<Record<string, { p?: string; c?: Record<string, string>; t?: number }>> {
  return page.evaluate((prefix) => {
    const out: Record<string, { p?: string; c?: Record<string, string>; t?: number }> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k === null || !k.startsWith(prefix)) continue;
      try {
        out[k] = (JSON.parse(localStorage.getItem(k) ?? 'null') as { state: { p?: string } }).state;
      } catch {
        out[k] = {};
      }
    }
    return out;
  }, SLOT);
}

async function toggleVerbose(page: Page): Promise<void> {
  await page.getByTestId('condition.boot.verbose').getByRole('button', { name: 'verbose' }).click();
}

test.describe('saved work (issue 15)', () => {
  test('saved work whose opening never finished is not reopened: safe mode says so and offers it back', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
    await toggleVerbose(page);
    await app.transport.typeTime(2500);
    await expect.poll(async () => Object.values(await slots(page))).toContainEqual(expect.objectContaining({ p: 'demo-restart-on', t: 2500 }));
    // As if the page had crashed while opening that work: the marker written before opening is still there.
    const key = Object.keys(await slots(page))[0] ?? '';
    await page.evaluate((slot) => localStorage.setItem('bootgraph.opening', JSON.stringify({ slot, at: new Date().toISOString() })), key);
    await page.goto('/');
    const again = new BootgraphApp(page);
    await again.waitReady();
    await expect(page.getByTestId('saved.safe')).toContainText('did not finish opening');
    await expect(page.getByTestId('saved.safe')).toContainText('“restart_on in action” (1 change, at 2.500 s)');
    expect(await again.read('presetId')).toBe('clearview-ipmp-first-boot');
    await again.shot('safe-mode');
    // Changing the default scenario in safe mode does not touch the kept work.
    await again.transport.typeTime(1000);
    await expect.poll(() => again.call('autosaveChecks')).toBeGreaterThan(0);
    expect((await slots(page))[key]).toMatchObject({ p: 'demo-restart-on', t: 2500, c: { 'boot.verbose': 'yes' } });
    // Download it, then open it anyway.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('saved.safe.download').click()]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    await page.getByTestId('saved.safe.open').click();
    await expect.poll(() => again.read('presetId')).toBe('demo-restart-on');
    expect(await again.read('playhead')).toBe(2500);
    await expect(page.getByTestId('saved.notice')).toHaveCount(0);
    // Once drawn, the crash guard is lifted: the next visit opens it directly.
    await expect.poll(() => page.evaluate(() => localStorage.getItem('bootgraph.opening'))).toBeNull();
  });

  test('two tabs never overwrite each other’s work', async ({ page, context }) => {
    const a = await BootgraphApp.open(page, '?preset=demo-restart-on');
    await toggleVerbose(page);
    await expect.poll(async () => Object.values(await slots(page)).length).toBe(1);
    // Tab B: a plain visit while A is open gets a copy of A's work, and says so.
    const pageB = await context.newPage();
    const b = await BootgraphApp.open(pageB);
    expect(await b.read('presetId')).toBe('demo-restart-on');
    await expect(pageB.getByTestId('saved.copy')).toContainText('open in another tab');
    await b.shot('two-tabs-copy');
    await pageB.getByTestId('saved.close').click();
    // Both work on; then A selects a row and closes (the old bug wrote A's state over B's).
    await b.transport.typeTime(3000);
    await a.transport.typeTime(1000);
    await expect.poll(async () => Object.values(await slots(page)).map((s) => s.t).sort()).toEqual([1000, 3000]);
    await page.close({ runBeforeUnload: true });
    const saved = Object.values(await slots(pageB));
    expect(saved).toContainEqual(expect.objectContaining({ p: 'demo-restart-on', t: 3000 }));
    expect(saved).toContainEqual(expect.objectContaining({ p: 'demo-restart-on', t: 1000 }));
    // B's reload reopens B's own work, not A's.
    await pageB.reload();
    await b.waitReady();
    expect(await b.read('playhead')).toBe(3000);
    // A's work is one click away.
    await pageB.getByTestId('export.open').click();
    await pageB.getByTestId('export.saved').click();
    await expect(pageB.getByTestId('saved.other')).toHaveCount(1);
    await pageB.getByTestId('saved.other.open').click();
    await expect.poll(() => b.read('playhead')).toBe(1000);
  });

  test('saved work that cannot be read is kept aside, byte for byte, and the user is told', async ({ page }) => {
    await BootgraphApp.open(page);
    const damaged = '{"format":"bootgraph-autosave/1","state":{"p":"demo-rest';
    const newer = JSON.stringify({ format: 'bootgraph-autosave/9', state: { future: true } });
    await page.evaluate(
      ([d, n]) => {
        localStorage.setItem('bootgraph.autosave.damaged', d ?? '');
        localStorage.setItem('bootgraph.autosave', n ?? '');
      },
      [damaged, newer],
    );
    await page.reload();
    const app = new BootgraphApp(page);
    await app.waitReady();
    await expect(page.getByTestId('saved.aside')).toHaveCount(2);
    await expect(page.getByTestId('saved.notice')).toContainText('newer version of bootgraph');
    await expect(page.getByTestId('saved.notice')).toContainText('kept aside, not overwritten');
    await app.shot('kept-aside');
    // Work goes on and saves; what was kept aside is still there, unchanged.
    await app.transport.typeTime(1500);
    await expect.poll(async () => Object.values(await slots(page)).length).toBe(1);
    const aside = await page.evaluate(() => {
      const out: string[] = [];
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        if (k?.startsWith('bootgraph.aside.') === true) out.push(localStorage.getItem(k) ?? '');
      }
      return out.sort();
    });
    expect(aside).toEqual([damaged, newer].sort());
  });
});
