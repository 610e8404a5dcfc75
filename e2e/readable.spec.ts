/**
 * Issue 12: a graph you can read on any screen. Every preset, at 1366×768
 * and at 1024×768, opens with every label drawn on screen at least 11 px
 * tall (Cytoscape's font size × zoom, device pixel ratio 1), and the
 * scenario's failed services, their root causes and causal chains, and its milestones inside the viewport and
 * labelled; the page never scrolls sideways at 1024. All read through
 * Cytoscape's own API (window.__BOOTGRAPH_CY__ in e2e builds). Each first
 * view is saved under e2e-artifacts/readable/ (not committed) to be looked at.
 */
import { expect, test, type Page } from '@playwright/test';
import { presets } from '../src/scenarios/catalog.ts';
import { BootgraphApp } from './support/app.ts';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
] as const;

const MIN_LABEL_PX = 11;

interface Drawn {
  readonly id: string;
  readonly label: string;
  /** font size × zoom, in CSS px. */
  readonly px: number;
  /** Cytoscape hides labels drawn smaller than this (px). */
  readonly minZoomedPx: number;
  readonly onScreen: boolean;
  readonly inside: boolean;
  readonly isParent: boolean;
  /** The label's widest line, measured in the label's own font, and its lines' height fit inside the node (graph units). */
  readonly labelFits: boolean;
  /** The node's body (no halo) is partly inside the canvas and partly outside: the canvas's edge cuts it. */
  readonly cut: boolean;
}

/** Every node as Cytoscape draws it now, and the container's size. */
async function drawn(page: Page): Promise<{ nodes: Drawn[]; zoom: number; width: number; height: number }> {
  return page.evaluate(() => {
    const cy = window.__BOOTGRAPH_CY__;
    if (cy === undefined) throw new Error('no Cytoscape instance (not an e2e build?)');
    const w = cy.width();
    const h = cy.height();
    const zoom = cy.zoom();
    const ctx = document.createElement('canvas').getContext('2d');
    const nodes = cy.nodes().map((n) => {
      const bb = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false });
      const font = Number.parseFloat(String(n.style('font-size')));
      const minZoomed = Number.parseFloat(String(n.style('min-zoomed-font-size')));
      const lines = String(n.style('label') ?? '').split('\n');
      if (ctx !== null) ctx.font = `${String(n.style('font-weight'))} ${font}px ${String(n.style('font-family'))}`;
      const widest = Math.max(...lines.map((l) => ctx?.measureText(l).width ?? 0));
      const lineHeight = Number.parseFloat(String(n.style('line-height')));
      const at = n.renderedPosition();
      const [hw, hh] = [n.renderedOuterWidth() / 2, n.renderedOuterHeight() / 2];
      const whole = at.x - hw >= 0 && at.y - hh >= 0 && at.x + hw <= w && at.y + hh <= h;
      const away = at.x + hw <= 0 || at.y + hh <= 0 || at.x - hw >= w || at.y - hh >= h;
      return {
        id: n.id(),
        label: String(n.style('label') ?? ''),
        px: font * zoom,
        minZoomedPx: Number.isFinite(minZoomed) ? minZoomed : 0,
        onScreen: bb.x2 > 0 && bb.y2 > 0 && bb.x1 < w && bb.y1 < h && n.visible(),
        inside: bb.x1 >= 0 && bb.y1 >= 0 && bb.x2 <= w && bb.y2 <= h,
        isParent: n.isParent(),
        labelFits: widest <= n.width() && lines.length * font * lineHeight <= n.height() + 1,
        cut: n.visible() && !whole && !away,
      };
    });
    return { nodes, zoom, width: w, height: h };
  });
}

/** The hops of each "Path:" of an `svcs -xv` text (first line "  Path: a", then one deeper-indented hop a line). */
function pathsOf(verbose: string): string[][] {
  const paths: string[][] = [];
  let path: string[] | undefined;
  for (const line of verbose.split('\n')) {
    const first = /^\s*Path: (\S+)\s*$/.exec(line);
    const hop = /^ {10,}(\S+)\s*$/.exec(line);
    if (first?.[1] !== undefined) paths.push((path = [first[1]]));
    else if (path !== undefined && hop?.[1] !== undefined) path.push(hop[1]);
    else path = undefined;
  }
  return paths;
}

/**
 * What the scenario is about: the services the trace says failed (maintenance
 * or degraded at some instant), their root causes at the end of the boot,
 * every milestone (the stages of the boot), and the causal chain: the hops of
 * each `svcs -xv` path from a milestone to one of those failures or causes.
 */
