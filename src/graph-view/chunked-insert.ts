/**
 * Chunked element insertion. Adding a big graph to Cytoscape in one go makes
 * one task that adds, styles, measures and draws every element (seconds for
 * 1,000 nodes on a machine without a GPU). The queue instead hands the
 * elements over in slices, one slice per animation frame: the nodes the
 * caller prefers first (the adapter: those in view, so that the first
 * picture is the whole view, not a random part of the graph), then the other
 * nodes, then the edges (a slice never mixes the two: every edge finds its
 * endpoints, and a node slice and an edge slice cost differently).
 *
 * Each slice is sized from what inserting the previous slices of its kind
 * cost per element (the caller's insert adds, styles and measures them), so
 * that the insertion's own work in a frame stays near a budget and leaves the
 * rest of the frame to the redraw; not from the frame's length, which on a
 * shared machine is mostly waiting for a core.
 *
 * Elements that are queued can still change (a newer frame of the same
 * graph) or disappear (another graph opened) before they are inserted.
 * No DOM here: the scheduler and the clock are injected (requestAnimationFrame
 * and performance.now in the app, manual ones in tests).
 */
import type { ElementDef } from './to-elements.ts';

export interface FrameScheduler {
  request(cb: (now: number) => void): number;
  cancel(id: number): void;
}

export interface ChunkOptions {
  /** First slice of each kind (nodes, edges), in elements, before any cost is known. */
  readonly initial?: number;
  readonly min?: number;
  readonly max?: number;
  /** The insertion's own work per frame (ms): slices are sized so that inserting one takes about this long. */
  readonly budgetMs?: number;
  /**
   * Never take more frames than this for what is queued: every frame redraws
   * what is already in, so on a huge graph small slices would only multiply
   * full redraws.
   */
  readonly maxFrames?: number;
  /** Which queued nodes go first (asked once per slice, e.g. those in view now); undefined: queue order. */
  readonly prefer?: () => ((d: ElementDef) => boolean) | undefined;
  /** The clock that times each slice's insertion (ms). */
  readonly now?: () => number;
}

type Kind = 'nodes' | 'edges';

/** A box in graph coordinates (Cytoscape's extent). */
export interface Box {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/**
 * The nodes to insert first when `box` is the view: those whose node box (at the position given to it, of the size
 * its data gives, w × h) overlaps it. Nodes without a position are not preferred.
 */
export function inBox(box: Box, positionOf: (id: string) => { readonly x: number; readonly y: number } | undefined): (d: ElementDef) => boolean {
  return (d) => {
    const p = positionOf(d.data.id);
    if (p === undefined) return false;
    const w = Number(d.data['w'] ?? 40) / 2;
    const h = Number(d.data['h'] ?? 26) / 2;
    return p.x + w >= box.x1 && p.x - w <= box.x2 && p.y + h >= box.y1 && p.y - h <= box.y2;
  };
}

export class InsertQueue {
  private readonly nodes = new Map<string, ElementDef>();
  private readonly edges = new Map<string, ElementDef>();
  private readonly initial: number;
  private readonly min: number;
  private readonly max: number;
  private readonly budget: number;
  private readonly maxFrames: number;
  private readonly prefer: (() => ((d: ElementDef) => boolean) | undefined) | undefined;
  private readonly now: () => number;
  /** Measured insertion cost per element (ms), by kind; undefined until a slice of that kind went in. */
  private readonly cost: Record<Kind, number | undefined> = { nodes: undefined, edges: undefined };
  /** The smallest slice that still finishes the current backlog within maxFrames. */
  private floor = 0;
  private frame: number | undefined;
  private waiters: (() => void)[] = [];
  /** Slices inserted so far (for tests and the bench). */
  slices = 0;

