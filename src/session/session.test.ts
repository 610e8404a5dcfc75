import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createActor, fromCallback } from 'xstate';
import { NO_BREAKPOINTS } from '../selectors/breakpoints.ts';
import { demoScenario, demoTrace, failingTrace } from '../testing/fixtures.ts';
import { advance } from './advance.ts';
import { createDocStore, documentOf } from './doc-store.ts';
import { deriveRun } from './derive-run.ts';
import { applyConditions, applyInterventions } from './effective-scenario.ts';
import { belongsToControl, commandFor, KEYMAP } from './keymap.ts';
import { nextBoot } from './next-boot.ts';
import { isPlaying, playerMachine, stoppedBecause, type PlayerEvent } from './player.machine.ts';
import { addIntervention, presetDocument, removeIntervention, withCondition } from './document.ts';

describe('session document', () => {
  it('stores only conditions that differ from the scenario', () => {
    const c1 = withCondition({}, 'boot.mode', 'single', 'default');
    expect(c1).toEqual({ 'boot.mode': 'single' });
    expect(withCondition(c1, 'boot.mode', 'default', 'default')).toEqual({});
  });

  it('keeps interventions in time order, ignoring exact duplicates', () => {
    let list = addIntervention([], { at: 3000, run: 'svcadm restart svc:/site/db:default' });
    list = addIntervention(list, { at: 1000.4, run: ' svcadm disable svc:/site/app:default ' });
    list = addIntervention(list, { at: 3000, run: 'svcadm restart svc:/site/db:default' });
    expect(list).toEqual([
      { at: 1000, run: 'svcadm disable svc:/site/app:default' },
      { at: 3000, run: 'svcadm restart svc:/site/db:default' },
    ]);
    expect(removeIntervention(list, 0)).toHaveLength(1);
  });

  it('lives in a store factory that round-trips the document', () => {
    const store = createDocStore(presetDocument('demo-restart-on'));
    store.getState().setCondition('boot.mode', 'single', 'default');
    store.getState().addIntervention({ at: 10, run: 'svcadm restart svc:/site/db:default' });
    const doc = documentOf(store.getState());
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    store.getState().openSource({ kind: 'preset', id: 'other' });
    expect(documentOf(store.getState())).toEqual(presetDocument('other'));
  });
});

describe('effective scenario and derived run', () => {
  it('applies conditions through the world model and reports bad ones', () => {
    const r = applyConditions(demoScenario(), { 'boot.mode': 'single', 'no.such': 'x' });
    expect(r.scenario.boot?.single).toBe(true);
    expect(r.errors).toEqual(['unknown condition "no.such"']);
  });

  it('appends interventions to the timed actions in time order', () => {
    const r = applyInterventions(demoScenario(), [{ at: 2000, run: 'svcadm restart svc:/site/db:default' }, { at: 1, run: 'nonsense' }]);
    expect(r.scenario.actions?.map((a) => a.at)).toEqual([2000, 5000]);
    expect(r.errors[0]).toContain('nonsense');
  });

  it('re-simulates deterministically: an intervention changes only what follows it', () => {
    const plain = deriveRun(demoScenario(), { conditions: {}, interventions: [], boot: 0 });
    const withRestart = deriveRun(demoScenario(), { conditions: {}, interventions: [{ at: 2000, run: 'svcadm restart svc:/site/db:default' }], boot: 0 });
    const before = (r: typeof plain) => r.trace.records.filter((x) => x.t < 2000);
    expect(before(withRestart)).toEqual(before(plain));
    expect(withRestart.seeker.atTime(2005).get('svc:/site/db:default')?.next).toBe('offline');
    expect(plain.seeker.atTime(2005).get('svc:/site/db:default')?.state).toBe('online');
    // Same inputs, same trace object (memoised).
    expect(deriveRun(demoScenario(), { conditions: {}, interventions: [], boot: 0 }).trace).toBe(plain.trace);
  });

  it('a condition change re-simulates with a different outcome', () => {
    const none = deriveRun(demoScenario(), { conditions: { 'boot.mode': 'm:none' }, interventions: [], boot: 0 });
    expect(none.conditions.find((c) => c.id === 'boot.mode')?.value).toBe('m:none');
    expect(none.seeker.atTime(none.trace.endTime).get('svc:/site/app:default')?.state).not.toBe('online');
  });

  it('a boot after a reboot says what it inherited and what it did not (issue 14)', () => {
    const scenario = { ...demoScenario(), actions: [{ at: 100, run: 'svcadm disable svc:/site/report:default' }, { at: 100, run: 'svcadm disable -t svc:/site/app:default' }] };
    const first = deriveRun(scenario, { conditions: {}, interventions: [], boot: 0 });
    expect(first.carried).toBeUndefined();
    const second = deriveRun(scenario, { conditions: {}, interventions: [], boot: 1 });
    expect(second.carried).toContain('svc:/site/report:default: general/enabled=false (svcadm disable)');
    expect(second.dropped).toContain('svc:/site/app:default: temporary disable (general_ovr/enabled)');
  });

  it('the next boot keeps files made during the previous one', () => {
    const scenario = { ...demoScenario(), actions: [{ at: 100, run: 'touch /dev/ipmpstub' }] };
    const first = deriveRun(scenario, { conditions: {}, interventions: [], boot: 0 });
    const n = nextBoot(scenario, first.trace);
    expect(n.ok && n.scenario.files).toEqual(['/dev/ipmpstub']);
    expect(n.ok && n.scenario.actions).toBeUndefined();
    const second = deriveRun(scenario, { conditions: {}, interventions: [], boot: 1 });
    expect(second.boot).toBe(1);
    expect(second.trace.initialFiles).toContain('/dev/ipmpstub');
    // A world the engine did not run (no final snapshot) has nothing to carry over.
    const worldless = nextBoot({ ...scenario, world: {} }, first.trace);
    expect(worldless.ok).toBe(false);
  });
});

