/**
 * Issue 18: links keep the whole view. A Compare link reopens in Compare with
 * the same changed condition; the table view, focus mode, show mode, bottom
 * tab and height and open help travel (golden link), and the search text, the
 * legend folded or not and Compare's row filter (golden link); an instant past the end
 * opens at the end and a negative one at 0 s, each with a notice; an unknown
 * selection gets the inspector's notice; a Compare condition the scenario
 * lacks gets a notice naming what is compared instead.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { BootgraphApp } from './support/app.ts';

const golden = (name: string): string => (JSON.parse(readFileSync(`fixtures/links/${name}.json`, 'utf8')) as { link: string }).link;

async function shareLink(page: Page): Promise<string> {
  await page.getByTestId('share').click();
  await expect(page.getByTestId('share.dialog')).toBeVisible();
  const link = await page.getByTestId('share.link').inputValue();
  expect(link).toMatch(/#v1\./);
  await page.getByTestId('share.dialog').press('Escape');
  await expect(page.getByTestId('share.dialog')).toBeHidden();
  return link;
}

/** Open an address whose view may not be the graph (Compare, the table): wait for the run, not for a layout. */
async function openView(page: Page, address: string): Promise<BootgraphApp> {
  await page.goto(address);
  const app = new BootgraphApp(page);
  await app.read('ready');
  return app;
}

/** A link for a state, made by the app's own encoder in the page (as given: out-of-range values too). */
async function linkFor(app: BootgraphApp, state: object): Promise<string> {
  const fragment = await app.call('encodeLink', state);
  if (fragment === undefined) throw new Error('no encoder');
  return `#${fragment}`;
}

async function freshPage(browser: Browser): Promise<Page> {
  // A context made here does not take the config's `use`: no service worker, as in every spec but the offline one.
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 800 }, serviceWorkers: 'block' });
  return ctx.newPage();
}

