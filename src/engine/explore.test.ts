/**
 * The timing explorer (issue 17): boots of one scenario with seeded
 * perturbation of method durations, grouped by outcome. Determinism is
 * issue 2 rule 10 extended to many boots; the racing scenario checks that
 * jitter alone flips an outcome and that each class is what its boots do.
 */
import { describe, expect, it } from 'vitest';
import race from '../scenarios/presets/demo-race-on-a-file.ts';
import { bootScenario, checkParams, explore, Explorer, finalStates } from './explore.ts';
import { jitterDuration } from './jitter.ts';
import { createSeeker } from './seek.ts';
import { simulate } from './simulate.ts';
import { dep, scenario, svc } from './testing/scenario-builder.ts';
import type { Trace } from './trace.ts';

const APP = 'svc:/site/app:default';
const KEYGEN = 'svc:/site/keygen:default';

function methodTimes(trace: Trace, fmri: string, phase: 'begin' | 'end'): number[] {
  return trace.records.filter((r) => r.kind === 'method' && r.fmri === fmri && r.method === 'start' && r.phase === phase).map((r) => r.t);
}

describe('seeded jitter of method durations', () => {
  it('scales a duration into [1 − jitter, 1 + jitter) of itself', () => {
    expect(jitterDuration(1000, 0.5, 0)).toBe(500);
    expect(jitterDuration(1000, 0.5, 0.999999)).toBe(1500);
    expect(jitterDuration(1000, 0.2, 0.5)).toBe(1000);
    expect(jitterDuration(1000, 0, 0.9)).toBe(1000);
  });

  it('perturbs modelled (world) methods too, so a race on the world can flip', () => {
    const plain = simulate(race);
    const seeded = simulate(bootScenario(race, 5, 0.5));
    // keygen's start method is a world site method of 2000 ms.
    const took = (t: Trace): number => (methodTimes(t, KEYGEN, 'end')[0] ?? 0) - (methodTimes(t, KEYGEN, 'begin')[0] ?? 0);
    expect(took(plain)).toBe(2000);
    expect(took(seeded)).not.toBe(2000);
    expect(took(seeded)).toBeGreaterThanOrEqual(1000);
    expect(took(seeded)).toBeLessThan(3000);
  });

  it('jitter 0 with a seed changes nothing', () => {
    expect(JSON.stringify(simulate(bootScenario(race, 9, 0)).records)).toBe(JSON.stringify(simulate(race).records));
  });
});

describe('finalStates', () => {
  it('is what the seeker says at the end of the trace', () => {
    const t = simulate(bootScenario(race, 5, 0.5));
    const end = createSeeker(t).atIndex(t.records.length - 1);
    expect(finalStates(t)).toEqual(t.instances.map((i) => end.get(i.fmri)?.state));
  });
});

describe('explore: two services racing on a file', () => {
  const e = explore(race, { boots: 200, jitter: 0.5, baseSeed: 1 });

  it('without perturbation the boot works (keygen wins)', () => {
    expect(createSeeker(simulate(race)).atTime(Number.POSITIVE_INFINITY).get(APP)?.state).toBe('online');
  });

  it('jitter alone gives two outcome classes, told apart by site/app only', () => {
    expect(e.booted).toBe(200);
    expect(e.varying).toEqual([APP]);
    expect(e.classes.map((c) => c.states[APP]).sort()).toEqual(['maintenance', 'online']);
    expect(e.classes.reduce((n, c) => n + c.count, 0)).toBe(200);
    expect(e.classes[0]?.count ?? 0).toBeGreaterThanOrEqual(e.classes[1]?.count ?? 0);
    for (const c of e.classes) {
      expect(c.share).toBeCloseTo(c.count / 200, 10);
      expect(c.seeds.length).toBe(c.count);
      expect(c.seed).toBe(Math.min(...c.seeds));
    }
    // Every seed in 1..200 lands in exactly one class.
    expect(e.classes.flatMap((c) => c.seeds).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, k) => k + 1));
  });

  it('each boot is in the class its own replay and the race decide', () => {
    for (const c of e.classes) {
      for (const seed of c.seeds) {
        const t = simulate(bootScenario(race, seed, 0.5));
        const state = createSeeker(t).atIndex(t.records.length - 1).get(APP)?.state;
        expect(state, `seed ${seed}`).toBe(c.states[APP]);
        // Independent of the grouping: site/app ends in maintenance exactly when
        // every one of its start attempts began before keygen had written the key.
        const keyWritten = methodTimes(t, KEYGEN, 'end')[0] ?? Number.POSITIVE_INFINITY;
        const lost = methodTimes(t, APP, 'begin').every((b) => b < keyWritten);
        expect(state === 'maintenance', `seed ${seed}`).toBe(lost);
      }
    }
  });

  it('the same (scenario, N, jitter, base seed) gives the same classes, byte for byte', () => {
    expect(JSON.stringify(explore(race, { boots: 200, jitter: 0.5, baseSeed: 1 }))).toBe(JSON.stringify(e));
  });

  it('counts are stable whether the boots run at once or in batches (as the worker runs them)', () => {
    const x = new Explorer(race, { boots: 200, jitter: 0.5, baseSeed: 1 });
    let batches = 0;
    while (!x.finished) {
      x.runBoots(7);
      batches++;
    }
    expect(batches).toBe(Math.ceil(200 / 7));
    expect(JSON.stringify(x.result())).toBe(JSON.stringify(e));
  });

  it('another base seed explores other boots; no jitter leaves one class', () => {
    const other = explore(race, { boots: 200, jitter: 0.5, baseSeed: 1000 });
    expect(other.classes.flatMap((c) => c.seeds).every((s) => s >= 1000 && s < 1200)).toBe(true);
    expect(other.classes.length).toBe(2);
    const still = explore(race, { boots: 50, jitter: 0, baseSeed: 1 });
    expect(still.classes.length).toBe(1);
    expect(still.varying).toEqual([]);
    expect(still.classes[0]?.count).toBe(50);
  });

  it('a partial exploration reports what it ran', () => {
    const x = new Explorer(race, { boots: 200, jitter: 0.5, baseSeed: 1 });
    x.runBoots(30);
    const r = x.result();
    expect(r.booted).toBe(30);
    expect(r.classes.reduce((n, c) => n + c.count, 0)).toBe(30);
    expect(r.classes.every((c) => c.share === c.count / 30)).toBe(true);
  });
});

