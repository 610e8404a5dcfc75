/**
 * The one module that owns a Cytoscape instance (Kiali/Nx pattern): it takes
 * element lists and applies only the differences inside one cy.batch(),
 * places nodes from cached layouts, and turns Cytoscape events into typed
 * events. Nothing else in the app touches `cy`.
 */
import cytoscape, { type Core, type EventObject, type StylesheetJson } from 'cytoscape';
import { cameraOf, panFor, panToShow, type Camera } from './camera.ts';
import { diffElements, type ElementDiff } from './diff.ts';
import { EDGE_LAYER_RULES } from './edge-look.ts';
import { EdgeLayer } from './edge-layer.ts';
import { inBox, InsertQueue, type Box, type FrameScheduler } from './chunked-insert.ts';
import { optimised, rendererOptions } from './lod.ts';
import { placeHazardLabels, type HazardLabelInput } from './hazard-label.ts';
import { boxesOf, legibleViewport, legibleZoom } from './legibility.ts';
import { boundsOf, fitViewport, type NodeBox, type Viewport } from './viewport.ts';
import type { Positions } from './layout-simple.ts';
import type { Palette } from '../theme/palette.ts';
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
  /** A big graph (lod.ts): the renderer options for it. */
  readonly large?: boolean;
  /** Draw with Cytoscape's WebGL renderer (large graphs on hardware WebGL2 only: webgl.ts), on this background colour. */
  readonly webgl?: { readonly background: string };
  /**
   * Draw the edges on a canvas layer of our own under Cytoscape's (edge-layer.ts), in these colours: for large graphs
   * on the canvas renderer, whose light style draws edges centre to centre (lod.ts). Not while a group is open: Cytoscape
   * draws edges over an open group's box, which a layer underneath cannot.
   */
  readonly edgeLayer?: { readonly palette: Palette };
  /**
   * The frames big graphs enter and move over (chunked-insert.ts): requestAnimationFrame for a visible canvas (the
   * default there); a headless instance inserts and moves at once unless given one (unit tests drive it by hand).
   */
  readonly frames?: FrameScheduler;
}

const PULSE_MS = 650;
const PLACE_MS = 320;
/** Additions from this many elements on enter in slices across frames (chunked-insert.ts). */
const CHUNK_MIN = 240;
/** Graph units between an open group's title and its top member (clear of a selection outline: stylesheet.ts). */
const TITLE_GAP = 10;
/** Coalesced updates wait at most this long (applySoon). */
const MAX_DEFER_MS = 250;

declare global {
  interface Window {
    /** Development and e2e builds only: the graph's Cytoscape instance. */
    __BOOTGRAPH_CY__?: Core;
  }
}

export class GraphAdapter {
  private readonly cy: Core;
  private current: readonly ElementDef[] = [];
  private readonly listeners = new Set<(e: GraphEvent) => void>();
  private pulseTimer: ReturnType<typeof setInterval> | undefined;
  private pulseOn = false;
  /**
   * Who placed the camera last: the default view (home, a fit, a new layout), a framing of the selection
   * (frameAround), or the user or a link (a pan, a zoom, a link's camera). A resize re-homes the first two and keeps
   * the last (resizeKeepingView).
   */
  private cameraBy: 'home' | 'frame' | 'user' = 'home';
  /** Counts camera moves other than place()'s glide (home, fit, zoom, a link's camera, the user's pan or zoom). */
  private cameraMoves = 0;
  /** place() is gliding the nodes to positionsGiven: cameras are computed from where they will be, not from a frame of the glide. */
  private gliding = false;
  /** Elements waiting to be inserted (big additions, on a visible canvas only). */
  private readonly queue: InsertQueue | undefined;
  /** The frames the queues (and the titles' re-placement) run in: undefined for a headless instance not given any. */
  private readonly frames: FrameScheduler | undefined;
  /** The last positions given: nodes inserted later are placed from them. */
  private positionsGiven: Positions | undefined;
  /** applySoon(): the newest elements not yet applied, and when the last coalesced update went in. */
  private deferred: readonly ElementDef[] | undefined;
  private deferFrame: number | undefined;
  private lastFlushAt = -Infinity;
  private appliedAt: number | undefined;
  /** Smoothed time from an update to the end of the redraw it caused (ms). */
  private redrawMs = 0;
  /** Open groups' title nodes in the graph (to-elements.ts groupTitleId), and a pending re-placement of them. */
  private titles = 0;
  private titleFrame: number | undefined;
  /** The graph was emptied and is entering again over frames (apply() with a new structure): the edge layer waits for its edges. */
  private rebuilding = false;
  /** A big graph's nodes moving to a new layout over frames (place()); the view they are moved for first, and its camera. */
  private readonly moves: InsertQueue | undefined;
  private moving: { readonly view: Box; readonly camera: Viewport | undefined; readonly cameraMoves: number; cameraDone: boolean } | undefined;
  /** Hazard edges drawn (their labels are placed off the nodes: hazard-label.ts), and a pending re-placement of them. */
  private hazards = 0;
  private hazardFrame: number | undefined;
  /** Redraws since creation (Cytoscape 'render' events), for the bench. */
  renders = 0;
  /** The edge layer (large graphs on the canvas renderer), and the stylesheet as given (the layer's rules are added to it while it draws). */
  private readonly layer: EdgeLayer | undefined;
  private style: StylesheetJson;
  /** The layer's edge under the pointer (hovered), and the listener that ends it when the pointer leaves the graph. */
  private layerHover: string | undefined;
  private readonly leave = (): void => {
    if (this.layerHover === undefined) return;
    this.layerHover = undefined;
    this.emit({ type: 'unhover' });
  };

