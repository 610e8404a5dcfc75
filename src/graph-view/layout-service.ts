/**
 * Layout once per graph structure, reuse across re-simulations: positions are
 * cached by the model's structure key. A layout engine that fails (or takes
 * too long) falls back to the simple layered layout, and says so.
 */
import { placedIds, type GraphModel } from './model.ts';
import { chooseDirection, simpleLayout, type Positions } from './layout-simple.ts';
import type { LayoutSeedRegistry } from './layout-seeds.ts';
import type { LayoutStore } from './layout-store.ts';

/** precomputed: ELK's layout computed when the project was built (layout-seeds.ts). */
export type LayoutSource = 'elk' | 'fallback' | 'precomputed';

export interface LayoutResult {
  readonly positions: Positions;
  readonly source: LayoutSource;
  /** Wall time of the computation (0 when served from the cache). */
  readonly ms: number;
  readonly cached: boolean;
  readonly error?: string;
}

export type LayoutEngine = (model: GraphModel) => Promise<Positions>;

export interface LayoutServiceOptions {
  readonly engine: LayoutEngine;
  readonly timeoutMs?: number;
  readonly now?: () => number;
  /** Cache capacity (structures); the oldest is evicted. */
  readonly capacity?: number;
  /** Layouts shipped with the built-in presets, consulted before the engine. */
  readonly seeds?: LayoutSeedRegistry;
  /** ELK layouts kept across visits (localStorage), consulted after the seeds. */
  readonly store?: LayoutStore;
}

export class LayoutService {
  private readonly cache = new Map<string, LayoutResult>();
  private readonly inFlight = new Map<string, Promise<LayoutResult>>();
  private readonly engine: LayoutEngine;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private readonly capacity: number;
  private readonly seeds: LayoutSeedRegistry | undefined;
  private readonly store: LayoutStore | undefined;

  constructor(opts: LayoutServiceOptions) {
    this.engine = opts.engine;
    this.timeoutMs = opts.timeoutMs ?? 20_000;
    this.now = opts.now ?? (() => performance.now());
    this.capacity = opts.capacity ?? 24;
    this.seeds = opts.seeds;
    this.store = opts.store;
  }

  /**
   * A layout available now: computed earlier for this structure, or shipped
   * with a preset. `model` is needed for the latter (the seed must place
   * every node).
   */
  cached(key: string, model?: GraphModel): LayoutResult | undefined {
    const hit = this.cache.get(key);
    if (hit !== undefined) return { ...hit, cached: true, ms: 0 };
    if (model === undefined) return undefined;
    const ids = placedIds(model);
    const seeded = this.seeds?.lookup(key, ids);
    if (seeded !== undefined) return { positions: seeded, source: 'precomputed', ms: 0, cached: true };
    const stored = this.store?.get(key, ids);
    if (stored === undefined) return undefined;
    const r: LayoutResult = { positions: stored, source: 'elk', ms: 0, cached: true };
    this.remember(key, r);
    return r;
  }

  layout(model: GraphModel): Promise<LayoutResult> {
    const hit = this.cached(model.key, model);
    if (hit !== undefined) return Promise.resolve(hit);
    const running = this.inFlight.get(model.key);
    if (running !== undefined) return running;
    const started = this.now();
    const job = this.withTimeout(this.engine(model))
      .then((positions): LayoutResult => ({ positions: complete(model, positions), source: 'elk', ms: this.now() - started, cached: false }))
      .catch((err: unknown): LayoutResult => ({
        positions: simpleLayout(model, { direction: chooseDirection(model) }),
        source: 'fallback',
        ms: this.now() - started,
        cached: false,
        error: err instanceof Error ? err.message : String(err),
      }))
      .then((r) => {
        this.inFlight.delete(model.key);
        this.remember(model.key, r);
        // Only real ELK layouts are kept across visits (a fallback is retried next time).
        if (r.source === 'elk') this.store?.put(model.key, placedIds(model), r.positions);
        return r;
      });
    this.inFlight.set(model.key, job);
    return job;
  }

  private remember(key: string, r: LayoutResult): void {
    this.cache.set(key, r);
    while (this.cache.size > this.capacity) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
  }

  private withTimeout<T>(p: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`layout took longer than ${this.timeoutMs} ms`)), this.timeoutMs);
      p.then(
        (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        (e: unknown) => {
          clearTimeout(timer);
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });
  }
}

/** Every node gets a position (an engine that dropped some is patched from the simple layout). */
function complete(model: GraphModel, positions: Positions): Positions {
  const ids = placedIds(model);
  if (ids.every((id) => positions.has(id))) return positions;
  const fallback = simpleLayout(model, { direction: chooseDirection(model) });
  const out = new Map(positions);
  for (const id of ids) if (!out.has(id)) out.set(id, fallback.get(id) ?? { x: 0, y: 0 });
  return out;
}
