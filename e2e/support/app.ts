/**
 * Page helpers for the e2e specs: open a scenario, read the typed bridge
 * (window.__BOOTGRAPH__), click graph nodes, save screenshots.
 */
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BootgraphBridge } from '../../src/testing/e2e-bridge.ts';

export const ARTIFACTS = 'e2e-artifacts';

type Fn = { [K in keyof BootgraphBridge]: BootgraphBridge[K] extends (...args: infer A) => infer R ? (...args: A) => R : never };

/** Call a bridge method in the page. */
export async function bridge<K extends keyof Fn>(page: Page, name: K, ...args: Parameters<Fn[K]>): Promise<Awaited<ReturnType<Fn[K]>>> {
  return page.evaluate(
    ([n, a]) => {
      const b = window.__BOOTGRAPH__;
      if (b === undefined) throw new Error('no __BOOTGRAPH__ bridge (not an e2e build?)');
      const f = b[n as keyof BootgraphBridge] as (...x: unknown[]) => unknown;
      return f(...(a as unknown[]));
    },
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<Fn[K]>>>;
}

/** Open the app (optionally a preset) and wait until the run is on screen and laid out. */
export async function open(page: Page, query = ''): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`/${query}`);
  await page.waitForFunction(() => window.__BOOTGRAPH__?.ready() === true && window.__BOOTGRAPH__.layoutDone(), null, { timeout: 30_000 });
  expect(errors).toEqual([]);
}

export async function waitLaidOut(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__BOOTGRAPH__?.ready() === true && window.__BOOTGRAPH__.layoutDone(), null, { timeout: 30_000 });
}

export async function importScenario(page: Page, path: string): Promise<void> {
  await page.getByTestId('import.file').setInputFiles(path);
  await expect(page.getByTestId('toast')).toContainText('Imported');
  await waitLaidOut(page);
}

/** Click a node where the canvas draws it. */
export async function clickNode(page: Page, id: string): Promise<void> {
  const p = await bridge(page, 'nodeClientPosition', id);
  if (p === undefined) throw new Error(`node ${id} is not drawn`);
  await page.mouse.click(p.x, p.y);
}

export async function typeTime(page: Page, t: number | string): Promise<void> {
  const box = page.getByTestId('transport.time');
  await box.click();
  await box.fill(String(t));
  await box.press('Enter');
}

export async function shot(page: Page, name: string): Promise<void> {
  const path = `${ARTIFACTS}/${name}.png`;
  mkdirSync(dirname(path), { recursive: true });
  // Let colour transitions and the playhead settle.
  await page.waitForTimeout(300);
  await page.screenshot({ path });
}
