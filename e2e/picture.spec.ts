/**
 * The graph's picture first (issue 16, src/session/picture.ts): after a
 * change, the graph shows the new run before the panels render it, and once
 * settled the picture and the panels say the same thing.
 */
import { expect, test, type Page } from '@playwright/test';
import { BootgraphApp } from './support/app.ts';

const APP = 'svc:/site/app:default';

/** In the page: log 'graph' when the canvas first draws `id` in another state, 'panel' when the inspector's or outcome's DOM first shows the change. */
function watchOrder(page: Page, id: string): Promise<void> {
  return page.evaluate((watched) => {
    interface Cy {
      getElementById(id: string): { data(key: string): unknown };
      on(event: 'render', fn: () => void): void;
      off(event: 'render', fn: () => void): void;
    }
    const cy = (window as unknown as { __BOOTGRAPH_CY__?: Cy }).__BOOTGRAPH_CY__;
    if (cy === undefined) throw new Error('no graph');
    const log: string[] = [];
    (window as unknown as { __order: string[] }).__order = log;
    const drawnWas = cy.getElementById(watched).data('state');
    const onRender = (): void => {
      if (cy.getElementById(watched).data('state') === drawnWas) return;
      log.push('graph');
      cy.off('render', onRender);
    };
    cy.on('render', onRender);
    const badge = (): string | null | undefined => document.querySelector('[data-testid="inspector"] [data-state]')?.getAttribute('data-state');
    const badgeWas = badge();
    const mo = new MutationObserver(() => {
      if (badge() === badgeWas && document.querySelector('[data-testid="outcome"]') === null) return;
      log.push('panel');
      mo.disconnect();
    });
    mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  }, id);
}

/** Every service node drawn as itself, with the state it is drawn in (Cytoscape's data, as drawn). */
function drawnStates(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    interface Node {
      id(): string;
      data(key: string): unknown;
    }
    const cy = (window as unknown as { __BOOTGRAPH_CY__?: { nodes(sel: string): { map<T>(f: (n: Node) => T): T[] } } }).__BOOTGRAPH_CY__;
    if (cy === undefined) throw new Error('no graph');
    return Object.fromEntries(cy.nodes('.k-instance').map((n) => [n.id(), String(n.data('state'))]));
  });
}

test.describe('the picture first', () => {
  test('a change is drawn on the graph before the panels render it', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
    await page.getByTestId('collapse.mode').selectOption('none');
    await app.transport.typeTime(3000);
    await app.call('select', APP);
    await expect(page.getByTestId('inspector.fmri')).toHaveText(APP);
    expect(await app.read('getState', APP)).toBe('online');
    await watchOrder(page, APP);
    await page.getByTestId('condition.boot.mode').getByRole('combobox').selectOption({ label: 'boot -m milestone=none' });
    await expect(page.getByTestId('outcome.text')).toContainText('end differently');
    expect(await app.read('getState', APP)).not.toBe('online');
    // The frame that first drew site/app in its new state came before any panel showed the change.
    await expect.poll(() => page.evaluate(() => (window as unknown as { __order: string[] }).__order)).toEqual(['graph', 'panel']);
  });

  test('once settled, the graph and the panels show the same states, and the changed services are marked', async ({ page }) => {
    const app = await BootgraphApp.open(page);
    await page.getByTestId('collapse.mode').selectOption('none');
    await app.waitReady();
    await app.transport.typeTime(await app.read('endTime'));
    const before = await drawnStates(page);
    await page.getByTestId('condition.boot.mode').getByRole('combobox').selectOption({ label: 'boot -m milestone=none' });
    await expect(page.getByTestId('outcome.text')).toContainText('end differently');
    await app.waitReady();
    const drawn = await drawnStates(page);
    expect(drawn).not.toEqual(before);
    // The outcome summary's services are marked on the graph.
    const changed = await page.getByTestId('outcome.item').evaluateAll((els) => els.map((e) => e.getAttribute('data-fmri') ?? ''));
    expect(changed.length).toBeGreaterThan(0);
    for (const fmri of changed) expect(await app.graph.classesOf(fmri), fmri).toContain('changed');
    // The inspector of a changed service shows the state the graph draws.
    const first = changed[0] ?? '';
    await app.call('select', first);
    await expect(page.locator('[data-testid="inspector"] [data-state]').first()).toHaveAttribute('data-state', drawn[first] ?? '');
    // The table (a panel rendered from the same frame) lists every service in the state the graph drew it in.
    await page.getByTestId('view.table').click();
    const rows = page.getByTestId('state.table').locator('tbody tr[data-fmri]');
    await expect(rows).toHaveCount(Object.keys(drawn).length);
    const listed = await rows.evaluateAll((trs) => Object.fromEntries(trs.map((tr) => [tr.getAttribute('data-fmri') ?? '', tr.querySelector('[data-state]')?.getAttribute('data-state') ?? ''])));
    expect(listed).toEqual(drawn);
  });
});
