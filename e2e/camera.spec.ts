/**
 * The camera when the graph panel changes size (session 5): the outcome summary of the first change, a tour card
 * docking, a shorter window. If the user has not moved the camera since the last default view or framing, the view
 * is made again for the new size (GraphAdapter.resizeKeepingView), and the default view cuts no node in half at the
 * canvas's edge when a place exists that does not (legibility.ts leastCut); if the user moved it, their zoom stays and
 * the selection is kept in view. All read through Cytoscape's own API (window.__BOOTGRAPH_CY__ in e2e builds).
 */
import { expect, test, type Page } from '@playwright/test';
import { BootgraphApp } from './support/app.ts';

interface Placed {
  readonly id: string;
  /** The node's body (no halo, no label beyond it) inside the canvas. */
  readonly inside: boolean;
  /** Part of the body inside the canvas and part outside: the canvas edge cuts it. */
  readonly cut: boolean;
}

/** Every drawn node (not an open group's box) and where its body is against the canvas, once the camera is still. */
async function placed(page: Page): Promise<{ nodes: Placed[]; zoom: number; height: number }> {
  await page.waitForFunction(() => window.__BOOTGRAPH_CY__?.animated() === false);
  return page.evaluate(() => {
    const cy = window.__BOOTGRAPH_CY__;
    if (cy === undefined) throw new Error('no Cytoscape instance (not an e2e build?)');
    const w = cy.width();
    const h = cy.height();
    const nodes = cy
      .nodes()
      .toArray()
      .filter((n) => !n.isParent() && n.visible())
      .map((n) => {
        const p = n.renderedPosition();
        const x0 = p.x - n.renderedOuterWidth() / 2;
        const x1 = p.x + n.renderedOuterWidth() / 2;
        const y0 = p.y - n.renderedOuterHeight() / 2;
        const y1 = p.y + n.renderedOuterHeight() / 2;
        const inside = x0 >= 0 && y0 >= 0 && x1 <= w && y1 <= h;
        const outside = x1 <= 0 || y1 <= 0 || x0 >= w || y0 >= h;
        return { id: n.id(), inside, cut: !inside && !outside };
      });
    return { nodes, zoom: cy.zoom(), height: h };
  });
}

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
] as const;

for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('the first change adds the outcome summary above the graph: the view is made again for the shorter panel, no node cut at its edges', async ({ page }) => {
      const app = await BootgraphApp.open(page, '?preset=clearview-ipmp-first-boot');
      const before = await placed(page);
      expect(before.nodes.filter((n) => n.cut).map((n) => n.id), 'cut in the first view').toEqual([]);
      // devfsadm as soon as / is read-write: system/device/early-devlinks joins the graph and fails (the summary names it).
      await page.getByTestId('condition.devices.devfsadm-timing').locator('select').selectOption('root-rw');
      await expect(page.getByTestId('outcome')).toContainText('early-devlinks');
      await app.waitReady();
      const after = await placed(page);
      expect(after.height, 'the summary takes room from the graph').toBeLessThan(before.height);
      expect(after.nodes.filter((n) => n.cut).map((n) => n.id), 'cut by the canvas edge after the change').toEqual([]);
      // The story is still on screen: the new failure and the service it holds back.
      const byId = new Map(after.nodes.map((n) => [n.id, n]));
      for (const id of ['svc:/system/device/early-devlinks:default', 'svc:/network/physical:default']) expect(byId.get(id)?.inside, `${id} inside`).toBe(true);
      await app.shot(`camera/first-change-${size.width}x${size.height}`);
    });
  });
}

test.describe('a tour card docking', () => {
  test.use({ viewport: { width: 1366, height: 800 } });

  test('lesson-cycles step 1: the card docks above the graph and the three services of the cycle are framed in the shorter panel', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=lesson-cycles');
    await page.getByTestId('tour.start').click();
    await expect(page.getByTestId('tour.count')).toHaveText(/^Step 1 of/);
    const plan = await app.read('tourPlan');
    const spot = plan?.[0]?.spotlight ?? [];
    expect(spot.length, 'the step names the cycle').toBeGreaterThanOrEqual(3);
    for (const id of spot) await expect.poll(() => app.read('nodeClasses', id), { message: `${id} spotlit` }).toContain('spot');
    await expect
      .poll(async () => {
        const v = await placed(page);
        return spot.filter((id) => v.nodes.find((n) => n.id === id)?.inside !== true);
      }, { message: 'spotlit services outside the view' })
      .toEqual([]);
    await app.shot('camera/lesson-cycles-step-1-1366x800');
  });
});

test.describe('a camera the user moved', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('keeps its zoom when the panel gets shorter, and the selection is kept in view', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=clearview-ipmp-first-boot');
    const id = 'svc:/network/physical:default';
    await app.call('select', id);
    await expect.poll(() => app.read('nodeClasses', id)).toContain('selected');
    // The user zooms in with the wheel over the graph (a user's camera, which a resize keeps).
    const box = await page.getByTestId('graph.canvas').boundingBox();
    if (box === null) throw new Error('no canvas');
    const zoom0 = (await placed(page)).zoom;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let k = 0; k < 3; k++) await page.mouse.wheel(0, -300);
    await expect.poll(async () => (await placed(page)).zoom).toBeGreaterThan(zoom0 * 1.1);
    await expect.poll(() => app.read('camera')).toBeDefined();
    // …and drags the selection up against the top edge of the canvas (the camera is theirs: moved by the pan).
    await page.evaluate((nodeId) => {
      const cy = window.__BOOTGRAPH_CY__;
      const n = cy?.getElementById(nodeId);
      if (cy === undefined || n === undefined || n.empty()) throw new Error(`${nodeId} is not drawn`);
      cy.panBy({ x: cy.width() / 2 - n.renderedPosition().x, y: 4 + n.renderedOuterHeight() / 2 - n.renderedPosition().y });
    }, id);
    const moved = await placed(page);
    expect(moved.nodes.find((n) => n.id === id)?.inside).toBe(true);
    // The window gets shorter: the graph panel loses height, the centre of the view would keep the selection above it.
    await page.setViewportSize({ width: 1366, height: 680 });
    await expect.poll(async () => (await placed(page)).height).toBeLessThan(moved.height - 40);
    const after = await placed(page);
    expect(after.zoom, 'the user’s zoom is kept').toBeCloseTo(moved.zoom, 6);
    expect(after.nodes.find((n) => n.id === id)?.inside, 'the selection is kept in view').toBe(true);
    await app.shot('camera/user-camera-shorter-1366x680');
  });
});
