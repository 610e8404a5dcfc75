/**
 * Issue 3: with every method succeeding, booting the built-in graphs to
 * milestone all brings online what docs/boot-graph.md lists, in an order
 * consistent with its waves, and leaves offline exactly the unsatisfiable
 * instances it names. Runs the real engine on the committed fixtures.
 */
import { describe, expect, it } from 'vitest';
import graph2025 from '../../fixtures/graphs/illumos-2025.json' with { type: 'json' };
import graph2009 from '../../fixtures/graphs/illumos-2009.json' with { type: 'json' };
import { validateScenario } from '../model/scenario/validate.ts';
import { simulate } from './simulate.ts';
import { createSeeker } from './seek.ts';
import { OFFLINE_FOREVER_2009, OFFLINE_FOREVER_2025, WAVES_2009, WAVES_2025 } from './testing/boot-graph-reference.ts';
import type { Trace } from './trace.ts';

function boot(json: unknown): Trace {
  const v = validateScenario(json);
  if (!v.ok) throw new Error(v.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return simulate(v.scenario);
}

const full = (short: string): string => `svc:/${short}`;

function check(trace: Trace, waves: Readonly<Record<string, number>>, offline: readonly string[]): void {
  const end = createSeeker(trace).atIndex(trace.records.length - 1);
  const online = trace.instances.filter((i) => end.get(i.fmri)?.state === 'online').map((i) => i.fmri.slice(5)).sort();
  expect(online).toEqual(Object.keys(waves).sort());
  const stuck = trace.instances.filter((i) => end.get(i.fmri)?.state === 'offline').map((i) => i.fmri.slice(5)).sort();
  expect(stuck).toEqual([...offline].sort());
  const onlineAt = new Map<string, number>();
  const startAt = new Map<string, number>();
  for (const r of trace.records) {
    if (r.kind === 'status' && r.to === 'online' && !onlineAt.has(r.fmri)) onlineAt.set(r.fmri, r.t);
    if (r.kind === 'method' && r.method === 'start' && r.phase === 'begin' && !startAt.has(r.fmri)) startAt.set(r.fmri, r.t);
  }
  // The partial order: an instance never starts before an instance of an earlier wave it depends on is online.
  const violations: string[] = [];
  for (const inst of trace.instances) {
    const w = waves[inst.fmri.slice(5)];
    const started = startAt.get(inst.fmri);
    if (w === undefined || started === undefined) continue;
    for (const g of inst.groups) {
      if (g.grouping === 'exclude_all' || g.type === 'path') continue;
      for (const t of g.targets) {
        const members = trace.instances.filter((x) => x.fmri === t || x.service === t);
        for (const m of members) {
          const mw = waves[m.fmri.slice(5)];
          const up = onlineAt.get(m.fmri);
          if (mw === undefined || mw >= w || up === undefined) continue;
          if (g.grouping === 'require_any' && members.length > 1) continue;
          if (up > started) violations.push(`${inst.fmri} started at ${started} before ${m.fmri} (wave ${mw}) was online at ${up}`);
        }
      }
    }
  }
  expect(violations).toEqual([]);
  expect(onlineAt.get(full('system/svc/restarter:default'))).toBe(0);
}

describe('the built-in illumos graphs boot as docs/boot-graph.md derives', () => {
  it('2025 (§1.2): everything in the waves online, smb/client, rmvolmgr and hal offline for ever', () => {
    check(boot(graph2025), WAVES_2025, OFFLINE_FOREVER_2025);
  });

  it('2009 (§2.2): everything in the waves online, the NFS family and friends offline for ever', () => {
    check(boot(graph2009), WAVES_2009, OFFLINE_FOREVER_2009);
  });

  it('2009: network/physical comes online before system/device/local starts (the metainit chain)', () => {
    const t = boot(graph2009);
    const at = (f: string, kind: 'online' | 'start'): number =>
      t.records.find((r) => (kind === 'online' ? r.kind === 'status' && r.to === 'online' && r.fmri === f : r.kind === 'method' && r.phase === 'begin' && r.fmri === f))?.t ?? -1;
    const physical = at('svc:/network/physical:default', 'online');
    expect(physical).toBeGreaterThanOrEqual(0);
    expect(physical).toBeLessThanOrEqual(at('svc:/system/metainit:default', 'start'));
    expect(at('svc:/system/metainit:default', 'online')).toBeLessThanOrEqual(at('svc:/system/filesystem/root:default', 'start'));
    expect(at('svc:/system/filesystem/usr:default', 'online')).toBeLessThanOrEqual(at('svc:/system/device/local:default', 'start'));
  });
});
