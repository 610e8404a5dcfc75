import { describe, expect, it } from 'vitest';
import type { Scenario } from '../model/scenario/types.ts';
import { demoScenario, failingBootScenario } from '../testing/fixtures.ts';
import { deriveTraces, prepareRun, prepareToSend, type DerivedRun, type RunRequest } from './derive-run.ts';
import { createDocStore } from './doc-store.ts';
import { inlineDocument, presetDocument } from './document.ts';
import { localEngine, RunStore, type BaseLoader, type RunEngine } from './run-store.ts';
import { createSimulator } from './simulator.ts';

const bases = (scenario: Scenario = demoScenario()): BaseLoader => ({ load: () => Promise.resolve(scenario), label: (id) => `preset ${id}` });

/** An engine that answers when the test says so (a worker, in slow motion). */
function deferredEngine() {
  const sim = createSimulator();
  const waiting: { base: Scenario; request: RunRequest; resolve: (d: DerivedRun) => void; reject: (e: unknown) => void }[] = [];
  const engine: RunEngine = {
    derive: (base, request) => new Promise<DerivedRun>((resolve, reject) => waiting.push({ base, request, resolve, reject })),
    dispose: () => undefined,
  };
  /** `prepared`: answer with the run's indexes made "in the worker", as the simulation worker does. */
  const answer = (k = 0, prepared = false): void => {
    const w = waiting.splice(k, 1)[0];
    if (w === undefined) throw new Error('nothing waiting');
    const derived = deriveTraces(w.base, w.request, sim);
    w.resolve(prepared ? { derived, prepared: prepareToSend(derived.trace) } : { derived });
  };
  return { engine, waiting, answer };
}

