/**
 * Issue 3 in the app: SMF manifests imported by the Import button or by
 * dropping files; their services simulate in the graph; the importer's lint
 * is listed beside the graph and a finding selects its service; profiles
 * are applied; bad files are explained and lose nothing.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { BootgraphApp } from './support/app.ts';

const MANIFEST = 'e2e/fixtures/bakery-manifest.xml';
const PROFILE = 'e2e/fixtures/bakery-profile.xml';

async function importFiles(page: Page, files: string[] | { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
  await page.getByTestId('import.file').setInputFiles(files);
}

test.describe('importing SMF manifests', () => {
  test('a manifest uploaded with Import: its services in the graph, its lint beside it', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
    await importFiles(page, [MANIFEST]);
    await expect(page.getByTestId('toast')).toContainText('Imported 3 services from 1 manifest');
    await app.waitReady();
    expect(await app.read('sourceKind')).toBe('inline');
    expect(await app.read('scenarioName')).toBe('Imported from bakery-manifest.xml');
    await app.call('end');
    expect(await app.read('getState', 'svc:/bakery/oven:default')).toBe('online');
    expect(await app.read('getState', 'svc:/bakery/orders:default')).toBe('online');
    // Its loyalty dependency exists nowhere: absent, so the shop front cannot start.
    expect(await app.read('getState', 'svc:/bakery/shopfront:default')).toBe('offline');
    expect(await app.read('nodeClasses', 'svc:/bakery/oven:default')).toContain('s-online');

    const findings = page.getByTestId('findings');
    await expect(findings).toBeVisible();
    await expect(page.getByTestId('findings.counts')).toContainText('1 warning');
    const row = page.getByTestId('finding').first();
    await expect(row).toContainText('warning');
    await expect(row).toContainText('bakery-manifest.xml:33:7');
    await expect(row).toContainText('svc:/bakery/loyalty-cards:default');
    await row.getByRole('button').click();
    expect(await app.read('selected')).toBe('svc:/bakery/shopfront:default');
    await expect(page.getByTestId('inspector.fmri')).toHaveText('svc:/bakery/shopfront:default');
    await app.shot('import-manifest');

    // Collapsible.
    await page.getByTestId('findings.toggle').click();
    await expect(page.getByTestId('finding')).toHaveCount(0);
    await page.getByTestId('findings.toggle').click();
    await expect(page.getByTestId('finding')).toHaveCount(1);
  });

  test('a profile among the files is recognised and applied after the manifests', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
    await importFiles(page, [PROFILE, MANIFEST]);
    await expect(page.getByTestId('toast')).toContainText('and 1 profile');
    await app.waitReady();
    await app.call('end');
    expect(await app.read('getState', 'svc:/bakery/shopfront:default')).toBe('disabled');
    await expect(page.getByTestId('findings.counts')).toContainText('from 2 files');
  });

  test('files dropped on the window are imported', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
    const xml = readFileSync(MANIFEST, 'utf8');
    const dt = await page.evaluateHandle((text) => {
      const d = new DataTransfer();
      d.items.add(new File([text], 'bakery-manifest.xml', { type: 'text/xml' }));
      return d;
    }, xml);
    await page.dispatchEvent('main', 'dragenter', { dataTransfer: dt });
    await expect(page.getByTestId('dropzone')).toBeVisible();
    await app.shot('import-dropzone');
    await page.dispatchEvent('main', 'drop', { dataTransfer: dt });
    await expect(page.getByTestId('dropzone')).toHaveCount(0);
    await expect(page.getByTestId('toast')).toContainText('Imported 3 services');
    await app.waitReady();
    expect(await app.read('scenarioName')).toBe('Imported from bakery-manifest.xml');
  });

  test('malformed and oversized files are explained, and nothing on screen is lost', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
    await app.call('setPlayhead', 2000);
    const broken = Buffer.from('<?xml version="1.0"?>\n<service_bundle type="manifest" name="x">\n  <service name="a" type="service" version="1">\n</service_bundle>\n');
    await importFiles(page, [{ name: 'broken.xml', mimeType: 'text/xml', buffer: broken }]);
    await expect(page.getByTestId('toast')).toContainText(/broken\.xml:\d+:\d+/);
    expect(await app.read('presetId')).toBe('demo-restart-on');
    expect(await app.read('playhead')).toBe(2000);

    const big = Buffer.alloc(10 * 1024 * 1024 + 10, 32);
    await importFiles(page, [{ name: 'huge.xml', mimeType: 'text/xml', buffer: big }]);
    await expect(page.getByTestId('toast')).toContainText('limit for a service bundle');
    expect(await app.read('presetId')).toBe('demo-restart-on');

    await importFiles(page, [{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') }]);
    await expect(page.getByTestId('toast')).toContainText('notes.txt');
    expect(await app.read('presetId')).toBe('demo-restart-on');
  });

  test('an imported scenario can be shared and downloaded like any other', async ({ page, browser }) => {
    const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
    await importFiles(page, [MANIFEST]);
    await expect(page.getByTestId('toast')).toContainText('Imported');
    await app.waitReady();
    await app.call('setPlayhead', 150);
    await app.call('select', 'svc:/bakery/orders:default');
    await page.getByTestId('share').click();
    const link = await page.getByTestId('share.link').inputValue();
    const other = await (await browser.newContext({ viewport: { width: 1366, height: 800 } })).newPage();
    await other.goto(link);
    const opened = new BootgraphApp(other);
    await opened.waitReady();
    expect(await opened.read('scenarioName')).toBe('Imported from bakery-manifest.xml');
    expect(await opened.read('selected')).toBe('svc:/bakery/orders:default');
    expect(await opened.read('playhead')).toBe(150);
    await other.context().close();

    await page.getByTestId('share.dialog').press('Escape');
    await page.getByTestId('export.open').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export.scenario').click()]);
    expect(download.suggestedFilename()).toBe('imported-from-bakery-manifest-xml.bootgraph.json');
  });
});
