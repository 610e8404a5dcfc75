/**
 * The one module that owns a Cytoscape instance (Kiali/Nx pattern): it takes
 * element lists and applies only the differences inside one cy.batch(),
 * places nodes from cached layouts, and turns Cytoscape events into typed
 * events. Nothing else in the app touches `cy`.
 */
import cytoscape, { type Core, type EventObject, type StylesheetJson } from 'cytoscape';
import { diffElements, type ElementDiff } from './diff.ts';
import { fitViewport, type NodeBox } from './viewport.ts';
import type { Positions } from './layout-simple.ts';
import type { ElementDef } from './to-elements.ts';

export type GraphEvent =
  | { readonly type: 'select'; readonly id: string | undefined }
  | { readonly type: 'activate'; readonly id: string }
  | { readonly type: 'hover'; readonly kind: 'node' | 'edge'; readonly id: string; readonly title: string; readonly x: number; readonly y: number }
  | { readonly type: 'unhover' };

export interface AdapterOptions {
  /** Omit for a headless instance (unit tests). */
  readonly container?: HTMLElement;
  readonly style: StylesheetJson;
  /** Animate running methods (off for prefers-reduced-motion). */
  readonly pulse?: boolean;
}

const PULSE_MS = 650;
const PLACE_MS = 320;

export class GraphAdapter {
  private readonly cy: Core;
  private current: readonly ElementDef[] = [];
  private readonly listeners = new Set<(e: GraphEvent) => void>();
  private pulseTimer: ReturnType<typeof setInterval> | undefined;
  private pulseOn = false;

  constructor(opts: AdapterOptions) {
    this.cy = cytoscape({
      ...(opts.container === undefined ? { headless: true, styleEnabled: true } : { container: opts.container }),
      style: opts.style,
      elements: [],
      minZoom: 0.04,
      maxZoom: 3,
      boxSelectionEnabled: false,
      autounselectify: true,
      autoungrabify: false,
    });
    if (opts.container !== undefined) {
      this.wireEvents();
      if (opts.pulse !== false) this.pulseTimer = setInterval(() => this.pulse(), PULSE_MS);
    }
  }

