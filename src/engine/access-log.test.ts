/**
 * The world access log through the engine, on the presets: every method
 * model says what it read, opened, created, mounted or changed, with the
 * instant (src/model/world/access.ts; docs/access-log.md).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../model/scenario/types.ts';
import { clearviewIpmpFirstBoot } from '../scenarios/presets/clearview-ipmp-first-boot.ts';
import { manifestImport } from '../scenarios/presets/manifest-import.ts';
import { set } from '../scenarios/presets/outcome.test-support.ts';
import { EARLY_LOG, snapUpgradeVarShared } from '../scenarios/presets/snap-upgrade-var-shared.ts';
import { accessLog } from './access-log.ts';
import { accessesTo, type WorldAccess } from '../model/world/access.ts';
import { simulate } from './simulate.ts';
import type { Trace } from './trace.ts';
import { run, svc } from './testing/scenario-builder.ts';

const PHYSICAL = 'svc:/network/physical:default';
const DEVICE_LOCAL = 'svc:/system/device/local:default';
const FS_USR = 'svc:/system/filesystem/usr:default';
const FS_MINIMAL = 'svc:/system/filesystem/minimal:default';
const IMPORT = 'svc:/system/manifest-import:default';

function methodSpan(trace: Trace, fmri: string): { begin: number; end: number } {
  const begin = trace.records.find((r) => r.kind === 'method' && r.fmri === fmri && r.method === 'start' && r.phase === 'begin');
  const end = trace.records.find((r) => r.kind === 'method' && r.fmri === fmri && r.method === 'start' && r.phase === 'end');
  if (begin === undefined || end === undefined) throw new Error(`${fmri}: no start method`);
  return { begin: begin.t, end: end.t };
}

const pick = (a: WorldAccess) => ({ fmri: a.fmri, op: a.op, ok: a.ok, t: a.t });

let flagship: Scenario;
beforeAll(async () => {
  flagship = await clearviewIpmpFirstBoot();
});

describe('seed 000 (flagship): who needs /dev/ipmpstub and who makes it', () => {
  it('network/physical opens /dev/ipmpstub when its start method starts and fails; device/local creates it when its method exits', () => {
    const trace = simulate(flagship);
    const log = accessLog(trace);
    const phys = methodSpan(trace, PHYSICAL);
    const dev = methodSpan(trace, DEVICE_LOCAL);
    expect(accessesTo(log, 'devlink', '/dev/ipmpstub').map(pick)).toEqual([
      { fmri: PHYSICAL, op: 'open', ok: false, t: phys.begin },
      { fmri: DEVICE_LOCAL, op: 'create', ok: true, t: dev.end },
    ]);
  });

  it('the log is in order (seq 0, 1, 2…, non-decreasing instants) and names what network/physical read', () => {
    const log = accessLog(simulate(flagship));
    expect(log.map((a) => a.seq)).toEqual(log.map((_, k) => k));
    for (let k = 1; k < log.length; k++) expect(log[k]?.t ?? 0).toBeGreaterThanOrEqual(log[k - 1]?.t ?? 0);
    const reads = log.filter((a) => a.fmri === PHYSICAL && a.op === 'read').map((a) => `${a.kind} ${a.name}`);
    expect(reads).toEqual(['repository svc:/network/datalink-management', 'path /etc/hostname.bge0', 'path /etc/hostname.bge1']);
    expect(log.filter((a) => a.fmri === PHYSICAL && a.kind === 'datalink').map((a) => [a.name, a.ok])).toEqual([['bge0', true], ['bge1', true]]);
  });

  it('system/filesystem/usr changes / to read-write when it exits', () => {
    const trace = simulate(flagship);
    const rw = accessesTo(accessLog(trace), 'mount', '/').find((a) => a.op === 'change');
    expect(rw).toMatchObject({ fmri: FS_USR, ok: true, detail: 'read-write', phase: 'exit', t: methodSpan(trace, FS_USR).end });
  });

  it('option 1 (libdlpi falls back to /devices): the failed open of the link names its fallback, and the node opens', () => {
    const log = accessLog(simulate(set(flagship, 'devices.libdlpi-fallback', 'yes')));
    const opens = log.filter((a) => a.fmri === PHYSICAL && a.op === 'open' && (a.kind === 'devlink' || a.kind === 'device'));
    expect(opens.map((a) => [a.kind, a.name, a.ok, a.fallback])).toEqual([
      ['devlink', '/dev/ipmpstub', false, '/devices/pseudo/dlpistub@0:ipmpstub'],
      ['device', '/devices/pseudo/dlpistub@0:ipmpstub', true, undefined],
    ]);
    expect(log.some((a) => a.fmri === PHYSICAL && a.op === 'create' && a.kind === 'ipmp-group' && a.ok)).toBe(true);
  });

  it('a root fsck cannot repair: system/filesystem/usr fails to change / to read-write, and nothing else does', () => {
    const log = accessLog(simulate(set(flagship, 'filesystems.root', 'read-only')));
    const root = accessesTo(log, 'mount', '/');
    expect(root.map((a) => [a.fmri, a.op, a.ok, a.error])).toEqual([[FS_USR, 'change', false, 'fsck failed']]);
    expect(accessesTo(log, 'devlink', '/dev/ipmpstub').map((a) => [a.fmri, a.ok])).toEqual([[PHYSICAL, false]]);
  });

  it('/var mount failure: system/filesystem/minimal logs the failed mount', () => {
    const log = accessLog(simulate(set(flagship, 'filesystems.var', 'mount-fails')));
    expect(log.find((a) => a.fmri === FS_MINIMAL && a.kind === 'mount')).toMatchObject({ op: 'mount', name: '/var', ok: false, error: 'mount failed' });
  });
});

describe('seed 003 (manifest import)', () => {
  it('network/physical reads datalink-management from the repository and it is not there; manifest-import creates it later', async () => {
    const trace = simulate(await manifestImport());
    const entries = accessesTo(accessLog(trace), 'repository', 'svc:/network/datalink-management');
    expect(entries.map((a) => [a.fmri, a.op, a.ok])).toEqual([
      [PHYSICAL, 'read', false],
      [IMPORT, 'create', true],
    ]);
    expect(entries[1]?.t).toBe(methodSpan(trace, IMPORT).end);
    expect(accessLog(trace).some((a) => a.fmri === IMPORT && a.op === 'read' && a.kind === 'path' && a.name.startsWith('/var/svc/manifest/') && a.ok)).toBe(true);
  });
});

describe('seed 004 (/var/shared)', () => {
  it('the early log is created on the root filesystem, then changed (hidden) by the mount of /var/shared', async () => {
    const trace = simulate(await snapUpgradeVarShared());
    const path = '/var/shared/log/early-log.log';
    const entries = accessesTo(accessLog(trace), 'path', path);
    expect(entries.map((a) => [a.fmri, a.op, a.ok])).toEqual([
      [EARLY_LOG, 'create', true],
      [FS_MINIMAL, 'change', true],
    ]);
    expect(accessLog(trace).some((a) => a.fmri === FS_MINIMAL && a.op === 'mount' && a.name === '/var/shared')).toBe(true);
  });
});

describe('without a world', () => {
  it('the log is empty', () => {
    expect(accessLog(run([svc('svc:/a')]))).toEqual([]);
  });
  it('a malformed log in a trace read from a file reads as empty', () => {
    const t = run([svc('svc:/a')]);
    expect(accessLog({ ...t, worldFinal: { access: [{ nonsense: true }] } })).toEqual([]);
  });
});
