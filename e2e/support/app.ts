/**
 * Page objects for the e2e specs. A spec drives the app the way a person
 * does (through these objects' locators and actions) and reads the
 * session's state through the typed bridge (window.__BOOTGRAPH__). Reads wait
 * until the run on screen is the document's (the simulation runs in a worker,
 * so a change re-simulates a moment later): a spec never sleeps, it waits on
 * state (`expect.poll`, locator assertions, `read`).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BootgraphBridge } from '../../src/testing/e2e-bridge.ts';

export const ARTIFACTS = 'e2e-artifacts';

type Fn = { [K in keyof BootgraphBridge]: BootgraphBridge[K] extends (...args: infer A) => infer R ? (...args: A) => R : never };
type Result<K extends keyof Fn> = Awaited<ReturnType<Fn[K]>>;

/** Call a bridge method in the page, as it is now. */
function call<K extends keyof Fn>(page: Page, name: K, args: Parameters<Fn[K]>): Promise<Result<K>> {
  return page.evaluate(
    ([n, a]) => {
      const b = window.__BOOTGRAPH__;
      if (b === undefined) throw new Error('no __BOOTGRAPH__ bridge (not an e2e build?)');
      const f = b[n as keyof BootgraphBridge] as (...x: unknown[]) => unknown;
      return f(...(a as unknown[]));
    },
    [name, args] as const,
  ) as Promise<Result<K>>;
}

/** The run on screen is the document's (nothing loading or simulating). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__BOOTGRAPH__?.ready() === true, null, { timeout: 30_000 });
}

/** The run is settled and the graph is laid out. */
async function laidOut(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__BOOTGRAPH__?.ready() === true && window.__BOOTGRAPH__.layoutDone(), null, { timeout: 30_000 });
}

/** The run is settled and, if the graph is on screen (not the table or the comparison), it is laid out. */
async function still(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const b = window.__BOOTGRAPH__;
      return b?.ready() === true && (b.layoutInfo() === undefined || b.layoutDone());
    },
    null,
    { timeout: 30_000 },
  );
}

/** Two animation frames: whatever the last change asked to draw has been drawn. */
async function drawn(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

export class Transport {
  readonly play: Locator;
  readonly back: Locator;
  readonly forward: Locator;
  readonly speed: Locator;
  readonly scrubber: Locator;
  readonly time: Locator;
  readonly event: Locator;

  constructor(page: Page) {
    this.play = page.getByTestId('transport.play');
    this.back = page.getByTestId('transport.back');
    this.forward = page.getByTestId('transport.forward');
    this.speed = page.getByTestId('transport.speed');
    this.scrubber = page.getByTestId('transport.scrubber');
    this.time = page.getByTestId('transport.time');
    this.event = page.getByTestId('transport.event');
  }

  /** Type an instant into the time box and press Enter. */
  async typeTime(t: number | string): Promise<void> {
    await this.time.click();
    await this.time.fill(String(t));
    await this.time.press('Enter');
  }
}

export class GraphView {
  readonly canvas: Locator;
  readonly status: Locator;

  constructor(private readonly app: BootgraphApp) {
    this.canvas = app.page.getByTestId('graph.canvas');
    this.status = app.page.getByTestId('layout.status');
  }

  /** Click a node where the canvas draws it. */
  async clickNode(id: string): Promise<void> {
    const p = await this.app.read('nodeClientPosition', id);
    if (p === undefined) throw new Error(`node ${id} is not drawn`);
    await this.app.page.mouse.click(p.x, p.y);
  }

  classesOf(id: string): Promise<string[]> {
    return this.app.read('nodeClasses', id);
  }
}

export class BootgraphApp {
  readonly transport: Transport;
  readonly graph: GraphView;

  constructor(readonly page: Page) {
    this.transport = new Transport(page);
    this.graph = new GraphView(this);
  }

  /** Open the app (optionally with a query or fragment) and wait until the run is on screen and laid out; no page errors on the way. */
  static async open(page: Page, query = ''): Promise<BootgraphApp> {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`/${query}`);
    const app = new BootgraphApp(page);
    await app.waitReady();
    expect(errors).toEqual([]);
    return app;
  }

  /** Until the run on screen is the document's and the graph is laid out. */
  waitReady(): Promise<void> {
    return laidOut(this.page);
  }

  /** Read the session through the bridge, once the run on screen is the document's. */
  async read<K extends keyof Fn>(name: K, ...args: Parameters<Fn[K]>): Promise<Result<K>> {
    await settled(this.page);
    return call(this.page, name, args);
  }

  /** Act through the bridge (select, seek, open), once the run on screen is the document's, as a person would wait to see it. */
  async call<K extends keyof Fn>(name: K, ...args: Parameters<Fn[K]>): Promise<Result<K>> {
    await settled(this.page);
    return call(this.page, name, args);
  }

  testId(id: string): Locator {
    return this.page.getByTestId(id);
  }

  async importScenario(path: string): Promise<void> {
    await this.page.getByTestId('import.file').setInputFiles(path);
    await expect(this.page.getByTestId('toast')).toContainText('Imported');
    await this.waitReady();
  }

  /**
   * The default scenario at an interesting instant, from its trace: the first
   * failure, else the first service knocked offline, else mid-boot; the
   * service selected and its neighbourhood in focus (the README screenshot).
   */
  async showInterestingInstant(): Promise<void> {
    const changes = (await this.read('traceSummary'))?.changes ?? [];
    const hit = changes.find((c) => c.to === 'maintenance') ?? changes.find((c) => c.from === 'online' && c.to !== 'online') ?? changes[Math.floor(changes.length / 2)];
    if (hit !== undefined) {
      await this.transport.typeTime(hit.t + (hit.to === 'maintenance' ? 0 : 10));
      await this.call('select', hit.fmri);
    }
    // A failure: the failed service and what it needed (readable at 1366×768); otherwise the path svcs -xv follows.
    await this.page.getByTestId('focus.mode').selectOption(hit?.to === 'maintenance' ? 'dependencies' : 'cause');
    await this.page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
  }

  /** Save a screenshot under e2e-artifacts/ (never into the source tree). */
  async shot(name: string): Promise<void> {
    const path = `${ARTIFACTS}/${name}.png`;
    mkdirSync(dirname(path), { recursive: true });
    await still(this.page);
    await drawn(this.page);
    await this.page.screenshot({ path });
  }
}

export { drawn };
