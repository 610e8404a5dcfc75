import { expect, test } from '@playwright/test';
import { bridge, clickNode, importScenario, open, shot, typeTime } from './support/app.ts';

test.describe('conditions, explanations and interventions', () => {
  test('changing a condition re-simulates at once and keeps the playhead', async ({ page }) => {
    await open(page, '?preset=demo-restart-on');
    await typeTime(page, 3000);
    expect(await bridge(page, 'getState', 'svc:/site/app:default')).toBe('online');
    const field = page.getByTestId('condition.boot.mode').getByRole('combobox');
    await field.selectOption({ label: 'boot -m milestone=none' });
    expect(await bridge(page, 'conditions')).toEqual({ 'boot.mode': 'm:none' });
    // Same instant, different outcome: nothing starts with milestone none.
    expect(await bridge(page, 'playhead')).toBe(3000);
    expect(await bridge(page, 'getState', 'svc:/site/app:default')).not.toBe('online');
    await expect(page.getByTestId('condition.boot.mode')).toContainText('changed');
    await shot(page, 'condition-milestone-none');
    await field.selectOption({ label: 'boot' });
    expect(await bridge(page, 'conditions')).toEqual({});
    expect(await bridge(page, 'getState', 'svc:/site/app:default')).toBe('online');
  });

  test('selecting a failed service shows the svcs -xv explanation', async ({ page }) => {
    await open(page, '?preset=demo-restart-on');
    await importScenario(page, 'e2e/fixtures/failing-boot.json');
    await page.keyboard.press('End');
    await clickNode(page, 'svc:/site/db:default');
    expect(await bridge(page, 'selected')).toBe('svc:/site/db:default');
    const why = page.getByTestId('inspector.explanation');
    await expect(page.getByTestId('inspector.fmri')).toHaveText('svc:/site/db:default');
    await expect(why).toContainText('SMF-8000-KS');
    await expect(why).toContainText('Start method failed repeatedly, last exited with status 1.');
    await expect(why).toContainText('1 dependent is not running');
    await expect(why.getByRole('link', { name: 'SMF-8000-KS' })).toHaveAttribute('href', 'http://illumos.org/msg/SMF-8000-KS');
    await shot(page, 'explain-maintenance');

    // The dependent: its reason names the cause and the path to it.
    await why.getByRole('button', { name: 'site/app:default' }).click();
    await expect(page.getByTestId('inspector.fmri')).toHaveText('svc:/site/app:default');
    await expect(why).toContainText('SMF-8000-GE');
    await expect(why).toContainText('Service svc:/site/db:default is not running because a method failed repeatedly.');
    await why.getByText('svcs -xv output').click();
    await expect(page.getByTestId('inspector.svcs-xv')).toContainText('Path: svc:/site/app:default');
    // Root-cause focus lights the path and dims the rest.
    await page.getByTestId('focus.mode').selectOption('cause');
    await expect.poll(() => bridge(page, 'nodeClasses', 'svc:/site/db:default')).toContain('hl');
    expect(await bridge(page, 'nodeClasses', 'svc:/site/web:default')).toContain('dim');

    // A missing file dependency.
    await page.getByTestId('view.table').click();
    await page.getByTestId('state.table').getByRole('button', { name: 'svc:/site/ipmp:default' }).click();
    await expect(why).toContainText('SMF-8000-E2');
    await expect(why).toContainText('Dependency file://localhost/dev/ipmpstub is absent.');
  });

  test('an intervention at an instant changes the rest of the run, and only that', async ({ page }) => {
    await open(page, '?preset=demo-restart-on');
    const before = await bridge(page, 'traceSummary');
    await typeTime(page, 2000);
    await clickNode(page, 'svc:/site/db:default');
    expect(await bridge(page, 'getState', 'svc:/site/db:default')).toBe('online');
    await page.getByTestId('svcadm.restart').click();
    await expect(page.getByTestId('intervention')).toContainText('svcadm restart svc:/site/db:default');
    expect(await bridge(page, 'interventions')).toEqual([{ at: 2000, run: 'svcadm restart svc:/site/db:default' }]);
    // Still at the same instant, now just after the restart began.
    expect(await bridge(page, 'playhead')).toBe(2000);
    expect(await bridge(page, 'getState', 'svc:/site/db:default')).toBe('online*');
    const after = await bridge(page, 'traceSummary');
    const early = (s: typeof before) => s?.changes.filter((c) => c.t < 2000);
    expect(early(after)).toEqual(early(before));
    expect(after?.changes.filter((c) => c.t >= 2000)).not.toEqual(before?.changes.filter((c) => c.t >= 2000));
    // An administrative restart stops dependents with restart_on restart (cache), not restart_on error (app).
    await typeTime(page, 2500);
    expect(await bridge(page, 'getState', 'svc:/site/cache:default')).toBe('offline');
    expect(await bridge(page, 'getState', 'svc:/site/app:default')).toBe('online');
    await shot(page, 'intervention-restart');
    // Removing it restores the original run.
    await page.getByRole('button', { name: /Remove “svcadm restart/ }).click();
    expect(await bridge(page, 'getState', 'svc:/site/cache:default')).toBe('online');
    expect(await bridge(page, 'traceSummary')).toEqual(before);
  });

  test('next boot starts from what the first boot left on disk (flagship)', async ({ page }) => {
    await open(page, '?preset=clearview-ipmp-first-boot');
    await expect(page.getByTestId('boot.number')).toContainText('Boot 1');
    await page.keyboard.press('End');
    expect(await bridge(page, 'getState', 'svc:/network/physical:default')).toBe('maintenance');
    await page.getByTestId('boot.next').click();
    await expect(page.getByTestId('boot.number')).toContainText('Boot 2');
    expect(await bridge(page, 'playhead')).toBe(0);
    await page.keyboard.press('End');
    expect(await bridge(page, 'getState', 'svc:/network/physical:default')).toBe('online');
    await shot(page, 'flagship-next-boot');
    await page.getByRole('button', { name: 'Previous boot' }).click();
    await expect(page.getByTestId('boot.number')).toContainText('Boot 1');
  });

  test('keyboard shortcuts', async ({ page }) => {
    await open(page, '?preset=demo-restart-on');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Space');
    await expect.poll(() => bridge(page, 'playing')).toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(() => bridge(page, 'playing')).toBe(false);
    await page.keyboard.press('End');
    expect(await bridge(page, 'playhead')).toBe(await bridge(page, 'endTime'));
    await page.keyboard.press('Home');
    expect(await bridge(page, 'playhead')).toBe(0);
    expect(await bridge(page, 'eventIndex')).toBe(-1);
    await page.keyboard.press('ArrowRight');
    expect(await bridge(page, 'eventIndex')).toBe(0);
    await page.keyboard.press('ArrowRight');
    expect(await bridge(page, 'eventIndex')).toBe(1);
    await page.keyboard.press('ArrowLeft');
    expect(await bridge(page, 'eventIndex')).toBe(0);
    await page.keyboard.press('Shift+ArrowRight');
    expect(await bridge(page, 'playhead')).toBe(0);
    await page.keyboard.press('Shift+ArrowRight');
    expect(await bridge(page, 'playhead')).toBe(300);
    expect(await bridge(page, 'speed')).toBe(1);
    await page.keyboard.press('+');
    expect(await bridge(page, 'speed')).toBe(2);
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    expect(await bridge(page, 'speed')).toBe(0.5);
    await expect(page.getByTestId('transport.speed')).toHaveValue('0.5');
    await page.keyboard.press('/');
    await expect(page.getByTestId('search')).toBeFocused();
    await page.keyboard.type('report');
    await expect(page.getByText('1 match')).toBeVisible();
    await page.keyboard.press('Enter');
    expect(await bridge(page, 'selected')).toBe('svc:/site/report:default');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('search')).toHaveValue('');
    await page.keyboard.press('t');
    await expect(page.getByTestId('state.table')).toBeVisible();
    await page.keyboard.press('t');
    await expect(page.getByTestId('graph.canvas')).toBeVisible();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: /keys/ });
    await expect(help).toBeVisible();
    for (const key of ['Space', '←', '→', 'Home', 'End', '+', '−', '/', '?', 'Esc']) await expect(help.getByText(key, { exact: true }).first()).toBeVisible();
    await shot(page, 'help-overlay');
    // Two quick Esc: the first closes the help, the second clears the selection.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    await expect.poll(() => bridge(page, 'selected')).toBeUndefined();
    // Esc again with nothing to clear leaves the help closed.
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
  });
});
