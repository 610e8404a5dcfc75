/**
 * Issue 15 in the browser: the built page's Content-Security-Policy holds
 * across the main flows with zero violations, and a link expansion bomb is
 * refused with a message (nothing expanded, the page responsive).
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { BootgraphApp } from './support/app.ts';

/** Record every CSP violation the page reports, from the first byte on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(m.text())) fromConsole.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return async () => [...fromConsole, ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []))];
}

test.describe('hostile input in the browser (issue 15)', () => {
  test('the built page carries a strict Content-Security-Policy: no inline script, no remote origin', async ({ page }) => {
    const response = await page.goto('/');
    const html = (await response?.text()) ?? '';
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]?.replace(/&#39;/g, "'") ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    // No inline script in the page itself.
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  });

  test('the main flows run with zero CSP violations', async ({ page }) => {
    const violations = await watchViolations(page);
    const app = await BootgraphApp.open(page);
    // Play, scrub, the table, the compare view.
    // At 100× the flagship plays to its end in well under a poll interval, so
    // wait on where the playhead ends, not on the transient `playing` flag.
    const end = await app.read('endTime');
    await app.transport.speed.selectOption('100');
    await app.transport.play.click();
    await expect.poll(() => app.read('playhead'), { timeout: 30_000 }).toBe(end);
    await expect.poll(() => app.read('playing')).toBe(false);
    await app.transport.typeTime(1000);
    await app.testId('view.table').click();
    await expect(app.testId('state.table')).toBeVisible();
    await app.testId('view.compare').click();
    await expect(app.testId('compare')).toBeVisible();
    await app.testId('view.graph').click();
    // Share, export (SVG, PNG), the editor, a tour.
    await app.testId('share').click();
    await expect(app.testId('share.dialog')).toBeVisible();
    await app.testId('share.dialog').press('Escape');
    for (const id of ['svg', 'png']) {
      await app.testId('export.open').click();
      await Promise.all([page.waitForEvent('download'), app.testId(`export.${id}`).click()]);
    }
    await app.testId('editor.open').click();
    await expect(app.testId('editor.status')).toContainText('Valid scenario');
    await app.testId('editor.close').click();
    await app.testId('tour.start').click();
    await expect(app.testId('tour.panel')).toBeVisible();
    await app.testId('tour.leave').click();
    // Import a scenario file and manifests (the importer is a lazy chunk; the ELK worker lays them out).
    await app.importScenario('e2e/fixtures/failing-boot.json');
    await app.testId('import.file').setInputFiles(['e2e/fixtures/bakery-manifest.xml', 'e2e/fixtures/bakery-profile.xml']);
    await expect(app.testId('toast')).toContainText('Imported');
    await app.waitReady();
    expect(await violations()).toEqual([]);
  });

  test('a link expansion bomb (5,800 characters → 5,000,000) opens the default scenario with a message naming the limit', async ({ page }) => {
    const bomb = readFileSync('fixtures/hostile/expansion-bomb.link', 'utf8').trim();
    const app = await BootgraphApp.open(page, `#${bomb}`);
    await expect(app.testId('link.notice.text')).toContainText('4,000,000 characters');
    expect(await app.read('presetId')).toBe('clearview-ipmp-first-boot');
  });
});