  constructor(opts: AdapterOptions) {
    this.style = opts.style;
    const layered = opts.container !== undefined && opts.edgeLayer !== undefined && opts.webgl === undefined;
    this.cy = cytoscape({
      ...(opts.container === undefined ? { headless: true, styleEnabled: true } : { container: opts.container, ...rendererOptions(opts.large === true, opts.webgl !== undefined) }),
      style: layered ? GraphAdapter.withLayer(opts.style) : opts.style,
      elements: [],
      minZoom: 0.04,
      maxZoom: 3,
      boxSelectionEnabled: false,
      autounselectify: true,
      autoungrabify: false,
    });
    const frames = (this.frames = opts.frames ?? (opts.container === undefined ? undefined : { request: (cb: (now: number) => void) => requestAnimationFrame(cb), cancel: (id: number) => cancelAnimationFrame(id) }));
    if (frames !== undefined) {
      // The nodes in view go in first: the first frame of a big graph shows the whole view (the rest of the graph follows off screen).
      this.queue = new InsertQueue((defs) => this.insertSlice(defs), frames, { prefer: () => this.inViewNow() });
      // The nodes that will be in the new view, and those that are in it now (they leave it), move first.
      this.moves = new InsertQueue((defs) => this.moveSlice(defs), frames, { prefer: () => this.movesFirst() });
    }
    if (opts.container !== undefined) {
      // WebGL clears to the container's own background colour, read once (Cytoscape's getBGColor).
      if (opts.webgl !== undefined) opts.container.style.backgroundColor = opts.webgl.background;
      // e2e builds: the tests read what is drawn through Cytoscape's own API (issue 12's legibility checks).
      if (import.meta.env.DEV || import.meta.env.VITE_E2E === '1') window.__BOOTGRAPH_CY__ = this.cy;
      this.wireEvents();
      if (layered && opts.edgeLayer !== undefined) {
        const ratio = rendererOptions(opts.large === true).pixelRatio ?? window.devicePixelRatio;
        this.layer = new EdgeLayer(this.cy, opts.container, opts.edgeLayer.palette, ratio);
        this.layer.setActive(true);
        opts.container.addEventListener('mouseleave', this.leave);
      }
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
    cy.on('render', () => {
      this.renders++;
      if (this.appliedAt !== undefined) {
        const ms = performance.now() - this.appliedAt;
        this.appliedAt = undefined;
        this.redrawMs = this.redrawMs === 0 ? ms : 0.6 * this.redrawMs + 0.4 * ms;
      }
    });
    // An open group's title node stands for its group.
    const idOf = (ev: EventObject): string => String(ev.target.data('titleOf') ?? ev.target.id());
    cy.on('tap', 'node', (ev: EventObject) => this.emit({ type: 'select', id: idOf(ev) }));
    cy.on('dbltap', 'node', (ev: EventObject) => this.emit({ type: 'activate', id: idOf(ev) }));
    cy.on('tap', (ev: EventObject) => {
      // A tap on an edge selects nothing and keeps the selection (an edge on the layer is found by it, not by Cytoscape).
      if (ev.target === cy && this.layerEdgeAt(ev) === undefined) this.emit({ type: 'select', id: undefined });
    });
    cy.on('mouseover', 'node', (ev: EventObject) => {
      const p = ev.target.renderedPosition();
      const h = ev.target.renderedHeight();
      this.emit({ type: 'hover', kind: 'node', id: idOf(ev), title: String(ev.target.data('title') ?? ''), x: p.x, y: p.y - h / 2 });
    });
    cy.on('mouseover', 'edge', (ev: EventObject) => {
      const p = ev.target.renderedMidpoint();
      this.emit({ type: 'hover', kind: 'edge', id: ev.target.id(), title: String(ev.target.data('title') ?? ''), x: p.x, y: p.y });
    });
    cy.on('mouseout', 'node, edge', () => this.emit({ type: 'unhover' }));
    // Edges on the layer: hovered where the layer finds one under the pointer (not over a node, which Cytoscape hovers).
    let overNode = false;
    cy.on('mouseover', 'node', () => {
      overNode = true;
      this.layerHover = undefined;
    });
    cy.on('mouseout', 'node', () => {
      overNode = false;
    });
    cy.on('mousemove', (ev: EventObject) => {
      if (overNode || ev.target !== cy) return;
      const hit = this.layerEdgeAt(ev);
      if (hit?.id === this.layerHover) return;
      this.layerHover = hit?.id;
      if (hit === undefined) this.emit({ type: 'unhover' });
      else this.emit({ type: 'hover', kind: 'edge', id: hit.id, title: String(cy.getElementById(hit.id).data('title') ?? ''), x: hit.mid.x, y: hit.mid.y });
    });
    cy.on('viewport', () => {
      this.layerHover = undefined;
    });
    cy.on('viewport', () => this.emit({ type: 'unhover' }));
    // A member moved (a layout gliding in, a drag): its group's title follows, once per frame.
    cy.on('position', 'node', (ev: EventObject) => {
      if (this.titles > 0 && ev.target.isChild() && ev.target.data('titleOf') === undefined) this.placeTitlesSoon();
      if (this.hazards > 0) this.placeHazardLabelsSoon();
    });
    cy.on('dragpan scrollzoom pinchzoom', () => {
      this.cameraMoves++;
      this.cameraBy = 'user';
    });
  }

  /**
   * Bring the graph to `next`, touching only what changed; returns the diff
   * applied. `structureChanged` (another graph, or another view of it): a big
   * graph is then rebuilt in slices across frames rather than patched in
   * one task, because two real graphs share most of their ids and patching
   * restyles nearly every element at once.
   */
  apply(next: readonly ElementDef[], opts: { readonly structureChanged?: boolean } = {}): ElementDiff {
    this.cancelDeferred();
    if (opts.structureChanged === true) this.stopMoves();
    if (opts.structureChanged === true && this.queue !== undefined && next.length >= CHUNK_MIN && optimised()) {
      const q = this.queue;
      q.clear();
      this.cy.batch(() => this.cy.elements().remove());
      this.current = [];
      this.rebuilding = true;
      const diff = this.applyNow(next);
      this.holdEdgeLayer();
      return diff;
    }
    return this.applyNow(next);
  }

  /**
   * Like apply(), for a big graph that changes every frame (a boot playing):
   * updates are coalesced so that the graph is redrawn at most about half
   * the time, never later than MAX_DEFER_MS; the newest elements win. The
   * rest of the page (timeline, transport, input) keeps its frame rate.
   */
  applySoon(next: readonly ElementDef[]): void {
    if (this.queue === undefined || !optimised()) {
      this.apply(next);
      return;
    }
    this.deferred = next;
    this.deferFrame ??= requestAnimationFrame((now) => this.flushDeferred(now));
  }

  private flushDeferred(now: number): void {
    this.deferFrame = undefined;
    const next = this.deferred;
    if (next === undefined) return;
    if (now - this.lastFlushAt < Math.min(MAX_DEFER_MS, this.redrawMs)) {
      this.deferFrame = requestAnimationFrame((t) => this.flushDeferred(t));
      return;
    }
    this.deferred = undefined;
    this.lastFlushAt = now;
    this.applyNow(next);
  }

  private cancelDeferred(): void {
    if (this.deferFrame !== undefined) cancelAnimationFrame(this.deferFrame);
    this.deferFrame = undefined;
    this.deferred = undefined;
  }

  /** Readers see the newest state, coalesced or not. */
  private flushPending(): void {
    const next = this.deferred;
    if (next !== undefined) this.apply(next);
  }

  private applyNow(next: readonly ElementDef[]): ElementDiff {
    const diff = diffElements(this.current, next);
    const cy = this.cy;
    const q = this.queue;
    // A big addition (a new graph) enters over several frames; so do changes to what is still queued.
    const chunked = q !== undefined && (q.size > 0 || diff.add.length >= CHUNK_MIN) && optimised();
    let nextById: Map<string, ElementDef> | undefined;
    cy.batch(() => {
      if (diff.remove.length > 0) {
        for (const id of diff.remove) if (q?.delete(id) !== true) cy.getElementById(id).remove();
      }
      if (diff.add.length > 0) {
        if (chunked) q.enqueue(diff.add);
        else this.insert(diff.add);
      }
      for (const u of diff.update) {
        if (q !== undefined && q.has(u.id)) {
          nextById ??= new Map(next.map((e) => [e.data.id, e]));
          const d = nextById.get(u.id);
          if (d !== undefined) q.enqueue([d]);
          continue;
        }
        const el = cy.getElementById(u.id);
        if (el.empty()) continue;
        if (u.data !== undefined) el.data({ ...u.data });
        if (u.classes !== undefined) el.classes(this.pulseOn && u.classes.includes('running') ? `${u.classes} pulse` : u.classes);
      }
    });
    this.current = next;
    // Queued edges removed before they went in can end a rebuild too: the edge layer paints again.
    if (this.rebuilding) this.holdEdgeLayer();
    if (diff.add.length > 0 || diff.remove.length > 0) this.layerWhereItCan();
    if (diff.update.length > 0 || diff.add.length > 0 || diff.remove.length > 0) this.appliedAt = performance.now();
    return diff;
  }

  /** Add elements now, nodes before edges (so every edge finds its endpoints), nodes at their given positions. */
  private insert(defs: readonly ElementDef[]): cytoscape.CollectionReturnValue | undefined {
    const nodes = defs.filter((e) => e.group === 'nodes');
    const edges = defs.filter((e) => e.group === 'edges');
    const titles = nodes.filter((e) => e.data['titleOf'] !== undefined).length;
    let added: cytoscape.CollectionReturnValue | undefined;
    this.cy.batch(() => {
      added = this.cy.add(
        [...nodes, ...edges].map((e) => {
          const p = e.group === 'nodes' ? this.positionsGiven?.get(e.data.id) : undefined;
          // A title is placed from its group's members, never dragged on its own.
          const fixed = e.data['titleOf'] === undefined ? {} : { grabbable: false };
          return { group: e.group, data: { ...e.data }, classes: e.classes, ...fixed, ...(p === undefined ? {} : { position: { x: p.x, y: p.y } }) };
        }),
      );
    });
    if (titles > 0) this.placeTitles();
    if (edges.some((e) => e.data.id.startsWith('hazard:'))) this.placeHazardLabels();
    return added;
  }

  /**
   * A slice of a graph entering over frames (chunked-insert.ts). Its style, label sizes and bounds are computed here,
   * in the slice's own time (the queue sizes the next slice from it), not by the redraw that follows, which then
   * draws them from its caches.
   */
  private insertSlice(defs: readonly ElementDef[]): void {
    this.insert(defs)?.boundingBox();
    this.holdEdgeLayer();
  }

  /**
   * While a rebuilt graph's edges are still queued, the edge layer paints nothing: it would rebuild and stroke every
   * edge in so far in each slice's frame. It paints them all once, in the frame of the last slice.
   */
  private holdEdgeLayer(): void {
    if (this.rebuilding && this.queue?.edgesPending !== true) this.rebuilding = false;
    this.layer?.hold(this.rebuilding || this.moving !== undefined);
  }

  /** The queued nodes to insert first: those whose given position is in the view now (undefined: no view yet). */
  private inViewNow(): ((d: ElementDef) => boolean) | undefined {
    const given = this.positionsGiven;
    if (given === undefined || this.cy.width() === 0) return undefined;
    return inBox(this.cy.extent(), (id) => given.get(id));
  }

  /** Each hazard edge's label where it covers no node (hazard-label.ts): its offset from the edge's midpoint, read by the stylesheet. */
  private placeHazardLabels(): void {
    this.hazardFrame = undefined;
    const edges = this.cy.edges('.hazard');
    this.hazards = edges.length;
    if (edges.empty()) return;
    const boxes = this.boxes();
    const labels: HazardLabelInput[] = [];
    edges.forEach((e) => {
      const a = boxes.get(e.source().id());
      const b = boxes.get(e.target().id());
      if (a !== undefined && b !== undefined) labels.push({ id: e.id(), at: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, text: String(e.data('label') ?? '') });
    });
    const placed = placeHazardLabels(labels, [...boxes.values()]);
    this.cy.batch(() => {
      edges.forEach((e) => {
        const d = placed.get(e.id());
        if (d !== undefined && (e.data('lx') !== d.x || e.data('ly') !== d.y)) e.data({ lx: d.x, ly: d.y });
      });
    });
  }

  private placeHazardLabelsSoon(): void {
    if (this.hazardFrame !== undefined) return;
    if (this.queue === undefined) this.placeHazardLabels();
    else this.hazardFrame = this.frames?.request(() => this.placeHazardLabels());
  }

  /**
   * Where an open group's title goes: centred over the group's members, just
   * above the top one (ELK keeps that room free inside the group: layout-elk.ts).
   */
  private static titleBox(members: readonly NodeBox[], w: number, h: number): NodeBox | undefined {
    const b = boundsOf(members);
    return b === undefined ? undefined : { x: (b.x0 + b.x1) / 2, y: b.y0 - TITLE_GAP - h / 2, w, h };
  }

  /** Put every open group's title node above its members, as they are now. */
  private placeTitles(): void {
    this.titleFrame = undefined;
    const cy = this.cy;
    const titles = cy.nodes('[titleOf]');
    this.titles = titles.length;
    if (titles.empty()) return;
    cy.batch(() => {
      titles.forEach((t) => {
        const members: NodeBox[] = [];
        t.siblings().forEach((m) => {
          if (m.isParent()) return;
          const p = m.position();
          members.push({ x: p.x, y: p.y, w: Number(m.data('w') ?? 40), h: Number(m.data('h') ?? 26) });
        });
        const box = GraphAdapter.titleBox(members, Number(t.data('w') ?? 40), Number(t.data('h') ?? 26));
        if (box !== undefined) t.position({ x: box.x, y: box.y });
      });
    });
  }

  private placeTitlesSoon(): void {
    if (this.titleFrame !== undefined) return;
    if (this.queue === undefined) this.placeTitles();
    else this.titleFrame = this.frames?.request(() => this.placeTitles());
  }

  /** Resolves once every element applied so far is in the graph (chunked insertion has finished). */
  settled(): Promise<void> {
    return this.queue?.settled() ?? Promise.resolve();
  }

  /** Place nodes (no viewport change). */
  setPositions(positions: Positions): void {
    this.stopMoves();
    this.positionsGiven = positions;
    const cy = this.cy;
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const p = positions.get(n.id());
        // A compound node (an open group) is drawn around its members.
        if (p !== undefined && !n.isParent()) n.position({ x: p.x, y: p.y });
      });
    });
    this.placeTitles();
    this.placeHazardLabels();
  }

  /**
   * Move nodes to a new layout and show its default view (home(), from
   * `tiers`); with `animate`, nodes and the viewport glide there together
   * (used when ELK replaces the quick layout).
   */
  place(positions: Positions, animate: boolean, tiers: readonly (readonly string[])[] = []): Promise<void> {
    const target = this.homeViewport(tiers, (id) => positions.get(id));
    this.positionsGiven = positions;
    this.cameraBy = 'home';
    if (!animate && this.moves !== undefined && this.cy.nodes().length >= CHUNK_MIN && optimised()) return this.placeOverFrames(positions, target);
    if (!animate) {
      this.setPositions(positions);
      if (target !== undefined) this.cy.viewport({ zoom: target.zoom, pan: { ...target.pan } });
      return Promise.resolve();
    }
    const opts = { duration: PLACE_MS, easing: 'ease-in-out-cubic' as const };
    this.cy.nodes().forEach((n) => {
      const p = positions.get(n.id());
      if (p !== undefined && !n.isParent()) n.animate({ position: { x: p.x, y: p.y } }, opts);
    });
    const moves = this.cameraMoves;
    this.gliding = true;
    // Nodes and viewport share the duration: the viewport's completion is the layout's.
    return new Promise<void>((resolve) => {
      let ended = false;
      // The glide ends here, whichever comes first: the viewport's completion, or the time (a stopped
      // animation never completes, and on a loaded machine the frames that step it come late). Either
      // way every node is at its final position and the camera at its target when this resolves, so
      // what waits on the layout (the selection's reveal, the bridge's layoutDone) reads the final picture,
      // not a frame of the glide.
      const end = (): void => {
        if (ended) return;
        ended = true;
        this.gliding = false;
        this.cy.nodes().stop(true, false);
        this.setPositions(positions);
        // A camera placed during the glide (a fit, a zoom, the user) stays.
        if (target !== undefined && this.cameraMoves === moves) {
          this.cy.stop(true, false);
          this.cy.viewport({ zoom: target.zoom, pan: { ...target.pan } });
        }
        resolve();
      };
      setTimeout(end, PLACE_MS + 80);
      if (target !== undefined) this.cy.animate({ zoom: target.zoom, pan: { ...target.pan } }, { ...opts, complete: end });
    });
  }

  /**
   * A big graph's new layout (ELK's, replacing the quick one), applied over frames: moving every node at once is
   * one frame that recomputes the bounds of every node and edge (issue 16: 60+ ms of CPU at 1,000 nodes). The first
   * slice moves the camera to the new default view with the nodes that will be in it and those that are in it now;
   * the rest follow off screen, each slice sized by what moving it cost. The edge layer paints the edges once, when
   * every node is in place. Resolves then (or when superseded).
   */
  private placeOverFrames(positions: Positions, target: Viewport | undefined): Promise<void> {
    const moves = this.moves;
    if (moves === undefined) return Promise.resolve();
    this.stopMoves();
    this.positionsGiven = positions;
    const w = this.cy.width();
    const h = this.cy.height();
    const v = target ?? { zoom: this.cy.zoom(), pan: this.cy.pan() };
    const view = { x1: -v.pan.x / v.zoom, y1: -v.pan.y / v.zoom, x2: (w - v.pan.x) / v.zoom, y2: (h - v.pan.y) / v.zoom };
    const mine = { view, camera: target, cameraMoves: this.cameraMoves, cameraDone: false };
    this.moving = mine;
    this.gliding = true;
    this.holdEdgeLayer();
    // Nodes still queued for insertion go in at the new positions (positionsGiven); compounds are drawn around their members.
    const placed = this.current.filter((e) => e.group === 'nodes' && e.data['compound'] === undefined && positions.has(e.data.id) && this.cy.getElementById(e.data.id).nonempty());
    moves.enqueue(placed);
    return moves.settled().then(() => {
      if (this.moving === mine) this.endMoves();
    });
  }

  private movesFirst(): ((d: ElementDef) => boolean) | undefined {
    const m = this.moving;
    const given = this.positionsGiven;
    if (m === undefined || given === undefined) return undefined;
    const there = inBox(m.view, (id) => given.get(id));
    const here = inBox(m.view, (id) => this.cy.getElementById(id).position());
    return (d) => there(d) || here(d);
  }

  /** Move a slice of nodes to their given positions, and compute their bounds and their edges' in the slice's time. */
  private moveSlice(defs: readonly ElementDef[]): void {
    const m = this.moving;
    const given = this.positionsGiven;
    if (m === undefined || given === undefined) return;
    const cy = this.cy;
    const moved = cy.collection();
    cy.batch(() => {
      for (const d of defs) {
        const n = cy.getElementById(d.data.id);
        const p = given.get(d.data.id);
        if (n.empty() || p === undefined || !n.isNode() || n.isParent()) continue;
        n.position({ x: p.x, y: p.y });
        // merge: in place (union would copy the collection for every node).
        moved.merge(n);
      }
      // The camera goes to the new view with the first slice (unless it was placed meanwhile: a fit, a zoom, the user).
      if (!m.cameraDone) {
        m.cameraDone = true;
        if (m.camera !== undefined && this.cameraMoves === m.cameraMoves) cy.viewport({ zoom: m.camera.zoom, pan: { ...m.camera.pan } });
      }
    });
    moved.union(moved.connectedEdges()).boundingBox();
  }

  private endMoves(): void {
    if (this.moving === undefined) return;
    this.moving = undefined;
    this.gliding = false;
    this.placeTitles();
    this.holdEdgeLayer();
  }

  /** Stop moving nodes over frames (a new layout or graph supersedes it): the nodes left stay where they are. */
  private stopMoves(): void {
    if (this.moving === undefined) return;
    this.moves?.clear();
    this.endMoves();
  }

  private viewportFor(pos: (id: string) => { x: number; y: number } | undefined, only?: ReadonlySet<string>, padding = 28) {
    const boxes: NodeBox[] = [];
    // Every node applied, including those still queued for insertion.
    for (const e of this.current) {
      if (e.group !== 'nodes' || e.data['compound'] !== undefined) continue;
      const id = e.data.id;
      if (only !== undefined && !only.has(id)) continue;
      const p = pos(id) ?? this.positionOf(id);
      if (p !== undefined) boxes.push({ x: p.x, y: p.y, w: Number(e.data['w'] ?? 40), h: Number(e.data['h'] ?? 26) });
    }
    return fitViewport(boxes, this.cy.width(), this.cy.height(), padding);
  }

  /** The box of every drawn (placed) node, from positions (given, or where it is) and sizes. */
  private boxes(pos?: (id: string) => { x: number; y: number } | undefined): Map<string, NodeBox> {
    const out = new Map<string, NodeBox>();
    const titles: ElementDef[] = [];
    const members = new Map<string, NodeBox[]>();
    for (const e of this.current) {
      if (e.group !== 'nodes' || e.data['compound'] !== undefined) continue;
      if (e.data['titleOf'] !== undefined) {
        titles.push(e);
        continue;
      }
      const id = e.data.id;
      const p = pos?.(id) ?? (this.gliding ? this.positionsGiven?.get(id) : undefined) ?? this.positionOf(id);
      if (p === undefined) continue;
      const box = { x: p.x, y: p.y, w: Number(e.data['w'] ?? 40), h: Number(e.data['h'] ?? 26) };
      out.set(id, box);
      const parent = e.data['parent'];
      if (parent !== undefined) members.set(String(parent), [...(members.get(String(parent)) ?? []), box]);
    }
    // A title sits above its group's members wherever they are (or will be).
    for (const t of titles) {
      const box = GraphAdapter.titleBox(members.get(String(t.data['titleOf'])) ?? [], Number(t.data['w'] ?? 40), Number(t.data['h'] ?? 26));
      if (box !== undefined) out.set(t.data.id, box);
    }
    return out;
  }

  private moveTo(v: Viewport, animate: boolean): void {
    this.cameraMoves++;
    // Not jumpToEnd: a stopped camera animation would land its (older) target after this move.
    this.cy.stop(true, false);
    if (animate) this.cy.animate({ zoom: v.zoom, pan: { ...v.pan } }, { duration: 280, easing: 'ease-in-out-cubic' });
    else this.cy.viewport({ zoom: v.zoom, pan: { ...v.pan } });
  }

  /**
   * The default view (legibility.ts): the whole graph if its labels are
   * legible so, else the most important tiers of nodes that fit at a legible
   * zoom. Counts as automatic (a resize does it again).
   */
  home(tiers: readonly (readonly string[])[], animate = false): void {
    const v = this.homeViewport(tiers);
    if (v === undefined) return;
    this.cameraBy = 'home';
    this.moveTo(v, animate);
  }

  /**
   * Cytoscape reads its container's size only in resize(): a camera computed in the same frame as a panel
   * opened or closed (a tour card docking, the outcome summary appearing) would fit the old size. Read it now.
   */
  private freshSize(): void {
    const el = this.cy.container();
    if (el !== null && (el.clientWidth !== this.cy.width() || el.clientHeight !== this.cy.height())) this.cy.resize();
  }

  private homeViewport(tiers: readonly (readonly string[])[], pos?: (id: string) => { x: number; y: number } | undefined): Viewport | undefined {
    this.freshSize();
    const boxes = this.boxes(pos);
    return legibleViewport([...boxes.values()], tiers.map((t) => boxesOf(t, (id) => boxes.get(id))), this.cy.width(), this.cy.height());
  }

  /**
   * After the container changed size. If the user has not moved the camera since the last default view or framing,
   * the default view again (`tiers`: the story, or a focus's or tour step's set), then the selection (`keep`) brought
   * into view as a new selection would be. If the user (or a link) placed it: the same centre and zoom, panned just
   * enough to keep the selection in view.
   */
  resizeKeepingView(tiers: readonly (readonly string[])[], keep?: { readonly id: string; readonly neighbours: readonly string[] }): void {
    const cy = this.cy;
    const before = cameraOf({ zoom: cy.zoom(), pan: cy.pan() }, cy.width(), cy.height());
    cy.resize();
    if (this.cameraBy !== 'user') {
      // Framed last: framed again (after the default view, as when it was selected); else the default view, and the
      // selection brought back only if that leaves it out.
      const framed = this.cameraBy === 'frame';
      this.home(tiers);
      if (keep !== undefined && (framed || !this.inView(keep.id))) this.frameAround(keep.id, keep.neighbours, false);
      return;
    }
    const kept = panFor(before, cy.width(), cy.height(), cy.minZoom(), cy.maxZoom());
    const self = keep === undefined ? undefined : this.boxes().get(keep.id);
    const v = self === undefined ? kept : panToShow(kept, self, cy.width(), cy.height());
    this.cameraMoves++;
    cy.stop(true, false);
    cy.viewport({ zoom: v.zoom, pan: { ...v.pan } });
  }

  /**
   * Bring a node and its neighbours into view at a legible zoom; nothing
   * moves if they already are.
   */
  frameAround(id: string, neighbours: readonly string[], animate = true): void {
    this.freshSize();
    const boxes = this.boxes();
    const self = boxes.get(id);
    if (self === undefined) return;
    const near = boxesOf(neighbours, (n) => boxes.get(n));
    const cy = this.cy;
    const ext = cy.extent();
    const inside = (b: NodeBox): boolean => within(b, ext);
    if (cy.zoom() >= legibleZoom() - 1e-9 && inside(self) && near.every(inside)) return;
    const v = legibleViewport([...boxes.values()], [[self], near], cy.width(), cy.height(), { maxZoom: Math.max(legibleZoom(), Math.min(1.25, cy.zoom())) });
    if (v === undefined) return;
    this.cameraBy = 'frame';
    this.moveTo(v, animate);
  }

  /** The node is drawn whole inside the view. */
  private inView(id: string): boolean {
    const b = this.boxes().get(id);
    return b !== undefined && within(b, this.cy.extent());
  }

  /** True when the camera was placed automatically (home or fit), not by the user or a link. */
  automaticCamera(): boolean {
    return this.cameraBy === 'home';
  }

  /** The stylesheet, and the edge layer's colours (the same theme). */
  setStyle(style: StylesheetJson, palette?: Palette): void {
    this.style = style;
    if (palette !== undefined) this.layer?.setPalette(palette);
    this.cy.style(this.layer?.isActive() === true ? GraphAdapter.withLayer(style) : style);
  }

  private static withLayer(style: StylesheetJson): StylesheetJson {
    return [...(style as cytoscape.StylesheetStyle[]), ...(EDGE_LAYER_RULES as cytoscape.StylesheetStyle[])];
  }

  /** The layer draws the edges unless a group is open (then Cytoscape does, over the group's box, as for small graphs). */
  private layerWhereItCan(): void {
    const layer = this.layer;
    if (layer === undefined) return;
    const on = !this.current.some((e) => e.group === 'nodes' && e.data['compound'] !== undefined);
    if (on === layer.isActive()) return;
    layer.setActive(on);
    this.cy.style(on ? GraphAdapter.withLayer(this.style) : this.style);
  }

  private layerEdgeAt(ev: EventObject): { readonly id: string; readonly mid: { readonly x: number; readonly y: number } } | undefined {
    const p = ev.renderedPosition as { x: number; y: number } | undefined;
    return p === undefined ? undefined : this.layer?.edgeAt(p);
  }

  /** Whether the edge layer draws the edges now, and how many times it has painted (tests, the bench). */
  edgeLayer(): { readonly active: boolean; readonly paints: number } | undefined {
    return this.layer === undefined ? undefined : { active: this.layer.isActive(), paints: this.layer.paints };
  }

  /**
   * Fit nodes in view (all, or only `ids`), from positions and sizes: no
   * label or edge measuring, unlike cy.fit().
   */
  fit(padding = 28, ids?: ReadonlySet<string>, animate = false): void {
    this.freshSize();
    const v = this.viewportFor(() => undefined, ids !== undefined && ids.size > 0 ? ids : undefined, padding);
    if (v === undefined) return;
    this.cameraMoves++;
    this.cy.stop(true, false);
    this.cameraBy = 'home';
    if (animate) this.cy.animate({ zoom: v.zoom, pan: { ...v.pan } }, { duration: 280, easing: 'ease-in-out-cubic' });
    else this.cy.viewport({ zoom: v.zoom, pan: { ...v.pan } });
  }

  zoomBy(factor: number): void {
    const cy = this.cy;
    cy.stop(true, true);
    const c = { x: cy.width() / 2, y: cy.height() / 2 };
    this.cameraMoves++;
    this.cameraBy = 'user';
    cy.zoom({ level: Math.min(cy.maxZoom(), Math.max(cy.minZoom(), cy.zoom() * factor)), renderedPosition: c });
  }


  zoom(): number {
    return this.cy.zoom();
  }

  /** The camera, when the user or a link has placed it (undefined: the automatic fit). */
  camera(): Camera | undefined {
    if (this.cameraBy === 'home') return undefined;
    const cy = this.cy;
    return cameraOf({ zoom: cy.zoom(), pan: cy.pan() }, cy.width(), cy.height());
  }

  setCamera(c: Camera): void {
    const cy = this.cy;
    cy.stop(true, false);
    this.freshSize();
    const v = panFor(c, cy.width(), cy.height(), cy.minZoom(), cy.maxZoom());
    this.cameraMoves++;
    cy.viewport({ zoom: v.zoom, pan: { ...v.pan } });
    this.cameraBy = 'user';
  }

  /** Every node's position (graph coordinates). */
  positions(): Map<string, { x: number; y: number }> {
    this.queue?.drain();
    // A new layout still moving in over frames: every node at its final place now.
    this.moves?.drain();
    const out = new Map<string, { x: number; y: number }>();
    this.cy.nodes().forEach((n) => {
      out.set(n.id(), { ...n.position() });
    });
    return out;
  }

  /** The whole graph as a PNG (Cytoscape's renderer, over the edge layer's edges when it draws them), on the given background. */
  async png(background: string, scale = 2): Promise<Blob> {
    this.queue?.drain();
    // A new layout still moving in over frames: every node at its final place now.
    this.moves?.drain();
    const layer = this.layer;
    if (layer === undefined || !layer.isActive()) return this.cy.png({ output: 'blob-promise', full: true, scale, bg: background, maxWidth: 12000, maxHeight: 12000 });
    // The box Cytoscape's full export draws (its bufferCanvasImage: every element's bounding box, at `scale`).
    const box = this.cy.elements().boundingBox();
    const top = await createImageBitmap(await this.cy.png({ output: 'blob-promise', full: true, scale, maxWidth: 12000, maxHeight: 12000 }));
    const canvas = document.createElement('canvas');
    canvas.width = top.width;
    canvas.height = top.height;
    const g = canvas.getContext('2d');
    if (g === null) throw new Error('no 2D canvas');
    g.fillStyle = background;
    g.fillRect(0, 0, canvas.width, canvas.height);
    layer.drawInto(g, box, scale);
    g.drawImage(top, 0, 0);
    top.close();
    return new Promise((resolve, reject) => canvas.toBlob((b) => (b === null ? reject(new Error('PNG encoding failed')) : resolve(b)), 'image/png'));
  }


  /** Nodes drawn for the graph's services, groups and files (an open group's title node is part of its group). */
  nodeCount(): number {
    return this.cy.nodes().length - this.cy.nodes('[titleOf]').length;
  }

  edgeCount(): number {
    return this.cy.edges().length;
  }

  classesOf(id: string): string[] {
    this.flushPending();
    const el = this.cy.getElementById(id);
    if (!el.empty()) return el.classes();
    return this.queue?.get(id)?.classes.split(' ').filter((c) => c !== '') ?? [];
  }

  dataOf(id: string): Record<string, unknown> | undefined {
    this.flushPending();
    const el = this.cy.getElementById(id);
    if (!el.empty()) return el.data() as Record<string, unknown>;
    const q = this.queue?.get(id);
    return q === undefined ? undefined : { ...q.data };
  }

  positionOf(id: string): { x: number; y: number } | undefined {
    const el = this.cy.getElementById(id);
    if (el.empty()) {
      const p = this.queue?.has(id) === true ? this.positionsGiven?.get(id) : undefined;
      return p === undefined ? undefined : { x: p.x, y: p.y };
    }
    return el.isNode() ? { ...el.position() } : undefined;
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
    if (typeof window !== 'undefined' && window.__BOOTGRAPH_CY__ === this.cy) window.__BOOTGRAPH_CY__ = undefined;
    if (this.pulseTimer !== undefined) clearInterval(this.pulseTimer);
    this.cancelDeferred();
    if (this.titleFrame !== undefined) this.frames?.cancel(this.titleFrame);
    if (this.hazardFrame !== undefined) this.frames?.cancel(this.hazardFrame);
    this.queue?.clear();
    this.moves?.clear();
    this.listeners.clear();
    if (this.layer !== undefined) {
      this.layer.canvas.parentElement?.removeEventListener('mouseleave', this.leave);
      this.layer.destroy();
    }
    this.cy.destroy();
  }
}

/** A node box lies whole inside a view's extent (graph units). */
function within(b: NodeBox, ext: { readonly x1: number; readonly x2: number; readonly y1: number; readonly y2: number }): boolean {
  return b.x - b.w / 2 >= ext.x1 && b.x + b.w / 2 <= ext.x2 && b.y - b.h / 2 >= ext.y1 && b.y + b.h / 2 <= ext.y2;
}