async function keyServices(app: BootgraphApp): Promise<string[]> {
  const summary = await app.read('traceSummary');
  const failed = [...new Set((summary?.changes ?? []).filter((c) => c.to === 'maintenance' || c.to === 'degraded').map((c) => c.fmri))];
  await app.call('end');
  const key = new Set<string>(failed);
  for (const f of failed) for (const c of (await app.read('explanation', f))?.rootCauses ?? []) key.add(c);
  const culprits = new Set(key);
  const milestones = Object.keys(await app.read('states')).filter((fmri) => fmri.startsWith('svc:/milestone/'));
  for (const m of milestones) {
    key.add(m);
    for (const path of pathsOf((await app.read('explanation', m))?.verbose ?? '')) {
      const end = path[path.length - 1];
      if (end !== undefined && culprits.has(end)) for (const hop of path) if (hop.startsWith('svc:/')) key.add(hop);
    }
  }
  await app.call('home');
  return [...key];
}

/** Starts the flagship's tour; the graph's area during the tour as a share of its area before. */
async function graphAreaKeptByTour(page: Page): Promise<number> {
  const before = await page.getByTestId('graph.stage').boundingBox();
  await page.getByTestId('tour.start').click();
  await expect(page.getByTestId('tour.panel')).toBeVisible();
  const during = await page.getByTestId('graph.stage').boundingBox();
  if (before === null || during === null) throw new Error('the graph stage has no box');
  return (during.width * during.height) / (before.width * before.height);
}

