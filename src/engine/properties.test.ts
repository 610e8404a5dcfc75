/**
 * Property tests over generated dependency graphs (issue 2, issue 14):
 * determinism, require_all, require_any, optional_all and exclude_all hold
 * whenever a start method begins (docs/smf-semantics.md §3.2–§3.4), a graph
 * without failures and cycles brings every enabled instance online, every
 * instance sent to maintenance for a cycle names a real cycle (§1.2), and
 * nothing ever hangs. The generator produces cycles too (dependencies that
 * point at later services).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ExitValue, Scenario, ServiceSpec } from '../model/scenario/types.ts';
import { GROUPINGS, RESTART_ONS, isRunning } from '../model/smf/states.ts';
import { simulate } from './simulate.ts';
import { createSeeker } from './seek.ts';
import type { Trace } from './trace.ts';

interface GenOptions {
  readonly failures: boolean;
  readonly groupings: readonly (typeof GROUPINGS)[number][];
  readonly disabled: boolean;
  /** Let dependencies point at any service, so cycles appear (§1.2). */
  readonly cycles: boolean;
}

function arbScenario(o: GenOptions): fc.Arbitrary<Scenario> {
  return fc.integer({ min: 2, max: 22 }).chain((n) =>
    fc
      .tuple(
        ...Array.from({ length: n }, (_, i) =>
          fc.record({
            deps: fc.array(
              fc.record({
                grouping: fc.constantFrom(...o.groupings),
                restart_on: fc.constantFrom(...RESTART_ONS),
                targets: fc.uniqueArray(fc.integer({ min: 0, max: o.cycles ? n - 1 : Math.max(0, i - 1) }), { minLength: 1, maxLength: 3 }),
                serviceLevel: fc.boolean(),
              }),
              { maxLength: i === 0 && !o.cycles ? 0 : 3 },
            ),
            duration: fc.integer({ min: 0, max: 500 }),
            exit: o.failures ? fc.constantFrom<ExitValue>(0, 0, 0, 1, 95, 96, 97) : fc.constant<ExitValue>(0),
            enabled: o.disabled ? fc.boolean() : fc.constant(true),
            model: fc.constantFrom('contract' as const, 'transient' as const),
          }),
        ),
      )
      .map((specs) => {
        const services: ServiceSpec[] = specs.map((s, i) => ({
          fmri: `svc:/gen/s${i}`,
          instances: { default: { enabled: s.enabled } },
          model: s.model,
          start: { duration: s.duration, exit: s.exit },
          dependencies: s.deps.map((d, k) => ({
            name: `d${k}`,
            grouping: d.grouping,
            restart_on: d.restart_on,
            targets: d.targets.map((t) => (d.serviceLevel ? `svc:/gen/s${t}` : `svc:/gen/s${t}:default`)),
          })),
        }));
        return { format: 'bootgraph/1' as const, name: 'generated', services };
      }),
  );
}

function instancesOf(trace: Trace, target: string): string[] {
  return trace.instances.filter((i) => i.fmri === target || i.service === target).map((i) => i.fmri);
}

/** For every start method that begins, check a predicate over the statuses just before it. */
function everyStart(trace: Trace, check: (fmri: string, running: (f: string) => boolean) => boolean): boolean {
  const seeker = createSeeker(trace);
  return trace.records.every((r, idx) => {
    if (r.kind !== 'method' || r.method !== 'start' || r.phase !== 'begin') return true;
    const before = seeker.atIndex(idx - 1);
    const running = (f: string): boolean => {
      const s = before.get(f);
      return s !== undefined && isRunning(s.state);
    };
    return check(r.fmri, running);
  });
}

