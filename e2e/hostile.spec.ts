/**
 * Issue 15 in the browser: the built page's Content-Security-Policy holds
 * across the main flows with zero violations, and a link expansion bomb is
 * refused with a message (nothing expanded, the page responsive).
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { bridge, importScenario, open, typeTime, waitLaidOut } from './support/app.ts';

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
    await open(page);
    // Play, scrub, the table, the compare view.
    await page.getByTestId('transport.speed').selectOption('100');
    await page.getByTestId('transport.play').click();
    await expect.poll(() => bridge(page, 'playing')).toBe(true);
    await page.getByTestId('transport.play').click();
    await typeTime(page, 1000);
    await page.getByTestId('view.table').click();
    await expect(page.getByTestId('state.table')).toBeVisible();
    await page.getByTestId('view.compare').click();
    await expect(page.getByTestId('compare')).toBeVisible();
    await page.getByTestId('view.graph').click();
    // Share, export (SVG, PNG), the editor, a tour.
    await page.getByTestId('share').click();
    await expect(page.getByTestId('share.dialog')).toBeVisible();
    await page.getByTestId('share.dialog').press('Escape');
    for (const id of ['svg', 'png']) {
      await page.getByTestId('export.open').click();
      await Promise.all([page.waitForEvent('download'), page.getByTestId(`export.${id}`).click()]);
    }
    await page.getByTestId('editor.open').click();
    await expect(page.getByTestId('editor.status')).toContainText('Valid scenario');
    await page.getByTestId('editor.close').click();
    await page.getByTestId('tour.start').click();
    await expect(page.getByTestId('tour.panel')).toBeVisible();
    await page.getByTestId('tour.leave').click();
    // Import a scenario file and manifests (the importer is a lazy chunk; the ELK worker lays them out).
    await importScenario(page, 'e2e/fixtures/failing-boot.json');
    await page.getByTestId('import.file').setInputFiles(['e2e/fixtures/bakery-manifest.xml', 'e2e/fixtures/bakery-profile.xml']);
    await expect(page.getByTestId('toast')).toContainText('Imported');
    await waitLaidOut(page);
    expect(await violations()).toEqual([]);
  });

  test('a link expansion bomb (5,800 characters → 5,000,000) opens the default scenario with a message naming the limit', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const bomb = readFileSync('fixtures/hostile/expansion-bomb.link', 'utf8').trim();
    await page.goto(`/#${bomb}`);
    await page.waitForFunction(() => window.__BOOTGRAPH__?.ready() === true, null, { timeout: 30_000 });
    await expect(page.getByTestId('link.notice.text')).toContainText('4,000,000 characters');
    expect(await bridge(page, 'presetId')).toBe('clearview-ipmp-first-boot');
    await waitLaidOut(page);
    expect(errors).toEqual([]);
  });
});
