/**
 * net-physical against the reference texts: docs/console-messages.md §3 (the
 * worked example of 2009 with /dev/ipmpstub missing), §4.1–§4.5 (messages,
 * IPMP creation, exit codes, the pre-Clearview strings seed 001 quotes).
 */
import { describe, expect, it } from 'vitest';
import { state, runModel } from './test-world.ts';
import type { WorldSpec } from './types.ts';

const PHYSICAL = 'svc:/network/physical:default';
const STUB = { node: '/devices/pseudo/dlpistub@0:ipmpstub', link: '/dev/ipmpstub' };

/** §3's assumed scenario: hostname.ipmp0 starts with `ipmp`, bge0 and bge1 contain `group ipmp0 …`. */
function explicitWorld(linkOnDisk: boolean, extra: Partial<WorldSpec> = {}): WorldSpec {
  return {
    devices: [{ ...STUB, link_on_disk: linkOnDisk }],
    network: {
      ipmp: 'clearview',
      nics: [{ name: 'bge0' }, { name: 'bge1' }],
      interfaces: [
        { name: 'ipmp0', hostname: 'ipmp group ipmp0 192.168.1.10 netmask + broadcast + up' },
        { name: 'bge0', hostname: 'group ipmp0 up' },
        { name: 'bge1', hostname: 'group ipmp0 up' },
      ],
    },
    ...extra,
  };
}

describe('net-physical, 2009, /dev/ipmpstub missing (docs/console-messages.md §3)', () => {
  const r = runModel(state(explicitWorld(false)), PHYSICAL);

  it('prints the two console lines of the worked example', () => {
    expect(r.console).toEqual(['Failed to create IPv4 IPMP interface(s): ipmp0', 'Failed to configure IPv4 interface(s): bge0 bge1']);
  });

  it('writes the run-together service log lines of the worked example', () => {
    expect(r.log).toEqual([
      'ifconfig: cannot open link "ipmpstub0": DLPI link does not exist',
      'configuring IPv4 interfaces:ifconfig: cannot open link "ipmpstub0": DLPI link does not exist',
      ' bge0ifconfig: cannot open link "ipmpstub0": DLPI link does not exist',
      ' bge1.',
    ]);
  });

  it('exits 96 because no address came up (§4.4)', () => {
    expect(r.exit).toBe(96);
  });

  it('creates ipmp0 and brings the data address up on it when the link exists', () => {
    const w = state(explicitWorld(true));
    const ok = runModel(w, PHYSICAL);
    expect(ok.exit).toBe(0);
    expect(ok.console).toEqual([]);
    expect(ok.log).toEqual(['configuring IPMP IPv4 interfaces: ipmp0.', 'configuring IPv4 interfaces: bge0 bge1.']);
    expect(w.net.interfaces.get('ipmp0')?.addresses.map((a) => [a.addr, a.up])).toEqual([['192.168.1.10', true]]);
  });

  it('option 1: libdlpi falls back to the /devices node and ipmp0 is created', () => {
    const w = state(explicitWorld(false, { proposals: { libdlpi_devices_fallback: true } }));
    expect(runModel(w, PHYSICAL).exit).toBe(0);
    expect(w.net.groupInterface('ipmp0')?.name).toBe('ipmp0');
  });

  it('the fallback needs the /devices node', () => {
    const w = state({ ...explicitWorld(false, { proposals: { libdlpi_devices_fallback: true } }), devices: [] });
    expect(runModel(w, PHYSICAL).exit).toBe(96);
  });

  it('notes why, naming the missing link and who makes it', () => {
    const w = state(explicitWorld(false), { boot: { reconfigure: true } });
    runModel(w, PHYSICAL);
    expect(w.notes.map((n) => n.text).join('\n')).toMatch(/\/dev\/ipmpstub does not exist.*system\/device\/local will create it later/);
  });
});

describe('implicit (on-demand) group creation', () => {
  const world: WorldSpec = {
    devices: [{ ...STUB, link_on_disk: false }],
    network: {
      ipmp: 'clearview',
      nics: [{ name: 'bge0' }, { name: 'bge1' }],
      hosts: { myhost: '192.168.1.10' },
      interfaces: [
        { name: 'bge0', hostname: 'myhost netmask + broadcast + group ipmp0 up' },
        { name: 'bge1', hostname: 'group ipmp0 up' },
      ],
    },
  };

  it('ifconfig exits at `group`, before `up`: the data address is set but not up, exit 96', () => {
    const w = state(world);
    const r = runModel(w, PHYSICAL);
    expect(r.console).toEqual(['Failed to configure IPv4 interface(s): bge0 bge1']);
    expect(r.exit).toBe(96);
    expect(w.net.interfaces.get('bge0')?.addresses.map((a) => [a.addr, a.up])).toEqual([['192.168.1.10', false]]);
    expect(w.net.interfaces.has('ipmp0')).toBe(false);
  });

  it('with the link, the first join creates ipmp0 (lowest free ipmpN) and the data address moves onto it', () => {
    const w = state({ ...world, devices: [{ ...STUB, link_on_disk: true }] });
    expect(runModel(w, PHYSICAL).exit).toBe(0);
    const ipmp0 = w.net.interfaces.get('ipmp0');
    expect(ipmp0?.ipmp).toBe(true);
    expect(ipmp0?.group).toBe('ipmp0');
    expect(ipmp0?.addresses.map((a) => a.addr)).toEqual(['192.168.1.10']);
    expect(w.net.mpathd).toBe(true);
  });
});

