/**
 * Issue 6 end to end: links made by the Share button open the same instant,
 * selection and conditions in a fresh browser; back and forward move between
 * shared states; bad links open the default scenario with a message and
 * leave the autosave alone; scenario files download and reopen; the editor
 * applies an added service; markup in names stays text.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { ARTIFACTS, BootgraphApp } from './support/app.ts';
import { traceEventProblems } from '../src/testing/trace-event-format.ts';

const PHYSICAL = 'svc:/network/physical:default';
const AUTOSAVE_SLOT = 'bootgraph.autosave.';

async function shareLink(page: Page): Promise<string> {
  await page.getByTestId('share').click();
  const dialog = page.getByTestId('share.dialog');
  await expect(dialog).toBeVisible();
  const link = await page.getByTestId('share.link').inputValue();
  expect(link).toMatch(/#v1\./);
  return link;
}

async function closeShare(page: Page): Promise<void> {
  await page.getByTestId('share.dialog').press('Escape');
  await expect(page.getByTestId('share.dialog')).toBeHidden();
}

/** A page in a new browser context: no autosave, nothing shared with the first. */
async function freshPage(browser: Browser): Promise<Page> {
  // A context made here does not take the config's `use`: no service worker, as in every spec but the offline one.
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 800 }, serviceWorkers: 'block' });
  return ctx.newPage();
}

/** The newest saved session in this browser (one autosave slot per tab: session/persistence/saved-work.ts). */
async function savedState(page: Page): Promise<unknown> {
  return page.evaluate((prefix) => {
    let newest: { savedAt?: string; state: unknown } | null = null;
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k === null || !k.startsWith(prefix)) continue;
      const r = JSON.parse(localStorage.getItem(k) ?? 'null') as { savedAt?: string; state: unknown } | null;
      if (r !== null && (newest === null || (r.savedAt ?? '') > (newest.savedAt ?? ''))) newest = r;
    }
    return newest === null ? null : newest.state;
  }, AUTOSAVE_SLOT);
}

