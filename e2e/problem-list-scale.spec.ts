/**
 * The problem list of a big boot (issue 15: work per playhead move in
 * proportion to what is on screen). svcs -x can list thousands of causes;
 * the inspector draws 50 per group, more on request, the most impact first,
 * each with the count of what it holds back.
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
  await more.scrollIntoViewIfNeeded();
  await app.shot('problem-list-scale-1366');
  await page.setViewportSize({ width: 1024, height: 768 });
  await more.scrollIntoViewIfNeeded();
  await app.shot('problem-list-scale-1024');
  await more.click();
  await expect(items).toHaveCount(100);
  await expect(more).toHaveText('Show 20 more (20 not shown)');
  await more.click();
  await expect(items).toHaveCount(FAILING);
  await expect(more).toHaveCount(0);
});
