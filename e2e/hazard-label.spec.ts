/**
 * A hazard edge's label is drawn where it covers no node (graph-view/hazard-label.ts): in the flagship at the end of
 * the boot, network/physical selected, the dashed edge to system/device/local (the two drawn side by side) is named
 * "/dev/ipmpstub", and that name lay half under system/device/local's label. Read through Cytoscape's own bounds of the
 * label and the nodes (window.__BOOTGRAPH_CY__ in e2e builds).
 */
import { expect, test } from '@playwright/test';
import { BootgraphApp } from './support/app.ts';

for (const size of [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
] as const) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('the flagship\'s hazard label "/dev/ipmpstub" covers no service, and is on screen', async ({ page }) => {
      const app = await BootgraphApp.open(page, '?preset=clearview-ipmp-first-boot');
      await app.call('end');
      await app.call('select', 'svc:/network/physical:default');
      const covered = () =>
        page.evaluate(() => {
          const cy = window.__BOOTGRAPH_CY__;
          const edge = cy?.edges('.hazard').first();
          if (cy === undefined || edge === undefined || edge.empty() || cy.animated()) return undefined;
          const l = edge.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
          const hits = cy
            .nodes()
            .toArray()
            .filter((n) => !n.isParent() && n.visible())
            .filter((n) => {
              const b = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
              return l.x1 < b.x2 && l.x2 > b.x1 && l.y1 < b.y2 && l.y2 > b.y1;
            })
            .map((n) => n.id());
          return { label: String(edge.data('label')), hits, onScreen: l.x1 >= 0 && l.y1 >= 0 && l.x2 <= cy.width() && l.y2 <= cy.height() };
        });
      await expect.poll(covered).toEqual({ label: '/dev/ipmpstub', hits: [], onScreen: true });
      await app.shot(`hazard-label/flagship-physical-${size.width}x${size.height}`);
    });
  });
}
