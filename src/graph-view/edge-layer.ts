/**
 * The edges of a large graph on a canvas of our own, under Cytoscape's
 * (transparent) canvas (issue 16: edges were about two thirds of every
 * redraw, each stroked separately, on every playhead move). Cytoscape keeps
 * the edge elements (data, classes, exports) but does not
 * draw them (edge-look.ts EDGE_LAYER_RULES); this layer strokes them, one
 * path per look (edge-batches.ts), and paints again only when what it shows
 * changed: the viewport, a node's position, an edge added, removed or
 * re-classed, the palette, the size; and it finds the edge under the pointer
 * (Cytoscape no longer can: the edges are not displayed). It paints inside Cytoscape's own
 * 'render' event, so both canvases show the same frame (pans, zooms and
 * animated camera moves included, with or without Cytoscape's viewport
 * bitmap). Browser only.
 */
import type { Core } from 'cytoscape';
import type { Palette } from '../theme/palette.ts';
import { batchEdges, batchSegments, layerTransform, nearestEdge, type EdgeBatch, type LayerEdge, type PlacedEdges } from './edge-batches.ts';

interface Stroke {
  readonly batch: EdgeBatch;
  readonly width: number;
  readonly placed: PlacedEdges;
  readonly path: Path2D;
}

/** Cytoscape's reach for a pointer on an edge, in CSS px beyond half its width (its findNearestElements, mouse). */
const EDGE_REACH_PX = 8;

export class EdgeLayer {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D | null;
  private active = false;
  /** hold(): paint nothing until released. */
  private held = false;
  /** What must be rebuilt before the next paint: the batches (classes, edges), their paths (positions), or only the paint (viewport). */
  private stale: 'batches' | 'paths' | 'paint' | undefined = 'batches';
  private batches: EdgeBatch[] = [];
  private strokes: Stroke[] = [];
  private readonly off: (() => void)[] = [];
  /** Paints since creation (tests and the bench). */
  paints = 0;

  constructor(
    private readonly cy: Core,
    container: HTMLElement,
    private palette: Palette,
    private readonly pixelRatio: number,
  ) {
    this.canvas = document.createElement('canvas');
    this.canvas.dataset['testid'] = 'graph.edge-layer';
    this.canvas.setAttribute('aria-hidden', 'true');
    Object.assign(this.canvas.style, { position: 'absolute', left: '0', top: '0', pointerEvents: 'none' });
    // Under Cytoscape's canvases (its container is appended after this one, in the same stacking context).
    container.prepend(this.canvas);
    this.ctx = this.canvas.getContext('2d');
    const on = (events: string, selector: string | undefined, fn: () => void): void => {
      if (selector === undefined) cy.on(events, fn);
      else cy.on(events, selector, fn);
      this.off.push(() => (selector === undefined ? cy.off(events, fn) : cy.off(events, selector, fn)));
    };
    on('add remove class', 'edge', () => this.invalidate('batches'));
    // A node removed takes its edges with it (each emits remove); one added has none yet.
    on('position', 'node', () => this.invalidate('paths'));
    on('viewport resize', undefined, () => this.invalidate('paint'));
    on('render', undefined, () => this.paintIfStale());
  }

  /** Draw the edges (true) or leave them to Cytoscape (false: the layer is cleared). */
  setActive(active: boolean): void {
    if (active === this.active) return;
    this.active = active;
    this.invalidate('batches');
    if (!active) this.clear();
  }

  /**
   * Paint nothing (the layer is cleared) until released, then everything at once: a rebuilt graph's edges entering
   * over several frames (graph-adapter.ts) are batched and stroked once, not once per frame.
   */
  hold(on: boolean): void {
    if (on === this.held) return;
    this.held = on;
    if (on) this.clear();
    else this.invalidate('batches');
  }

  isActive(): boolean {
    return this.active;
  }

  setPalette(p: Palette): void {
    if (p === this.palette) return;
    this.palette = p;
    this.invalidate('batches');
  }

  private invalidate(what: 'batches' | 'paths' | 'paint'): void {
    const rank = { batches: 3, paths: 2, paint: 1 } as const;
    if (this.stale === undefined || rank[what] > rank[this.stale]) this.stale = what;
  }

  /** Paint now if anything changed (Cytoscape's 'render' calls this; so may a caller that cannot wait for one). */
  paintIfStale(): void {
    if (this.stale === undefined || !this.active || this.held) return;
    this.rebuild();
    this.stale = undefined;
    this.paint();
  }