for (const size of SIZES) {
  test.describe(`readable first view at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    for (const p of presets()) {
      test(`${p.id}: labels ≥ ${MIN_LABEL_PX} px, failed services, root causes, causal chains and milestones on screen`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: 'light' });
        const app = await BootgraphApp.open(page, `?preset=${p.id}`);
        await app.shot(`readable/${p.id}-${size.width}x${size.height}`);
        const view = await drawn(page);
        expect(view.width, 'the graph keeps at least half the width').toBeGreaterThanOrEqual(size.width / 2);
        const shown = view.nodes.filter((n) => n.onScreen && !n.isParent && n.label.trim() !== '');
        expect(shown.length, 'something is drawn').toBeGreaterThan(0);
        const small = shown.filter((n) => n.px < MIN_LABEL_PX - 1e-6).map((n) => `${n.id}: ${n.px.toFixed(1)} px`);
        expect(small, 'labels drawn under 11 px').toEqual([]);
        // No label runs past its box (a group's summary is wrapped, and cut with "…" when too long: to-elements.ts fitSummary).
        expect(view.nodes.filter((n) => !n.isParent && !n.labelFits).map((n) => `${n.id}: ${n.label}`), 'labels past their box').toEqual([]);
        // No service or group is cut in half by the canvas's edge: each is shown whole or left out (the story view fits
        // the panel's width: layout-elk.ts PANEL_FIT_WIDTH; the camera slides to leave the rest out: legibility.ts leastCut).
        expect(view.nodes.filter((n) => !n.isParent && n.cut).map((n) => n.id), 'cut by the canvas edge').toEqual([]);
        // The story: the failed services, their root causes, the chains from a milestone to them and the milestones are drawn inside the viewport, labelled.
        const byId = new Map(view.nodes.map((n) => [n.id, n]));
        for (const id of await keyServices(app)) {
          const n = byId.get(id);
          expect(n, `${id} is drawn as itself`).toBeDefined();
          expect(n?.inside, `${id} is inside the viewport`).toBe(true);
          expect((n?.px ?? 0) >= MIN_LABEL_PX && (n?.px ?? 0) >= (n?.minZoomedPx ?? 0), `${id} is labelled`).toBe(true);
        }
        // No horizontal scroll of the page.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      });
    }

    test('search "inetd" ranks network/inetd:default first and selects it, keeping matches labelled', async ({ page }) => {
      const app = await BootgraphApp.open(page);
      const box = page.getByTestId('search');
      await box.fill('inetd');
      const results = page.getByTestId('search.results').getByRole('option');
      await expect(results.first()).toContainText('network/inetd');
      await expect(results.first()).not.toContainText('inetd-upgrade');
      await box.press('Enter');
      await expect.poll(() => app.read('selected')).toBe('svc:/network/inetd:default');
      // The selection is brought into view at a legible zoom.
      await expect
        .poll(async () => {
          const v = await drawn(page);
          const n = v.nodes.find((x) => x.id === 'svc:/network/inetd:default');
          return n !== undefined && n.inside && n.px >= MIN_LABEL_PX;
        })
        .toBe(true);
      const view = await drawn(page);
      const small = view.nodes.filter((n) => n.onScreen && !n.isParent && n.label.trim() !== '' && n.px < MIN_LABEL_PX - 1e-6);
      expect(small.map((n) => n.id)).toEqual([]);
      await app.shot(`readable/search-inetd-${size.width}x${size.height}`);
    });
  });
}

test.describe('navigating the graph and the page on real screens', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('an imported ~200-service graph opens readable too; the inspector and the Compare table fit their columns', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=demo-restart-on');
    await app.importScenario('fixtures/graphs/illumos-2025.json');
    const view = await drawn(page);
    const small = view.nodes.filter((n) => n.onScreen && !n.isParent && n.label.trim() !== '' && n.px < MIN_LABEL_PX - 1e-6);
    expect(small.map((n) => n.id)).toEqual([]);
    // Every milestone of the boot is framed (laid out downward, the story fits the panel).
    const milestones = view.nodes.filter((n) => n.id.startsWith('svc:/milestone/'));
    expect(milestones.length).toBeGreaterThan(5);
    expect(milestones.filter((n) => !n.inside).map((n) => n.id)).toEqual([]);
    await app.shot('readable/imported-illumos-2025-1366x768');
    // The inspector (svcs -xv block open) scrolls only vertically.
    await BootgraphApp.open(page, '?preset=clearview-ipmp-first-boot');
    await app.call('end');
    await app.call('select', 'svc:/network/physical:default');
    const inspector = page.locator('#panel-right');
    await expect(inspector).toContainText('network/physical');
    await inspector.getByText('svcs -xv output').click();
    const sideways = await inspector.evaluate((el) => [...el.querySelectorAll('*')].filter((x) => x.scrollWidth > x.clientWidth + 1 && getComputedStyle(x).overflowX !== 'auto' && getComputedStyle(x).overflowX !== 'hidden' && getComputedStyle(x).overflowX !== 'scroll' && x.clientWidth > 0).length);
    expect(sideways).toBe(0);
    expect(await inspector.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    // Compare: every cell's content stays inside its column.
    await page.getByTestId('view.compare').click();
    const rows = page.getByTestId('compare.row');
    await expect(rows.first()).toBeVisible();
    const spill = await page.getByTestId('compare.table').evaluate((t) =>
      [...t.querySelectorAll('td')].slice(0, 60).filter((td) => [...td.children].some((c) => c.getBoundingClientRect().right > td.getBoundingClientRect().right + 0.5)).length,
    );
    expect(spill).toBe(0);
    await app.shot('readable/compare-1366x768');
  });

  test('skip link, arrow keys along dependencies, Enter opens the inspector; a click on a group opens it', async ({ page }) => {
    const app = await BootgraphApp.open(page);
    // The first Tab stop skips to the graph.
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('skip.graph')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('graph.stage')).toBeFocused();
    // ↓ from nothing selects the first service of the story; ↑ and ↓ follow edges drawn from it.
    await page.keyboard.press('ArrowDown');
    const first = await app.read('selected');
    expect(first).toBe('svc:/network/physical:default');
    await page.keyboard.press('ArrowDown');
    const dependent = await app.read('selected');
    expect(dependent).not.toBe(first);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => app.read('selected')).not.toBe(dependent);
    // Enter on a service (not a group: Enter opens a group) moves to the inspector.
    await app.call('select', 'svc:/network/physical:default');
    await page.getByTestId('graph.stage').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#panel-right :focus')).toHaveCount(1);
    await app.shot('readable/keyboard-1366x768');
    // A click on a closed group (on the first view) opens it: its services are drawn, inside it.
    await BootgraphApp.open(page);
    const group = 'group:stage:svc:/milestone/single-user:default';
    const members = await page.evaluate((g) => window.__BOOTGRAPH_CY__?.getElementById(g).data('title') as string | undefined, group);
    expect(members).toContain('summarised');
    await app.graph.clickNode(group);
    await expect.poll(() => page.evaluate((g) => window.__BOOTGRAPH_CY__?.getElementById(g).children().length ?? 0, group)).toBeGreaterThan(0);
    await expect.poll(() => app.read('layoutDone')).toBe(true);
    // Its name and summary: a node of the group above its members (drawn over the edges that leave through it), none on the box itself.
    const title = `title:${group}`;
    const placed = await page.evaluate(
      ([g, t]) => {
        const cy = window.__BOOTGRAPH_CY__;
        if (cy === undefined) return undefined;
        // Boxes from position and size (a selection outline around the title is drawn outside its box).
        const box = (id: string): { y1: number; y2: number } => {
          const n = cy.getElementById(id);
          return { y1: n.position().y - Number(n.data('h')) / 2, y2: n.position().y + Number(n.data('h')) / 2 };
        };
        const title = cy.getElementById(t);
        const members = cy.getElementById(g).children().filter((m) => m.id() !== t);
        const top = Math.min(...members.map((m) => box(m.id()).y1));
        return { groupLabel: String(cy.getElementById(g).style('label')), titleLabel: String(title.style('label')), above: box(t).y2 < top, members: members.length };
      },
      [group, title] as const,
    );
    expect(placed?.groupLabel).toBe('');
    expect(placed?.titleLabel).toContain('needed by single-user');
    expect(placed?.above).toBe(true);
    expect(placed?.members).toBeGreaterThan(0);
    await app.shot('readable/group-open-1366x768');
    // A click on the title selects the group (its inspector offers to close it).
    await app.graph.clickNode(title);
    await expect.poll(() => app.read('selected')).toBe(group);
    await expect(page.locator('#panel-right').getByRole('button', { name: 'Close the group' })).toBeVisible();
  });

  test('a tour keeps at least 60% of the graph, and the control a step names is scrolled into view and outlined', async ({ page }) => {
    const app = await BootgraphApp.open(page);
    expect(await graphAreaKeptByTour(page)).toBeGreaterThanOrEqual(0.6);
    // The flagship's tour says "Press Next boot" at one step: that step outlines the button.
    for (let k = 0; k < 12; k++) {
      if ((await page.getByTestId('tour.text').textContent())?.includes('Next boot') === true) break;
      const next = page.getByTestId('tour.next');
      if ((await next.count()) === 0) break;
      await next.click();
    }
    await expect(page.getByTestId('tour.text')).toContainText('Next boot');
    const button = page.getByTestId('boot.next');
    await expect(button).toHaveAttribute('data-tour-highlight', 'true');
    await expect(button).toBeInViewport();
    await app.shot('readable/tour-next-boot-1366x768');
  });

  test('the four mission conditions are visible without scrolling the left panel', async ({ page }) => {
    await BootgraphApp.open(page, '?preset=clearview-ipmp-first-boot');
    for (const id of ['devices.devfsadm-timing', 'filesystems.root', 'filesystems.var', 'network.ipmp']) {
      await expect(page.getByTestId(`condition.${id}`).locator('select, button').first(), id).toBeInViewport({ ratio: 1 });
    }
    expect(await page.locator('#panel-left .ui-scroll').first().evaluate((el) => el.scrollTop)).toBe(0);
  });

  test('in a focus mode, choosing the mode frames the lit services; selecting another one already in view keeps the camera', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=clearview-ipmp-first-boot');
    await app.call('end');
    await app.call('select', 'svc:/network/physical:default');
    await page.getByTestId('focus.mode').selectOption('dependents');
    await expect.poll(() => app.read('nodeClasses', 'svc:/network/physical:default')).toContain('hl');
    const still = (): Promise<{ zoom: number; x: number; y: number } | undefined> =>
      page.evaluate(() => {
        const cy = window.__BOOTGRAPH_CY__;
        return cy === undefined || cy.animated() ? undefined : { zoom: cy.zoom(), x: cy.pan().x, y: cy.pan().y };
      });
    await expect.poll(still).toBeDefined();
    // The lit services are framed, the selection among them, legibly.
    const before = await still();
    const view = await drawn(page);
    const physical = view.nodes.find((n) => n.id === 'svc:/network/physical:default');
    expect(physical?.inside).toBe(true);
    expect(view.zoom * 11).toBeGreaterThanOrEqual(MIN_LABEL_PX);
    // Another lit service that is in view with every service it is drawn joined to.
    const next = await page.evaluate(() => {
      const cy = window.__BOOTGRAPH_CY__;
      if (cy === undefined) return undefined;
      const ext = cy.extent();
      const inside = (n: cytoscape.NodeSingular): boolean => {
        const b = n.boundingBox({ includeLabels: false, includeOverlays: false });
        return b.x1 >= ext.x1 && b.x2 <= ext.x2 && b.y1 >= ext.y1 && b.y2 <= ext.y2;
      };
      return cy
        .nodes('.hl')
        .filter((n) => n.id().startsWith('svc:/') && !n.hasClass('selected') && !n.isParent() && inside(n) && n.neighborhood().nodes().toArray().every((m) => m.isParent() || inside(m)))
        .map((n) => n.id())[0];
    });
    expect(next, 'a lit service in view with its neighbours').toBeDefined();
    if (next === undefined) return;
    await app.call('select', next);
    await expect.poll(() => app.read('nodeClasses', next)).toContain('selected');
    // The selection's effects have run with its classes: no refit was started, the camera is where it was.
    expect(await still()).toEqual(before);
    await app.shot('readable/focus-dependents-1366x768');
  });

  test('a node tooltip stays inside the canvas, even for a node at its top edge', async ({ page }) => {
    await BootgraphApp.open(page, '?preset=clearview-ipmp-first-boot');
    // The labelled node drawn nearest the top of the canvas (its tooltip has no room above it).
    const top = await page.evaluate(() => {
      const cy = window.__BOOTGRAPH_CY__;
      if (cy === undefined) return undefined;
      const box = cy.container()?.getBoundingClientRect();
      const nodes = cy
        .nodes()
        .map((n) => ({ parent: n.isParent(), ...n.renderedPosition() }))
        .filter((n) => !n.parent && n.y > 0 && n.x > 0 && n.x < cy.width());
      const n = nodes.sort((a, b) => a.y - b.y)[0];
      return n === undefined || box === undefined ? undefined : { x: box.left + n.x, y: box.top + Math.max(4, n.y) };
    });
    expect(top).toBeDefined();
    if (top === undefined) return;
    await page.mouse.move(top.x, top.y);
    const tip = page.getByTestId('graph.tooltip');
    await expect(tip).toBeVisible();
    const stage = await page.getByTestId('graph.stage').boundingBox();
    await expect
      .poll(async () => {
        const b = await tip.boundingBox();
        return b !== null && stage !== null && b.x >= stage.x && b.y >= stage.y && b.x + b.width <= stage.x + stage.width && b.y + b.height <= stage.y + stage.height;
      })
      .toBe(true);
  });

  test('after a window resize to 1024 the view is framed again: labels still ≥ 11 px, the failure still inside', async ({ page }) => {
    const app = await BootgraphApp.open(page, '?preset=clearview-ipmp-first-boot');
    await app.call('end');
    await page.setViewportSize({ width: 1024, height: 768 });
    await expect
      .poll(async () => {
        const v = await drawn(page);
        const small = v.nodes.filter((n) => n.onScreen && !n.isParent && n.label.trim() !== '' && n.px < MIN_LABEL_PX - 1e-6);
        const physical = v.nodes.find((n) => n.id === 'svc:/network/physical:default');
        return small.length === 0 && physical?.inside === true && v.width < 1000;
      })
      .toBe(true);
    await app.shot('readable/resized-to-1024x768');
  });
});

test.describe('drawers at 1024×768', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test('one side panel at a time, the graph keeps half the width, nothing scrolls sideways', async ({ page }) => {
    const app = await BootgraphApp.open(page);
    const width = async () => (await page.getByTestId('graph.stage').boundingBox())?.width ?? 0;
    await expect(page.locator('#panel-left')).toBeVisible();
    await expect(page.locator('#panel-right')).toBeHidden();
    await page.getByTestId('drawer.right').click();
    await expect(page.locator('#panel-right')).toBeVisible();
    await expect(page.locator('#panel-left')).toBeHidden();
    expect(await width()).toBeGreaterThanOrEqual(512);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await app.shot('readable/drawer-inspector-1024x768');
    // Every control of the top bar (Share, Help, …) is on screen.
    const offscreen = await page.locator('header button').evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5).length);
    expect(offscreen).toBe(0);
    await page.getByTestId('drawer.right').click();
    await expect(page.locator('#panel-right')).toBeHidden();
    expect(await width()).toBeGreaterThan(1000);
  });

  test('a tour at 1024: the card is docked, the graph keeps 60% of its area, nothing scrolls sideways', async ({ page }) => {
    const app = await BootgraphApp.open(page);
    expect(await graphAreaKeptByTour(page)).toBeGreaterThanOrEqual(0.6);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const tourOverflow = await page.getByTestId('tour.panel').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(tourOverflow).toBeLessThanOrEqual(0);
    await app.shot('readable/tour-1024x768');
  });
});
