import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareOutcomes, compareTraces } from './compare.ts';
import { createSeeker } from './seek.ts';
import { dep, run, svc } from './testing/scenario-builder.ts';
import type { ServiceSpec } from '../model/scenario/types.ts';
import type { StatusRecord } from './trace.ts';

function chain(durations: number[]): ServiceSpec[] {
  return durations.map((d, i) =>
    svc(`svc:/c/s${i}`, { start: { duration: d }, dependencies: i === 0 ? [] : [dep('prev', 'require_all', [`svc:/c/s${i - 1}:default`])] }),
  );
}

describe('compareTraces', () => {
  it('identical traces have no divergence and no changed rows', () => {
    const t = run(chain([100, 200, 300]));
    const c = compareTraces(t, run(chain([100, 200, 300])));
    expect(c.divergence).toBeUndefined();
    expect(c.changed).toEqual([]);
  });

  it('a single changed duration is found at the right event', () => {
    const c = compareTraces(run(chain([100, 200, 300])), run(chain([100, 250, 300])));
    // s1's start method exits at 300 in A and at 350 in B: the first event that differs.
    expect(c.divergence?.fmri).toBe('svc:/c/s1:default');
    expect(c.divergence?.a).toMatchObject({ t: 300, what: 'start method exits 0' });
    expect(c.divergence?.b).toMatchObject({ t: 350, what: 'start method exits 0' });
    expect(c.changed).toEqual(['svc:/c/s1:default', 'svc:/c/s2:default']);
    expect(c.outcomes.find((o) => o.fmri === 'svc:/c/s2:default')).toMatchObject({ a: { since: 600 }, b: { since: 650 }, differs: 'time' });
  });

  it('a failure in one boot shows both explanations and a state difference', () => {
    const ok = run(chain([100, 200]));
    const bad = run([svc('svc:/c/s0', { start: { duration: 100, exit: 96 } }), ...chain([100, 200]).slice(1)]);
    const c = compareTraces(ok, bad);
    expect(c.divergence?.fmri).toBe('svc:/c/s0:default');
    expect(c.divergence?.explainB?.text).toContain('Start method exited with $SMF_EXIT_ERR_CONFIG.');
    expect(c.outcomes.find((o) => o.fmri === 'svc:/c/s1:default')).toMatchObject({ a: { state: 'online' }, b: { state: 'offline' }, differs: 'state' });
  });

  it('property: changing exactly one duration diverges at that service, never earlier', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 2, maxLength: 12 }), fc.nat(), fc.integer({ min: 1, max: 500 }), (ds, pick, delta) => {
        const k = pick % ds.length;
        const changed = ds.map((d, i) => (i === k ? d + delta : d));
        const c = compareTraces(run(chain(ds)), run(chain(changed)));
        const start = ds.slice(0, k + 1).reduce((x, y) => x + y, 0);
        return c.divergence?.fmri === `svc:/c/s${k}:default` && c.divergence.t === start;
      }),
      { numRuns: 60 },
    );
  });
});

describe('first divergence names the instance whose event diverges (issue 13)', () => {
  it('flagship vs devfsadm "as soon as / is read-write" (option 2): system/device/early-devlinks, only in B, with B\'s own first event', async () => {
    const { clearviewIpmpFirstBoot } = await import('../scenarios/presets/clearview-ipmp-first-boot.ts');
    const { setCondition } = await import('../model/world/conditions.ts');
    const { simulate } = await import('./simulate.ts');
    const base = await clearviewIpmpFirstBoot();
    const opt2 = setCondition(base, 'devices.devfsadm-timing', 'root-rw');
    if (!opt2.ok) throw new Error(opt2.error);
    const a = simulate(base);
    const b = simulate(opt2.scenario);
    const c = compareTraces(a, b);
    const EARLY = 'svc:/system/device/early-devlinks:default';
    expect(c.divergence?.fmri).toBe(EARLY);
    expect(c.divergence?.a).toBeUndefined();
    // Boot A's graph has no such service (the card says so, rather than "no further events").
    expect(c.divergence).toMatchObject({ inA: false, inB: true });
    expect(a.instances.some((i) => i.fmri === EARLY)).toBe(false);
    const firstInB = b.records.find((r): r is StatusRecord => r.kind === 'status' && r.fmri === EARLY && r.from !== r.to);
    if (firstInB === undefined) throw new Error('early-devlinks never changed state in B');
    expect(c.divergence?.b).toMatchObject({ fmri: EARLY, t: firstInB.t, what: `${firstInB.from} -> ${firstInB.to}` });
    expect(c.divergence?.position).toBe(0);
    expect(c.divergence?.explainB?.fmri).toBe(EARLY);
  });

  it('each side\'s event belongs to the named instance', () => {
    const c = compareTraces(run(chain([100, 200, 300])), run([svc('svc:/c/s0', { start: { duration: 100, exit: 96 } }), ...chain([100, 200, 300]).slice(1)]));
    expect(c.divergence?.a?.fmri).toBe(c.divergence?.fmri);
    expect(c.divergence?.b?.fmri).toBe(c.divergence?.fmri);
    expect(c.divergence).toMatchObject({ inA: true, inB: true });
  });
});

describe('compareOutcomes', () => {
  it('is compareTraces\' outcome rows, from the traces or from final statuses a seeker already has', () => {
    const a = run(chain([100, 200, 300]));
    const b = run([...chain([100, 250, 300]), svc('svc:/c/extra', { start: { duration: 10, exit: 96 } })]);
    const end = (t: typeof a) => createSeeker(t).atIndex(t.records.length - 1);
    const rows = compareTraces(a, b).outcomes;
    expect(compareOutcomes(a, b)).toEqual(rows);
    expect(compareOutcomes(a, b, end(a), end(b))).toEqual(rows);
    expect(rows.find((o) => o.fmri === 'svc:/c/extra:default')).toMatchObject({ differs: 'presence', b: { state: 'maintenance' } });
  });
});
