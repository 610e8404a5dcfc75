import { describe, expect, it } from 'vitest';
import { demoScenario, failingBootScenario } from '../../testing/fixtures.ts';
import { completePrepared, deriveTraces, prepareRun, prepareToSend, type Derived, type DerivedRun } from '../derive-run.ts';
import { createSimulator } from '../simulator.ts';
import { createWorkerHandler } from './handler.ts';
import type { FromWorker, ToWorker } from './protocol.ts';
import { WorkerEngine, type WorkerPort } from './worker-engine.ts';

/** A worker in the same thread: messages are delivered when the test says. */
class FakeWorker implements WorkerPort {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  readonly inbox: ToWorker[] = [];
  terminated = false;
  constructor(private handle = createWorkerHandler()) {}
  postMessage(m: ToWorker): void {
    this.inbox.push(m);
  }
  terminate(): void {
    this.terminated = true;
  }
  deliverAll(): void {
    for (const m of this.inbox.splice(0)) this.onmessage?.({ data: this.handle(m) } as MessageEvent<FromWorker>);
  }
  forget(): void {
    this.handle = createWorkerHandler();
  }
  crash(): void {
    this.onerror?.({} as ErrorEvent);
  }
}

/** A later answer (the engine answered through the worker, or its fallback). */
function later(x: Derived | Promise<DerivedRun>): Promise<DerivedRun> {
  if (!(x instanceof Promise)) throw new Error('answered at once');
  return x;
}

const REQ = { conditions: {}, interventions: [], boot: 0 };
const RESTART = { conditions: {}, interventions: [{ at: 2000, run: 'svcadm restart svc:/site/db:default' }], boot: 0 };

describe('the worker engine', () => {
  it('simulates the first run here at once, then sends later ones to the worker, the base only once', async () => {
    const workers: FakeWorker[] = [];
    const engine = new WorkerEngine(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    const first = engine.derive(demoScenario(), REQ);
    expect(first).not.toBeInstanceOf(Promise);
    expect('trace' in first).toBe(true);
    expect(workers).toHaveLength(0);

    const second = engine.derive(demoScenario(), RESTART);
    expect(second).toBeInstanceOf(Promise);
    const w = workers[0];
    if (w === undefined) throw new Error('no worker');
    expect(w.inbox[0]?.base).toBe(demoScenario());
    w.deliverAll();
    const d2 = await later(second);
    const here = deriveTraces(demoScenario(), RESTART, createSimulator());
    expect(JSON.stringify(d2.derived.trace)).toBe(JSON.stringify(here.trace));
    // The worker answers with the run's indexes but the dependency index, equal to the ones the page would build.
    expect(d2.prepared).toEqual(prepareToSend(here.trace));
    expect(d2.prepared).not.toHaveProperty('index');

    const third = engine.derive(demoScenario(), REQ);
    expect(w.inbox[0]?.base).toBeUndefined();
    w.deliverAll();
    expect((await later(third)).derived.trace.records.length).toBeGreaterThan(0);
    expect(workers).toHaveLength(1);
  });

  it('sends the base again when the worker has dropped it', async () => {
    const w = new FakeWorker();
    const engine = new WorkerEngine(() => w);
    engine.derive(demoScenario(), REQ);
    const a = engine.derive(demoScenario(), RESTART);
    w.deliverAll();
    await a;
    w.forget();
    const b = engine.derive(demoScenario(), REQ);
    w.deliverAll(); // need-base
    expect(w.inbox[0]?.base).toBe(demoScenario());
    w.deliverAll();
    expect((await later(b)).derived.scenario.name).toBe(demoScenario().name);
  });

  it('reports a failed simulation, and answers here when the worker crashes or cannot start', async () => {
    const w = new FakeWorker();
    const engine = new WorkerEngine(() => w);
    engine.derive(demoScenario(), REQ);
    const owed = engine.derive(failingBootScenario(), REQ);
    w.crash();
    expect(w.terminated).toBe(true);
    const fallback = await later(owed);
    expect(fallback.derived.scenario.name).toBe(failingBootScenario().name);
    // Simulated here: no prepared indexes, the page builds them (derive-run.ts assembleRun).
    expect(fallback.prepared).toBeUndefined();

    const none = new WorkerEngine(() => {
      throw new Error('no workers here');
    });
    none.derive(demoScenario(), REQ);
    expect((await later(none.derive(demoScenario(), RESTART))).derived.trace.records.some((r) => r.kind === 'action')).toBe(true);

    const handle = createWorkerHandler();
    const bad = handle({ type: 'derive', id: 1, baseKey: 1, base: { ...demoScenario(), services: null as unknown as [] }, request: REQ });
    expect(bad.type).toBe('failed');
  });

  it("the answer crosses a structured clone (postMessage); the page's dependency index shares the trace's instances", () => {
    const handle = createWorkerHandler();
    const answer = structuredClone(handle({ type: 'derive', id: 1, baseKey: 1, base: demoScenario(), request: RESTART }));
    if (answer.type !== 'derived') throw new Error(answer.type);
    const { derived, prepared } = answer;
    // The dependency index does not cross (receiving it cost more than building it): the page builds it over the
    // trace that crossed, so it shares that trace's instances, and the whole equals what prepareRun builds here.
    expect(prepared).not.toHaveProperty('index');
    const complete = completePrepared(derived.trace, prepared);
    for (const i of derived.trace.instances) expect(complete.index.instances.get(i.fmri)).toBe(i);
    expect(complete.quiet).toBeInstanceOf(Set);
    expect(complete.times.readies.size).toBeGreaterThan(0);
    expect(complete).toEqual(prepareRun(derived.trace));
  });

  it('warmed with the document on screen: the worker gets the base and simulates it once while the page is idle; the first change then sends no base', async () => {
    const workers: FakeWorker[] = [];
    const engine = new WorkerEngine(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    });
    engine.derive(demoScenario(), REQ);
    engine.warm(demoScenario(), REQ);
    const w = workers[0];
    if (w === undefined) throw new Error('no worker');
    expect(w.inbox).toHaveLength(1);
    expect(w.inbox[0]?.base).toBe(demoScenario());
    expect(w.inbox[0]?.request).toEqual(REQ);
    w.deliverAll();
    // Warming again sends nothing: the worker has the base.
    engine.warm(demoScenario(), REQ);
    expect(w.inbox).toHaveLength(0);
    const change = later(engine.derive(demoScenario(), RESTART));
    expect(w.inbox).toHaveLength(1);
    expect(w.inbox[0]?.base).toBeUndefined();
    w.deliverAll();
    const d = await change;
    expect(d.derived.trace).toEqual(deriveTraces(demoScenario(), RESTART, createSimulator()).trace);
    expect(workers).toHaveLength(1);
  });
});
