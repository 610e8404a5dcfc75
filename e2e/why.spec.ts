/**
 * Why, all the way down (issue 13): the cause chain at the top of the
 * inspector's Why, its steps selecting services and moving the playhead, the
 * hazard edge on the graph, the problem list as svcs -x lists it, and
 * feedback after a change (outcome summary, playhead at the end, stale pills
 * gone, a typed time that does not parse).
 */
import { expect, test } from '@playwright/test';
import { BootgraphApp } from './support/app.ts';

const PHYSICAL = 'svc:/network/physical:default';
const DEVICE_LOCAL = 'svc:/system/device/local:default';

test.describe('why, all the way down', () => {
  test('flagship: network/physical\'s cause chain names /dev/ipmpstub and system/device/local; a step selects device/local', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=clearview-ipmp-first-boot');
    await app.call('end');
    await app.call('select', PHYSICAL);
    await expect(page.getByTestId('inspector.fmri')).toHaveText(PHYSICAL);
    const chain = page.getByTestId('why.chain');
    await expect(chain).toContainText('/dev/ipmpstub');
    await expect(chain).toContainText(DEVICE_LOCAL);
    await expect(page.getByTestId('why.hazard')).toContainText('Ordering hazard');
    // The chain is above the faithful svcs -xv block.
    const chainBox = await chain.boundingBox();
    const xvBox = await page.getByTestId('inspector.explanation').boundingBox();
    expect(chainBox?.y ?? 0).toBeLessThan(xvBox?.y ?? 0);
    // The missing ordering is drawn on the graph: a dashed hazard edge labelled with the path.
    await expect.poll(() => app.graph.classesOf(`hazard:${PHYSICAL}>${DEVICE_LOCAL}:/dev/ipmpstub`)).toContain('hazard');
    // "Show it on the graph": the root-cause focus lights the failed service and the one that provides what it needed.
    await page.getByTestId('why.hazard.show').click();
    await expect(page.getByTestId('focus.mode')).toHaveValue('cause');
    await expect.poll(() => app.graph.classesOf(DEVICE_LOCAL)).toContain('hl');
    await expect.poll(() => app.graph.classesOf(PHYSICAL)).toContain('hl');
    await app.shot('why-flagship-physical');

    // A step's time moves the playhead to its instant.
    const provided = page.locator('[data-testid="why.step"][data-kind="provided"]');
    const t = Number(await provided.getAttribute('data-t'));
    await provided.getByTestId('why.step.time').click();
    await expect.poll(() => app.read('playhead')).toBe(t);
    // Its service: clicking selects system/device/local, whose Why starts at the top (not where the last one was scrolled to).
    const inspector = page.getByTestId('inspector');
    await inspector.evaluate((e) => e.scrollTo(0, e.scrollHeight));
    await expect.poll(() => inspector.evaluate((e) => e.scrollTop)).toBeGreaterThan(0);
    await provided.getByTestId('why.step.select').click();
    expect(await app.read('selected')).toBe(DEVICE_LOCAL);
    await expect(page.getByTestId('inspector.fmri')).toHaveText(DEVICE_LOCAL);
    await expect.poll(() => page.getByTestId('inspector').evaluate((e) => e.scrollTop)).toBe(0);
  });

  test('the problem list is svcs -x\'s: the failure, and what every boot of the 2009 graph has under one collapsed heading', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=clearview-ipmp-first-boot');
    // At 0 ms nothing has failed (services merely starting are not problems).
    await expect(page.getByTestId('problems.summary')).toContainText('Nothing has failed');
    await app.call('end');
    // Running out of the enabled services (the 2009 graph's many disabled instances never run).
    await expect(page.getByTestId('problems.summary')).toContainText(/\d+ of \d+ enabled services running \(\d+ not enabled\)/);
    const failures = page.getByTestId('problems.failures');
    await expect(failures.locator(`[data-fmri="${PHYSICAL}"]`)).toBeVisible();
    const expected = page.getByTestId('problems.expected');
    await expect(expected).toContainText('Also on a healthy boot of this graph');
    await expect(expected).toContainText('sysidtool:net');
    await expect(expected).not.toHaveAttribute('open', '');
    await app.shot('why-problem-list');
  });

  test('apply the fix: the outcome summary names network/physical maintenance → online, and the playhead stays at the end', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=clearview-ipmp-first-boot');
    await app.call('play');
    await expect(page.getByTestId('transport.stopped')).toHaveText('End of the boot.', { timeout: 45_000 });
    expect(await app.read('playhead')).toBe(await app.read('endTime'));
    await page.getByTestId('condition.devices.libdlpi-fallback').getByRole('combobox').selectOption('yes');
    await expect(page.getByTestId('outcome.text')).toContainText('physical:default maintenance → online');
    await expect(page.locator(`[data-testid="outcome.item"][data-fmri="${PHYSICAL}"]`)).toContainText('maintenance → online');
    // The failure that went away comes first; "+N more" lists the rest in place.
    await expect(page.getByTestId('outcome.item').first()).toHaveAttribute('data-fmri', PHYSICAL);
    const changed = Number(await page.getByTestId('outcome').getAttribute('data-changed'));
    expect(changed).toBeGreaterThan(3);
    await expect(page.getByTestId('outcome.item')).toHaveCount(3);
    await page.getByTestId('outcome.more').click();
    await expect(page.getByTestId('outcome.item')).toHaveCount(changed);
    await page.getByTestId('outcome.more').click();
    await expect(page.getByTestId('outcome.item')).toHaveCount(3);
    expect(await app.read('playhead')).toBe(await app.read('endTime'));
    expect(await app.read('getState', PHYSICAL)).toBe('online');
    // Marked on the graph too.
    await expect.poll(() => app.graph.classesOf(PHYSICAL)).toContain('changed');
    await app.shot('why-outcome-after-fix');
    // The pill is still true: the playhead is at the end of the new boot. Leave the end: it goes.
    await expect(page.getByTestId('transport.stopped')).toHaveText('End of the boot.');
    await app.transport.typeTime(500);
    await expect(page.getByTestId('transport.stopped')).toHaveCount(0);
  });

  test('a typed time that does not parse says so', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
    await app.transport.typeTime('soon');
    await expect(page.getByTestId('transport.time-error')).toContainText('is not a time');
    await app.transport.typeTime('1.2 s');
    await expect(page.getByTestId('transport.time-error')).toHaveCount(0);
    expect(await app.read('playhead')).toBe(1200);
  });
});