test.describe('share links', () => {
  test('a shared link opens the same instant, selection and conditions in a fresh browser', async ({ page, context, browser }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const app = await BootgraphApp.open(page);
    expect(await app.read('presetId')).toBe('clearview-ipmp-first-boot');
    // The instant network/physical fails, from the trace.
    const fail = (await app.read('traceSummary'))?.changes.find((c) => c.fmri === PHYSICAL && c.to === 'maintenance');
    expect(fail).toBeDefined();
    const t = fail?.t ?? 0;
    await page.getByTestId('condition.boot.verbose').getByRole('button', { name: 'verbose' }).click();
    await app.transport.typeTime(t);
    await app.call('select', PHYSICAL);
    await expect(page.getByTestId('inspector.fmri')).toHaveText(PHYSICAL);

    const link = await shareLink(page);
    await expect(page.getByTestId('share.status')).toContainText('Copied to the clipboard');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    const length = Number((await page.getByTestId('share.length').innerText()).replace(/[^0-9]/g, ''));
    expect(length).toBe(link.length);
    expect(length).toBeLessThan(2000);
    expect(page.url()).toBe(link);
    await app.shot('share-popover');
    const axe = await new AxeBuilder({ page }).include('[data-testid="share.dialog"]').withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await closeShare(page);

    const other = await freshPage(browser);
    await other.goto(link);
    const opened = new BootgraphApp(other);
    await opened.waitReady();
    expect(await opened.read('playhead')).toBe(t);
    expect(await opened.read('selected')).toBe(PHYSICAL);
    expect(await opened.read('conditions')).toEqual({ 'boot.verbose': 'yes' });
    expect(await opened.read('getState', PHYSICAL)).toBe('maintenance');
    await expect(other.getByTestId('inspector.fmri')).toHaveText(PHYSICAL);
    await expect(other.getByTestId('condition.boot.verbose')).toContainText('changed');
    await expect(other.getByTestId('link.notice')).toHaveCount(0);
    await opened.shot('share-opened');
    await other.context().close();
  });

  test('a link selecting a service the scenario does not have says so, and offers svcs -x', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=demo-restart-on&select=svc:/site/nope:default');
    const unknown = page.getByTestId('inspector.unknown');
    await expect(unknown).toContainText('svc:/site/nope:default');
    await expect(unknown).toContainText("doesn't match any instances");
    await unknown.getByRole('button', { name: 'Show svcs -x instead' }).click();
    await expect(page.getByTestId('inspector.problems')).toBeVisible();
    expect(await app.read('selected')).toBeUndefined();
  });

  test('the view (zoom and position) travels with the link', async ({ page, browser }) => {
    const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    const cam = await app.read('camera');
    expect(cam).toBeDefined();
    const link = await shareLink(page);
    const other = await freshPage(browser);
    await other.goto(link);
    const opened = new BootgraphApp(other);
    await opened.waitReady();
    await expect.poll(() => opened.read('camera')).toBeDefined();
    const got = await opened.read('camera');
    expect(got?.zoom).toBeCloseTo(cam?.zoom ?? 0, 2);
    expect(got?.centre.x).toBeCloseTo(cam?.centre.x ?? 0, 0);
    expect(got?.centre.y).toBeCloseTo(cam?.centre.y ?? 0, 0);
    await other.context().close();
  });

  test('back and forward move between shared states', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
    await app.transport.typeTime(1000);
    const first = await shareLink(page);
    await closeShare(page);
    await app.transport.typeTime(3000);
    await app.call('select', 'svc:/site/app:default');
    // Having moved on, the address is plain again (a reload shows this work, from the autosave)…
    await expect.poll(() => page.url()).not.toContain('#v1.');
    const second = await shareLink(page);
    await closeShare(page);
    expect(second).not.toBe(first);
    await page.goBack();
    await expect.poll(() => app.read('playhead')).toBe(1000);
    expect(await app.read('selected')).toBeUndefined();
    expect(page.url()).toBe(first);
    await page.goForward();
    await expect.poll(() => app.read('playhead')).toBe(3000);
    expect(await app.read('selected')).toBe('svc:/site/app:default');
    // …and a reload of a shared state opens it.
    await page.reload();
    await app.waitReady();
    expect(await app.read('playhead')).toBe(3000);
    expect(await app.read('selected')).toBe('svc:/site/app:default');
  });

  test('a reload after working shows the work, not the link it started from', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
    await app.transport.typeTime(1000);
    const link = await shareLink(page);
    await closeShare(page);
    await page.getByTestId('condition.boot.verbose').getByRole('button', { name: 'verbose' }).click();
    await app.transport.typeTime(4000);
    await expect.poll(() => page.url()).not.toContain('#v1.');
    await page.reload();
    await app.waitReady();
    expect(await app.read('playhead')).toBe(4000);
    expect(await app.read('conditions')).toEqual({ 'boot.verbose': 'yes' });
    // Sharing the work, then back: the state shared before, with its link in the address bar again.
    await shareLink(page);
    await closeShare(page);
    await page.goBack();
    await expect.poll(() => app.read('playhead')).toBe(1000);
    expect(await app.read('conditions')).toEqual({});
    expect(page.url()).toBe(link);
  });

  test('a corrupted link opens the default scenario with a message, and the autosave is untouched', async ({ page }) => {
    // Some work of one's own, autosaved.
    const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
    await page.getByTestId('condition.boot.verbose').getByRole('button', { name: 'verbose' }).click();
    await app.transport.typeTime(2500);
    await expect.poll(() => savedState(page)).toMatchObject({ p: 'demo-restart-on', c: { 'boot.verbose': 'yes' }, t: 2500 });
    const saved = await savedState(page);
    const good = await shareLink(page);
    await closeShare(page);

    const errors: string[] = [];
    const bad = await page.context().newPage();
    bad.on('pageerror', (e) => errors.push(String(e)));
    await bad.goto(good.slice(0, good.length - 12));
    const badApp = new BootgraphApp(bad);
    await badApp.waitReady();
    await expect(bad.getByTestId('link.notice')).toBeVisible();
    await expect(bad.getByTestId('link.notice.text')).toContainText('This link could not be opened');
    await expect(bad.getByTestId('link.notice.text')).toContainText(/damaged or cut short|not valid/);
    expect(await badApp.read('presetId')).toBe('clearview-ipmp-first-boot');
    expect(await badApp.read('conditions')).toEqual({});
    await badApp.shot('link-corrupted');
    // Looking around does not overwrite the saved work.
    const checks = await badApp.call('autosaveChecks');
    await badApp.transport.typeTime(1000);
    // The autosave has looked at the change (its debounce ran) and kept the saved work.
    await expect.poll(() => badApp.call('autosaveChecks')).toBeGreaterThan(checks);
    expect(await savedState(bad)).toEqual(saved);
    // The notice offers the saved work back.
    await bad.getByTestId('link.notice.restore').click();
    await expect(bad.getByTestId('link.notice')).toHaveCount(0);
    expect(await badApp.read('presetId')).toBe('demo-restart-on');
    expect(await badApp.read('conditions')).toEqual({ 'boot.verbose': 'yes' });
    expect(await badApp.read('playhead')).toBe(2500);
    expect(errors).toEqual([]);
  });

  test('a link from a newer bootgraph and hostile text are explained as text, dismissibly', async ({ page }) => {
    await BootgraphApp.open(page, '#v7.<img src=x onerror=alert(1)>');
    await expect(page.getByTestId('link.notice.text')).toContainText('newer bootgraph');
    await BootgraphApp.open(page, '#<img src=x onerror=alert(1)>');
    await expect(page.getByTestId('link.notice.text')).toContainText('not a bootgraph link');
    expect(await page.locator('img').count()).toBe(0);
    await page.getByTestId('link.notice.dismiss').click();
    await expect(page.getByTestId('link.notice')).toHaveCount(0);
  });

  test('names with markup are shown as text, in the app and through a link', async ({ page, browser }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
    await app.importScenario('e2e/fixtures/markup-names.json');
    await app.call('select', 'svc:/site/x:default');
    await expect(page.getByText('<img src=x onerror=alert(1)> shop').first()).toBeVisible();
    await expect(page.getByText('<img src=x onerror=alert(1)> controller').first()).toBeVisible();
    expect(await page.locator('img').count()).toBe(0);
    const link = await shareLink(page);
    const other = await freshPage(browser);
    other.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await other.goto(link);
    await new BootgraphApp(other).waitReady();
    await expect(other.getByText('<img src=x onerror=alert(1)> shop').first()).toBeVisible();
    await expect(other.getByText('<img src=x onerror=alert(1)> controller').first()).toBeVisible();
    expect(await other.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await other.context().close();
  });

  test('a whole imported ~200-service scenario makes a long link with a warning', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
    await app.importScenario('fixtures/graphs/illumos-2025.json');
    await shareLink(page);
    await expect(page.getByTestId('share.long')).toBeVisible();
    const length = Number((await page.getByTestId('share.length').innerText()).replace(/[^0-9]/g, ''));
    expect(length).toBeGreaterThan(8000);
    expect(length).toBeLessThan(64000);
  });
});