describe('playback', () => {
  it('advances by real time × speed and ends at the end', () => {
    const trace = demoTrace();
    const a = advance(trace, { t: 0 }, 100, 10, NO_BREAKPOINTS);
    expect(a.pos).toEqual({ t: 1000 });
    expect(a.outcome.kind).toBe('continue');
    const b = advance(trace, { t: 6000 }, 1000, 1, NO_BREAKPOINTS);
    expect(b.pos.t).toBe(trace.endTime);
    expect(b.outcome.kind).toBe('ended');
  });

  it('stops exactly at a breakpoint and resumes past it', () => {
    const trace = failingTrace();
    const bp = { onMaintenance: true, services: [] };
    const a = advance(trace, { t: 0 }, 10_000, 1, bp);
    expect(a.outcome.kind).toBe('break');
    expect(a.pos.t).toBe(900);
    const b = advance(trace, a.pos, 10_000, 1, bp);
    expect(b.outcome.kind).toBe('ended');
  });

  it('the player machine plays, pauses, ends and remembers breakpoints', () => {
    let send: ((e: PlayerEvent) => void) | undefined;
    let rewound = 0;
    const machine = playerMachine.provide({
      actors: { ticker: fromCallback<PlayerEvent>(({ sendBack }) => { send = sendBack; return () => { send = undefined; }; }) },
      actions: { beforePlay: () => { rewound++; } },
    });
    const actor = createActor(machine).start();
    expect(isPlaying(actor.getSnapshot())).toBe(false);
    actor.send({ type: 'TOGGLE' });
    expect(isPlaying(actor.getSnapshot())).toBe(true);
    expect(rewound).toBe(1);
    send?.({ type: 'BREAK', message: 'Breakpoint: db entered maintenance.' });
    expect(isPlaying(actor.getSnapshot())).toBe(false);
    expect(stoppedBecause(actor.getSnapshot())).toContain('maintenance');
    expect(send).toBeUndefined();
    actor.send({ type: 'PLAY' });
    expect(stoppedBecause(actor.getSnapshot())).toBeUndefined();
    send?.({ type: 'ENDED' });
    expect(actor.getSnapshot().value).toBe('paused');
    actor.stop();
  });
});

describe('keyboard', () => {
  const key = (k: string, shift = false) => ({ key: k, shiftKey: shift, ctrlKey: false, metaKey: false, altKey: false });
  it('maps every documented key', () => {
    expect(commandFor(key(' '))).toBe('togglePlay');
    expect(commandFor(key('ArrowRight'))).toBe('stepForward');
    expect(commandFor(key('ArrowRight', true))).toBe('nextInstant');
    expect(commandFor(key('ArrowLeft'))).toBe('stepBack');
    expect(commandFor(key('+'))).toBe('faster');
    expect(commandFor(key('-'))).toBe('slower');
    expect(commandFor(key('/'))).toBe('search');
    expect(commandFor(key('?', true))).toBe('help');
    expect(commandFor({ ...key('r'), ctrlKey: true })).toBeUndefined();
    const documented = new Set(KEYMAP.map((k) => k.command));
    for (const c of ['togglePlay', 'stepForward', 'stepBack', 'home', 'end', 'faster', 'slower', 'search', 'help', 'escape'] as const) {
      expect(documented.has(c)).toBe(true);
    }
  });

  it('leaves typing and button presses to the focused control', () => {
    expect(belongsToControl({ tagName: 'INPUT', type: 'text' }, 'search')).toBe(true);
    expect(belongsToControl({ tagName: 'INPUT', type: 'text' }, 'escape')).toBe(false);
    expect(belongsToControl({ tagName: 'INPUT', type: 'range' }, 'stepForward')).toBe(false);
    expect(belongsToControl({ tagName: 'BUTTON' }, 'togglePlay')).toBe(true);
    expect(belongsToControl({ tagName: 'BUTTON' }, 'stepForward')).toBe(false);
    expect(belongsToControl({ tagName: 'SELECT' }, 'stepBack')).toBe(true);
    expect(belongsToControl({ tagName: 'DIV' }, 'togglePlay')).toBe(false);
  });
});

describe('rendering rules', () => {
  it('no UI module renders HTML from strings (no dangerouslySetInnerHTML, innerHTML or insertAdjacentHTML)', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => {
        const p = join(dir, n);
        return statSync(p).isDirectory() ? walk(p) : /\.(ts|tsx)$/.test(n) && !/\.test\./.test(n) ? [p] : [];
      });
    const bad = ['app', 'session', 'components', 'graph-view', 'store', 'selectors', 'testing']
      .flatMap((d) => walk(join(process.cwd(), 'src', d)))
      .filter((f) => /dangerouslySetInnerHTML|\.innerHTML\b|insertAdjacentHTML|\.outerHTML\b/.test(readFileSync(f, 'utf8')));
    expect(bad).toEqual([]);
  });
});