  listen(fn: (e: GraphEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(e: GraphEvent): void {
    for (const fn of this.listeners) fn(e);
  }

  private wireEvents(): void {
    const cy = this.cy;
    cy.on('tap', 'node', (ev: EventObject) => this.emit({ type: 'select', id: ev.target.id() }));
    cy.on('dbltap', 'node', (ev: EventObject) => this.emit({ type: 'activate', id: ev.target.id() }));
    cy.on('tap', (ev: EventObject) => {
      if (ev.target === cy) this.emit({ type: 'select', id: undefined });
    });
    cy.on('mouseover', 'node', (ev: EventObject) => {
      const p = ev.target.renderedPosition();
      const h = ev.target.renderedHeight();
      this.emit({ type: 'hover', kind: 'node', id: ev.target.id(), title: String(ev.target.data('title') ?? ''), x: p.x, y: p.y - h / 2 });
    });
    cy.on('mouseover', 'edge', (ev: EventObject) => {
      const p = ev.target.renderedMidpoint();
      this.emit({ type: 'hover', kind: 'edge', id: ev.target.id(), title: String(ev.target.data('title') ?? ''), x: p.x, y: p.y });
    });
    cy.on('mouseout', 'node, edge', () => this.emit({ type: 'unhover' }));
    cy.on('viewport', () => this.emit({ type: 'unhover' }));
  }

  /** Bring the graph to `next`, touching only what changed; returns the diff applied. */
  apply(next: readonly ElementDef[]): ElementDiff {
    const diff = diffElements(this.current, next);
    const cy = this.cy;
    cy.batch(() => {
      if (diff.remove.length > 0) {
        for (const id of diff.remove) cy.getElementById(id).remove();
      }
      if (diff.add.length > 0) {
        // Nodes before edges, so every edge finds its endpoints.
        const nodes = diff.add.filter((e) => e.group === 'nodes');
        const edges = diff.add.filter((e) => e.group === 'edges');
        cy.add([...nodes, ...edges].map((e) => ({ group: e.group, data: { ...e.data }, classes: e.classes })));
      }
      for (const u of diff.update) {
        const el = cy.getElementById(u.id);
        if (el.empty()) continue;
        if (u.data !== undefined) el.data({ ...u.data });
        if (u.classes !== undefined) el.classes(this.pulseOn && u.classes.includes('running') ? `${u.classes} pulse` : u.classes);
      }
    });
    this.current = next;
    return diff;
  }

  /** Place nodes (no viewport change). */
  setPositions(positions: Positions): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const p = positions.get(n.id());
        if (p !== undefined) n.position({ x: p.x, y: p.y });
      });
    });
  }

  /**
   * Move nodes to a new layout and fit the view to it; with `animate`, nodes
   * and the viewport glide there together (used when ELK replaces the quick
   * layout).
   */
  place(positions: Positions, animate: boolean): Promise<void> {
    const target = this.viewportFor((id) => positions.get(id));
    if (!animate) {
      this.setPositions(positions);
      if (target !== undefined) this.cy.viewport({ zoom: target.zoom, pan: { ...target.pan } });
      return Promise.resolve();
    }
    const opts = { duration: PLACE_MS, easing: 'ease-in-out-cubic' as const };
    this.cy.nodes().forEach((n) => {
      const p = positions.get(n.id());
      if (p !== undefined) n.animate({ position: { x: p.x, y: p.y } }, opts);
    });
    // Nodes and viewport share the duration: the viewport's completion is the layout's.
    return new Promise<void>((resolve) => {
      // Also resolve by time: a stopped animation (a fit during the glide) may never complete.
      setTimeout(resolve, PLACE_MS + 80);
      if (target !== undefined) this.cy.animate({ zoom: target.zoom, pan: { ...target.pan } }, { ...opts, complete: () => resolve() });
    });
  }

  private viewportFor(pos: (id: string) => { x: number; y: number } | undefined, only?: ReadonlySet<string>, padding = 28) {
    const boxes: NodeBox[] = [];
    this.cy.nodes().forEach((n) => {
      if (only !== undefined && !only.has(n.id())) return;
      const p = pos(n.id()) ?? n.position();
      boxes.push({ x: p.x, y: p.y, w: Number(n.data('w') ?? 40), h: Number(n.data('h') ?? 26) });
    });
    return fitViewport(boxes, this.cy.width(), this.cy.height(), padding);
  }

  setStyle(style: StylesheetJson): void {
    this.cy.style(style);
  }

  /**
   * Fit nodes in view (all, or only `ids`), from positions and sizes: no
   * label or edge measuring, unlike cy.fit().
   */
  fit(padding = 28, ids?: ReadonlySet<string>, animate = false): void {
    const v = this.viewportFor(() => undefined, ids !== undefined && ids.size > 0 ? ids : undefined, padding);
    if (v === undefined) return;
    this.cy.stop(true, true);
    if (animate) this.cy.animate({ zoom: v.zoom, pan: { ...v.pan } }, { duration: 280, easing: 'ease-in-out-cubic' });
    else this.cy.viewport({ zoom: v.zoom, pan: { ...v.pan } });
  }

  zoomBy(factor: number): void {
    const cy = this.cy;
    cy.stop(true, true);
    const c = { x: cy.width() / 2, y: cy.height() / 2 };
    cy.zoom({ level: Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor)), renderedPosition: c });
  }

  /** Pan (never zoom) so that a node is in view. */
  reveal(id: string): void {
    const n = this.cy.getElementById(id);
    if (n.empty() || !n.isNode()) return;
    const cy = this.cy;
    // Let a running viewport animation (a fit, a layout change) land first.
    cy.stop(true, true);
    const p = n.renderedPosition();
    const margin = 60;
    if (p.x < margin || p.y < margin || p.x > cy.width() - margin || p.y > cy.height() - margin) {
      cy.animate({ center: { eles: n } }, { duration: 240 });
    }
  }

  resize(): void {
    this.cy.resize();
  }

  nodeCount(): number {
    return this.cy.nodes().length;
  }

  edgeCount(): number {
    return this.cy.edges().length;
  }

  classesOf(id: string): string[] {
    const el = this.cy.getElementById(id);
    return el.empty() ? [] : el.classes();
  }

  dataOf(id: string): Record<string, unknown> | undefined {
    const el = this.cy.getElementById(id);
    return el.empty() ? undefined : (el.data() as Record<string, unknown>);
  }

  positionOf(id: string): { x: number; y: number } | undefined {
    const el = this.cy.getElementById(id);
    return el.empty() || !el.isNode() ? undefined : { ...el.position() };
  }

  /** Where a node is drawn, in CSS pixels relative to the container. */
  renderedPositionOf(id: string): { x: number; y: number } | undefined {
    const el = this.cy.getElementById(id);
    return el.empty() || !el.isNode() ? undefined : { ...el.renderedPosition() };
  }

  /** Toggle the pulse class on nodes with a running method. */
  private pulse(): void {
    this.pulseOn = !this.pulseOn;
    const running = this.cy.nodes('.running');
    if (running.empty() && !this.pulseOn) return;
    this.cy.batch(() => {
      if (this.pulseOn) running.addClass('pulse');
      else this.cy.nodes('.pulse').removeClass('pulse');
    });
  }

  destroy(): void {
    if (this.pulseTimer !== undefined) clearInterval(this.pulseTimer);
    this.listeners.clear();
    this.cy.destroy();
  }
}
