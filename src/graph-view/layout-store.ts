/**
 * Layouts kept across visits: the ELK layouts of the last few structures the
 * user opened (an imported or edited scenario has no precomputed layout) are
 * stored in localStorage, so a reload or a return visit draws them at once
 * instead of laying them out again. Bounded in count and size; storage that
 * is missing, full or corrupt only means the worker lays the graph out again.
 */
import { parseLayoutSeeds, seedPositions, toSeed } from './layout-seeds.ts';
import type { Positions } from './layout-simple.ts';

export interface LayoutStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem?(key: string): void;
}

/**
 * v2: layouts stored before issue 12 chose each graph's direction (downward or rightward, whichever draws larger)
 * would keep the old one; they are dropped, not read.
 */
export const LAYOUT_STORE_KEY = 'bootgraph.layouts.v2';
/** Keys of earlier versions, removed from storage the first time this store reads it. */
export const RETIRED_LAYOUT_KEYS: readonly string[] = ['bootgraph.layouts.v1'];

export interface LayoutStoreOptions {
  /** Structures kept (least recently stored are dropped first). */
  readonly capacity?: number;
  /** Bigger structures are not stored (they would crowd out the autosave). */
  readonly maxNodes?: number;
}

interface Stored {
  readonly order: readonly string[];
  readonly views: Readonly<Record<string, Readonly<Record<string, readonly [number, number]>>>>;
}

export class LayoutStore {
  private readonly capacity: number;
  private readonly maxNodes: number;
  /** What storage held when first read, kept in step with what this page writes (parsed once, not per lookup). */
  private current: Stored | undefined;

  constructor(
    private readonly storage: LayoutStorage | undefined,
    opts: LayoutStoreOptions = {},
  ) {
    this.capacity = opts.capacity ?? 8;
    this.maxNodes = opts.maxNodes ?? 1200;
  }

  get(key: string, ids: readonly string[]): Positions | undefined {
    const view = this.read().views[key];
    return view === undefined ? undefined : seedPositions(view, ids);
  }

  put(key: string, ids: readonly string[], positions: Positions): void {
    if (this.storage === undefined || ids.length > this.maxNodes) return;
    const now = this.read();
    const order = [...now.order.filter((k) => k !== key), key];
    const views: Record<string, Readonly<Record<string, readonly [number, number]>>> = { ...now.views, [key]: toSeed(ids, positions) };
    while (order.length > this.capacity) {
      const drop = order.shift();
      if (drop !== undefined) delete views[drop];
    }
    this.current = { order, views };
    try {
      this.storage.setItem(LAYOUT_STORE_KEY, JSON.stringify({ order, views }));
    } catch {
      // Quota exceeded or storage disabled: keep going without it.
    }
  }

  private read(): Stored {
    this.current ??= this.load();
    return this.current;
  }

  private load(): Stored {
    if (this.storage === undefined) return { order: [], views: {} };
    for (const old of RETIRED_LAYOUT_KEYS) {
      try {
        this.storage.removeItem?.(old);
      } catch {
        // Storage disabled: nothing to drop.
      }
    }
    try {
      const raw: unknown = JSON.parse(this.storage.getItem(LAYOUT_STORE_KEY) ?? 'null');
      if (typeof raw !== 'object' || raw === null) return { order: [], views: {} };
      const { order, views } = raw as { order?: unknown; views?: unknown };
      const parsed = parseLayoutSeeds(views);
      if (parsed === undefined || !Array.isArray(order) || !order.every((k): k is string => typeof k === 'string')) return { order: [], views: {} };
      return { order: order.filter((k) => parsed[k] !== undefined), views: parsed };
    } catch {
      return { order: [], views: {} };
    }
  }
}
