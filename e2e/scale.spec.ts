/**
 * Big boots in the panels (issue 15: the work per playhead move is in
 * proportion to what is on screen). svcs -x can list thousands of causes:
 * the inspector draws 50 per group, more on request, the most impact first,
 * each with the count of what it holds back. The state table and the events
 * list of a graph with thousands of rows draw the rows in view.
 */
import { expect, test } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { BootgraphApp } from './support/app.ts';

const FAILING = 120;

/** FAILING services whose start method fails (maintenance); two services wait in a chain behind the first one. */
function failingBoot(): unknown {
  const services: unknown[] = [];
  for (let i = 0; i < FAILING; i++) services.push({ fmri: `svc:/scale/f${i}`, start: { duration: 10 + i, exit: 1 } });
  services.push({ fmri: 'svc:/scale/a1', dependencies: [{ name: 'f', grouping: 'require_all', restart_on: 'none', targets: ['svc:/scale/f0:default'] }], start: { duration: 5 } });
  services.push({ fmri: 'svc:/scale/a2', dependencies: [{ name: 'a', grouping: 'require_all', restart_on: 'none', targets: ['svc:/scale/a1:default'] }], start: { duration: 5 } });
  return { format: 'bootgraph/1', name: `${FAILING} failing services`, services };
}

/** n services with no dependencies, started one after another (about five events each). */
function flatBoot(n: number): unknown {
  const services: unknown[] = [];
  for (let i = 0; i < n; i++) services.push({ fmri: `svc:/flat/s${String(i).padStart(4, '0')}`, start: { duration: 1 + (i % 50) } });
  return { format: 'bootgraph/1', name: `${n} flat services`, services };
}

test('1,500 services: the table and the events list draw the rows in view, and say how many there are', async ({ page }, info) => {
  const file = info.outputPath('flat-1500.json');
  writeFileSync(file, JSON.stringify(flatBoot(1500)));
  const app = await BootgraphApp.open(page);
  await app.importScenario(file);
  await app.call('end');
  await app.testId('view.table').click();
  const table = app.testId('state.table');
  await expect(table).toHaveAttribute('aria-rowcount', '1501');
  const rows = table.locator('tbody tr[data-fmri]');
  await expect(rows.first()).toHaveAttribute('aria-rowindex', '2');
  expect(await rows.count()).toBeLessThan(120);
  // Scrolled to the bottom: the last row is drawn, in its place.
  await table.evaluate((t) => {
    const scroller = t.parentElement;
    if (scroller !== null) scroller.scrollTop = scroller.scrollHeight;
  });
  await expect(rows.last()).toHaveAttribute('aria-rowindex', '1501');
  await expect(rows.last()).toBeInViewport();
  expect(await rows.count()).toBeLessThan(120);
  await app.shot('scale-table-bottom-1366');
  // The events list: the current event (the last) is drawn and scrolled into view; a few dozen rows in the document.
  await app.testId('tab.events').click();
  const events = app.testId('events');
  const records = Number(await app.read('eventIndex')) + 1;
  expect(records).toBeGreaterThan(1000);
  const current = events.locator('li:has([aria-current="step"])');
  await expect(current).toHaveAttribute('aria-posinset', String(records));
  await expect(current).toBeInViewport();
  expect(await events.locator('li').count()).toBeLessThan(120);
  // Back to the start: the first event is drawn and in view.
  await app.call('home');
  await expect(events.locator('li').first()).toHaveAttribute('aria-posinset', '1');
  await expect(events.locator('li').first()).toBeInViewport();
  await app.shot('scale-events-start-1366');
});

