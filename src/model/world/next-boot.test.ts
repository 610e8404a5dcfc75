/** nextBoot(): what persists across a reboot persists; what SMF does not keep does not. */
import { describe, expect, it } from 'vitest';
import { runModel, state, worldScenario } from './test-world.ts';
import { nextBoot } from './next-boot.ts';
import { snapshotOf } from './snapshot.ts';
import { settleRepository } from './repository.ts';
import type { WorldSpec } from './types.ts';

const WORLD: WorldSpec = {
  boot: { number: 1, after: 'upgrade' },
  filesystems: [
    { mountpoint: '/', type: 'zfs', device: 'rpool/ROOT/a' },
    { mountpoint: '/tmp', type: 'tmpfs', device: 'swap', files: ['/tmp/x'] },
  ],
  devices: [{ node: '/devices/pseudo/dlpistub@0:ipmpstub', link: '/dev/ipmpstub', link_on_disk: false }],
  repository: { pending: [{ path: 'network/dlmgmt.xml', services: ['svc:/network/datalink-management'] }] },
};

describe('nextBoot', () => {
  const scenario = worldScenario(WORLD, {
    boot: { reconfigure: true, single: true },
    actions: [{ at: 5, run: 'touch /etc/x' }],
    services: [{ fmri: 'svc:/network/datalink-management', dependents: [{ name: 'd', grouping: 'require_all', restart_on: 'none', target: 'svc:/network/physical' }] }],
  });

  it('carries the /dev links devfsadm made, files on disk and committed manifests; drops one-off boot flags and actions', () => {
    const settled = settleRepository(scenario);
    const w = state(settled.world ?? {}, { boot: { reconfigure: true }, services: settled.services });
    runModel(w, 'svc:/system/device/local:default');
    w.fs.write('/etc/motd');
    w.repo.imported.add('network/dlmgmt.xml');
    w.repo.committed.add('network/dlmgmt.xml');
    const r = nextBoot(settled, snapshotOf(w));
    if (!r.ok) throw new Error(r.error);
    const next = r.scenario;
    expect(next.world?.boot?.number).toBe(2);
    expect(next.world?.devices?.[0]?.link_on_disk).toBe(true);
    expect(next.world?.filesystems?.[0]?.files).toContain('/etc/motd');
    expect(next.world?.filesystems?.[1]?.files).toEqual([]);
    expect(next.world?.repository?.pending).toEqual([]);
    // The imported manifest's <dependent> is back on its service.
    expect(next.services[0]?.dependents).toHaveLength(1);
    expect(next.boot).toBeUndefined();
    expect(next.actions).toBeUndefined();
    expect(next.name).toBe('world test (boot 2)');
  });

  it('a manifest only in the volatile repository is pending again', () => {
    const w = state({ ...WORLD, repository: { scheme: 'two-step', pending: [{ path: 'network/dlmgmt.xml', services: ['svc:/network/datalink-management'] }] } });
    const r = nextBoot(worldScenario(w.spec), snapshotOf(w));
    expect(r.ok && r.scenario.world?.repository?.pending?.length).toBe(1);
  });

  it('rejects something that is not a world snapshot', () => {
    expect(nextBoot(scenario, { files: [] })).toEqual({ ok: false, error: 'worldFinal.format must be "bootgraph-world/1"' });
    expect(nextBoot(scenario, undefined)).toMatchObject({ ok: false });
    expect(nextBoot({ format: 'bootgraph/1', name: 'x', services: [] }, {})).toMatchObject({ ok: false, error: expect.stringMatching(/no world/) });
  });
});

describe('settleRepository', () => {
  it('keeps <dependent> declarations on the declaring service (the engine adds them at import, §5) and puts back held_dependents an earlier version saved; idempotent', () => {
    const dependents = [{ name: 'd', grouping: 'require_all' as const, restart_on: 'none' as const, target: 'svc:/y' }];
    const s = worldScenario({ repository: { pending: [{ path: 'm.xml', services: ['svc:/x'] }] } }, { services: [{ fmri: 'svc:/x', dependents }] });
    expect(settleRepository(s)).toBe(s);
    const legacy = worldScenario(
      { repository: { pending: [{ path: 'm.xml', services: ['svc:/x'], held_dependents: { 'svc:/x': dependents, 'svc:/x:default': [{ name: 'e', grouping: 'optional_all', restart_on: 'none', target: 'svc:/z' }] } }] } },
      { services: [{ fmri: 'svc:/x', instances: { default: {} } }] },
    );
    const settled = settleRepository(legacy);
    expect(settled.services[0]?.dependents).toEqual(dependents);
    expect(settled.services[0]?.instances?.['default']?.dependents).toHaveLength(1);
    expect(settled.world?.repository?.pending?.[0]?.held_dependents).toBeUndefined();
    expect(settleRepository(settled)).toBe(settled);
  });
});