test.describe('scenario files and the editor', () => {
  test('download the scenario and open it again: the same boot', async ({ page }) => {
    const app = await BootgraphApp.open(page);
    await page.getByTestId('condition.boot.verbose').getByRole('button', { name: 'verbose' }).click();
    await app.transport.typeTime(1000);
    await app.call('select', PHYSICAL);
    await page.getByTestId('svcadm.clear').click();
    await expect.poll(() => app.read('interventions')).toHaveLength(1);
    const before = await app.read('traceSummary');
    await page.getByTestId('export.open').click();
    await app.shot('export-menu');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export.scenario').click()]);
    expect(download.suggestedFilename()).toBe('clearview-ipmp-first-boot-after-upgrade.bootgraph.json');
    mkdirSync(`${ARTIFACTS}/downloads`, { recursive: true });
    const path = `${ARTIFACTS}/downloads/${download.suggestedFilename()}`;
    await download.saveAs(path);

    await app.call('openPreset', 'demo-restart-on');
    await app.waitReady();
    await app.importScenario(path);
    expect(await app.read('sourceKind')).toBe('inline');
    expect(await app.read('conditions')).toEqual({});
    expect(await app.read('interventions')).toEqual([]);
    expect(await app.read('traceSummary')).toEqual(before);
  });

  test('the other exports: trace, Perfetto trace events, Graphviz dot, SVG and PNG (framed with title, instant and legend)', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
    const save = async (id: string): Promise<{ name: string; text: string }> => {
      await page.getByTestId('export.open').click();
      const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export.${id}`).click()]);
      const stream = await d.createReadStream();
      const chunks: Buffer[] = [];
      for await (const c of stream) chunks.push(c as Buffer);
      return { name: d.suggestedFilename(), text: Buffer.concat(chunks).toString('latin1') };
    };
    const trace = await save('trace');
    expect(trace.name).toMatch(/\.trace\.json$/);
    expect(JSON.parse(trace.text)).toMatchObject({ format: 'bootgraph-trace/1' });
    const dot = await save('dot');
    expect(dot.text).toContain('digraph bootgraph {');
    expect(dot.text).toContain('style=bold');
    const svg = await save('svg');
    expect(svg.text).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(svg.text).toContain('site/db');
    expect(svg.text).toContain('class="legend"');
    // The Perfetto export: trace-event JSON with one named track per instance, method spans and state instants.
    const perfetto = await save('perfetto');
    expect(perfetto.name).toMatch(/\.perfetto\.json$/);
    const parsed: unknown = JSON.parse(perfetto.text);
    // The file the browser downloads obeys the trace-event format and nests each service's spans (the same checker the unit tests use).
    expect(traceEventProblems(parsed)).toEqual([]);
    const events = (parsed as { traceEvents: { ph: string; name: string; tid: number; args?: { name?: string } }[] }).traceEvents;
    const tracks = events.filter((e) => e.ph === 'M' && e.name === 'thread_name').map((e) => e.args?.name ?? '');
    // A track per instance, plus the administrator's and the console's.
    expect(tracks.length).toBe(((await app.read('traceSummary'))?.instances ?? 0) + 2);
    for (const f of ['svc:/site/db:default', 'svc:/site/app:default']) expect(tracks.filter((t) => t === f || t.startsWith(`${f} (`)).length, f).toBe(1);
    expect(events.some((e) => e.ph === 'X')).toBe(true);
    expect(events.some((e) => e.ph === 'i')).toBe(true);
    const png = await save('png');
    expect(png.text.slice(1, 4)).toBe('PNG');
    // Framed with the title line and the legend: taller than the graph Cytoscape draws, and at least as wide.
    const bytes = Buffer.from(png.text, 'latin1');
    const size = { w: bytes.readUInt32BE(16), h: bytes.readUInt32BE(20) };
    const bare = await page.evaluate(async () => {
      const b = await window.__BOOTGRAPH__?.graphPng();
      if (b === undefined) return undefined;
      const bm = await createImageBitmap(b);
      return { w: bm.width, h: bm.height };
    });
    expect(bare).toBeDefined();
    expect(size.h).toBeGreaterThan((bare?.h ?? Infinity) + 60);
    expect(size.w).toBeGreaterThanOrEqual(bare?.w ?? Infinity);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(`${ARTIFACTS}/export-framed.png`, bytes);
  });

  test('the editor validates as you type and Apply re-simulates with an added service', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
    const nodes = await app.read('nodeCount');
    await page.getByTestId('editor.open').click();
    const text = page.getByTestId('editor.text');
    await expect(page.getByTestId('editor.status')).toContainText('Valid scenario');
    const original = await text.inputValue();

    // A syntax error: line and column, Apply disabled.
    await text.fill(original.replace('"services": [', '"services": [,'));
    await expect(page.getByTestId('editor.status')).toContainText('problem');
    await expect(page.getByTestId('editor.problem').first()).toContainText(/\d+:\d+/);
    await expect(page.getByTestId('editor.apply')).toBeDisabled();
    // A validation error names the JSON path.
    await text.fill(original.replace('"require_all"', '"require_most"'));
    await expect(page.getByTestId('editor.problems')).toContainText('.grouping');
    await expect(page.getByTestId('editor.problems')).toContainText('unknown grouping');
    await app.shot('editor-error');

    const doc = JSON.parse(original) as { services: unknown[] };
    doc.services.push({
      fmri: 'svc:/site/audit',
      common_name: 'audit log shipper',
      dependencies: [{ name: 'db', grouping: 'require_all', restart_on: 'none', targets: ['svc:/site/db:default'] }],
    });
    await text.fill(JSON.stringify(doc, null, 2));
    await expect(page.getByTestId('editor.status')).toContainText('Valid scenario');
    await page.getByTestId('editor.apply').click();
    await app.waitReady();
    expect(await app.read('sourceKind')).toBe('inline');
    await expect.poll(() => app.read('nodeCount')).toBe(nodes + 1);
    await app.call('end');
    expect(await app.read('getState', 'svc:/site/audit:default')).toBe('online');
    await app.shot('editor-applied');
    await page.getByTestId('editor.close').click();
    await expect(page.getByTestId('editor')).toHaveCount(0);
  });
});
