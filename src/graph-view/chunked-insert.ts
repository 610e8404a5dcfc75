/**
 * Chunked element insertion. Adding a big graph to Cytoscape in one go makes
 * one task that adds, styles, measures and draws every element (seconds for
 * 1,000 nodes on a machine without a GPU). The queue instead hands the
 * elements over in slices, one slice per animation frame, nodes before
 * edges, and sizes the slices from the frame times it sees so that each
 * frame (the slice plus Cytoscape's redraw) stays near a budget.
 *
 * Elements that are queued can still change (a newer frame of the same
 * graph) or disappear (another graph opened) before they are inserted.
 * No DOM here: the scheduler is injected (requestAnimationFrame in the app,
 * a manual one in tests).
 */
import type { ElementDef } from './to-elements.ts';

export interface FrameScheduler {
  request(cb: (now: number) => void): number;
  cancel(id: number): void;
}

export interface ChunkOptions {
  /** First slice, in elements. */
  readonly initial?: number;
  readonly min?: number;
  readonly max?: number;
  /** A frame (slice + redraw) longer than this shrinks the next slice; under half of it grows it. */
  readonly budgetMs?: number;
  /**
   * Never take more frames than this for what is queued: every frame redraws
   * what is already in, so on a huge graph small slices would only multiply
   * full redraws.
   */
  readonly maxFrames?: number;
}

export class InsertQueue {
  private readonly nodes = new Map<string, ElementDef>();
  private readonly edges = new Map<string, ElementDef>();
  private slice: number;
  private readonly min: number;
  private readonly max: number;
  private readonly budget: number;
  private readonly maxFrames: number;
  /** The smallest slice that still finishes the current backlog within maxFrames. */
  private floor = 0;
  private frame: number | undefined;
  private lastFrameAt: number | undefined;
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
    this.slice = opts.initial ?? 160;
    this.budget = opts.budgetMs ?? 40;
    this.maxFrames = opts.maxFrames ?? 10;
  }

  get size(): number {
    return this.nodes.size + this.edges.size;
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

  private cancelFrame(): void {
    if (this.frame !== undefined) this.scheduler.cancel(this.frame);
    this.frame = undefined;
    this.lastFrameAt = undefined;
    this.floor = 0;
  }

  private schedule(): void {
    if (this.frame !== undefined || this.size === 0) return;
    this.frame = this.scheduler.request((now) => this.pump(now));
  }

  /** Nodes first: every edge that is inserted finds its endpoints. */
  private take(n: number): ElementDef[] {
    const out: ElementDef[] = [];
    for (const source of [this.nodes, this.edges]) {
      if (source === this.edges && this.nodes.size > 0) break;
      for (const [id, d] of source) {
        if (out.length >= n) return out;
        out.push(d);
        source.delete(id);
      }
    }
    return out;
  }

  private pump(now: number): void {
    this.frame = undefined;
    // The previous frame held the previous slice and its redraw: size this one from it.
    if (this.lastFrameAt !== undefined) {
      const took = now - this.lastFrameAt;
      if (took > this.budget) this.slice = Math.max(this.min, Math.floor(this.slice * Math.min(0.7, this.budget / took)));
      else if (took < this.budget / 2) this.slice = Math.min(this.max, Math.ceil(this.slice * 1.5));
    }
    this.lastFrameAt = now;
    const defs = this.take(Math.max(this.slice, this.floor));
    if (defs.length > 0) {
      this.insert(defs);
      this.slices++;
    }
    if (this.size > 0) this.schedule();
    else {
      this.lastFrameAt = undefined;
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
