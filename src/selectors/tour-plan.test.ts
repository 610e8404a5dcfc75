import { describe, expect, it } from 'vitest';
import { simulate } from '../engine/index.ts';
import { findPreset } from '../scenarios/catalog.ts';
import { evaluateTry, stepInstants } from '../teaching/tour.ts';
import { tourById } from '../teaching/tours/index.ts';
import type { Tour } from '../teaching/tour-types.ts';
import { demoScenario, demoTrace } from '../testing/fixtures.ts';
import { planTour, stepReached, stepSpotlight, tryOutcome } from './tour-plan.ts';

function tour(id: string): Tour {
  const t = tourById(id);
  if (t === undefined) throw new Error(id);
  return t;
}

describe('tour plan', () => {
  it('puts each step at the instant the model computes, with canonical highlights', () => {
    const t = tour('demo-restart-on');
    const plan = planTour(t, demoTrace());
    expect(plan.steps.map((s) => s.instant)).toEqual(stepInstants(t, demoTrace()));
    expect(plan.steps.map((s) => s.kind)).toEqual(['event', 'event', 'event', 'continue']);
    expect(plan.steps[1]?.highlight).toEqual(['svc:/site/db:default', 'svc:/site/report:default']);
  });

  it('lists the commands that ran at a step instant, once (not again on a Continue step at the same instant)', async () => {
    const preset = findPreset('ipmp-dynamic-reconfiguration');
    if (preset === undefined) throw new Error('preset');
    const plan = planTour(tour('ipmp-dynamic-reconfiguration'), simulate(await preset.load()));
    const refused = plan.steps.find((s) => s.step.id === 'detach-refused');
    expect(refused?.commands).toEqual([expect.objectContaining({ command: 'cfgadm -c unconfigure hme1', ok: false })]);
    expect(refused?.commands[0]?.output[0]).toContain('only functioning interfaces');
    const last = plan.steps[plan.steps.length - 1];
    expect(last?.kind).toBe('continue');
    expect(last?.commands).toEqual([]);
  });

  it('playback reaches the next step when it crosses its instant; a Continue step waits for a click', () => {
    const plan = planTour(tour('demo-restart-on'), demoTrace());
    const [up, crash, back] = plan.steps;
    if (up === undefined || crash === undefined || back === undefined) throw new Error('steps');
    expect(stepReached(plan, 0, up.instant, crash.instant - 1)).toBeUndefined();
    expect(stepReached(plan, 0, up.instant, crash.instant)).toBe(1);
    expect(stepReached(plan, 0, crash.instant, crash.instant + 10)).toBeUndefined();
    expect(stepReached(plan, 1, crash.instant, back.instant + 100)).toBe(2);
    // Step 3 is a Continue step at step 2's instant: never reached by playing.
    expect(stepReached(plan, 2, back.instant - 1, back.instant + 1000)).toBeUndefined();
    expect(stepReached(plan, 3, 0, 1e9)).toBeUndefined();
  });

  it('spotlights a step’s highlights, or the service a "try it" question is about', () => {
    const plan = planTour(tour('demo-restart-on'), demoTrace());
    const [first, , back, last] = plan.steps;
    if (first === undefined || back === undefined || last === undefined) throw new Error('steps');
    expect(stepSpotlight(first)).toEqual(['svc:/site/db:default']);
    expect(stepSpotlight(back)).toEqual([]);
    expect(stepSpotlight(last)).toEqual(['svc:/site/db:default']);
  });
});

describe('try-it outcome', () => {
  it('demo: the answer is the model’s, revealed at the end when the service is disabled from the start', () => {
    const t = tour('demo-restart-on');
    const step = t.steps[t.steps.length - 1];
    if (step === undefined) throw new Error('step');
    const v = evaluateTry(demoScenario(), step, simulate);
    if (!v.ok) throw new Error(v.error);
    const o = tryOutcome(step, v.right, v.trace, demoTrace());
    expect(o.correct).toBe(1);
    expect(o.fmri).toBe('svc:/site/db:default');
    expect(o.revealAt).toBe(v.trace.endTime);
    expect(o.line).toMatch(/^site\/db:default ends disabled from the start: /);
  });

  it('flagship, which fix removes the hazard: option 1 removes it, option 2 replaces it with the cycle (each choice on its own boot, issue 17)', async () => {
    const preset = findPreset('clearview-ipmp-first-boot');
    if (preset === undefined) throw new Error('preset');
    const scenario = await preset.load();
    const t = tour('clearview-ipmp-first-boot');
    const step = t.steps[t.steps.length - 1];
    if (step === undefined) throw new Error('step');
    const v = evaluateTry(scenario, step, simulate);
    if (!v.ok) throw new Error(v.error);
    expect(v.right).toEqual([true, false]);
    const [one, two] = v.boots ?? [];
    if (one === undefined || two === undefined) throw new Error('a boot per choice');
    const original = simulate(scenario);
    // Option 1's boot: no hazard, network/physical online; revealed once device/local made the link in the original boot (5.35 s).
    const o1 = tryOutcome(step, v.right, one.trace, original, 0);
    expect(o1).toEqual({
      correct: 0,
      revealAt: 5350,
      fmri: 'svc:/network/physical:default',
      line: 'No ordering hazard on /dev/ipmpstub, and no dependency cycle in its place. network/physical:default ends online at 1.000 s.',
    });
    // Option 2's boot: the hazard is gone, but early-devlinks closes a cycle through network/physical (§1.2).
    const o2 = tryOutcome(step, v.right, two.trace, original, 1);
    expect(o2.correct).toBe(0);
    expect(o2.line).toMatch(/^No ordering hazard on \/dev\/ipmpstub any more, but the new dependency closes a dependency cycle/);
    expect(o2.line).toContain('system/device/early-devlinks:default');
    expect(o2.line).toContain('network/physical:default ends offline');
  });

  it('an action question reports success or refusal with the command’s own words', async () => {
    const preset = findPreset('snap-upgrade-var-shared');
    if (preset === undefined) throw new Error('preset');
    const scenario = await preset.load();
    const t = tour('snap-upgrade-var-shared');
    const step = t.steps[t.steps.length - 1];
    if (step === undefined) throw new Error('step');
    const v = evaluateTry(scenario, step, simulate);
    if (!v.ok) throw new Error(v.error);
    const o = tryOutcome(step, v.right, v.trace, simulate(scenario));
    expect(o.correct).toBe(1);
    expect(o.line).toBe('pkg -R /a install site-logrotate succeeds at 17.000 s.');
    expect(o.revealAt).toBe(17000);
  });
});
