import { expect, test } from '@playwright/test';
import { BootgraphApp } from './support/app.ts';

test.describe('conditions, explanations and interventions', () => {
  test('changing a condition re-simulates at once; the playhead keeps its instant, never past the new end', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
    await app.transport.typeTime(3000);
    expect(await app.read('getState', 'svc:/site/app:default')).toBe('online');
    const field = page.getByTestId('condition.boot.mode').getByRole('combobox');
    await field.selectOption({ label: 'boot -m milestone=none' });
    expect(await app.read('conditions')).toEqual({ 'boot.mode': 'm:none' });
    // Same instant (clamped to the new, shorter boot), different outcome: nothing starts with milestone none.
    await expect(page.getByTestId('outcome.text')).toContainText('end differently');
    expect(await app.read('playhead')).toBe(Math.min(3000, await app.read('endTime')));
    expect(await app.read('getState', 'svc:/site/app:default')).not.toBe('online');
    await expect(page.getByTestId('condition.boot.mode')).toContainText('changed');
    await app.shot('condition-milestone-none');
    await field.selectOption({ label: 'boot' });
    expect(await app.read('conditions')).toEqual({});
    expect(await app.read('getState', 'svc:/site/app:default')).toBe('online');
  });

  test('selecting a failed service shows the svcs -xv explanation', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
    await app.importScenario('e2e/fixtures/failing-boot.json');
    await page.keyboard.press('End');
    await app.graph.clickNode('svc:/site/db:default');
    expect(await app.read('selected')).toBe('svc:/site/db:default');
    const why = page.getByTestId('inspector.explanation');
    await expect(page.getByTestId('inspector.fmri')).toHaveText('svc:/site/db:default');
    await expect(why).toContainText('SMF-8000-KS');
    await expect(why).toContainText('Start method failed repeatedly, last exited with status 1.');
    await expect(why).toContainText('1 dependent is not running');
    await expect(why.getByRole('link', { name: 'SMF-8000-KS' })).toHaveAttribute('href', 'http://illumos.org/msg/SMF-8000-KS');
    await app.shot('explain-maintenance');

    // The dependent: its reason names the cause and the path to it.
    await why.getByRole('button', { name: 'site/app:default' }).click();
    await expect(page.getByTestId('inspector.fmri')).toHaveText('svc:/site/app:default');
    await expect(why).toContainText('SMF-8000-GE');
    await expect(why).toContainText('Service svc:/site/db:default is not running because a method failed repeatedly.');
    await why.getByText('svcs -xv output').click();
    await expect(page.getByTestId('inspector.svcs-xv')).toContainText('Path: svc:/site/app:default');
    // Root-cause focus lights the path and dims the rest.
    await page.getByTestId('focus.mode').selectOption('cause');
    await expect.poll(() => app.read('nodeClasses', 'svc:/site/db:default')).toContain('hl');
    expect(await app.read('nodeClasses', 'svc:/site/web:default')).toContain('dim');

    // A missing file dependency.
    await page.getByTestId('view.table').click();
    await page.getByTestId('state.table').getByRole('button', { name: 'svc:/site/ipmp:default' }).click();
    await expect(why).toContainText('SMF-8000-E2');
    await expect(why).toContainText('Dependency file://localhost/dev/ipmpstub is absent.');
  });

  test('an intervention at an instant changes the rest of the run, and only that', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
    const before = await app.read('traceSummary');
    await app.transport.typeTime(2000);
    await app.graph.clickNode('svc:/site/db:default');
    expect(await app.read('getState', 'svc:/site/db:default')).toBe('online');
    await page.getByTestId('svcadm.restart').click();
    await expect(page.getByTestId('intervention')).toContainText('svcadm restart svc:/site/db:default');
    expect(await app.read('interventions')).toEqual([{ at: 2000, run: 'svcadm restart svc:/site/db:default' }]);
    // Still at the same instant, now just after the restart began.
    expect(await app.read('playhead')).toBe(2000);
    expect(await app.read('getState', 'svc:/site/db:default')).toBe('online*');
    const after = await app.read('traceSummary');
    const early = (s: typeof before) => s?.changes.filter((c) => c.t < 2000);
    expect(early(after)).toEqual(early(before));
    expect(after?.changes.filter((c) => c.t >= 2000)).not.toEqual(before?.changes.filter((c) => c.t >= 2000));
    // An administrative restart stops dependents with restart_on restart (cache), not restart_on error (app).
    await app.transport.typeTime(2500);
    expect(await app.read('getState', 'svc:/site/cache:default')).toBe('offline');
    expect(await app.read('getState', 'svc:/site/app:default')).toBe('online');
    await app.shot('intervention-restart');
    // Removing it restores the original run.
    await page.getByRole('button', { name: /Remove “svcadm restart/ }).click();
    expect(await app.read('getState', 'svc:/site/cache:default')).toBe('online');
    expect(await app.read('traceSummary')).toEqual(before);
  });

  test('next boot starts from what the first boot left on disk (flagship)', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=clearview-ipmp-first-boot');
    await expect(page.getByTestId('boot.number')).toContainText('Boot 1');
    await page.keyboard.press('End');
    expect(await app.read('getState', 'svc:/network/physical:default')).toBe('maintenance');
    await page.getByTestId('boot.next').click();
    await expect(page.getByTestId('boot.number')).toContainText('Boot 2');
    // The boot panel says what boot 2 inherited from boot 1, and what it did not (issue 14).
    await expect(page.getByTestId('boot.carried')).toContainText('/dev/ipmpstub');
    await expect(page.getByTestId('boot.carried')).toContainText('svc:/network/physical:default: maintenance (method_failed)');
    expect(await app.read('playhead')).toBe(0);
    await page.keyboard.press('End');
    expect(await app.read('getState', 'svc:/network/physical:default')).toBe('online');
    await app.shot('flagship-next-boot');
    await page.getByRole('button', { name: 'Previous boot' }).click();
    await expect(page.getByTestId('boot.number')).toContainText('Boot 1');
    await expect(page.getByTestId('boot.carried')).toHaveCount(0);
  });

  test('IPMP from the commands panel: offline a NIC and bring it back (seed 001, if_mpadm; the failback reaches the console)', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=ipmp-dynamic-reconfiguration');
    await page.keyboard.press('End');
    const end = await app.read('playhead');
    const nics = page.getByLabel('Dynamic reconfiguration and IPMP');
    const hme1 = nics.locator('div').filter({ has: page.locator('code', { hasText: 'hme1' }) });
    await hme1.getByRole('button', { name: 'offline' }).click();
    await expect(page.getByTestId('intervention').filter({ hasText: 'if_mpadm -d hme1' })).toHaveCount(1);
    await hme1.getByRole('button', { name: 'online' }).click();
    await expect(page.getByTestId('intervention').filter({ hasText: 'if_mpadm -r hme1' })).toHaveCount(1);
    expect(await app.read('interventions')).toEqual([
      { at: end, run: 'if_mpadm -d hme1' },
      { at: end, run: 'if_mpadm -r hme1' },
    ]);
    await page.keyboard.press('End');
    await page.getByRole('tab', { name: 'Console' }).click();
    await expect(page.getByTestId('console')).toContainText('myhost in.mpathd[120]: Successfully failed back to NIC hme1');
    await app.shot('ipmp-if-mpadm');
  });

  test('keyboard shortcuts', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Space');
    await expect.poll(() => app.read('playing')).toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(() => app.read('playing')).toBe(false);
    await page.keyboard.press('End');
    expect(await app.read('playhead')).toBe(await app.read('endTime'));
    await page.keyboard.press('Home');
    expect(await app.read('playhead')).toBe(0);
    expect(await app.read('eventIndex')).toBe(-1);
    await page.keyboard.press('ArrowRight');
    expect(await app.read('eventIndex')).toBe(0);
    await page.keyboard.press('ArrowRight');
    expect(await app.read('eventIndex')).toBe(1);
    await page.keyboard.press('ArrowLeft');
    expect(await app.read('eventIndex')).toBe(0);
    await page.keyboard.press('Shift+ArrowRight');
    expect(await app.read('playhead')).toBe(0);
    await page.keyboard.press('Shift+ArrowRight');
    expect(await app.read('playhead')).toBe(300);
    expect(await app.read('speed')).toBe(1);
    await page.keyboard.press('+');
    expect(await app.read('speed')).toBe(2);
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    expect(await app.read('speed')).toBe(0.5);
    await expect(page.getByTestId('transport.speed')).toHaveValue('0.5');
    await page.keyboard.press('/');
    await expect(page.getByTestId('search')).toBeFocused();
    await page.keyboard.type('report');
    await expect(page.getByText('1 match')).toBeVisible();
    await page.keyboard.press('Enter');
    expect(await app.read('selected')).toBe('svc:/site/report:default');
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
    await app.shot('help-overlay');
    // Two quick Esc: the first closes the help, the second clears the selection.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    await expect.poll(() => app.read('selected')).toBeUndefined();
    // Esc again with nothing to clear leaves the help closed.
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
  });
});
