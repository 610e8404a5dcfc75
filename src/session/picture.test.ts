/**
 * The graph's picture first (issue 16, picture.ts): a new run of the boot on
 * screen is drawn on the graph in the task that publishes it, and the views
 * hear of it only after the next frame; the picture drawn is the new run's
 * frame at the playhead the change feedback chose, with the outcome marked.
 * The renderer here is a fake canvas; the clock is a hand-run frame.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Scenario } from '../model/scenario/types.ts';
import { findPreset } from '../scenarios/catalog.ts';
import { demoScenario, failingBootScenario } from '../testing/fixtures.ts';
import { visualState, worstState } from '../selectors/visual-state.ts';
import { effectiveIndex } from '../selectors/playhead.ts';
import { selectPosition } from '../store/selectors.ts';
import type { ElementDef } from '../graph-view/to-elements.ts';
import { createSession } from './create-session.ts';
import { inlineDocument } from './document.ts';
import { followChangeFeedback } from './follow-change-feedback.ts';
import { graphViewOf } from './graph-view.ts';
import { afterNextFrame, type PictureAsk } from './picture.ts';

const ASK: Omit<PictureAsk, 'model'> = { collapse: 'none', expanded: [], tour: [], marks: {} };

function setup(opts: { readonly canvas?: boolean; readonly ask?: Omit<PictureAsk, 'model'>; readonly scenario?: Scenario } = {}) {
  const ask = opts.ask ?? ASK;
  const frames: (() => void)[] = [];
  const s = createSession({ doc: inlineDocument(opts.scenario ?? demoScenario()), afterFrame: (cb) => frames.push(cb) });
  const first = s.runs.current();
  if (first === undefined) throw new Error('no run');
  const stopFeedback = followChangeFeedback(s);
  const log: string[] = [];
  const painted: { elements: readonly ElementDef[]; key: string }[] = [];
  // The canvas on screen holds the first run's structure.
  const view = graphViewOf(first, { collapse: ask.collapse, expanded: ask.expanded, alsoStory: [] }).model;
  const placed = view.key;
  if (opts.canvas !== false) {
    s.graph.setProbe({
      paint: (elements, key) => {
        if (key !== placed) return false;
        log.push('paint');
        painted.push({ elements, key });
        return true;
      },
    } as Parameters<typeof s.graph.setProbe>[0]);
  }
  s.picture.setAsk({ ...ask, model: view });
  // Views, as react/context.tsx subscribes them.
  s.gate.subscribe(s.runs.subscribe)(() => log.push('view: run'));
  s.gate.subscribe(s.frames.subscribe)(() => log.push('view: frame'));
  s.gate.store(s.ui).subscribe(() => log.push('view: ui'));
  const frame = (): void => {
    for (const cb of frames.splice(0)) cb();
  };
  const done = (): void => {
    stopFeedback();
    s.dispose();
  };
  return { s, first, log, painted, placed, frame, frames, done };
}

describe('PictureFirst', () => {
  it('draws a change on the graph before any view hears of it, and the views after the next frame', () => {
    const { s, first, log, frame, frames, done } = setup();
    s.ui.getState().setPlayhead(3000);
    log.length = 0;
    s.doc.getState().addIntervention({ at: 2000, run: 'svcadm disable svc:/site/db:default' });
    const next = s.runs.current();
    expect(next).not.toBe(first);
    // The stores have the new run; the graph drew it; the views wait for the frame.
    expect(log).toEqual(['paint']);
    expect(s.gate.isHeld()).toBe(true);
    expect(frames).toHaveLength(1);
    frame();
    expect(log[0]).toBe('paint');
    expect(log.slice(1).sort()).toEqual(['view: frame', 'view: run', 'view: ui']);
    expect(s.gate.isHeld()).toBe(false);
    expect(s.picture.painted).toBe(1);
    done();
  });

  it("the picture drawn is the new run's frame at the playhead the change feedback chose, with the changed services marked", () => {
    const { s, first, painted, frame, done } = setup();
    s.ui.getState().setPlayhead(3000);
    s.doc.getState().addIntervention({ at: 2000, run: 'svcadm disable svc:/site/db:default' });
    frame();
    const next = s.runs.current();
    if (next === undefined || next === first) throw new Error('not re-simulated');
    const drawn = painted[0];
    if (drawn === undefined) throw new Error('nothing painted');
    // Every service's node shows its state in the new run at the playhead now in the ui store (what the views read).
    const statuses = next.seeker.atIndex(effectiveIndex(next.trace.records, selectPosition(s.ui.getState())));
    const nodes = drawn.elements.filter((e) => e.group === 'nodes' && statuses.has(e.data.id));
    expect(nodes.length).toBe(next.trace.instances.length);
    for (const n of nodes) expect(n.classes.split(' '), n.data.id).toContain(`s-${visualState(statuses.get(n.data.id))}`);
    // The service the intervention disabled ends differently: marked as changed, as the outcome summary lists it.
    const outcome = s.ui.getState().outcome;
    expect(outcome?.changed.map((c) => c.fmri)).toContain('svc:/site/db:default');
    expect(nodes.find((n) => n.data.id === 'svc:/site/db:default')?.classes.split(' ')).toContain('changed');
    // The structure drawn is the view the panel asks for over the new run.
    expect(drawn.key).toBe(graphViewOf(next, { collapse: 'none', expanded: [], alsoStory: outcome?.changed.map((c) => c.fmri) ?? [] }).model.key);
    done();
  });

  it('several runs before the frame: each is drawn, the views hear once, after the frame', () => {
    const { s, log, frame, frames, done } = setup();
    log.length = 0;
    s.doc.getState().addIntervention({ at: 2000, run: 'svcadm disable svc:/site/db:default' });
    s.doc.getState().addIntervention({ at: 2500, run: 'svcadm enable svc:/site/db:default' });
    expect(log).toEqual(['paint', 'paint']);
    expect(frames).toHaveLength(1);
    frame();
    expect(log.filter((l) => l === 'view: run')).toHaveLength(1);
    done();
  });

  it('without a canvas, the views hear of a new run at once', () => {
    const { s, log, frames, done } = setup({ canvas: false });
    log.length = 0;
    s.doc.getState().addIntervention({ at: 2000, run: 'svcadm disable svc:/site/db:default' });
    expect(log).toContain('view: run');
    expect(log).not.toContain('paint');
    expect(frames).toHaveLength(0);
    expect(s.gate.isHeld()).toBe(false);
    done();
  });

  it('another scenario (another structure) is not drawn here: the views hear of it at once', () => {
    const { s, log, frames, done } = setup();
    log.length = 0;
    s.doc.getState().openSource({ kind: 'inline', scenario: failingBootScenario() });
    expect(s.runs.current()?.scenario.name).toBe(failingBootScenario().name);
    expect(log).toContain('view: run');
    expect(log).not.toContain('paint');
    expect(frames).toHaveLength(0);
    expect(s.gate.isHeld()).toBe(false);
    done();
  });

  it('a view the canvas does not hold (another structure) is left to the panel: the views hear at once', () => {
    const { s, first, log, frames, done } = setup();
    s.picture.setAsk({ ...ASK, collapse: 'category', model: graphViewOf(first, { collapse: 'category', expanded: [], alsoStory: [] }).model });
    log.length = 0;
    s.doc.getState().addIntervention({ at: 2000, run: 'svcadm disable svc:/site/db:default' });
    expect(log).not.toContain('paint');
    expect(log).toContain('view: run');
    expect(frames).toHaveLength(0);
    done();
  });

  it('a change that alters the structure (the story view: the outcome\'s services out of their groups, another story): the structure on screen is drawn with the new states first', async () => {
    const preset = await findPreset('clearview-ipmp-first-boot')?.load();
    if (preset === undefined) throw new Error('no preset');
    const { s, first, painted, placed, log, frame, done } = setup({ ask: { ...ASK, collapse: 'story' }, scenario: preset });
    s.ui.getState().setPlayhead(first.trace.endTime);
    log.length = 0;
    s.doc.getState().setCondition('boot.mode', 'm:none', 'default');
    const next = s.runs.current();
    if (next === undefined || next === first) throw new Error('not re-simulated');
    const outcome = s.ui.getState().outcome;
    // The panel will draw another structure (the outcome's services out of their groups), which needs a layout.
    const story = graphViewOf(next, { collapse: 'story', expanded: [], alsoStory: outcome?.changed.map((c) => c.fmri) ?? [] }).model;
    expect(story.key).not.toBe(placed);
    expect(log).toEqual(['paint']);
    const drawn = painted[0];
    if (drawn === undefined) throw new Error('nothing painted');
    expect(drawn.key).toBe(placed);
    // Each service on screen shows its state in the new run at the new playhead; each group its members' worst.
    const old = graphViewOf(first, { collapse: 'story', expanded: [], alsoStory: [] }).model;
    const statuses = next.seeker.atIndex(effectiveIndex(next.trace.records, selectPosition(s.ui.getState())));
    const services = old.nodes.filter((x) => x.kind === 'instance');
    expect(services.length).toBeGreaterThan(0);
    for (const n of services) expect(drawn.elements.find((e) => e.data.id === n.id)?.classes.split(' '), n.id).toContain(`s-${visualState(statuses.get(n.id))}`);
    for (const g of old.nodes.filter((x) => x.kind === 'group')) {
      const members = (g.members ?? []).filter((m) => !m.startsWith('file:'));
      if (members.length === 0) continue;
      expect(drawn.elements.find((e) => e.data.id === g.id)?.classes.split(' '), g.id).toContain(`s-${worstState(members.map((m) => visualState(statuses.get(m))))}`);
    }
    frame();
    expect(log.slice(1)).toContain('view: run');
    done();
  });
});

describe('afterNextFrame', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('calls back in a task after the next animation frame, once', () => {
    vi.useFakeTimers();
    const frames: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
    let calls = 0;
    afterNextFrame(() => calls++);
    vi.advanceTimersByTime(0);
    expect(calls).toBe(0);
    for (const f of frames.splice(0)) f();
    // The frame's callback queues a task: the views hear after the frame is drawn, not inside it.
    expect(calls).toBe(0);
    vi.advanceTimersByTime(0);
    expect(calls).toBe(1);
    vi.runAllTimers();
    expect(calls).toBe(1);
  });

  it('without a frame (a hidden or stalled page) calls back anyway, once', () => {
    vi.useFakeTimers();
    const frames: (() => void)[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
    let calls = 0;
    afterNextFrame(() => calls++);
    expect(calls).toBe(0);
    vi.runOnlyPendingTimers();
    expect(calls).toBe(1);
    // The frame that finally comes does not call again.
    for (const f of frames.splice(0)) f();
    vi.runAllTimers();
    expect(calls).toBe(1);
  });
});
