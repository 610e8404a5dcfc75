/**
 * Issue 18: the embeddable player. The example course page in the repo
 * (public/embed-example.html) holds the player in an iframe: it shows the
 * graph, the transport, the explanation of the selection and the tour step,
 * no editing chrome; it plays from the keyboard; nothing is requested from
 * any other origin; "Open in bootgraph" is the same moment in the full app.
 * Share offers the embed code, and the code opens the player.
 */
import { expect, test } from '@playwright/test';
import LZ from 'lz-string';
import { mkdirSync } from 'node:fs';
import { ARTIFACTS, BootgraphApp } from './support/app.ts';

const CHROME = ['scenario.picker', 'export.open', 'share', 'editor.open', 'import.file', 'view.compare', 'focus.mode'];

test.describe('embedded player', () => {
  test("the example page's iframe plays and explains, from the keyboard, with zero outside requests", async ({ page, baseURL }) => {
    const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto('/embed-example.html');
    const frame = page.frameLocator('iframe');
    await expect(frame.getByTestId('embed')).toBeVisible();
    const inner = page.frames().find((f) => f !== page.mainFrame());
    if (inner === undefined) throw new Error('no iframe');
    await inner.waitForFunction(() => window.__BOOTGRAPH__?.ready() === true && window.__BOOTGRAPH__.layoutDone());
    // The explanation of the selection (site/db, in maintenance at 1.2 s) and the tour step.
    await expect(frame.getByTestId('embed.explanation')).toContainText('maintenance');
    await expect(frame.getByTestId('tour.panel')).toBeVisible();
    // No editing chrome.
    for (const id of CHROME) await expect(frame.getByTestId(id)).toHaveCount(0);
    // Keyboard only: Tab into the frame's transport, play with Space, step with the arrows.
    const before = await inner.evaluate(() => window.__BOOTGRAPH__?.playhead() ?? -1);
    await frame.getByTestId('transport.play').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => inner.evaluate(() => window.__BOOTGRAPH__?.playhead() ?? -1)).toBeGreaterThan(before);
    await expect(frame.getByTestId('transport.play')).toBeFocused();
    // Every request went to the page's own origin (the example page, the app and its chunks).
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    // How it looks in the course page, at 1366×768 and 1024×768.
    mkdirSync(ARTIFACTS, { recursive: true });
    await inner.evaluate(() => window.__BOOTGRAPH__?.pause());
    for (const [w, h] of [[1366, 768], [1024, 768]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await inner.waitForFunction(() => window.__BOOTGRAPH__?.layoutDone() === true);
      await inner.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
      await page.screenshot({ path: `${ARTIFACTS}/embed-example-${w}.png` });
    }
    // A course page never touches the reader's saved work: the player takes no autosave slot and writes none.
    expect(await inner.evaluate(() => sessionStorage.getItem('bootgraph.tab'))).toBeNull();
    expect(await inner.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('bootgraph.autosave') || k.startsWith('bootgraph.opening')))).toEqual([]);
  });

  test('"Open in bootgraph" is the moment on screen in the full app', async ({ page }) => {
    await page.goto('/embed-example.html');
    const inner = page.frames().find((f) => f !== page.mainFrame());
    if (inner === undefined) throw new Error('no iframe');
    await inner.waitForFunction(() => window.__BOOTGRAPH__?.ready() === true);
    const frame = page.frameLocator('iframe');
    // Step forward twice (a new moment), then follow the link.
    await frame.getByTestId('transport.forward').click();
    await frame.getByTestId('transport.forward').click();
    const at = await inner.evaluate(() => window.__BOOTGRAPH__?.playhead() ?? -1);
    const open = frame.getByTestId('embed.open');
    await open.focus();
    await expect(open).toHaveAttribute('target', '_blank');
    const href = await open.getAttribute('href');
    expect(href).toMatch(/#v1\./);
    const fragment = href?.slice(href.indexOf('#')) ?? '';
    // The link holds the moment on screen, without the embed flag.
    const state = JSON.parse(LZ.decompressFromEncodedURIComponent(fragment.slice('#v1.'.length))) as { p?: string; t?: number; sel?: string; e?: number; tour?: unknown };
    expect(state).toMatchObject({ p: 'lesson-maintenance', t: at, sel: 'svc:/site/db:default', tour: { id: 'lesson-maintenance', step: 1 } });
    expect(state.e).toBeUndefined();
    // It opens the full app (the tour step shows its own instant, as any link with a tour step does).
    const app = await BootgraphApp.open(page, fragment);
    await expect(page.getByTestId('embed')).toHaveCount(0);
    await expect(page.getByTestId('scenario.picker')).toBeVisible();
    expect(await app.read('presetId')).toBe('lesson-maintenance');
    expect(await app.read('selected')).toBe('svc:/site/db:default');
    await expect(page.getByTestId('tour.panel')).toHaveAttribute('data-step', '1');
  });

  test('Share offers embed code: an iframe of the same moment with the embed flag, which opens the player', async ({ page }) => {
    await BootgraphApp.open(page, '?preset=lesson-cycles');
    await page.getByTestId('share').click();
    await page.getByTestId('share.embed').click();
    const code = await page.getByTestId('share.embed-code').inputValue();
    expect(code).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/#v1\.[^"]+" title="bootgraph: Learn SMF: dependency cycles" width="100%" height="560"/);
    const src = /src="([^"]+)"/.exec(code)?.[1] ?? '';
    await page.goto('about:blank');
    await page.goto(src);
    await expect(page.getByTestId('embed')).toBeVisible();
    await expect(page.getByTestId('embed')).toContainText('Learn SMF: dependency cycles');
    for (const id of CHROME) await expect(page.getByTestId(id)).toHaveCount(0);
  });
});