describe('explore: per-boot facts and what decided a class', () => {
  it('a fact that follows the outcome decides its class; a constant fact decides nothing', () => {
    const e = explore(race, { boots: 100 }, (t) => {
      const keyWritten = methodTimes(t, KEYGEN, 'end')[0] ?? Number.POSITIVE_INFINITY;
      const firstRead = methodTimes(t, APP, 'begin')[0] ?? Number.POSITIVE_INFINITY;
      return { order: keyWritten <= firstRead ? 'right' : 'wrong', constant: 'x' };
    });
    const online = e.classes.find((c) => c.states[APP] === 'online');
    const maint = e.classes.find((c) => c.states[APP] === 'maintenance');
    expect(maint?.deciding).toEqual([{ key: 'order', value: 'wrong' }]);
    // Some online boots read too early and succeeded on a retry: order is not constant there.
    expect(online?.deciding.every((d) => d.key !== 'constant')).toBe(true);
  });

  it('a fact that splits within a class is listed with each value’s boots (the class happens in either order)', () => {
    const order = (t: Trace): string => ((methodTimes(t, KEYGEN, 'end')[0] ?? Number.POSITIVE_INFINITY) <= (methodTimes(t, APP, 'begin')[0] ?? Number.POSITIVE_INFINITY) ? 'right' : 'wrong');
    const e = explore(race, { boots: 200, jitter: 0.5, baseSeed: 1 }, (t) => ({ order: order(t) }));
    // Counted here boot by boot, independently of the explorer's grouping.
    const tally = new Map<string, number>();
    for (let seed = 1; seed <= 200; seed++) {
      const t = simulate(bootScenario(race, seed, 0.5));
      const st = createSeeker(t).atTime(Number.POSITIVE_INFINITY).get(APP)?.state ?? '';
      const k = `${st}/${order(t)}`;
      tally.set(k, (tally.get(k) ?? 0) + 1);
    }
    const online = e.classes.find((c) => c.states[APP] === 'online');
    expect(tally.get('online/wrong') ?? 0).toBeGreaterThan(0);
    expect(online?.deciding).toEqual([]);
    expect(online?.mixed).toEqual([
      { key: 'order', counts: [{ value: 'right', boots: tally.get('online/right') ?? 0 }, { value: 'wrong', boots: tally.get('online/wrong') ?? 0 }] },
    ]);
    expect(e.classes.find((c) => c.states[APP] === 'maintenance')?.mixed).toEqual([]);
  });
});

describe('explore: parameters', () => {
  it('refuses nonsense with a sentence', () => {
    expect(checkParams({ boots: 0, jitter: 0.5, baseSeed: 1 })).toMatch(/number of boots/);
    expect(checkParams({ boots: 10, jitter: 1, baseSeed: 1 })).toMatch(/jitter/);
    expect(checkParams({ boots: 10, jitter: -0.1, baseSeed: 1 })).toMatch(/jitter/);
    expect(checkParams({ boots: 10, jitter: 0.5, baseSeed: 0.5 })).toMatch(/base seed/);
    expect(checkParams({ boots: 10, jitter: 0.5, baseSeed: 1 })).toBeUndefined();
    expect(() => new Explorer(race, { boots: -1, jitter: 0.5, baseSeed: 1 })).toThrow(RangeError);
  });

  it('a scenario without a race has one class however it is perturbed', () => {
    const chain = scenario([
      svc('svc:/a', { start: { duration: 100 } }),
      svc('svc:/b', { dependencies: [dep('a', 'require_all', ['svc:/a:default'])], start: { duration: 300 } }),
    ]);
    const e = explore(chain, { boots: 40 });
    expect(e.classes.length).toBe(1);
    expect(e.classes[0]?.endTime.min).toBeLessThan(e.classes[0]?.endTime.max ?? 0);
  });
});
