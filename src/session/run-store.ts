/**
 * The run on screen, outside React: subscribed to the document store, it
 * loads the base scenario (a preset, once) and asks its engine to simulate
 * the document (the only path to simulate() in the app: simulator.ts). A
 * synchronous engine publishes the new run in the same task as the change;
 * a worker engine (worker/worker-engine.ts) answers later, and meanwhile the
 * previous run stays on screen with `pending` set, so the page never waits
 * on a simulation to stay interactive. Results that arrive after a newer
 * change are dropped. Framework-free: any view subscribes to it.
 */
import type { Scenario } from '../model/scenario/types.ts';
import { assembleRun, deriveTraces, type Derived, type DerivedRun, type PreparedAcross, type Run, type RunRequest } from './derive-run.ts';
import type { DocStore } from './doc-store.ts';
import type { ScenarioSource } from './document.ts';
import { createSimulator, type Simulator } from './simulator.ts';

export type RunState =
  | { readonly status: 'loading'; readonly label: string }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'ready'; readonly run: Run };

export interface RunSnapshot {
  readonly state: RunState;
  /** A newer document is being simulated; `state` still shows the previous run. */
  readonly pending: boolean;
}

/**
 * Simulates a document over a base scenario: at once (in this thread) or
 * later (a worker, which answers with the run's indexes prepared too).
 */
export interface RunEngine {
  derive(base: Scenario, request: RunRequest): Derived | Promise<DerivedRun>;
  /**
   * While the page is idle: get ready for the next change of this document (the worker: started, sent the base,
   * its code warmed by simulating the document once). Optional.
   */
  warm?(base: Scenario, request: RunRequest): void;
  dispose(): void;
}

/** Where the built-in scenarios come from. */
export interface BaseLoader {
  load(id: string): Promise<Scenario>;
  label(id: string): string;
}

/** The engine that simulates in the calling thread (tests, the CLI's needs, and the fallback when workers are unavailable). */
export function localEngine(sim: Simulator = createSimulator()): RunEngine {
  return { derive: (base, request) => deriveTraces(base, request, sim), dispose: () => undefined };
}

/**
 * How a new run of a change reaches the views: `publish` puts it in the store
 * (and tells every follower); the session's presenter draws the graph's
 * picture before the views hear of it (picture.ts). Default: publish.
 */
export type Presenter = (publish: () => void) => void;

const RUNS_PER_BASE = 12;

interface Asked {
  readonly source: ScenarioSource;
  readonly conditions: RunRequest['conditions'];
  readonly interventions: RunRequest['interventions'];
  readonly boot: number;
  readonly timing: RunRequest['timing'];
}

const requestKey = (r: RunRequest): string => JSON.stringify([r.conditions, r.interventions, r.boot, r.timing]);

