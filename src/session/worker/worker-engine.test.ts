import { describe, expect, it } from 'vitest';
import { demoScenario, failingBootScenario } from '../../testing/fixtures.ts';
import { deriveTraces } from '../derive-run.ts';
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
    expect(workers).toHaveLength(0);

    const second = engine.derive(demoScenario(), RESTART);
    expect(second).toBeInstanceOf(Promise);
    const w = workers[0];
    if (w === undefined) throw new Error('no worker');
    expect(w.inbox[0]?.base).toBe(demoScenario());
    w.deliverAll();
    const d2 = await second;
    expect(JSON.stringify(d2.trace)).toBe(JSON.stringify(deriveTraces(demoScenario(), RESTART, createSimulator()).trace));

    const third = engine.derive(demoScenario(), REQ);
    expect(w.inbox[0]?.base).toBeUndefined();
    w.deliverAll();
    expect((await third).trace.records.length).toBeGreaterThan(0);
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
    expect((await b).scenario.name).toBe(demoScenario().name);
  });

  it('reports a failed simulation, and answers here when the worker crashes or cannot start', async () => {
    const w = new FakeWorker();
    const engine = new WorkerEngine(() => w);
    engine.derive(demoScenario(), REQ);
    const owed = engine.derive(failingBootScenario(), REQ);
    w.crash();
    expect(w.terminated).toBe(true);
    expect((await owed).scenario.name).toBe(failingBootScenario().name);

    const none = new WorkerEngine(() => {
      throw new Error('no workers here');
    });
    none.derive(demoScenario(), REQ);
    expect((await none.derive(demoScenario(), RESTART)).trace.records.some((r) => r.kind === 'action')).toBe(true);

    const handle = createWorkerHandler();
    const bad = handle({ type: 'derive', id: 1, baseKey: 1, base: { ...demoScenario(), services: null as unknown as [] }, request: REQ });
    expect(bad.type).toBe('failed');
  });
});