  /** Batches and paths up to date (what is left stale is at most the paint). */
  private rebuild(): void {
    if (this.stale === 'batches') this.batches = batchEdges(this.layerEdges(), this.palette);
    if (this.stale === 'batches' || this.stale === 'paths') {
      this.strokes = this.buildPaths();
      this.stale = 'paint';
    }
  }

  /** The edge drawn under a point of the canvas (CSS px from its top left), and where its midpoint is drawn. */
  edgeAt(rendered: { readonly x: number; readonly y: number }): { readonly id: string; readonly mid: { readonly x: number; readonly y: number } } | undefined {
    if (!this.active) return undefined;
    this.rebuild();
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    const hit = nearestEdge(this.strokes, { x: (rendered.x - pan.x) / zoom, y: (rendered.y - pan.y) / zoom }, EDGE_REACH_PX / zoom);
    return hit === undefined ? undefined : { id: hit.edge.id, mid: { x: hit.mid.x * zoom + pan.x, y: hit.mid.y * zoom + pan.y } };
  }

  private layerEdges(): LayerEdge[] {
    const out: LayerEdge[] = [];
    this.cy.edges().forEach((e) => {
      out.push({ id: e.id(), source: String(e.data('source')), target: String(e.data('target')), classes: new Set(e.classes()) });
    });
    return out;
  }

  private buildPaths(): Stroke[] {
    const pos = new Map<string, { x: number; y: number }>();
    this.cy.nodes().forEach((n) => {
      pos.set(n.id(), n.position());
    });
    return this.batches.map((batch) => {
      const placed = batchSegments(batch.edges, (id) => pos.get(id));
      const seg = placed.seg;
      const path = new Path2D();
      for (let i = 0; i + 3 < seg.length; i += 4) {
        path.moveTo(seg[i] ?? 0, seg[i + 1] ?? 0);
        path.lineTo(seg[i + 2] ?? 0, seg[i + 3] ?? 0);
      }
      return { batch, width: batch.look.width, placed, path };
    });
  }

  /** Size the canvas to the graph's (CSS px × the renderer's pixel ratio), clearing it. */
  private fit(): void {
    const w = Math.max(1, Math.round(this.cy.width()));
    const h = Math.max(1, Math.round(this.cy.height()));
    const pw = Math.round(w * this.pixelRatio);
    const ph = Math.round(h * this.pixelRatio);
    if (this.canvas.width !== pw || this.canvas.height !== ph) {
      this.canvas.width = pw;
      this.canvas.height = ph;
      this.canvas.style.width = `${w}px`;
      this.canvas.style.height = `${h}px`;
    }
  }

  private clear(): void {
    const g = this.ctx;
    if (g === null) return;
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, this.canvas.width, this.canvas.height);
  }

  private paint(): void {
    const g = this.ctx;
    if (g === null) return;
    this.fit();
    this.clear();
    g.setTransform(...layerTransform(this.cy.zoom(), this.cy.pan(), this.pixelRatio));
    g.lineCap = 'butt';
    g.lineJoin = 'round';
    for (const { batch, path } of this.strokes) {
      const l = batch.look;
      g.globalAlpha = l.opacity;
      g.strokeStyle = l.color;
      g.lineWidth = l.width;
      g.setLineDash(l.dash);
      g.stroke(path);
    }
    g.globalAlpha = 1;
    g.setLineDash([]);
    this.paints++;
  }

  /**
   * The layer as drawn, for the PNG export: the edges of the whole graph at
   * `scale` device pixels per graph unit, the box's top left at the origin.
   */
  drawInto(g: CanvasRenderingContext2D, box: { readonly x1: number; readonly y1: number }, scale: number): void {
    this.rebuild();
    g.save();
    g.setTransform(scale, 0, 0, scale, -box.x1 * scale, -box.y1 * scale);
    g.lineCap = 'butt';
    g.lineJoin = 'round';
    for (const { batch, path } of this.strokes) {
      g.globalAlpha = batch.look.opacity;
      g.strokeStyle = batch.look.color;
      g.lineWidth = batch.look.width;
      g.setLineDash(batch.look.dash);
      g.stroke(path);
    }
    g.restore();
  }

  destroy(): void {
    for (const f of this.off) f();
    this.off.length = 0;
    this.canvas.remove();
  }
}
