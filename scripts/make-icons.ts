/**
 * `npx tsx scripts/make-icons.ts [first-view.png]`: renders the app's icons
 * and social preview image into public/ with the Chromium the e2e tests use,
 * from public/icons/icon.svg, public/icons/maskable.svg and a screenshot of
 * the app's first view at 1366×768 (default docs/screenshot.png). Run it when
 * the icon or the first view changes; the PNGs are committed.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PUBLIC = join(ROOT, 'public');
const executablePath = process.env.BOOTGRAPH_CHROMIUM ?? '/usr/bin/chromium';

const dataUri = (path: string, type: string): string => `data:${type};base64,${readFileSync(path).toString('base64')}`;

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const icon = dataUri(join(PUBLIC, 'icons/icon.svg'), 'image/svg+xml');
  const maskable = dataUri(join(PUBLIC, 'icons/maskable.svg'), 'image/svg+xml');
  for (const [src, size, name] of [
    [icon, 192, 'icons/icon-192.png'],
    [icon, 512, 'icons/icon-512.png'],
    [maskable, 512, 'icons/maskable-512.png'],
    [maskable, 180, 'icons/apple-touch-icon.png'],
  ] as const) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`);
    await page.screenshot({ path: join(PUBLIC, name), omitBackground: true });
    console.info(`${name} written`);
  }
  const shot = dataUri(resolve(process.argv[2] ?? join(ROOT, 'docs/screenshot.png')), 'image/png');
  await page.setViewportSize({ width: 1200, height: 630 });
  await page.setContent(`<html><body style="margin:0;width:1200px;height:630px;overflow:hidden;background:#15181e;font-family:sans-serif;color:#e4e6ea">
    <div style="position:absolute;left:56px;top:56px;display:flex;align-items:center;gap:20px">
      <img src="${icon}" width="76" height="76"><span style="font-size:56px;font-weight:700;letter-spacing:-1px">bootgraph</span>
    </div>
    <div style="position:absolute;left:56px;top:160px;width:470px;font-size:30px;line-height:1.35;color:#c9ccd2">Watch Solaris/illumos SMF boot: svc.startd simulated in your browser, a live dependency graph, and <span style="font-family:monospace;color:#8c9eff">svcs -xv</span> at any instant.</div>
    <div style="position:absolute;left:56px;bottom:52px;font-size:22px;color:#a0a6b0">Lessons · real illumos boot graphs · links to an exact moment</div>
    <img src="${shot}" style="position:absolute;left:580px;top:70px;width:680px;border-radius:10px;box-shadow:0 10px 40px rgba(0,0,0,.5)">
  </body></html>`);
  await page.screenshot({ path: join(PUBLIC, 'social-preview.png') });
  console.info('social-preview.png written');
  await browser.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
