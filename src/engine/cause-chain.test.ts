/**
 * The cause chain (issue 13) on each preset's failure, computed from the
 * trace and the world access log: the steps' kinds, services, instants and
 * objects are asserted (expected instants come from the trace's own method
 * records), not their prose.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../model/scenario/types.ts';
import { clearviewIpmpFirstBoot } from '../scenarios/presets/clearview-ipmp-first-boot.ts';
import { manifestImport } from '../scenarios/presets/manifest-import.ts';
import { Run, set } from '../scenarios/presets/outcome.test-support.ts';
import { causeChain, dependencyPath, seconds, type CauseChain, type CauseStep } from './cause-chain.ts';
import { problemGroups } from './problems.ts';
import { createSeeker } from './seek.ts';
import { dep, run, svc } from './testing/scenario-builder.ts';
import type { Trace } from './trace.ts';

const PHYSICAL = 'svc:/network/physical:default';
const DEVICE_LOCAL = 'svc:/system/device/local:default';
const SSH = 'svc:/network/ssh:default';
const IMPORT = 'svc:/system/manifest-import:default';
const FS_MINIMAL = 'svc:/system/filesystem/minimal:default';
const FS_USR = 'svc:/system/filesystem/usr:default';
const EARLY = 'svc:/system/device/early-devlinks:default';

function chainAt(trace: Trace, fmri: string, t = trace.endTime): CauseChain {
  const s = createSeeker(trace);
  const c = causeChain({ trace, statuses: s.atTime(t), files: s.filesAtTime(t) }, fmri, t);
  if (c === undefined) throw new Error(`no chain for ${fmri}`);
  return c;
}

function span(trace: Trace, fmri: string): { begin: number; end: number } {
  const b = trace.records.find((r) => r.kind === 'method' && r.fmri === fmri && r.method === 'start' && r.phase === 'begin');
  const e = trace.records.find((r) => r.kind === 'method' && r.fmri === fmri && r.method === 'start' && r.phase === 'end');
  if (b === undefined || e === undefined) throw new Error(`${fmri} ran no start method`);
  return { begin: b.t, end: e.t };
}

const kinds = (c: CauseChain) => c.steps.map((s) => s.kind);
const step = <K extends CauseStep['kind']>(c: CauseChain, kind: K): Extract<CauseStep, { kind: K }> => {
  const s = c.steps.find((x): x is Extract<CauseStep, { kind: K }> => x.kind === kind);
  if (s === undefined) throw new Error(`no ${kind} step in ${kinds(c).join(', ')}`);
  return s;
};

let flagship: Scenario;
let first: Run;
beforeAll(async () => {
  flagship = await clearviewIpmpFirstBoot();
  first = new Run(flagship);
});

describe('flagship (seed 000): network/physical', () => {
  it('method ran, ifconfig could not open /dev/ipmpstub, device/local created it later, no dependency orders them', () => {
    const c = chainAt(first.trace, PHYSICAL);
    expect(kinds(c)).toEqual(['method', 'access', 'provided', 'order']);
    const phys = span(first.trace, PHYSICAL);
    expect(step(c, 'method')).toMatchObject({ fmri: PHYSICAL, begin: phys.begin, end: phys.end, exit: 96, t: phys.begin });
    expect(step(c, 'access').access).toMatchObject({ op: 'open', kind: 'devlink', name: '/dev/ipmpstub', ok: false, program: 'ifconfig', t: phys.begin });
    const dev = span(first.trace, DEVICE_LOCAL);
    expect(step(c, 'provided')).toMatchObject({ fmri: DEVICE_LOCAL, t: dev.end, object: { kind: 'devlink', name: '/dev/ipmpstub' } });
    expect(dev.end).toBeGreaterThan(phys.end);
    expect(step(c, 'order')).toMatchObject({ fmri: PHYSICAL, provider: DEVICE_LOCAL, ordered: false });
    expect(c.hazards).toEqual([{ reader: PHYSICAL, writer: DEVICE_LOCAL, object: { kind: 'devlink', name: '/dev/ipmpstub' }, readAt: phys.begin, writtenAt: dev.end }]);
  });

  it('the texts name the path, the creator, the program and the instants', () => {
    const c = chainAt(first.trace, PHYSICAL);
    const text = c.steps.map((s) => s.text).join('\n');
    const dev = span(first.trace, DEVICE_LOCAL);
    expect(text).toContain('/dev/ipmpstub');
    expect(text).toContain(`created at ${seconds(dev.end)} by devfsadm in ${DEVICE_LOCAL}`);
    expect(text).toContain(`No dependency orders ${PHYSICAL} after ${DEVICE_LOCAL}`);
  });

  it('a dependent (ssh) waits for network/physical and inherits its chain and hazard', () => {
    const c = chainAt(first.trace, SSH);
    expect(c.steps[0]).toMatchObject({ kind: 'waits', fmri: SSH, on: PHYSICAL });
    expect(c.hazards.map((h) => [h.reader, h.writer])).toEqual([[PHYSICAL, DEVICE_LOCAL]]);
  });

  it('before network/physical has run, its chain says it is not initialized or starting; while it runs, starting', () => {
    const phys = span(first.trace, PHYSICAL);
    expect(kinds(chainAt(first.trace, PHYSICAL, phys.begin))).toEqual(['starting']);
  });

  it('option 1 (libdlpi falls back to /devices): network/physical runs; no hazard', () => {
    const r = new Run(set(flagship, 'devices.libdlpi-fallback', 'yes'));
    const c = chainAt(r.trace, PHYSICAL);
    expect(kinds(c)).toEqual(['running']);
    expect(c.hazards).toEqual([]);
  });

  it('option 2 (early devlinks): network/physical waits for early-devlinks, which completes the dependency cycle the engine reports', () => {
    const r = new Run(set(flagship, 'devices.devfsadm-timing', 'root-rw'));
    const c = chainAt(r.trace, PHYSICAL);
    expect(kinds(c)).toEqual(['waits', 'cycle']);
    expect(step(c, 'waits').on).toBe(EARLY);
    const cycle = step(c, 'cycle');
    expect(cycle.fmri).toBe(EARLY);
    expect(cycle.cycle).toEqual(r.final(EARLY).cycle);
    expect(cycle.cycle).toContain(PHYSICAL);
  });

  it('/var mount failure: filesystem/minimal\'s mount of /var failed, a condition of the machine (no provider, no hazard)', () => {
    const r = new Run(set(flagship, 'filesystems.var', 'mount-fails'));
    const c = chainAt(r.trace, FS_MINIMAL);
    expect(kinds(c)).toEqual(['method', 'access']);
    expect(step(c, 'method').exit).toBe(95);
    expect(step(c, 'access').access).toMatchObject({ op: 'mount', kind: 'mount', name: '/var', ok: false });
    expect(c.hazards).toEqual([]);
  });

  it('root read-only (fsck fails): filesystem/usr could not make / read-write', () => {
    const r = new Run(set(flagship, 'filesystems.root', 'read-only'));
    const c = chainAt(r.trace, FS_USR);
    expect(kinds(c)).toEqual(['method', 'access']);
    expect(step(c, 'access').access).toMatchObject({ op: 'change', kind: 'mount', name: '/', ok: false, error: 'fsck failed' });
  });

  it('the next boot: network/physical runs', () => {
    const next = new Run(first.next());
    expect(kinds(chainAt(next.trace, PHYSICAL))).toEqual(['running']);
  });
});

describe('manifest import (seed 003): network/physical', () => {
  it('net_reconfigure needed datalink-management in the repository; manifest-import brought it in later; no dependency orders them', async () => {
    const r = new Run(await manifestImport());
    const c = chainAt(r.trace, PHYSICAL);
    expect(kinds(c)).toEqual(['method', 'access', 'provided', 'order']);
    expect(step(c, 'access').access).toMatchObject({ op: 'read', kind: 'repository', name: 'svc:/network/datalink-management', ok: false });
    expect(step(c, 'provided')).toMatchObject({ fmri: IMPORT, t: span(r.trace, IMPORT).end });
    expect(c.hazards.map((h) => [h.reader, h.writer, h.object.name])).toEqual([[PHYSICAL, IMPORT, 'svc:/network/datalink-management']]);
  });
});

describe('chains that end in one line', () => {
  it('an exit status the world does not model', () => {
    const t = run([svc('svc:/a', { start: { exit: 1, duration: 10 } })]);
    expect(kinds(chainAt(t, 'svc:/a:default'))).toEqual(['method', 'exit']);
  });

  it('an administrator\'s action names the command and its instant', () => {
    const t = run([svc('svc:/a')], { actions: [{ at: 500, run: 'svcadm disable svc:/a:default' }] });
    const c = chainAt(t, 'svc:/a:default');
    expect(c.steps).toEqual([expect.objectContaining({ kind: 'admin', fmri: 'svc:/a:default', command: 'svcadm disable svc:/a:default', t: 500 })]);
  });

  it('a dependency on a service the graph does not have', () => {
    const t = run([svc('svc:/a', { dependencies: [dep('x', 'require_all', ['svc:/sysidtool:net'])] })]);
    expect(chainAt(t, 'svc:/a:default').steps).toEqual([expect.objectContaining({ kind: 'absent', dependency: 'svc:/sysidtool:net' })]);
  });
});

describe('dependencyPath', () => {
  it('follows require_all, require_any and optional_all (instances and services), not exclude_all', () => {
    const t = run([
      svc('svc:/c'),
      svc('svc:/b', { dependencies: [dep('c', 'optional_all', ['svc:/c'])] }),
      svc('svc:/a', { dependencies: [dep('b', 'require_any', ['svc:/b:default']), dep('x', 'exclude_all', ['svc:/d:default'])] }),
      svc('svc:/d'),
    ]);
    expect(dependencyPath(t, 'svc:/a:default', 'svc:/c:default')).toEqual(['svc:/a:default', 'svc:/b:default', 'svc:/c:default']);
    expect(dependencyPath(t, 'svc:/a:default', 'svc:/d:default')).toBeUndefined();
  });
});

describe('problem groups (the app\'s problem list)', () => {
  const groups = (trace: Trace, t = trace.endTime) => {
    const s = createSeeker(trace);
    return problemGroups({ trace, statuses: s.atTime(t), files: s.filesAtTime(t) });
  };

  it('flagship: the failure apart from what a healthy boot of the 2009 graph also has (services absent from the corpus)', () => {
    const g = groups(first.trace);
    expect(g.failures.map((e) => e.fmri)).toContain(PHYSICAL);
    expect(g.expected.length).toBeGreaterThan(0);
    expect(g.missingFromGraph).toContain('svc:/system/sysidtool:net');
    for (const e of g.expected) expect(e.reasons.every((r) => r.code === 'SMF-8000-E2')).toBe(true);
    expect([...g.failures, ...g.starting, ...g.disabled, ...g.expected].map((e) => e.fmri).sort()).toEqual(g.all.map((e) => e.fmri).sort());
    expect(g.disabled.map((e) => e.fmri)).toEqual(['svc:/network/physical:nwam']);
  });

  it('the next boot works: no failure, only what every boot of this graph has', () => {
    const next = new Run(first.next());
    const g = groups(next.trace);
    expect(g.failures).toEqual([]);
    expect(g.expected.map((e) => e.fmri)).toEqual(expect.arrayContaining(groups(first.trace).expected.map((e) => e.fmri)));
    expect(g.expected.map((e) => e.fmri)).toContain('svc:/system/hal:default');
    expect(g.missingFromGraph).toEqual(['svc:/application/management/seaport', 'svc:/system/dbus', 'svc:/system/sysidtool:net']);
  });

  it('services merely starting are not failures', () => {
    const phys = span(first.trace, PHYSICAL);
    const g = groups(first.trace, phys.begin);
    expect(g.starting.map((e) => e.fmri)).toContain(PHYSICAL);
    expect(g.failures.map((e) => e.fmri)).not.toContain(PHYSICAL);
    expect(g.failures).toEqual([]);
  });
});