test.describe('links keep the whole view', () => {
  test('a Compare link reopens in Compare with the same changed condition', async ({ page, browser }) => {
    await BootgraphApp.open(page, '?preset=clearview-ipmp-first-boot');
    await page.getByTestId('view.compare').click();
    await page.getByTestId('compare.kind.condition').click();
    await page.getByTestId('compare.condition').selectOption('devices.libdlpi-fallback');
    await page.getByTestId('compare.value').selectOption('yes');
    await expect(page.getByTestId('compare.label.B')).toContainText('libdlpi fallback');
    const link = await shareLink(page);
    const fresh = await freshPage(browser);
    const app = await openView(fresh, link);
    await expect(fresh.getByTestId('compare')).toBeVisible();
    await expect(fresh.getByTestId('view.compare')).toHaveAttribute('aria-pressed', 'true');
    await expect(fresh.getByTestId('compare.kind.condition')).toHaveAttribute('aria-pressed', 'true');
    await expect(fresh.getByTestId('compare.condition')).toHaveValue('devices.libdlpi-fallback');
    await expect(fresh.getByTestId('compare.value')).toHaveValue('yes');
    await expect(fresh.getByTestId('compare.label.B')).toContainText('libdlpi fallback');
    await expect(fresh.getByTestId('compare.divergence')).toBeVisible();
    // The comparison is a view: the session's own conditions are untouched, and nothing needed a notice.
    expect(await app.read('conditions')).toEqual({});
    await expect(fresh.getByTestId('link.notice')).toHaveCount(0);
    await fresh.context().close();
  });

  test('the golden layout link opens the table, cause focus, show all, the console tab and help; the same view makes the same link', async ({ page }) => {
    const app = await openView(page, `/${golden('v1-view-layout')}`);
    await expect(page.getByTestId('view.table')).toHaveAttribute('aria-pressed', 'true');
    expect(await app.read('selected')).toBe('svc:/network/physical:default');
    const expected = { centreView: 'table', focusMode: 'cause', collapse: 'none', bottomTab: 'console', bottomHeight: 300, helpOpen: true };
    expect(await app.read('layoutState')).toMatchObject(expected);
    await expect(page.getByTestId('link.notice')).toHaveCount(0);
    // Close help: the link made now has the rest of the view, not help.
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await app.read('layoutState')).helpOpen).toBe(false);
    const link = await shareLink(page);
    await page.goto('about:blank');
    const again = await openView(page, link);
    expect(await again.read('layoutState')).toMatchObject({ ...expected, helpOpen: false });
  });

  test('the search text, the legend and Compare\'s row filter travel (golden link), and the same view makes a link that reopens them', async ({ page, browser }) => {
    const app = await openView(page, `/${golden('v1-view-search-legend')}`);
    await expect(page.getByTestId('compare')).toBeVisible();
    await expect(page.getByTestId('compare.kind.next-boot')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('compare.filter.state')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('search')).toHaveValue('physical');
    await expect(page.getByTestId('link.notice')).toHaveCount(0);
    expect(await app.read('ready')).toBe(true);
    // Back to the graph: the legend is unfolded (the link says so, though 800 px would fold it) and the search marks its match.
    await page.getByTestId('view.graph').click();
    await expect(page.getByTestId('legend.toggle')).toHaveAttribute('aria-expanded', 'true');
    await expect.poll(() => app.read('nodeClasses', 'svc:/network/physical:default')).toContain('match');
    // Change each one, and the link made now carries the change.
    await page.getByTestId('legend.toggle').click();
    await expect(page.getByTestId('legend.toggle')).toHaveAttribute('aria-expanded', 'false');
    await page.getByTestId('search').fill('inetd');
    await page.getByTestId('view.compare').click();
    await page.getByTestId('compare.filter.time').click();
    const link = await shareLink(page);
    const fresh = await freshPage(browser);
    await openView(fresh, link);
    await expect(fresh.getByTestId('compare.filter.time')).toHaveAttribute('aria-pressed', 'true');
    await expect(fresh.getByTestId('search')).toHaveValue('inetd');
    await fresh.getByTestId('view.graph').click();
    await expect(fresh.getByTestId('legend.toggle')).toHaveAttribute('aria-expanded', 'false');
    await fresh.context().close();
  });

  test('the golden timing-class Compare link reopens Compare of the two seeds, with the Hazards tab open (issues 17, 18)', async ({ page }) => {
    const app = await openView(page, `/${golden('v1-compare-timing')}`);
    await expect(page.getByTestId('compare')).toBeVisible();
    await expect(page.getByTestId('compare.kind.timing')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('compare.kind.timing')).toContainText('seed 12');
    await expect(page.getByTestId('compare.label.B')).toHaveText('Class 2 — seed 12');
    await expect(page.getByTestId('compare.label.A')).toContainText('seed 5');
    await expect(page.getByTestId('tab.hazards')).toHaveAttribute('aria-selected', 'true');
    expect(await app.read('layoutState')).toMatchObject({ centreView: 'compare', bottomTab: 'hazards', compare: { kind: 'timing', seed: 12, jitter: 0.5 } });
    await expect(page.getByTestId('link.notice')).toHaveCount(0);
  });

  test('the golden hazards link reopens the Hazards tab with every hazard on the graph and the race picked (issues 17, 18)', async ({ page }) => {
    const app = await openView(page, `/${golden('v1-hazards-pick')}`);
    await expect(page.getByTestId('tab.hazards')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('hazards.on-graph')).toBeChecked();
    const picked = page.locator('[data-testid="hazard"][data-object="/etc/site/app.key"]').getByTestId('hazard.pick');
    await expect(picked).toHaveAttribute('aria-pressed', 'true');
    expect(await app.read('layoutState')).toMatchObject({ bottomTab: 'hazards', hazardsOnGraph: true, hazardPick: 'unordered-use|path:/etc/site/app.key|svc:/site/keygen:default|svc:/site/app:default' });
    await expect(page.getByTestId('link.notice')).toHaveCount(0);
  });

  test('a time past the end opens at the end with a notice; a negative one at 0 s', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
    const end = await app.read('endTime');
    const past = await linkFor(app, { p: 'demo-restart-on', t: 999_999_000 });
    const negative = await linkFor(app, { p: 'demo-restart-on', t: -5 });
    await page.goto('about:blank');
    const a = await BootgraphApp.open(page, past);
    await expect.poll(() => a.read('playhead')).toBe(end);
    await expect(page.getByTestId('link.notice')).toContainText('past the end of this boot');
    await expect(page.getByTestId('transport.time')).not.toHaveValue(/16666 min/);
    await page.goto('about:blank');
    const b = await BootgraphApp.open(page, negative);
    expect(await b.read('playhead')).toBe(0);
    expect(await b.read('presetId')).toBe('demo-restart-on');
    await expect(page.getByTestId('link.notice')).toContainText('before the boot began');
  });

  test('a Compare link naming a condition the scenario lacks compares another and says so', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=clearview-ipmp-first-boot');
    const link = await linkFor(app, { p: 'clearview-ipmp-first-boot', ui: { v: 'compare', cmp: { c: 'devices.no-such-condition', v: 'late' } } });
    await page.goto('about:blank');
    await openView(page, link);
    await expect(page.getByTestId('compare')).toBeVisible();
    const notice = page.getByTestId('link.notice');
    await expect(notice).toContainText('The link compares with the condition "devices.no-such-condition" changed, which this scenario does not have: comparing with');
    // What the notice says is compared is what Compare shows as boot B.
    const picked = await page.getByTestId('compare.condition').locator('option:checked').textContent();
    expect(picked).not.toBeNull();
    await expect(notice).toContainText(`comparing with ${picked ?? ''}:`);
    await expect(page.getByTestId('compare.label.B')).toContainText(picked ?? '');
  });

  test("an unknown selection gets the inspector's notice", async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
    const link = await linkFor(app, { p: 'demo-restart-on', t: 100, sel: 'svc:/site/nosuch:default' });
    await page.goto('about:blank');
    await BootgraphApp.open(page, link);
    await expect(page.getByTestId('inspector.unknown')).toContainText("doesn't match any instances");
  });
});

test.describe('links keep the side panel open below 1200 px', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test('the golden drawer link opens with the inspector as the drawer; closing it makes a link that reopens with none', async ({ page, browser }) => {
    const app = await openView(page, `/${golden('v1-view-drawer')}`);
    await expect(page.locator('#panel-right')).toBeVisible();
    await expect(page.locator('#panel-left')).toBeHidden();
    await expect(page.locator('#panel-right')).toContainText('network/physical');
    await expect(page.getByTestId('link.notice')).toHaveCount(0);
    await app.shot('links/drawer-right-1024x768');
    // Close the drawer: the link made now says so, and a fresh page at the same width opens with both panels closed.
    await page.getByTestId('drawer.right').click();
    await expect(page.locator('#panel-right')).toBeHidden();
    const link = await shareLink(page);
    const ctx = await browser.newContext({ viewport: { width: 1024, height: 768 }, serviceWorkers: 'block' });
    const fresh = await ctx.newPage();
    await openView(fresh, link);
    await expect(fresh.getByTestId('graph.canvas')).toBeVisible();
    await expect(fresh.locator('#panel-right')).toBeHidden();
    await expect(fresh.locator('#panel-left')).toBeHidden();
    await expect(fresh.getByTestId('drawer.left')).toHaveAttribute('aria-expanded', 'false');
    await ctx.close();
  });
});