describe('run store', () => {
  it('follows the document: loads the preset, then re-simulates in the same task on each change (synchronous engine)', async () => {
    const doc = createDocStore(presetDocument('demo-restart-on'));
    const runs = new RunStore(doc, localEngine(), bases());
    runs.start();
    expect(runs.getSnapshot().state).toEqual({ status: 'loading', label: 'preset demo-restart-on' });
    await runs.whenSettled();
    const first = runs.current();
    expect(first?.base).toBe(demoScenario());
    doc.getState().addIntervention({ at: 2000, run: 'svcadm restart svc:/site/db:default' });
    const second = runs.current();
    expect(second).not.toBe(first);
    expect(second?.trace.records.some((r) => r.kind === 'action' && r.command === 'svcadm restart svc:/site/db:default')).toBe(true);
    expect(runs.settled()).toBe(true);
    // Back to the first document: the same run object, not a new simulation.
    doc.getState().clearInterventions();
    expect(runs.current()).toBe(first);
    runs.dispose();
  });

  it('an inline scenario needs no loading', () => {
    const doc = createDocStore(inlineDocument(failingBootScenario()));
    const runs = new RunStore(doc, localEngine(), bases());
    runs.start();
    expect(runs.current()?.scenario.name).toBe(failingBootScenario().name);
  });

  it('with an asynchronous engine the previous run stays on screen, marked pending, and a stale answer is dropped', async () => {
    const doc = createDocStore(inlineDocument(demoScenario()));
    const { engine, waiting, answer } = deferredEngine();
    const runs = new RunStore(doc, engine, bases());
    runs.start();
    expect(runs.getSnapshot()).toEqual({ state: { status: 'loading', label: demoScenario().name }, pending: false });
    answer();
    await runs.whenSettled();
    const first = runs.current();
    expect(first).toBeDefined();

    doc.getState().setCondition('boot.mode', 'single', undefined);
    doc.getState().setCondition('boot.mode', 'm:none', undefined);
    expect(runs.getSnapshot().pending).toBe(true);
    expect(runs.current()).toBe(first);
    expect(waiting).toHaveLength(2);
    // The newer answer arrives first, then the stale one: the stale one must not replace it.
    answer(1);
    await runs.whenSettled();
    const latest = runs.current();
    expect(latest).not.toBe(first);
    answer(0);
    await Promise.resolve();
    expect(runs.current()).toBe(latest);
    expect(runs.getSnapshot().pending).toBe(false);
  });

  it('a run answered with its indexes prepared (the worker) shows those indexes, not ones rebuilt here', async () => {
    const doc = createDocStore(inlineDocument(demoScenario()));
    const { engine, waiting, answer } = deferredEngine();
    const runs = new RunStore(doc, engine, bases());
    runs.start();
    const w = waiting[0];
    if (w === undefined) throw new Error('nothing asked');
    const derived = deriveTraces(w.base, w.request, createSimulator());
    const prepared = prepareToSend(derived.trace);
    waiting.splice(0, 1);
    w.resolve({ derived, prepared });
    await runs.whenSettled();
    const run = runs.current();
    expect(run?.model).toBe(prepared.model);
    // The dependency index does not cross: built here, equal to the worker's.
    expect(run?.index).toEqual(prepareRun(derived.trace).index);
    expect(run?.times).toBe(prepared.times);
    expect(run?.quiet).toBe(prepared.quiet);
    expect(run?.story).toBe(prepared.story);
    expect(run?.gantt).toBe(prepared.gantt);
    // The seeker is made here, over the same trace.
    expect(run?.seeker.atIndex(derived.trace.records.length - 1).size).toBe(derived.trace.instances.length);
    // Without prepared indexes the store builds equal ones itself.
    doc.getState().setCondition('boot.mode', 'single', undefined);
    answer(0, false);
    await runs.whenSettled();
    const here = runs.current();
    if (here === undefined) throw new Error('no run');
    expect(here.model).toEqual(prepareRun(here.trace).model);
  });

  it('reports a preset that cannot be loaded and a simulation that throws, as messages', async () => {
    const doc = createDocStore(presetDocument('nope'));
    const runs = new RunStore(doc, localEngine(), { load: () => Promise.reject(new Error('There is no built-in scenario "nope".')), label: (id) => id });
    runs.start();
    await runs.whenSettled();
    expect(runs.getSnapshot().state).toEqual({ status: 'error', message: 'There is no built-in scenario "nope".' });
    const broken: RunEngine = {
      derive: () => {
        throw new Error('boom');
      },
      dispose: () => undefined,
    };
    const runs2 = new RunStore(createDocStore(inlineDocument(demoScenario())), broken, bases());
    runs2.start();
    expect(runs2.getSnapshot().state).toEqual({ status: 'error', message: 'The simulation failed: boom' });
  });

  it('derives other documents over the same base here and now, cached (the Compare view, tours)', () => {
    const doc = createDocStore(inlineDocument(demoScenario()));
    const runs = new RunStore(doc, localEngine(), bases());
    runs.start();
    const a = runs.derive(demoScenario(), { conditions: {}, interventions: [], boot: 1 });
    expect(a.boot).toBe(1);
    expect(runs.derive(demoScenario(), { conditions: {}, interventions: [], boot: 1 })).toBe(a);
  });

  it('warmEngine hands the engine the run on screen: its base and the document', async () => {
    const doc = createDocStore(presetDocument('demo-restart-on'));
    const warmed: { base: Scenario; request: RunRequest }[] = [];
    const engine: RunEngine = { ...localEngine(), warm: (base, request) => warmed.push({ base, request }) };
    const runs = new RunStore(doc, engine, bases());
    runs.start();
    runs.warmEngine();
    // Nothing on screen yet: nothing to warm for.
    expect(warmed).toEqual([]);
    await runs.whenSettled();
    doc.getState().setCondition('boot.mode', 'm:none', 'default');
    runs.warmEngine();
    expect(warmed).toEqual([{ base: demoScenario(), request: { conditions: { 'boot.mode': 'm:none' }, interventions: [], boot: 0 } }]);
    runs.dispose();
  });
});
