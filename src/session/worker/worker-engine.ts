/**
 * The run store's engine in a Web Worker (issue 16): the main thread sends
 * the document; the worker simulates it and prepares the run's indexes
 * (dependencies, graph model, instants), and the main thread only receives
 * them and makes the seeker (derive-run.ts). The first run of a page is
 * simulated here, at once (the engine is already loaded and nothing is on
 * screen to keep interactive; a worker would first have to fetch and compile
 * its own copy of the engine); the worker starts right after it and takes
 * every later change. A request the worker cannot answer (it failed to
 * start, or crashed) is simulated here instead, so the app always gets its run.
 */
import type { Scenario } from '../../model/scenario/types.ts';
import { deriveTraces, type Derived, type DerivedRun, type RunRequest } from '../derive-run.ts';
import type { RunEngine } from '../run-store.ts';
import { createSimulator, type Simulator } from '../simulator.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

/** What the engine needs of a Worker (a fake in tests). */
export interface WorkerPort {
  postMessage(m: ToWorker): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  terminate(): void;
}

interface Pending {
  readonly base: Scenario;
  readonly baseKey: number;
  readonly request: RunRequest;
  readonly resolve: (d: DerivedRun) => void;
  readonly reject: (e: Error) => void;
}

export class WorkerEngine implements RunEngine {
  private readonly keys = new WeakMap<Scenario, number>();
  private readonly sent = new Set<number>();
  private readonly pending = new Map<number, Pending>();
  private nextKey = 1;
  private nextId = 1;
  private port: WorkerPort | undefined;
  private started = false;
  private readonly here: Simulator = createSimulator();
  private first = true;

  constructor(private readonly create: () => WorkerPort) {}

  /**
   * Start the worker now (it is started on first use otherwise); with a document, also send it the base and have
   * it simulate that document once, its answer dropped: the first change then finds the base in the worker, its
   * graph resolved and the simulation's code compiled (issue 16: the first change of a page paid all three).
   */
  warm(base?: Scenario, request?: RunRequest): void {
    this.start();
    if (base === undefined || request === undefined || this.port === undefined) return;
    const baseKey = this.keyOf(base);
    if (this.sent.has(baseKey)) return;
    const id = this.nextId++;
    const p: Pending = { base, baseKey, request, resolve: () => undefined, reject: () => undefined };
    this.pending.set(id, p);
    this.send(id, p, true);
  }

  private keyOf(base: Scenario): number {
    let key = this.keys.get(base);
    if (key === undefined) {
      key = this.nextKey++;
      this.keys.set(base, key);
    }
    return key;
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    try {
      const port = this.create();
      port.onmessage = (e) => this.receive(e.data);
      port.onerror = () => this.abandon();
      this.port = port;
    } catch {
      this.port = undefined;
    }
  }

  derive(base: Scenario, request: RunRequest): Derived | Promise<DerivedRun> {
    if (this.first) {
      this.first = false;
      return deriveTraces(base, request, this.here);
    }
    this.start();
    const key = this.keyOf(base);
    return new Promise<DerivedRun>((resolve, reject) => {
      const id = this.nextId++;
      const p: Pending = { base, baseKey: key, request, resolve, reject };
      if (this.port === undefined) return this.local(p);
      this.pending.set(id, p);
      this.send(id, p, !this.sent.has(key));
    });
  }

  dispose(): void {
    this.port?.terminate();
    this.port = undefined;
    for (const p of this.pending.values()) p.reject(new Error('The simulation was stopped.'));
    this.pending.clear();
  }

  private send(id: number, p: Pending, withBase: boolean): void {
    if (withBase) this.sent.add(p.baseKey);
    this.port?.postMessage({ type: 'derive', id, baseKey: p.baseKey, request: p.request, ...(withBase ? { base: p.base } : {}) });
  }

  private receive(m: FromWorker): void {
    const p = this.pending.get(m.id);
    if (p === undefined) return;
    if (m.type === 'need-base') return this.send(m.id, p, true);
    this.pending.delete(m.id);
    if (m.type === 'derived') p.resolve({ derived: m.derived, prepared: m.prepared });
    else p.reject(new Error(m.message));
  }

  /** The worker died: answer what it owed here, and simulate here from now on. */
  private abandon(): void {
    this.port?.terminate();
    this.port = undefined;
    const owed = [...this.pending.values()];
    this.pending.clear();
    for (const p of owed) this.local(p);
  }

  private local(p: Pending): void {
    try {
      p.resolve({ derived: deriveTraces(p.base, p.request, this.here) });
    } catch (e) {
      p.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }
}

/** The browser's simulation worker (a module worker; Vite bundles run-worker.ts as its own chunk). */
export function browserRunWorker(): WorkerPort {
  return new Worker(new URL('./run-worker.ts', import.meta.url), { type: 'module', name: 'bootgraph-simulation' }) as unknown as WorkerPort;
}
