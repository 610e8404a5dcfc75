/**
 * The condition model (no engine here: the outcomes are tested through
 * simulate() in src/scenarios). Listing, unknown ids and options, and that
 * each option rewrites the world it describes.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario/types.ts';
import { listConditions, setCondition } from './conditions.ts';
import { EARLY_DEVLINKS_FMRI } from './methods/early-devlinks.ts';
import { worldScenario } from './test-world.ts';
import type { WorldSpec } from './types.ts';

const WORLD: WorldSpec = {
  filesystems: [{ mountpoint: '/', type: 'ufs', device: '/dev/md/dsk/d10', files: ['/etc/passwd', '/var/mail/root'] }],
  devices: [{ node: '/devices/pseudo/dlpistub@0:ipmpstub', link: '/dev/ipmpstub', link_on_disk: false }],
  network: {
    ipmp: 'clearview',
    nics: [{ name: 'bge0' }, { name: 'bge1' }],
    hosts: { myhost: '192.168.1.10' },
    interfaces: [
      { name: 'bge0', hostname: 'myhost netmask + broadcast + group ipmp0 up' },
      { name: 'bge1', hostname: '192.168.1.12 netmask + broadcast + deprecated -failover group ipmp0 up' },
    ],
  },
};
const SCENARIO = worldScenario(WORLD, { services: [{ fmri: 'svc:/system/metainit' }, { fmri: 'svc:/network/physical', instances: { default: {} } }] });

function set(s: Scenario, id: string, value: string): Scenario {
  const r = setCondition(s, id, value);
  if (!r.ok) throw new Error(r.error);
  return r.scenario;
}

const value = (s: Scenario, id: string): string | undefined => listConditions(s).find((c) => c.id === id)?.value;

describe('listConditions', () => {
  it('keeps the boot conditions and adds the world\'s that apply', () => {
    const ids = listConditions(SCENARIO).map((c) => c.id);
    expect(ids.slice(0, 4)).toEqual(['boot.mode', 'boot.default-milestone', 'boot.reconfigure', 'boot.verbose']);
    for (const id of ['devices.devfsadm-timing', 'devices.libdlpi-fallback', 'filesystems.root', 'filesystems.var', 'filesystems.svm', 'network.ipmp', 'network.nic.bge0', 'network.nic.bge1', 'boot.number']) {
      expect(ids).toContain(id);
    }
  });

  it('gives every option a one-sentence description', () => {
    for (const c of listConditions(SCENARIO)) for (const o of c.options) if (c.id.includes('.') && !c.id.startsWith('boot.mode')) expect(o.description ?? '').not.toBe('');
  });

  it('a scenario without a world has only the boot conditions', () => {
    expect(listConditions({ format: 'bootgraph/1', name: 'x', services: [] }).map((c) => c.id)).toEqual(['boot.mode', 'boot.default-milestone', 'boot.reconfigure', 'boot.verbose']);
  });
});

describe('setCondition errors', () => {
  it('an unknown option names the condition and the choices', () => {
    expect(setCondition(SCENARIO, 'network.ipmp', 'sometimes')).toEqual({ ok: false, error: 'network.ipmp: unknown option "sometimes" (expected none, explicit, on-demand)' });
    expect(setCondition(SCENARIO, 'filesystems.var', 'nfs')).toMatchObject({ ok: false });
  });

  it('an unknown condition, and a NIC the world does not have', () => {
    expect(setCondition(SCENARIO, 'network.wifi', 'on')).toEqual({ ok: false, error: 'unknown condition "network.wifi"' });
    expect(setCondition(SCENARIO, 'network.nic.hme9', 'missing')).toEqual({ ok: false, error: 'network.nic.hme9: there is no NIC "hme9" in this scenario' });
  });

  it('"next boot" is not a rewrite: it needs the run\'s final world', () => {
    const c = listConditions(SCENARIO).find((x) => x.id === 'boot.number');
    expect(c?.options.find((o) => o.value === 'next')?.action).toBe('next-boot');
    expect(setCondition(SCENARIO, 'boot.number', 'next')).toMatchObject({ ok: false, error: expect.stringMatching(/nextBoot/) });
  });
});

describe('each option rewrites the world it describes', () => {
  it('devfsadm timing', () => {
    const prev = set(SCENARIO, 'devices.devfsadm-timing', 'previous-boot');
    expect(prev.world?.devices?.[0]?.link_on_disk).toBe(true);
    const early = set(SCENARIO, 'devices.devfsadm-timing', 'root-rw');
    expect(early.services.some((s) => s.fmri === EARLY_DEVLINKS_FMRI)).toBe(true);
    expect(early.boot?.reconfigure).toBe(true);
    expect(value(early, 'devices.devfsadm-timing')).toBe('root-rw');
    const back = set(early, 'devices.devfsadm-timing', 'first-boot');
    expect(back.services.some((s) => s.fmri === EARLY_DEVLINKS_FMRI)).toBe(false);
    expect(value(back, 'devices.devfsadm-timing')).toBe('first-boot');
  });

  it('libdlpi fallback', () => {
    expect(set(SCENARIO, 'devices.libdlpi-fallback', 'yes').world?.proposals?.libdlpi_devices_fallback).toBe(true);
  });

  it('root read-write', () => {
    expect(set(SCENARIO, 'filesystems.root', 'zfs').world?.filesystems?.[0]).toMatchObject({ type: 'zfs', device: 'rpool/ROOT/nv' });
    expect(set(SCENARIO, 'filesystems.root', 'read-only').world?.filesystems?.[0]).toMatchObject({ type: 'ufs', fails: true });
    expect(value(set(SCENARIO, 'filesystems.root', 'read-only'), 'filesystems.root')).toBe('read-only');
  });

  it('/var layouts keep the files that were under /var', () => {
    const sep = set(SCENARIO, 'filesystems.var', 'separate');
    expect(sep.world?.filesystems?.find((f) => f.mountpoint === '/var')).toMatchObject({ type: 'ufs', files: ['/var/mail/root'] });
    expect(value(set(SCENARIO, 'filesystems.var', 'mount-fails'), 'filesystems.var')).toBe('mount-fails');
    const shared = set(sep, 'filesystems.var', 'var-shared');
    expect(shared.world?.filesystems?.find((f) => f.mountpoint === '/var/shared')).toMatchObject({ device: 'rpool/VARSHARE', files: ['/var/shared/mail/root'] });
    expect(shared.world?.symlinks?.['/var/mail']).toBe('/var/shared/mail');
    const back = set(shared, 'filesystems.var', 'on-root');
    expect(back.world?.filesystems?.map((f) => f.mountpoint)).toEqual(['/']);
    expect(back.world?.symlinks).toBeUndefined();
  });

  it('SVM installed or not', () => {
    const off = set(SCENARIO, 'filesystems.svm', 'not-installed');
    expect(off.world?.repository?.not_installed).toEqual(['svc:/system/metainit']);
    expect(set(off, 'filesystems.svm', 'installed').world?.repository?.not_installed).toEqual([]);
  });

  it('IPMP group creation keeps the data and test addresses', () => {
    const explicit = set(SCENARIO, 'network.ipmp', 'explicit');
    expect(explicit.world?.network?.interfaces).toEqual([
      { name: 'ipmp0', hostname: 'ipmp group ipmp0 myhost netmask + broadcast + up' },
      { name: 'bge0', hostname: 'group ipmp0 up' },
      { name: 'bge1', hostname: 'group ipmp0 up addif 192.168.1.12 deprecated -failover netmask + broadcast + up' },
    ]);
    expect(value(explicit, 'network.ipmp')).toBe('explicit');
    const none = set(explicit, 'network.ipmp', 'none');
    expect(none.world?.network?.interfaces).toEqual([{ name: 'bge0', hostname: 'myhost netmask + broadcast + up' }]);
    const onDemand = set(explicit, 'network.ipmp', 'on-demand');
    expect(onDemand.world?.network?.interfaces?.[0]).toEqual({ name: 'bge0', hostname: 'myhost netmask + broadcast + group ipmp0 up' });
  });

  it('NIC presence and address source', () => {
    expect(set(SCENARIO, 'network.nic.bge1', 'missing').world?.network?.nics?.[1]).toEqual({ name: 'bge1', present: false });
    const dhcp = set(SCENARIO, 'network.address.bge0', 'dhcp');
    expect(dhcp.world?.network?.interfaces?.[0]).toEqual({ name: 'bge0', hostname: 'group ipmp0', dhcp: '192.168.1.10' });
    expect(set(dhcp, 'network.address.bge0', 'static').world?.network?.interfaces?.[0]).toEqual({ name: 'bge0', hostname: '192.168.1.10 netmask + broadcast + group ipmp0 up' });
  });

  it('custom milestones are offered only to the what-if svc.startd', () => {
    const s = worldScenario({}, { services: [{ fmri: 'svc:/milestone/patching' }] });
    expect(setCondition(s, 'boot.default-milestone', 'svc:/milestone/patching:default').ok).toBe(false);
    const what = { ...s, boot: { custom_milestones: true } };
    expect(set(what, 'boot.default-milestone', 'svc:/milestone/patching:default').milestone).toBe('svc:/milestone/patching:default');
    expect(set(what, 'boot.mode', 'm:svc:/milestone/patching:default').boot?.milestone).toBe('svc:/milestone/patching:default');
  });
});
