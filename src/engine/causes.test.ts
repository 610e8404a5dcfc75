/**
 * svcs -x's cause analysis against explain.c's rules (docs/smf-semantics.md §8.1):
 * which instances svcs -x lists, what each one's causes are, and that the
 * analysis has no recursion and costs O(V + E) (issue 15: chains and cycles
 * of 100,000 explain).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INSTANCE_STATES, GROUPINGS, type InstanceState } from '../model/smf/states.ts';
import { analyseCauses, CauseAnalysis } from './causes.ts';
import { explain, explainAll, explainCycles } from './explain.ts';
import { referenceExplain } from './testing/explain-reference.ts';
import { syntheticInstant, type SyntheticInstance } from './testing/synthetic-instant.ts';

const req = (...targets: string[]) => ({ grouping: 'require_all' as const, targets });
const listed = (xs: readonly SyntheticInstance[], files: readonly string[] = []) => explainAll(syntheticInstant(xs, files)).map((e) => e.fmri);

describe('svcs -x lists root causes only (determine_causes(), §8.1)', () => {
  it('an instance whose causes are upstream is not listed; the cause is, with the whole chain as its impact', () => {
    const xs: SyntheticInstance[] = [
      { fmri: 'svc:/c:default', state: 'maintenance' },
      { fmri: 'svc:/b:default', state: 'offline', groups: [req('svc:/c:default')] },
      { fmri: 'svc:/a:default', state: 'offline', groups: [req('svc:/b:default')] },
    ];
    const all = explainAll(syntheticInstant(xs));
    expect(all.map((e) => e.fmri)).toEqual(['svc:/c:default']);
    expect(all[0]?.impact).toEqual(['svc:/b:default', 'svc:/a:default']);
    const a = explain(syntheticInstant(xs), 'svc:/a:default');
    expect(a?.rootCauses).toEqual(['svc:/c:default']);
    expect(a?.reasons[0]).toMatchObject({ code: 'SMF-8000-GE', path: ['svc:/a:default', 'svc:/b:default', 'svc:/c:default'] });
  });

  it('a disabled instance that should be enabled (enabled, not yet started) is listed; a plain disabled one is not', () => {
    expect(listed([{ fmri: 'svc:/x:default', state: 'disabled', enabled: true }, { fmri: 'svc:/y:default', state: 'disabled', enabled: false }])).toEqual(['svc:/x:default']);
  });

  it('a disabled instance a settled offline dependent needs is listed through add_causes() (as real svcs -x does)', () => {
    expect(listed([{ fmri: 'svc:/y:default', state: 'disabled', enabled: false }, { fmri: 'svc:/a:default', state: 'offline', groups: [req('svc:/y:default')] }])).toEqual(['svc:/y:default']);
  });

  it('transitioning (offline with a next_state) is listed as itself; its waiting dependent is not', () => {
    const xs: SyntheticInstance[] = [
      { fmri: 'svc:/s:default', state: 'offline', next: 'online' },
      { fmri: 'svc:/d:default', state: 'offline', groups: [req('svc:/s:default')] },
    ];
    expect(listed(xs)).toEqual(['svc:/s:default']);
    expect(explain(syntheticInstant(xs), 'svc:/s:default')?.reasons[0]).toMatchObject({ code: 'SMF-8000-C4', text: 'Start method is running.' });
  });

  it('running and uninitialized instances are their own cause and not listed, unless a settled offline instance pulls them in', () => {
    expect(listed([{ fmri: 'svc:/u:default', state: 'uninitialized' }, { fmri: 'svc:/o:default', state: 'online' }])).toEqual([]);
    expect(listed([{ fmri: 'svc:/u:default', state: 'uninitialized' }, { fmri: 'svc:/a:default', state: 'offline', groups: [req('svc:/u:default')] }])).toEqual(['svc:/u:default']);
  });

  it('a degraded instance is listed (§8.1)', () => {
    expect(listed([{ fmri: 'svc:/d:default', state: 'degraded', aux: 'administrative_request' }])).toEqual(['svc:/d:default']);
  });

  it('a running instance that an exclude_all group names is a cause, and listed (§8.1 step 3)', () => {
    const xs: SyntheticInstance[] = [{ fmri: 'svc:/nwam:default', state: 'online' }, { fmri: 'svc:/phys:default', state: 'offline', groups: [{ grouping: 'exclude_all', targets: ['svc:/nwam:default'] }] }];
    expect(listed(xs)).toEqual(['svc:/nwam:default']);
    expect(explain(syntheticInstant(xs), 'svc:/phys:default')?.reasons.map((r) => r.text)).toEqual(['Service svc:/nwam:default is running.']);
  });

  it('missing dependencies are bad dependencies, not causes: alone, the instance is its own cause and listed ("has missing dependencies")', () => {
    const xs: SyntheticInstance[] = [
      { fmri: 'svc:/m:default', state: 'offline', groups: [req('svc:/not/here'), { grouping: 'require_all', type: 'path', targets: ['file://localhost/etc/nope'] }] },
      { fmri: 'svc:/d:default', state: 'offline', groups: [req('svc:/m:default')] },
    ];
    expect(listed(xs)).toEqual(['svc:/m:default']);
    const i = syntheticInstant(xs);
    expect(explain(i, 'svc:/m:default')?.reasons.map((r) => r.text)).toEqual(['Dependency svc:/not/here is absent.', 'Dependency file://localhost/etc/nope is absent.']);
    expect(explain(i, 'svc:/d:default')?.reasons.map((r) => r.text)).toEqual(['Service svc:/m:default has missing dependencies.']);
  });

  it('with missing dependencies and an upstream cause, it is not listed and says both', () => {
    const xs: SyntheticInstance[] = [
      { fmri: 'svc:/c:default', state: 'maintenance' },
      { fmri: 'svc:/m:default', state: 'offline', groups: [req('svc:/sysidtool:net'), req('svc:/c:default')] },
    ];
    expect(listed(xs)).toEqual(['svc:/c:default']);
    expect(explain(syntheticInstant(xs), 'svc:/m:default')?.reasons.map((r) => r.code)).toEqual(['SMF-8000-E2', 'SMF-8000-GE']);
  });

  it('an instance not in the repository is an absent dependency', () => {
    const xs: SyntheticInstance[] = [{ fmri: 'svc:/late:default', state: 'uninitialized', absent: true }, { fmri: 'svc:/a:default', state: 'offline', groups: [req('svc:/late:default')] }];
    expect(explain(syntheticInstant(xs), 'svc:/a:default')?.reasons[0]?.text).toBe('Dependency svc:/late:default is absent.');
  });

  it('require_any: a running member satisfies it; otherwise every non-running member is a cause', () => {
    const any = { grouping: 'require_any' as const, targets: ['svc:/p:default', 'svc:/q:default'] };
    expect(listed([{ fmri: 'svc:/p:default', state: 'online' }, { fmri: 'svc:/q:default', state: 'maintenance' }, { fmri: 'svc:/a:default', state: 'offline', groups: [any] }])).toEqual(['svc:/q:default', 'svc:/a:default']);
    const none = syntheticInstant([{ fmri: 'svc:/p:default', state: 'maintenance' }, { fmri: 'svc:/q:default', state: 'maintenance' }, { fmri: 'svc:/a:default', state: 'offline', groups: [any] }]);
    expect(explain(none, 'svc:/a:default')?.rootCauses).toEqual(['svc:/p:default', 'svc:/q:default']);
  });

  it('optional_all: a member in maintenance or disabled (not enabled) is ignored; an enabled offline one is a cause', () => {
    const opt = { grouping: 'optional_all' as const, targets: ['svc:/m:default', 'svc:/o:default'] };
    const i = syntheticInstant([
      { fmri: 'svc:/m:default', state: 'maintenance' },
      { fmri: 'svc:/o:default', state: 'offline', next: 'online' },
      { fmri: 'svc:/a:default', state: 'offline', groups: [opt] },
    ]);
    expect(explain(i, 'svc:/a:default')?.rootCauses).toEqual(['svc:/o:default']);
  });

  it('no cause found: the restarter\'s causes if it is not running, else "Unknown."', () => {
    const xs: SyntheticInstance[] = [
      { fmri: 'svc:/r:default', state: 'maintenance' },
      { fmri: 'svc:/a:default', state: 'offline', restarter: 'svc:/r:default' },
      { fmri: 'svc:/b:default', state: 'offline' },
      { fmri: 'svc:/c:default', state: 'offline', restarter: 'svc:/gone:default' },
    ];
    const i = syntheticInstant(xs);
    expect(explain(i, 'svc:/a:default')?.rootCauses).toEqual(['svc:/r:default']);
    expect(explain(i, 'svc:/b:default')?.reasons).toEqual([{ code: 'SMF-8000-AR', text: 'Unknown.', cause: 'svc:/b:default' }]);
    expect(explain(i, 'svc:/c:default')?.reasons[0]).toMatchObject({ code: 'SMF-8000-3P', text: 'Restarter "svc:/gone:default" does not exist.' });
    expect(listed(xs)).toEqual(['svc:/r:default', 'svc:/b:default', 'svc:/c:default']);
  });

  it('is ordered by impact, most first; equal impact keeps explain.c\'s list order', () => {
    const xs: SyntheticInstance[] = [
      { fmri: 'svc:/x:default', state: 'maintenance' },
      { fmri: 'svc:/y:default', state: 'maintenance' },
      { fmri: 'svc:/z:default', state: 'maintenance' },
      { fmri: 'svc:/d:default', state: 'offline', groups: [req('svc:/y:default')] },
    ];
    expect(listed(xs)).toEqual(['svc:/y:default', 'svc:/x:default', 'svc:/z:default']);
  });

  it('a dependency cycle among offline instances: reported, abandoned with the causes found so far, never a crash', () => {
    const xs: SyntheticInstance[] = [
      { fmri: 'svc:/a:default', state: 'offline', groups: [req('svc:/b:default')] },
      { fmri: 'svc:/b:default', state: 'offline', groups: [req('svc:/c:default')] },
      { fmri: 'svc:/c:default', state: 'offline', groups: [req('svc:/a:default')] },
    ];
    const i = syntheticInstant(xs);
    expect(explainCycles(i)).toEqual([['svc:/a:default', 'svc:/b:default', 'svc:/c:default', 'svc:/a:default']]);
    expect(explainAll(i)).toEqual([]);
    expect(explain(i, 'svc:/a:default')?.reasons).toEqual([]);
  });
});

describe('the same answers as a recursive transliteration of explain.c (property)', () => {
  const states: readonly InstanceState[] = INSTANCE_STATES;
  const arb = fc.integer({ min: 1, max: 9 }).chain((n) =>
    fc.array(
      fc.record({
        state: fc.constantFrom(...states, 'offline', 'offline'),
        next: fc.constantFrom('none', 'none', 'none', 'online'),
        enabled: fc.boolean(),
        absent: fc.integer({ min: 0, max: 4 }).map((k) => k === 0),
        restarter: fc.option(fc.integer({ min: 0, max: n }), { nil: undefined }),
        groups: fc.array(
          fc.record({
            grouping: fc.constantFrom(...GROUPINGS),
            type: fc.constantFrom('service', 'service', 'service', 'path'),
            targets: fc.array(fc.integer({ min: 0, max: n + 1 }), { minLength: 1, maxLength: 3 }),
          }),
          { maxLength: 3 },
        ),
      }),
      { minLength: n, maxLength: n },
    ),
  );

  it('global list, cause lists with -v paths, bad dependencies and impact lists agree', () => {
    fc.assert(
      fc.property(arb, (spec) => {
        // Targets: k < n → instance k (or, for odd k, its service), n → a missing service; files exist for even k.
        const n = spec.length;
        const fmri = (k: number) => `svc:/s${k}:default`;
        const target = (k: number, type: string) => (type === 'path' ? `file://localhost/f${k}` : k >= n ? 'svc:/missing' : k % 2 === 1 ? `svc:/s${k}` : fmri(k));
        const xs: SyntheticInstance[] = spec.map((x, k) => ({
          fmri: fmri(k),
          state: x.state,
          next: x.state === 'offline' ? (x.next as 'none' | 'online') : 'none',
          enabled: x.enabled,
          absent: x.absent,
          ...(x.restarter === undefined ? {} : { restarter: x.restarter >= n ? 'svc:/missing:default' : fmri(x.restarter) }),
          groups: x.groups.map((g) => ({ grouping: g.grouping, type: g.type as 'service' | 'path', targets: g.targets.map((t) => target(t, g.type)) })),
        }));
        const files = spec.map((_, k) => `/f${k}`).filter((_, k) => k % 2 === 0);
        const inst = syntheticInstant(xs, files);
        const ref = referenceExplain(inst.trace.instances, inst.statuses, inst.files);
        const ours = new CauseAnalysis(inst);
        expect(ours.globalCauses()).toEqual(ref.global);
        for (const x of xs) {
          if (x.absent === true) continue;
          expect(ours.causesOf(x.fmri)).toEqual(ref.causes(x.fmri));
          expect(ours.badDependencies(x.fmri)).toEqual(ref.baddeps(x.fmri));
          expect(ours.impactOf(x.fmri)).toEqual(ref.impact(x.fmri));
        }
        // The counts svcs -x sorts by, without the lists: asked many times over, so the 32-at-a-time batches split the questions anywhere.
        const present = xs.filter((x) => x.absent !== true).map((x) => x.fmri);
        const asked = Array.from({ length: 8 }, () => present).flat();
        expect(ours.impactCounts(asked)).toEqual(asked.map((f) => ref.impact(f).length));
        expect([...ours.impactUnion(present)].sort()).toEqual([...new Set(present.flatMap((f) => ref.impact(f)))].sort());
        for (const e of explainAll(inst)) expect(e.impactCount).toBe(ref.impact(e.fmri).length);
      }),
      { numRuns: 400, seed: 13 },
    );
  });
});

describe('scale: no recursion, O(V + E), once per instant (issue 15)', () => {
  const chain = (n: number, root: SyntheticInstance): SyntheticInstance[] => {
    const xs: SyntheticInstance[] = [root];
    for (let k = 1; k < n; k++) xs.push({ fmri: `svc:/c${k}:default`, state: 'offline', groups: [req(xs[k - 1]?.fmri ?? '')] });
    return xs;
  };

  it('a 100,000-long require_all chain down to a service in maintenance: one problem, the whole chain its impact, the -v path 100,000 long', () => {
    const xs = chain(100_000, { fmri: 'svc:/c0:default', state: 'maintenance' });
    const i = syntheticInstant(xs);
    const all = explainAll(i);
    expect(all.map((e) => e.fmri)).toEqual(['svc:/c0:default']);
    expect(all[0]?.impact).toHaveLength(99_999);
    expect(all[0]?.impactCount).toBe(99_999);
    const top = explain(i, 'svc:/c99999:default');
    expect(top?.rootCauses).toEqual(['svc:/c0:default']);
    expect(top?.reasons[0]?.path).toHaveLength(100_000);
  });

  it('the same chain declared dependents first, and down to a missing service', () => {
    const xs = chain(100_000, { fmri: 'svc:/c0:default', state: 'offline', groups: [req('svc:/not/there')] }).reverse();
    const i = syntheticInstant(xs);
    expect(explainAll(i).map((e) => e.fmri)).toEqual(['svc:/c0:default']);
    expect(explain(i, 'svc:/c99999:default')?.reasons[0]?.text).toBe('Service svc:/c0:default has missing dependencies.');
  });

  it.each([2_000, 100_000])('a %i-way cycle of offline instances: reported once, nothing listed', (n) => {
    const xs: SyntheticInstance[] = [];
    for (let k = 0; k < n; k++) xs.push({ fmri: `svc:/y${k}:default`, state: 'offline', groups: [req(`svc:/y${(k + 1) % n}:default`)] });
    const i = syntheticInstant(xs);
    const cycles = explainCycles(i);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(n + 1);
    expect(explainAll(i)).toEqual([]);
  });

  it('5,000 services each needing its own missing service: 5,000 problems, each with no impact', () => {
    const xs: SyntheticInstance[] = [];
    for (let k = 0; k < 5_000; k++) xs.push({ fmri: `svc:/f${k}:default`, state: 'offline', groups: [req(`svc:/missing${k}`)] });
    const all = explainAll(syntheticInstant(xs));
    expect(all).toHaveLength(5_000);
    expect(all.every((e) => e.impact.length === 0)).toBe(true);
  });

  it('impact counts for more causes than one pass carries (1,024) agree with the lists', () => {
    // 1,500 causes in maintenance; each d_k waits for c_k and c_(k+1); one top instance waits for every d_k.
    const n = 1_500;
    const xs: SyntheticInstance[] = [];
    for (let k = 0; k < n; k++) xs.push({ fmri: `svc:/c${k}:default`, state: 'maintenance' });
    for (let k = 0; k < n; k++) xs.push({ fmri: `svc:/d${k}:default`, state: 'offline', groups: [req(`svc:/c${k}:default`, `svc:/c${(k + 1) % n}:default`)] });
    xs.push({ fmri: 'svc:/top:default', state: 'offline', groups: [req(...Array.from({ length: n }, (_, k) => `svc:/d${k}:default`))] });
    const a = new CauseAnalysis(syntheticInstant(xs));
    const asked = xs.map((x) => x.fmri);
    const counts = a.impactCounts(asked);
    expect(counts).toEqual(asked.map((f) => a.impactOf(f).length));
    // Each cause holds back its two d's and the top one.
    expect(counts.slice(0, n).every((c) => c === 3)).toBe(true);
  });

  it('is computed once per instant: explaining twice at the same statuses reuses the analysis', () => {
    const i = syntheticInstant(chain(10, { fmri: 'svc:/c0:default', state: 'maintenance' }));
    expect(analyseCauses(i)).toBe(analyseCauses({ ...i }));
    expect(analyseCauses(i)).not.toBe(analyseCauses({ ...i, statuses: new Map(i.statuses) }));
  });
});