function isPromise<T, U>(v: T | Promise<U>): v is Promise<U> {
  return typeof (v as { then?: unknown }).then === 'function';
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class RunStore {
  private snapshot: RunSnapshot = { state: { status: 'loading', label: '' }, pending: false };
  private readonly listeners = new Set<() => void>();
  private readonly presets = new Map<string, Scenario>();
  private readonly runs = new WeakMap<Scenario, Map<string, Run>>();
  private readonly local: Simulator;
  private asked: Asked | undefined;
  private seq = 0;
  private stop: (() => void) | undefined;
  private present: Presenter = (publish) => publish();

  constructor(
    private readonly doc: DocStore,
    private readonly engine: RunEngine,
    private readonly bases: BaseLoader,
    local?: Simulator,
  ) {
    this.local = local ?? createSimulator();
  }

  /** Follow the document; returns a function that stops. */
  start(): () => void {
    this.stop ??= this.doc.subscribe(() => this.update());
    this.update();
    return () => this.dispose();
  }

  dispose(): void {
    this.stop?.();
    this.stop = undefined;
    this.engine.dispose();
  }

  /** The session's presenter (create-session.ts: the graph's picture first). */
  presentWith(p: Presenter): void {
    this.present = p;
  }

  getSnapshot = (): RunSnapshot => this.snapshot;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  /** The run on screen, if there is one (possibly about to be replaced: see `pending`). */
  current(): Run | undefined {
    const s = this.snapshot.state;
    return s.status === 'ready' ? s.run : undefined;
  }

  /** The run on screen is the document's (nothing loading or simulating). */
  settled(): boolean {
    return !this.snapshot.pending && this.snapshot.state.status !== 'loading';
  }

  /** Resolves once the run on screen is the document's. */
  whenSettled(): Promise<void> {
    if (this.settled()) return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.subscribe(() => {
        if (!this.settled()) return;
        off();
        resolve();
      });
    });
  }

  /**
   * Another document over the same base (the Compare view's second boot, a
   * tour's own boot), simulated here and now, cached like the run on screen.
   */
  derive(base: Scenario, request: RunRequest): Run {
    const key = requestKey(request);
    const hit = this.cached(base, key);
    if (hit !== undefined) return hit;
    const run = assembleRun(base, deriveTraces(base, request, this.local));
    this.remember(base, key, run);
    return run;
  }

  /** While the page is idle (main.tsx, after the first graph): the engine gets ready for a change of the run on screen. */
  warmEngine(): void {
    const run = this.current();
    const a = this.asked;
    if (run === undefined || a === undefined) return;
    this.engine.warm?.(run.base, { conditions: a.conditions, interventions: a.interventions, boot: a.boot, ...(a.timing === undefined ? {} : { timing: a.timing }) });
  }

  private set(next: RunSnapshot): void {
    if (next.state === this.snapshot.state && next.pending === this.snapshot.pending) return;
    this.snapshot = next;
    for (const fn of [...this.listeners]) fn();
  }

  private update(): void {
    const d = this.doc.getState();
    const a = this.asked;
    if (a !== undefined && a.source === d.source && a.conditions === d.conditions && a.interventions === d.interventions && a.boot === d.boot && a.timing === d.timing) return;
    this.asked = { source: d.source, conditions: d.conditions, interventions: d.interventions, boot: d.boot, timing: d.timing };
    const seq = ++this.seq;
    const request: RunRequest = { conditions: d.conditions, interventions: d.interventions, boot: d.boot, ...(d.timing === undefined ? {} : { timing: d.timing }) };
    const src = d.source;
    if (src.kind === 'inline') return this.simulate(seq, src.scenario, request, src.scenario.name);
    const loaded = this.presets.get(src.id);
    if (loaded !== undefined) return this.simulate(seq, loaded, request, this.bases.label(src.id));
    const label = this.bases.label(src.id);
    this.set({ state: { status: 'loading', label }, pending: false });
    this.bases.load(src.id).then(
      (scenario) => {
        this.presets.set(src.id, scenario);
        if (seq === this.seq) this.simulate(seq, scenario, request, label);
      },
      (err: unknown) => {
        if (seq === this.seq) this.set({ state: { status: 'error', message: message(err) }, pending: false });
      },
    );
  }

  private simulate(seq: number, base: Scenario, request: RunRequest, label: string): void {
    const key = requestKey(request);
    const hit = this.cached(base, key);
    if (hit !== undefined) return this.show(hit);
    let out: Derived | Promise<DerivedRun>;
    try {
      out = this.engine.derive(base, request);
    } catch (e) {
      return this.fail(e);
    }
    if (!isPromise(out)) return this.publish(base, key, out);
    const prev = this.snapshot.state;
    // Keep the boot on screen while its variant is simulated; a new scenario shows the placeholder.
    const keep = prev.status === 'ready' && prev.run.base === base;
    this.set({ state: keep ? prev : { status: 'loading', label }, pending: keep });
    out.then(
      (d) => {
        if (seq === this.seq) this.publish(base, key, d.derived, d.prepared);
      },
      (e: unknown) => {
        if (seq === this.seq) this.fail(e);
      },
    );
  }

  private publish(base: Scenario, key: string, derived: Derived, prepared?: PreparedAcross): void {
    let run: Run;
    try {
      run = assembleRun(base, derived, prepared);
    } catch (e) {
      return this.fail(e);
    }
    this.remember(base, key, run);
    this.show(run);
  }

  private show(run: Run): void {
    const prev = this.snapshot.state;
    // A new run of the boot on screen goes through the presenter; a first run, or another scenario's, at once.
    if (prev.status === 'ready' && prev.run !== run && prev.run.base === run.base) this.present(() => this.set({ state: { status: 'ready', run }, pending: false }));
    else this.set({ state: { status: 'ready', run }, pending: false });
  }

  private fail(e: unknown): void {
    this.set({ state: { status: 'error', message: `The simulation failed: ${message(e)}` }, pending: false });
  }

  private cached(base: Scenario, key: string): Run | undefined {
    const byKey = this.runs.get(base);
    const hit = byKey?.get(key);
    if (byKey === undefined || hit === undefined) return undefined;
    byKey.delete(key);
    byKey.set(key, hit);
    return hit;
  }

  private remember(base: Scenario, key: string, run: Run): void {
    let byKey = this.runs.get(base);
    if (byKey === undefined) {
      byKey = new Map();
      this.runs.set(base, byKey);
    }
    byKey.set(key, run);
    while (byKey.size > RUNS_PER_BASE) {
      const oldest = byKey.keys().next().value;
      if (oldest === undefined) break;
      byKey.delete(oldest);
    }
  }
}
