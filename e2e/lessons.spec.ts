/**
 * Issue 18: the scenario picker is a gallery of Seeds, Lessons (Learn SMF)
 * and Real graphs; every lesson opens in its precomputed layout, readable at
 * the default zoom; the real illumos graphs open as built-ins.
 */
import { expect, test } from '@playwright/test';
import { BootgraphApp } from './support/app.ts';

const LESSONS = [
  'lesson-groupings',
  'lesson-restart-on',
  'lesson-milestones',
  'lesson-maintenance',
  'lesson-cycles',
  'lesson-file-dependencies',
  'lesson-delegated-restarters',
  'lesson-disable-temporary',
];

test.describe('Learn SMF and the gallery', () => {
  test('the picker separates Seeds, Lessons and Real graphs; a lesson opens from it', async ({ page }) => {
    const app = await BootgraphApp.open(page);
    await page.getByTestId('scenario.picker').click();
    const seeds = page.getByTestId('scenario.section.seed');
    const lessons = page.getByTestId('scenario.section.lesson');
    const real = page.getByTestId('scenario.section.real');
    await expect(seeds.getByRole('heading')).toContainText('Seeds');
    await expect(lessons.getByRole('heading')).toContainText('Lessons');
    await expect(real.getByRole('heading')).toContainText('Real graphs');
    await expect(seeds.getByRole('button')).toHaveCount(5);
    for (const id of LESSONS) await expect(lessons.getByTestId(`scenario.option.${id}`)).toContainText('tour');
    await expect(real.getByTestId('scenario.option.illumos-2009')).toBeVisible();
    await expect(real.getByTestId('scenario.option.illumos-2025')).toBeVisible();
    await app.shot('picker-gallery');
    await lessons.getByTestId('scenario.option.lesson-cycles').click();
    await expect.poll(() => app.read('presetId')).toBe('lesson-cycles');
    await app.waitReady();
    await expect(page.getByTestId('tour.start')).toBeVisible();
  });

  for (const id of LESSONS) {
    test(`${id}: precomputed layout, every service on screen at a readable zoom`, async ({ page }) => {
      const app = await BootgraphApp.open(page, `?preset=${id}`);
      expect(await app.read('layoutSource')).toBe('precomputed');
      // At the default zoom node labels are drawn at (at least) 80 % of their size.
      expect(await app.read('zoom')).toBeGreaterThanOrEqual(0.8);
      const box = await page.getByTestId('graph.canvas').boundingBox();
      if (box === null) throw new Error('no graph canvas');
      const states = await app.read('states');
      for (const fmri of Object.keys(states)) {
        const p = await app.read('nodeClientPosition', fmri);
        if (p === undefined) continue;
        expect(p.x, fmri).toBeGreaterThanOrEqual(box.x);
        expect(p.x, fmri).toBeLessThanOrEqual(box.x + box.width);
        expect(p.y, fmri).toBeGreaterThanOrEqual(box.y);
        expect(p.y, fmri).toBeLessThanOrEqual(box.y + box.height);
      }
      if (id === 'lesson-groupings') await app.shot('lesson-groupings');
    });
  }

  test('the real illumos 2025 graph is a built-in with a precomputed layout', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=illumos-2025');
    expect(await app.read('layoutSource')).toBe('precomputed');
    // The story view draws the milestones and summarises the rest in groups (issue 12); the boot has every service.
    expect(await app.read('nodeCount')).toBeGreaterThan(10);
    expect((await app.read('traceSummary'))?.instances).toBeGreaterThan(150);
    expect(await app.read('getState', 'svc:/milestone/multi-user-server:default')).toBeDefined();
  });
});
