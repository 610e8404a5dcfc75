/**
 * Ordering hazards and the timing explorer (issue 17), as a person sees them:
 * the flagship's Hazards panel lists network/physical needing /dev/ipmpstub
 * made by system/device/local; clicking it selects both services on the
 * graph and jumps to the instant; the explorer, run in its worker on the
 * racing demo, finds two outcome classes whose representatives open in the
 * player and side by side in Compare.
 */
import { expect, test } from '@playwright/test';
import { BootgraphApp } from './support/app.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';

const PHYSICAL = 'svc:/network/physical:default';
const DEVICE_LOCAL = 'svc:/system/device/local:default';
const APP = 'svc:/site/app:default';
/** The dashed hazard edge, from the service that needs /dev/ipmpstub to the one that makes it. */
const EDGE = `hazard:${PHYSICAL}>${DEVICE_LOCAL}:/dev/ipmpstub`;

test.describe('ordering hazards and the timing explorer', () => {
  test('flagship: the ipmpstub hazard, both services selected, the instant, on the graph', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=clearview-ipmp-first-boot');
    await page.getByTestId('tab.hazards').click();
    const panel = page.getByTestId('hazards');
    await expect(panel).toBeVisible();
    const hazards = await app.read('hazards');
    const stub = hazards.find((h) => h.object === '/dev/ipmpstub');
    expect(stub).toMatchObject({ writer: DEVICE_LOCAL, reader: PHYSICAL, right: false });
    const row = panel.locator(`[data-testid="hazard"][data-object="/dev/ipmpstub"]`);
    await expect(row).toContainText('wrong this boot');
    await expect(row).toContainText('system/device/local:default');
    await expect(row).toContainText('network/physical:default');

    await row.click();
    await expect(row.getByTestId('hazard.pick')).toHaveAttribute('aria-pressed', 'true');
    expect(await app.read('selected')).toBe(PHYSICAL);
    await expect.poll(() => app.read('nodeClasses', PHYSICAL)).toContain('selected');
    await expect.poll(() => app.read('nodeClasses', DEVICE_LOCAL)).toContain('selected');
    // The playhead is at the instant network/physical looked for the link (before device/local made it).
    await expect.poll(() => app.read('playhead')).toBeLessThan(1000);
    // The hazard's dashed edge (the same edge class as the cause chain's).
    await expect.poll(() => app.read('nodeClasses', EDGE)).toContain('hazard');
    await app.shot('hazards-flagship-picked');
    await expectNoSeriousA11yViolations(page, 'hazards');

    // Jump to the instant system/device/local created the link.
    await row.getByTestId('hazard.jump').first().click();
    expect(await app.read('selected')).toBe(DEVICE_LOCAL);
    await expect.poll(() => app.read('playhead')).toBeGreaterThan(1000);

    // Every hazard on the graph, on demand.
    await row.click(); // un-pick
    await page.getByTestId('hazards.on-graph').check();
    await expect.poll(() => app.read('nodeClasses', EDGE)).toContain('hazard');
    await expect.poll(() => app.read('nodeClasses', EDGE)).not.toContain('right');

    // Option 1 (libdlpi falls back to /devices) removes it.
    await page.getByTestId('condition.devices.libdlpi-fallback').getByRole('combobox').selectOption('yes');
    await app.waitReady();
    await expect.poll(async () => (await app.read('hazards')).some((h) => h.object === '/dev/ipmpstub')).toBe(false);
    await expect(page.getByTestId('hazards.summary')).toContainText('No ordering hazards');
  });

  test('racing demo: explore in the worker, open a representative of each class, compare them', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=demo-race-on-a-file');
    await page.getByTestId('tab.explore').click();
    const panel = page.getByTestId('explore');
    await page.getByTestId('explore.boots').fill('200');
    await page.getByTestId('explore.run').click();
    await expect(panel).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    const e = await app.read('exploration');
    expect(e.done).toBe(200);
    const classes = e.classes ?? [];
    expect(classes.map((c) => c.states[APP]).sort()).toEqual(['maintenance', 'online']);
    expect(classes.reduce((n, c) => n + c.count, 0)).toBe(200);
    await expect(page.getByTestId('explore.class')).toHaveCount(2);
    await expect(page.getByTestId('explore.summary')).toContainText('2 outcome classes');
    // What decided each class: the key file's order. The wrong order always ends in maintenance; the online class
    // happened in either order (a start method that looked too early succeeded when svc.startd retried it).
    const maintRank = classes.find((c) => c.states[APP] === 'maintenance')?.rank;
    const onlineRank = classes.find((c) => c.states[APP] === 'online')?.rank;
    await expect(page.locator(`[data-testid="explore.class"][data-rank="${maintRank ?? 0}"]`).getByTestId('explore.deciding')).toContainText('/etc/site/app.key');
    await expect(page.locator(`[data-testid="explore.class"][data-rank="${onlineRank ?? 0}"]`).getByTestId('explore.mixed')).toContainText('made first in');
    await app.shot('explore-race-classes');
    await expectNoSeriousA11yViolations(page, 'explore');

    // Open each class's representative in the player: the boot ends as its class says.
    for (const c of classes) {
      await page.locator(`[data-testid="explore.class"][data-rank="${c.rank}"]`).getByTestId('explore.open').click();
      await expect.poll(() => app.read('timing')).toEqual({ seed: c.seed, jitter: 0.5 });
      await app.waitReady();
      await app.call('end');
      await expect.poll(() => app.read('getState', APP)).toBe(c.states[APP]);
    }

    // Side by side in Compare: class 1's boot against class 2's.
    const [first, second] = classes;
    await page.locator('[data-testid="explore.class"][data-rank="1"]').getByTestId('explore.compare').click();
    await expect(page.getByTestId('compare')).toBeVisible();
    await expect(page.getByTestId('compare.label.B')).toContainText(`seed ${second?.seed ?? ''}`);
    await expect(page.getByTestId('compare.label.A')).toContainText(`seed ${first?.seed ?? ''}`);
    const row = page.locator(`[data-testid="compare.row"][data-fmri="${APP}"]`);
    await expect(row).toHaveAttribute('data-differs', 'state');
    await expect(page.getByTestId('compare.divergence')).toBeVisible();
    // Above it, what decided them: the key file's hazard, in the order that works in A's class and the wrong one in B's.
    const hz = page.locator('[data-testid="compare.hazard"][data-object="/etc/site/app.key"]');
    await expect(hz.getByTestId('compare.hazard.A')).toHaveAttribute('data-right', String(first?.states[APP] === 'online'));
    await expect(hz.getByTestId('compare.hazard.B')).toHaveAttribute('data-right', String(second?.states[APP] === 'online'));
    await app.shot('explore-race-compare');

    // Back to the modelled timing.
    await page.getByTestId('tab.explore').click();
    await page.getByTestId('explore.unperturbed').click();
    await expect.poll(() => app.read('timing')).toBeUndefined();
  });

  test('a link carries the explorer and the class boot: it reopens both, the same classes found again', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
    const fragment = await app.read('encodeLink', { p: 'demo-race-on-a-file', tm: { s: 5, j: 0.5 }, x: { n: 120, j: 0.5, s: 1 } });
    if (fragment === undefined) throw new Error('no link');
    await page.goto('about:blank');
    await page.goto(`/#${fragment}`);
    await app.waitReady();
    expect(await app.read('timing')).toEqual({ seed: 5, jitter: 0.5 });
    const panel = page.getByTestId('explore');
    await expect(panel).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    const e = await app.read('exploration');
    expect(e.done).toBe(120);
    // The boot on screen is seed 5's: its class row says so.
    const five = (e.classes ?? []).find((c) => c.seed === 5);
    expect(five).toBeDefined();
    await expect(page.locator(`[data-testid="explore.class"][data-seed="5"]`).getByTestId('explore.open')).toHaveAttribute('aria-pressed', 'true');
    await app.call('end');
    await expect.poll(() => app.read('getState', APP)).toBe(five?.states[APP]);
  });

  test('a long exploration shows progress and can be cancelled', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=clearview-ipmp-first-boot');
    await page.getByTestId('tab.explore').click();
    await page.getByTestId('explore.boots').fill('5000');
    await page.getByTestId('explore.run').click();
    await expect(page.getByTestId('explore.progress')).toBeVisible();
    await expect.poll(async () => (await app.read('exploration')).done ?? 0).toBeGreaterThan(0);
    await page.getByTestId('explore.cancel').click();
    await expect(page.getByTestId('explore')).toHaveAttribute('data-status', 'cancelled');
    await expect(page.getByTestId('explore.note')).toContainText('Cancelled after');
    // The page stayed interactive: the timeline still steps.
    await page.getByTestId('tab.gantt').click();
  });
});
