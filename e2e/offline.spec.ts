/**
 * Issue 18: the installable offline app. The manifest, icons and social
 * preview are served; after a first visit the service worker has precached
 * the build, and with the network cut (a Playwright offline context) a reload
 * opens the app, a lesson from the picker and the biggest real graph.
 */
import { expect, test } from '@playwright/test';
import { BootgraphApp } from './support/app.ts';

test.use({ serviceWorkers: 'allow' });

interface Manifest {
  readonly name: string;
  readonly display: string;
  readonly start_url: string;
  readonly icons: readonly { readonly src: string; readonly sizes: string; readonly purpose?: string }[];
}

test.describe('offline app', () => {
  test('the manifest, icons and social preview are served', async ({ page, request }) => {
    await BootgraphApp.open(page);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).not.toBeNull();
    const manifest = (await (await request.get(new URL(href ?? '', page.url()).toString())).json()) as Manifest;
    expect(manifest.name).toContain('bootgraph');
    expect(manifest.display).toBe('standalone');
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const i of manifest.icons) {
      const r = await request.get(new URL(i.src, page.url()).toString());
      expect(r.ok(), i.src).toBe(true);
    }
    const og = await page.locator('meta[property="og:image"]').getAttribute('content');
    const img = await request.get(new URL(og ?? '', page.url()).toString());
    expect(img.headers()['content-type']).toContain('image/png');
    // The worker is registered by an external script (the CSP allows no inline script).
    await expect(page.locator('script:not([src])')).toHaveCount(0);
  });

  test('after a first visit, an offline reload opens the app, a lesson and the 2025 graph', async ({ page, context }) => {
    // The first visit precaches the whole build (the real graphs too) on a shared machine.
    test.slow();
    const app = await BootgraphApp.open(page);
    // The service worker has installed and precached the build (ready: it is active), and claimed this page.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 }).toBe(true);
    await expect
      .poll(() =>
        page.evaluate(async () => {
          let n = 0;
          for (const k of await caches.keys()) n += (await (await caches.open(k)).keys()).length;
          return n;
        }),
      )
      .toBeGreaterThan(20);
    await context.setOffline(true);
    await page.reload();
    await app.waitReady();
    expect(await app.read('presetId')).toBe('clearview-ipmp-first-boot');
    expect(await app.read('getState', 'svc:/network/physical:default')).toBeDefined();
    // A lesson (a lazy chunk) from the picker, and the biggest real graph, open offline too.
    await page.getByTestId('scenario.picker').click();
    await page.getByTestId('scenario.option.lesson-cycles').click();
    await expect.poll(() => app.read('presetId')).toBe('lesson-cycles');
    await app.waitReady();
    await page.goto('./?preset=illumos-2025');
    await app.waitReady();
    expect(await app.read('presetId')).toBe('illumos-2025');
    // The whole graph is booted (the story view draws it as milestones and groups, issue 12) and drawn.
    expect((await app.read('traceSummary'))?.instances ?? 0).toBeGreaterThan(150);
    expect(await app.read('nodeCount')).toBeGreaterThan(0);
  });
});