  constructor(
    private readonly insert: (defs: readonly ElementDef[]) => void,
    private readonly scheduler: FrameScheduler,
    opts: ChunkOptions = {},
  ) {
    this.min = opts.min ?? 40;
    this.max = opts.max ?? 2000;
    this.initial = opts.initial ?? 160;
    this.budget = opts.budgetMs ?? 24;
    this.maxFrames = opts.maxFrames ?? 40;
    this.prefer = opts.prefer;
    this.now = opts.now ?? (() => performance.now());
  }

  get size(): number {
    return this.nodes.size + this.edges.size;
  }

  /** Edges are waiting (every queued node goes in before any of them). */
  get edgesPending(): boolean {
    return this.edges.size > 0;
  }

  has(id: string): boolean {
    return this.nodes.has(id) || this.edges.has(id);
  }

  get(id: string): ElementDef | undefined {
    return this.nodes.get(id) ?? this.edges.get(id);
  }

  /** Queue elements (or replace queued ones with a newer definition). */
  enqueue(defs: readonly ElementDef[]): void {
    for (const d of defs) (d.group === 'nodes' ? this.nodes : this.edges).set(d.data.id, d);
    this.floor = Math.max(this.floor, Math.ceil(this.size / this.maxFrames));
    this.schedule();
  }

  /** Forget a queued element; false if it was not queued. */
  delete(id: string): boolean {
    const hit = this.nodes.delete(id) || this.edges.delete(id);
    if (hit && this.size === 0) this.settle();
    return hit;
  }

  /** Resolves once everything queued so far has been inserted (or dropped). */
  settled(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Insert everything now (a caller needs the whole graph, e.g. an export). */
  drain(): void {
    this.cancelFrame();
    while (this.size > 0) this.insert(this.take(Number.MAX_SAFE_INTEGER));
    this.settle();
  }

  /** Drop everything (the canvas is going away). */
  clear(): void {
    this.cancelFrame();
    this.nodes.clear();
    this.edges.clear();
    this.settle();
  }

  /** The next slice's size: the budget over the measured cost of its kind, within min/max, never under the floor. */
  sliceSize(): number {
    const kind: Kind = this.nodes.size > 0 ? 'nodes' : 'edges';
    const c = this.cost[kind];
    const n = c === undefined ? this.initial : Math.floor(this.budget / Math.max(c, 1e-3));
    return Math.max(this.floor, Math.min(this.max, Math.max(this.min, n)));
  }

  private cancelFrame(): void {
    if (this.frame !== undefined) this.scheduler.cancel(this.frame);
    this.frame = undefined;
    this.floor = 0;
  }

  private schedule(): void {
    if (this.frame !== undefined || this.size === 0) return;
    this.frame = this.scheduler.request(() => this.pump());
  }

  /** Nodes first (the preferred ones before the others), then edges; a slice holds one kind only. */
  private take(n: number): ElementDef[] {
    const out: ElementDef[] = [];
    const source = this.nodes.size > 0 ? this.nodes : this.edges;
    const first = source === this.nodes && n < source.size ? this.prefer?.() : undefined;
    if (first !== undefined) {
      for (const [id, d] of source) {
        if (out.length >= n) break;
        if (!first(d)) continue;
        out.push(d);
        source.delete(id);
      }
    }
    for (const [id, d] of source) {
      if (out.length >= n) break;
      out.push(d);
      source.delete(id);
    }
    return out;
  }

  private pump(): void {
    this.frame = undefined;
    const kind: Kind = this.nodes.size > 0 ? 'nodes' : 'edges';
    const defs = this.take(this.sliceSize());
    if (defs.length > 0) {
      const t0 = this.now();
      this.insert(defs);
      const per = (this.now() - t0) / defs.length;
      const was = this.cost[kind];
      // Smoothed, so that one frame interrupted by other work does not halve the next slice.
      this.cost[kind] = was === undefined ? per : 0.5 * was + 0.5 * per;
      this.slices++;
    }
    if (this.size > 0) this.schedule();
    else {
      this.floor = 0;
      this.settle();
    }
  }

  private settle(): void {
    if (this.size > 0) return;
    const w = this.waiters;
    this.waiters = [];
    for (const fn of w) fn();
  }
}
