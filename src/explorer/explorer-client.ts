/**
 * Runs explorations in the explorer worker, one at a time (issue 17): start
 * with a scenario and parameters, hear progress, cancel. Framework-free; the
 * Explore panel reaches it through the explorer store. Without Worker (unit
 * tests, very old browsers) the same slices run on the page.
 */
import type { Exploration, ExploreParams } from '../engine/explore.ts';
import type { Scenario } from '../model/scenario/types.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { exploreInSlices } from './run-loop.ts';

export interface ExploreProgress {
  readonly done: number;
  readonly total: number;
  readonly classes: number;
}

export type ExploreOutcome = { readonly status: 'done'; readonly result: Exploration; readonly ms: number } | { readonly status: 'cancelled' } | { readonly status: 'error'; readonly message: string };

export interface ExploreJob {
  readonly outcome: Promise<ExploreOutcome>;
  cancel(): void;
}

export interface ExplorerClient {
  start(scenario: Scenario, params: ExploreParams, onProgress: (p: ExploreProgress) => void): ExploreJob;
  dispose(): void;
}

export function createExplorerClient(makeWorker: (() => Worker) | undefined = defaultWorker()): ExplorerClient {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, { resolve: (o: ExploreOutcome) => void; onProgress: (p: ExploreProgress) => void }>();
  const onMessage = (e: MessageEvent<FromWorker>): void => {
    const m = e.data;
    const p = pending.get(m.id);
    if (p === undefined) return;
    if (m.type === 'progress') {
      p.onProgress({ done: m.done, total: m.total, classes: m.classes });
      return;
    }
    pending.delete(m.id);
    p.resolve(m.type === 'done' ? { status: 'done', result: m.result, ms: m.ms } : m.type === 'cancelled' ? { status: 'cancelled' } : { status: 'error', message: m.message });
  };
  const post = (w: Worker, m: ToWorker): void => w.postMessage(m);

  return {
    start(scenario, params, onProgress) {
      const id = nextId++;
      for (const [other, p] of pending) {
        pending.delete(other);
        p.resolve({ status: 'cancelled' });
      }
      if (makeWorker === undefined) return inPage(scenario, params, onProgress);
      if (worker === undefined) {
        worker = makeWorker();
        worker.addEventListener('message', onMessage);
        worker.addEventListener('error', (ev) => {
          for (const [k, p] of pending) {
            pending.delete(k);
            p.resolve({ status: 'error', message: `The explorer stopped: ${ev.message || 'its worker failed to load'}` });
          }
          worker?.terminate();
          worker = undefined;
        });
      }
      const w = worker;
      const outcome = new Promise<ExploreOutcome>((resolve) => pending.set(id, { resolve, onProgress }));
      post(w, { type: 'start', id, scenario, params });
      return {
        outcome,
        cancel: () => {
          const p = pending.get(id);
          if (p === undefined) return;
          post(w, { type: 'cancel', id });
        },
      };
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
      for (const [k, p] of pending) {
        pending.delete(k);
        p.resolve({ status: 'cancelled' });
      }
    },
  };
}

function defaultWorker(): (() => Worker) | undefined {
  if (typeof Worker === 'undefined') return undefined;
  return () => new Worker(new URL('./explore.worker.ts', import.meta.url), { type: 'module', name: 'bootgraph-explorer' });
}

function inPage(scenario: Scenario, params: ExploreParams, onProgress: (p: ExploreProgress) => void): ExploreJob {
  let stop = false;
  const t0 = Date.now();
  const outcome = exploreInSlices(scenario, params, {
    progress: (done, total, classes) => onProgress({ done, total, classes }),
    cancelled: () => stop,
    pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
    now: () => Date.now(),
  }).then(
    (result): ExploreOutcome => (result === undefined ? { status: 'cancelled' } : { status: 'done', result, ms: Date.now() - t0 }),
    (err: unknown): ExploreOutcome => ({ status: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
  return {
    outcome,
    cancel: () => {
      stop = true;
    },
  };
}
