/**
 * The glossary (issue 8): SMF terms on screen explain themselves on hover
 * and on keyboard focus, through an accessible description, with the
 * glossary's own text; Esc dismisses the tooltip.
 */
import { expect, test } from '@playwright/test';
import { BootgraphApp } from './support/app.ts';

test.describe('glossary', () => {
  test('a legend term shows its explanation on keyboard focus and is described by it', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=clearview-ipmp-first-boot');
    // On a short screen the legend starts folded (issue 12): unfold it.
    const legend = page.getByTestId('legend.toggle');
    if ((await legend.getAttribute('aria-expanded')) === 'false') await legend.click();
    const term = page.locator('#graph-legend [data-term="maintenance"]').first();
    await term.focus();
    await expect(term).toBeFocused();
    await expect(term).toHaveAccessibleDescription(/maintenance: Enabled but unable to run until an administrator runs svcadm clear/);
    const tip = page.getByTestId('glossary.tooltip');
    await expect(tip).toBeVisible();
    await expect(tip).toContainText('Enabled but unable to run until an administrator runs svcadm clear');
    await app.shot('glossary-focus');
    await page.keyboard.press('Escape');
    await expect(tip).toHaveCount(0);
    // Tab reaches the terms: the next legend term takes focus and shows its own text.
    await term.focus();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('glossary.tooltip')).toBeVisible();
  });

  test('terms in the inspector, the condition panels and the tour explain themselves on hover', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=clearview-ipmp-first-boot');
    await page.keyboard.press('End');
    await app.call('select', 'svc:/system/identity:node');
    // The dependency group's grouping and restart_on.
    const grouping = page.getByTestId('inspector.deps').locator('[data-term="optional_all"]').first();
    await grouping.hover();
    await expect(page.getByTestId('glossary.tooltip')).toContainText('optional_all');
    await expect(page.getByTestId('glossary.tooltip')).toContainText('Waits only for listed services that can still come up');
    // A condition's help text links its terms (devfsadm).
    await page.getByTestId('condition.boot.reconfigure').locator('[data-term="devfsadm"]').hover();
    await expect(page.getByTestId('glossary.tooltip')).toContainText('creates /dev links');
    // Tour text: "maintenance" in the failure step.
    await page.getByTestId('tour.toggle').click();
    await page.getByTestId('tour.next').click();
    await page.getByTestId('tour.next').click();
    const inText = page.getByTestId('tour.text').locator('[data-term="maintenance"]');
    await inText.focus();
    await expect(page.getByTestId('glossary.tooltip')).toContainText('three consecutive failures');
  });
});