describe('partial failure and missing NICs (§4.1, §4.4)', () => {
  const world = (impl: 'clearview' | 'pre-clearview', extra: Partial<WorldSpec['network']> = {}): WorldSpec => ({
    devices: [{ ...STUB, link_on_disk: true }],
    network: {
      ipmp: impl,
      nics: [{ name: 'bge0' }, { name: 'bge1', present: false }],
      interfaces: [
        { name: 'bge0', hostname: '192.168.1.11 netmask + broadcast + group prod up' },
        { name: 'bge1', hostname: '192.168.1.12 netmask + broadcast + group prod up addif 192.168.1.13 deprecated -failover netmask + broadcast + up' },
      ],
      ...extra,
    },
  });

  it('2009: plumb failure on the console, addresses moved to the IPMP interface, exit 0', () => {
    const w = state(world('clearview'));
    const r = runModel(w, PHYSICAL);
    expect(r.console).toEqual(['Failed to plumb IPv4 interface(s): bge1', 'Moving addresses from missing IPv4 interface(s): bge1 (moved to ipmp0).']);
    expect(r.exit).toBe(0);
    // Only the data address moves, not the test address.
    expect(w.net.interfaces.get('ipmp0')?.addresses.map((a) => a.addr).sort()).toEqual(['192.168.1.11', '192.168.1.12']);
  });

  it('2009: an interface in no group is not moved', () => {
    const w = state(world('clearview', { interfaces: [{ name: 'bge0', hostname: '192.168.1.11 up' }, { name: 'bge1', hostname: '192.168.1.12 up' }] }));
    expect(runModel(w, PHYSICAL).console).toEqual(['Failed to plumb IPv4 interface(s): bge1', 'Moving addresses from missing IPv4 interface(s): bge1 (not moved -- not in an IPMP group).']);
  });

  it("2009: moving from a non-standby interface clears 'standby' on an inactive one", () => {
    const w = state({
      devices: [{ ...STUB, link_on_disk: true }],
      network: {
        ipmp: 'clearview',
        nics: [{ name: 'bge0' }, { name: 'bge1', present: false }, { name: 'bge2' }],
        interfaces: [
          { name: 'bge0', hostname: '192.168.1.11 netmask + broadcast + group prod up' },
          { name: 'bge1', hostname: '192.168.1.12 netmask + broadcast + group prod up' },
          { name: 'bge2', hostname: 'group prod standby up' },
        ],
      },
    });
    expect(runModel(w, PHYSICAL).console).toContain("Moving addresses from missing IPv4 interface(s): bge1 (moved to ipmp0 and cleared 'standby' on bge2 to compensate).");
  });

  it('pre-Clearview: only the first failed name is printed, and the move goes to another interface of the group in the service log', () => {
    const w = state({
      network: {
        ipmp: 'pre-clearview',
        nics: [{ name: 'hme0', present: false }, { name: 'hme1' }, { name: 'hme2', present: false }],
        interfaces: [
          { name: 'hme0', hostname: '192.168.85.19 netmask + broadcast + group testgroup1 up' },
          { name: 'hme1', hostname: '192.168.85.20 netmask + broadcast + group testgroup1 up' },
          { name: 'hme2', hostname: '192.168.85.30 netmask + broadcast + up' },
        ],
      },
    });
    const r = runModel(w, PHYSICAL);
    expect(r.console).toEqual(['Failed to plumb IPv4 interface(s): hme0']);
    expect(r.log).toContain("moving addresses from failed IPv4 interfaces: hme0 (moved to hme1) hme2 (couldn't move, no alternative interface).");
    expect(w.net.hostOf('192.168.85.19')).toBe('hme1');
    expect(r.exit).toBe(0);
  });

  it('no hostname files: exit 0 with nothing to do', () => {
    expect(runModel(state({ network: { nics: [{ name: 'bge0' }] } }), PHYSICAL).exit).toBe(0);
  });

  it('a DHCP address of a missing NIC is not moved (seed 001)', () => {
    const w = state({
      network: {
        ipmp: 'pre-clearview',
        nics: [{ name: 'hme0', present: false }, { name: 'hme1' }],
        interfaces: [
          { name: 'hme0', hostname: 'group testgroup1', dhcp: '192.168.85.50' },
          { name: 'hme1', hostname: '192.168.85.20 netmask + broadcast + group testgroup1 up' },
        ],
      },
    });
    runModel(w, PHYSICAL);
    expect(w.net.hostOf('192.168.85.50')).toBeUndefined();
  });
});

describe('net_reconfigure (§4.1, §4.4)', () => {
  it('on a reconfiguration boot without datalink-management in the repository: log line, exit 96', () => {
    const w = state(
      { network: { nics: [{ name: 'bge0' }], interfaces: [{ name: 'bge0', hostname: '192.168.1.10 up' }] }, repository: { pending: [{ path: 'network/dlmgmt.xml', services: ['svc:/network/datalink-management'] }] } },
      { boot: { reconfigure: true }, services: [{ fmri: 'svc:/network/datalink-management' }] },
    );
    const r = runModel(w, PHYSICAL);
    expect(r.exit).toBe(96);
    expect(r.log).toEqual(['The network/datalink-management service did not come online.']);
  });
});
