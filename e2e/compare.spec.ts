/**
 * Compare two boots (issue 8): the flagship's first boot against its next
 * boot diverges first at network/physical (exit 96 vs exit 0), with both
 * svcs -xv explanations; the outcome table lists what ends differently and
 * selects on click; the "one condition changed" variant finds the same
 * failure; the timeline marks the rows that differ.
 */
import { expect, test } from '@playwright/test';
import { BootgraphApp } from './support/app.ts';
import { expectNoSeriousA11yViolations } from './support/axe.ts';

const PHYSICAL = 'svc:/network/physical:default';

test.describe('compare two boots', () => {
  test('flagship: first boot vs next boot diverges at network/physical', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=clearview-ipmp-first-boot');
    await page.getByTestId('view.compare').click();
    const compare = page.getByTestId('compare');
    await expect(compare).toBeVisible();
    await expect(page.getByTestId('compare.label.B')).toContainText('the next boot');

    const model = await app.read('comparison');
    expect(model?.divergence?.fmri).toBe(PHYSICAL);
    const card = page.getByTestId('compare.divergence');
    await expect(card).toHaveAttribute('data-fmri', PHYSICAL);
    await expect(card).toHaveAttribute('data-t', String(model?.divergence?.t));
    await expect(page.getByTestId('compare.divergence.fmri')).toContainText(PHYSICAL);
    // Both events, and both explanations as svcs -xv prints them.
    await expect(page.getByTestId('compare.event.A')).toContainText('start method exits 96');
    await expect(page.getByTestId('compare.event.B')).toContainText('start method exits 0');
    await expect(page.getByTestId('compare.xv.A')).toContainText('State: maintenance');
    await expect(page.getByTestId('compare.xv.A')).toContainText('Reason: Start method exited with $SMF_EXIT_ERR_CONFIG.');
    await expect(page.getByTestId('compare.xv.B')).toContainText('State: online');

    // What ends differently: network/physical (maintenance → online) comes first, among the state changes.
    const rows = page.getByTestId('compare.row');
    expect(await rows.count()).toBe(model?.rows.length);
    const physical = page.locator(`[data-testid="compare.row"][data-fmri="${PHYSICAL}"]`);
    await expect(physical).toHaveAttribute('data-differs', 'state');
    await expect(physical).toContainText('maintenance → online');
    await expect(page.getByTestId('compare.summary')).toContainText(`${model?.rows.length} services end differently`);
    // A service that only comes up later in one boot is a timing difference.
    expect(model?.rows.some((r) => r.differs === 'time')).toBe(true);
    await app.shot('compare-flagship-next-boot');
    await expectNoSeriousA11yViolations(page, 'compare');

    // Clicking a row selects the service (the inspector shows it).
    await physical.click();
    expect(await app.read('selected')).toBe(PHYSICAL);
    await expect(page.getByTestId('inspector.fmri')).toHaveText(PHYSICAL);
    // The timeline below marks the rows that differ.
    await expect(page.locator(`[data-testid="gantt"] [data-fmri="${PHYSICAL}"]`)).toHaveAttribute('data-changed', 'true');

    // Filter: only timing differences.
    await compare.getByRole('button', { name: 'Other time' }).click();
    await expect(physical).toHaveCount(0);
    await compare.getByRole('button', { name: 'All' }).click();
    await expect(physical).toBeVisible();
  });

  test('this boot with one condition changed: the /devices fallback', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=clearview-ipmp-first-boot');
    await page.getByTestId('view.compare').click();
    await page.getByTestId('compare.kind.condition').click();
    await page.getByTestId('compare.condition').selectOption('devices.libdlpi-fallback');
    await page.getByTestId('compare.value').selectOption('yes');
    await expect(page.getByTestId('compare.label.B')).toContainText('libdlpi fallback');
    const model = await app.read('comparison');
    expect(model?.divergence?.fmri).toBe(PHYSICAL);
    await expect(page.getByTestId('compare.divergence')).toHaveAttribute('data-fmri', PHYSICAL);
    await expect(page.getByTestId('compare.event.B')).toContainText('start method exits 0');
    // The session is untouched until "Open B".
    expect(await app.read('conditions')).toEqual({});
    await app.shot('compare-flagship-condition');
    await page.getByTestId('compare.open-b').click();
    expect(await app.read('conditions')).toEqual({ 'devices.libdlpi-fallback': 'yes' });
    await expect(page.getByTestId('graph.canvas')).toBeVisible();
  });

  test('flagship vs devfsadm "as soon as / is read-write": the card names system/device/early-devlinks, the service whose event diverges', async ({ page }) => {
    const EARLY = 'svc:/system/device/early-devlinks:default';
    const app = await BootgraphApp.open(page, '?preset=clearview-ipmp-first-boot');
    await page.getByTestId('view.compare').click();
    await page.getByTestId('compare.kind.condition').click();
    await page.getByTestId('compare.condition').selectOption('devices.devfsadm-timing');
    await page.getByTestId('compare.value').selectOption('root-rw');
    await expect(page.getByTestId('compare.divergence')).toHaveAttribute('data-fmri', EARLY);
    const model = await app.read('comparison');
    expect(model?.divergence?.fmri).toBe(EARLY);
    await expect(page.getByTestId('compare.divergence.fmri')).toContainText(EARLY);
    // Boot A has no such service; B's event is early-devlinks' own.
    await expect(page.getByTestId('compare.event.A')).toContainText('this boot has no such service');
    await expect(page.getByTestId('compare.xv.B')).toContainText(`$ svcs -xv\n${EARLY}`);
  });

  test('identical boots say so', async ({ page }) => {
    await BootgraphApp.open(page, '?preset=demo-restart-on');
    await page.getByTestId('view.compare').click();
    await page.getByTestId('compare.kind.condition').click();
    await page.getByTestId('compare.condition').selectOption('boot.verbose');
    // Verbose boot only changes console messages, not a single state.
    await expect(page.getByTestId('compare.divergence')).toContainText('The two boots are identical');
    await expect(page.getByTestId('compare.summary')).toHaveText('Every service ends the same way.');
  });
});