describe('engine properties (fast-check)', () => {
  const all = { failures: true, groupings: GROUPINGS, disabled: true, cycles: true };

  it('determinism: the same scenario always gives a byte-identical trace', () => {
    fc.assert(fc.property(arbScenario(all), (sc) => JSON.stringify(simulate(sc)) === JSON.stringify(simulate(sc))), { numRuns: 60 });
  });

  it('nothing hangs: every generated boot quiesces', () => {
    fc.assert(fc.property(arbScenario(all), (sc) => simulate(sc).quiescent), { numRuns: 80 });
  });

  it('require_all: a start method never begins while a require_all target is not running', () => {
    fc.assert(
      fc.property(arbScenario(all), (sc) => {
        const trace = simulate(sc);
        return everyStart(trace, (fmri, running) => {
          const inst = trace.instances.find((i) => i.fmri === fmri);
          return (inst?.groups ?? [])
            .filter((g) => g.grouping === 'require_all')
            .every((g) => g.targets.every((t) => instancesOf(trace, t).some(running)));
        });
      }),
      { numRuns: 120 },
    );
  });

  it('exclude_all: a start method never begins while an excluded instance is running', () => {
    fc.assert(
      fc.property(arbScenario(all), (sc) => {
        const trace = simulate(sc);
        return everyStart(trace, (fmri, running) => {
          const inst = trace.instances.find((i) => i.fmri === fmri);
          return (inst?.groups ?? [])
            .filter((g) => g.grouping === 'exclude_all')
            .every((g) => g.targets.every((t) => !instancesOf(trace, t).some(running)));
        });
      }),
      { numRuns: 120 },
    );
  });

  it('no instance is online while a require_all target is not running, unless restart_on let it keep running', () => {
    // The only way a dependent is running with a non-running require_all target is that the target
    // stopped after the dependent started (restart_on did not trigger): so the target must have been
    // running at some instant while the dependent was running.
    fc.assert(
      fc.property(arbScenario(all), (sc) => {
        const trace = simulate(sc);
        const seeker = createSeeker(trace);
        const end = seeker.atIndex(trace.records.length - 1);
        for (const inst of trace.instances) {
          const s = end.get(inst.fmri);
          if (s === undefined || !isRunning(s.state)) continue;
          for (const g of inst.groups.filter((x) => x.grouping === 'require_all')) {
            for (const t of g.targets) {
              const members = instancesOf(trace, t);
              if (members.some((m) => isRunning(end.get(m)?.state ?? 'offline'))) continue;
              const startedAt = s.since;
              const wasUpWhenStarted = members.some((m) => {
                const at = seeker.atTime(startedAt).get(m);
                const before = seeker.atTime(Math.max(0, startedAt - 1)).get(m);
                return (at !== undefined && isRunning(at.state)) || (before !== undefined && isRunning(before.state));
              });
              if (!wasUpWhenStarted) return false;
            }
          }
        }
        return true;
      }),
      { numRuns: 120 },
    );
  });

  it('require_any: a start method never begins unless each require_any group has a running member', () => {
    fc.assert(
      fc.property(arbScenario(all), (sc) => {
        const trace = simulate(sc);
        return everyStart(trace, (fmri, running) => {
          const inst = trace.instances.find((i) => i.fmri === fmri);
          return (inst?.groups ?? [])
            .filter((g) => g.grouping === 'require_any')
            .every((g) => g.targets.some((t) => instancesOf(trace, t).some(running)));
        });
      }),
      { numRuns: 120 },
    );
  });

  it('optional_all: a start method never begins while an optional_all member is still on its way up (uninitialized, or its start method running)', () => {
    // Such a member is worth 0 (§3.3, §3.4): the dependent must wait for it, whatever becomes of it.
    fc.assert(
      fc.property(arbScenario(all), (sc) => {
        const trace = simulate(sc);
        const seeker = createSeeker(trace);
        return trace.records.every((r, idx) => {
          if (r.kind !== 'method' || r.method !== 'start' || r.phase !== 'begin') return true;
          const before = seeker.atIndex(idx - 1);
          const inst = trace.instances.find((i) => i.fmri === r.fmri);
          return (inst?.groups ?? [])
            .filter((g) => g.grouping === 'optional_all')
            .every((g) =>
              g.targets.every((t) =>
                instancesOf(trace, t).every((m) => {
                  const s = before.get(m);
                  if (s === undefined || !s.configured) return true;
                  return !(s.state === 'uninitialized' || (s.state === 'offline' && s.next === 'online'));
                }),
              ),
            );
        });
      }),
      { numRuns: 120 },
    );
  });

  it('cycles: every instance in maintenance for dependency_cycle names a real cycle of the declared graph, through it', () => {
    fc.assert(
      fc.property(arbScenario(all), (sc) => {
        const trace = simulate(sc);
        const end = createSeeker(trace).atIndex(trace.records.length - 1);
        // Edges of the declared graph, not through exclude_all (is_path_to() skips those groups).
        const edge = (a: string, b: string): boolean =>
          (trace.instances.find((i) => i.fmri === a)?.groups ?? [])
            .filter((g) => g.grouping !== 'exclude_all')
            .some((g) => g.targets.some((t) => instancesOf(trace, t).includes(b)));
        return trace.instances.every((i) => {
          const s = end.get(i.fmri);
          if (s === undefined || s.aux !== 'dependency_cycle') return true;
          const c = s.cycle ?? [];
          // A dependency on itself is a cycle of one: the engine lists the instance once.
          if (c.length === 1) return c[0] === i.fmri && edge(i.fmri, i.fmri);
          return c.length >= 2 && c[0] === i.fmri && c[c.length - 1] === i.fmri && c.every((f, k) => k === 0 || edge(c[k - 1] ?? '', f));
        });
      }),
      { numRuns: 120 },
    );
  });

  it('a scenario without failures and cycles brings every enabled instance online', () => {
    fc.assert(
      fc.property(arbScenario({ failures: false, groupings: ['require_all', 'require_any', 'optional_all'], disabled: false, cycles: false }), (sc) => {
        const trace = simulate(sc);
        const end = createSeeker(trace).atIndex(trace.records.length - 1);
        return trace.instances.every((i) => end.get(i.fmri)?.state === 'online');
      }),
      { numRuns: 120 },
    );
  });
});

describe('property test sanity', () => {
  it('the generator produces failures and every grouping', () => {
    const samples = fc.sample(arbScenario({ failures: true, groupings: GROUPINGS, disabled: true, cycles: true }), { numRuns: 50, seed: 1 });
    const groupings = new Set(samples.flatMap((s) => s.services.flatMap((x) => (x.dependencies ?? []).map((d) => d.grouping))));
    expect(groupings.size).toBe(4);
  });

  it('the generator produces cycles, and the engine finds them', () => {
    const samples = fc.sample(arbScenario({ failures: false, groupings: ['require_all'], disabled: false, cycles: true }), { numRuns: 30, seed: 2 });
    const withCycle = samples.filter((sc) => {
      const trace = simulate(sc);
      const end = createSeeker(trace).atIndex(trace.records.length - 1);
      return trace.instances.some((i) => end.get(i.fmri)?.aux === 'dependency_cycle');
    });
    expect(withCycle.length).toBeGreaterThan(0);
  });
});