test('a boot with 120 failures: the list draws 50, the most impact first, and draws more only when asked', async ({ page }, info) => {
  const file = info.outputPath('failing-120.json');
  writeFileSync(file, JSON.stringify(failingBoot()));
  const app = await BootgraphApp.open(page);
  await app.importScenario(file);
  await app.call('end');
  const problems = app.testId('inspector.problems');
  await expect(problems).toHaveAttribute('data-failures', String(FAILING));
  const items = app.testId('problems.item');
  await expect(items).toHaveCount(50);
  // svcs -x's order: the one that holds back a1 and a2 first, with its count.
  await expect(items.first()).toHaveAttribute('data-fmri', 'svc:/scale/f0:default');
  await expect(items.first()).toContainText('holds back 2');
  const more = app.testId('problems.more');
  await expect(more).toHaveText('Show 50 more (70 not shown)');
  // The end of the list, scrolled in the inspector as a person would.
  // The list scrolls inside the inspector (it used to overflow it, cut off with no scroll bar).
  await problems.evaluate((e) => e.scrollTo(0, e.scrollHeight));
  await expect.poll(() => problems.evaluate((e) => e.scrollTop)).toBeGreaterThan(0);
  await expect(more).toBeInViewport();
  await app.shot('problem-list-scale-1366');
  await more.click();
  await expect(items).toHaveCount(100);
  await expect(more).toHaveText('Show 20 more (20 not shown)');
  await more.click();
  await expect(items).toHaveCount(FAILING);
  await expect(more).toHaveCount(0);
  // At 1024 the inspector is a drawer: the same list in it.
  await problems.evaluate((e) => e.scrollTo(0, 0));
  await page.setViewportSize({ width: 1024, height: 768 });
  await app.testId('drawer.right').click();
  await expect(items.first()).toBeInViewport();
  await app.shot('problem-list-scale-1024');
});

/** One service that fails and `n` that require it: svcs -x names it as the root cause of all of them. */
function fanInBoot(n: number): unknown {
  const services: unknown[] = [{ fmri: 'svc:/scale/root', start: { duration: 10, exit: 1 } }];
  for (let i = 0; i < n; i++) services.push({ fmri: `svc:/scale/d${String(i).padStart(3, '0')}`, dependencies: [{ name: 'root', grouping: 'require_all', restart_on: 'none', targets: ['svc:/scale/root:default'] }], start: { duration: 5 } });
  return { format: 'bootgraph/1', name: `one failure holding back ${n}`, services };
}

test('an explanation whose impact is 130 dependents names 10, then 50 more at a time, only when asked', async ({ page }, info) => {
  const file = info.outputPath('fan-in-130.json');
  writeFileSync(file, JSON.stringify(fanInBoot(130)));
  const app = await BootgraphApp.open(page);
  await app.importScenario(file);
  await app.call('end');
  await app.call('select', 'svc:/scale/root:default');
  const impact = app.testId('explanation.impact');
  const named = impact.getByRole('button', { name: /^scale\/d\d+/ });
  await expect(impact).toContainText('130 dependents are not running');
  await expect(named).toHaveCount(10);
  const more = app.testId('explanation.impact-more');
  await expect(more).toHaveText('Show 50 more (120 not shown)');
  await more.click();
  await expect(named).toHaveCount(60);
  await expect(more).toHaveText('Show 50 more (70 not shown)');
  await more.click();
  await more.click();
  await expect(named).toHaveCount(130);
  await expect(more).toHaveCount(0);
  await app.shot('explanation-impact-all-1366');
  await app.testId('explanation.impact-fewer').click();
  await expect(named).toHaveCount(10);
});

test('1,500 services with every service asked for: the graph draws the story instead and says why (the drawn-node limit)', async ({ page }, info) => {
  const file = info.outputPath('flat-1500-all.json');
  writeFileSync(file, JSON.stringify(flatBoot(1500)));
  const app = await BootgraphApp.open(page);
  await app.importScenario(file);
  await app.call('setCollapse', 'none');
  const notice = app.testId('graph.limit');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('This view would draw 1,500 nodes');
  await expect(notice).toContainText('up to 1,000');
  await app.waitReady();
  expect(await app.read('nodeCount')).toBeLessThanOrEqual(1000);
  await app.shot('scale-draw-limit-1366');
  // Back to the story view: nothing was set aside, so nothing is said.
  await app.call('setCollapse', 'story');
  await expect(notice).toHaveCount(0);
});
