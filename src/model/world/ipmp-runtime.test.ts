/**
 * Seed 001's run-time moves (docs/seeds/001_298a713eb85a0e72.txt): ifconfig
 * and if_mpadm on the world's NICs, IPMP groups and addresses, with the
 * texts of docs/console-messages.md §4.3 and §4.6 (in.mpathd's
 * phyint_group_refresh_state() and do_failback(), if_mpadm.c, ifconfig.c).
 */
import { describe, expect, it } from 'vitest';
import { WORLD_COMMAND_MODELS } from './commands/index.ts';
import { splitWords } from '../scenario/actions.ts';
import { networkView } from './network.ts';
import { runModel, state } from './test-world.ts';
import type { WorldState } from './state.ts';
import type { WorldSpec } from './types.ts';

const PHYSICAL = 'svc:/network/physical:default';
const STUB = { node: '/devices/pseudo/dlpistub@0:ipmpstub', link: '/dev/ipmpstub', link_on_disk: true };

function run(w: WorldState, line: string, t = 1000) {
  const [cmd, ...args] = splitWords(line) ?? [];
  const c = WORLD_COMMAND_MODELS[cmd ?? ''];
  if (c === undefined) throw new Error(cmd);
  return c(w, args, t);
}

const summaries = (r: ReturnType<typeof run>) => r.changes.map((c) => c.summary);
/** Interfaces with their addresses in address order (logical interface numbering is not modelled). */
const layout = (w: WorldState) => JSON.stringify([...w.net.interfaces.values()].map((i) => ({ ...i, addresses: [...i.addresses].sort((a, b) => a.addr.localeCompare(b.addr)) })));

function booted(spec: WorldSpec): WorldState {
  const w = state(spec);
  runModel(w, PHYSICAL);
  return w;
}

/** The guide's example (seed 001), before Clearview: two NICs in testgroup1, each with a data and a test address. */
const PRE: WorldSpec = {
  network: {
    ipmp: 'pre-clearview',
    nics: [{ name: 'hme0' }, { name: 'hme1' }, { name: 'hme2' }],
    interfaces: [
      { name: 'hme0', hostname: '192.168.85.19 netmask + broadcast + group testgroup1 up addif 192.168.85.21 deprecated -failover netmask + broadcast + up' },
      { name: 'hme1', hostname: '192.168.85.20 netmask + broadcast + group testgroup1 up addif 192.168.85.22 deprecated -failover netmask + broadcast + up' },
    ],
  },
};

/** Clearview (2009): ipmp0 holds the data address; bge0 active, bge1 a standby. */
const CLEARVIEW: WorldSpec = {
  devices: [STUB],
  network: {
    ipmp: 'clearview',
    nics: [{ name: 'bge0' }, { name: 'bge1' }, { name: 'bge2' }],
    interfaces: [
      { name: 'ipmp0', hostname: 'ipmp group prod 192.168.1.10 netmask + broadcast + up' },
      { name: 'bge0', hostname: 'group prod up' },
      { name: 'bge1', hostname: 'group prod standby up' },
    ],
  },
};

describe('if_mpadm before Clearview (seed 001: in.mpathd moves the addresses)', () => {
  it('-d: the data address fails over to the other interface of the group, the test address goes down, the interface is offline', () => {
    const w = booted(PRE);
    const r = run(w, 'if_mpadm -d hme0');
    expect(r).toMatchObject({ ok: true, output: [] });
    expect(w.net.hostOf('192.168.85.19')).toBe('hme1');
    expect(w.net.interfaces.get('hme0')?.offline).toBe(true);
    expect(summaries(r)).toEqual(['hme0 offline', '192.168.85.21 down on hme0 (test address)', '192.168.85.19 moved from hme0 to hme1']);
  });

  it('refuses to offline the last functioning interface of the group, in the 2005 if_mpadm words', () => {
    const w = booted(PRE);
    run(w, 'if_mpadm -d hme0');
    const r = run(w, 'if_mpadm -d hme1');
    expect(r.ok).toBe(false);
    expect(r.output).toEqual(['Offline failed as there is no other functional interface available in the multipathing group for failing over the network access.']);
    expect(run(w, 'if_mpadm -d hme0').output).toEqual(['Interface already offlined']);
    expect(run(w, 'if_mpadm -r hme1').output).toEqual(['Interface not offlined']);
  });

  it('-r: the address fails back and in.mpathd logs "Successfully failed back to NIC hme0"; the test address is up again', () => {
    const w = booted(PRE);
    const start = layout(w);
    run(w, 'if_mpadm -d hme0');
    const r = run(w, 'if_mpadm -r hme0');
    expect(r.ok).toBe(true);
    expect(r.changes.filter((c) => c.kind === 'syslog')).toEqual([{ kind: 'syslog', program: 'in.mpathd', severity: 'err', message: 'Successfully failed back to NIC hme0', summary: 'in.mpathd: Successfully failed back to NIC hme0' }]);
    expect(summaries(r)).toContain('192.168.85.19 moved from hme1 to hme0');
    // Back where the boot left it.
    expect(layout(w)).toBe(start);
  });
});

describe('if_mpadm with Clearview (the addresses stay on ipmp0; the interfaces carrying them change)', () => {
  it('-d on the active interface: the standby takes over, observable as a change of the interfaces carrying 192.168.1.10', () => {
    const w = booted(CLEARVIEW);
    expect(w.net.hostOf('192.168.1.10')).toBe('ipmp0');
    const r = run(w, 'if_mpadm -d bge0');
    expect(r.ok).toBe(true);
    expect(w.net.hostOf('192.168.1.10')).toBe('ipmp0');
    expect(summaries(r)).toEqual(['bge0 offline', 'ipmp0 (group prod): data address 192.168.1.10 now sent and received on bge1 (was bge0)']);
    // The world snapshot (--format json world) says the same.
    expect(networkView(w.net).interfaces.find((i) => i.name === 'ipmp0')?.active).toEqual(['bge1']);
    const back = run(w, 'if_mpadm -r bge0');
    expect(summaries(back)).toEqual(['bge0 online again', 'ipmp0 (group prod): data address 192.168.1.10 now sent and received on bge0 (was bge1)']);
    // Clearview's in.mpathd logs nothing for an offline or its undo (phyint_offline()).
    expect([...r.changes, ...back.changes].some((c) => c.kind === 'syslog')).toBe(false);
  });

  it('if_mpadm.c die() texts: minimum redundancy, not in a group, already offline, not offline, not plumbed', () => {
    const w = booted(CLEARVIEW);
    run(w, 'if_mpadm -d bge0');
    expect(run(w, 'if_mpadm -d bge1').output).toEqual(['if_mpadm: fatal: cannot offline bge1: no other functioning interfaces are in its IPMP group']);
    expect(run(w, 'if_mpadm -d ipmp0').output).toEqual(['if_mpadm: fatal: cannot offline ipmp0: not a physical interface or not in an IPMP group']);
    expect(run(w, 'if_mpadm -d bge0').output).toEqual(['if_mpadm: fatal: interface bge0 is already offline']);
    expect(run(w, 'if_mpadm -r bge1').output).toEqual(['if_mpadm: fatal: interface bge1 is not offline']);
    expect(run(w, 'if_mpadm -d bge2').output).toEqual(['if_mpadm: fatal: cannot get interface flags on bge2: No such device or address']);
    expect(run(w, 'if_mpadm bge0').output).toEqual(['Usage: if_mpadm [-d | -r] <interface>']);
  });
});

describe('ifconfig at run time (seed 001: "any interfaces ... that you attach after system boot can be plumbed and added to an existing IPMP group")', () => {
  it('Clearview: plumbing bge2 into the group makes it active at once; its address joins the data addresses on ipmp0', () => {
    const w = booted(CLEARVIEW);
    const r = run(w, 'ifconfig bge2 plumb 192.168.1.12 netmask + broadcast + group prod up');
    expect(r).toMatchObject({ ok: true, output: [] });
    expect(w.net.hostOf('192.168.1.12')).toBe('ipmp0');
    expect(summaries(r)).toEqual([
      'bge2 plumbed',
      'bge2 joined IPMP group prod',
      '192.168.1.12 configured on ipmp0, up',
      'ipmp0 (group prod): data addresses 192.168.1.10, 192.168.1.12 now sent and received on bge0, bge2 (was bge0)',
    ]);
  });

  it('Clearview: unplumbing every interface of the group: in.mpathd reports it unusable, and usable again when one comes back', () => {
    const w = booted(CLEARVIEW);
    expect(run(w, 'ifconfig bge1 unplumb').changes.some((c) => c.kind === 'syslog')).toBe(false);
    const last = run(w, 'ifconfig bge0 unplumb');
    expect(summaries(last)).toEqual(['bge0 unplumbed', 'in.mpathd: All IP interfaces in group prod are now unusable', 'ipmp0 (group prod): data address 192.168.1.10 now sent and received on no interface: they are unreachable (was bge0)']);
    const back = run(w, 'ifconfig bge1 plumb group prod up');
    expect(summaries(back)).toContain('in.mpathd: At least 1 IP interface (bge1) in group prod is now usable');
    expect(summaries(back)).toContain('ipmp0 (group prod): data address 192.168.1.10 now sent and received on bge1');
  });

  it('addif / removeif, down / up, group "" (leave the group)', () => {
    const w = booted(PRE);
    expect(summaries(run(w, 'ifconfig hme0 addif 192.168.85.30 netmask + broadcast + up'))).toEqual(['192.168.85.30 configured on hme0, up']);
    expect(summaries(run(w, 'ifconfig hme0 removeif 192.168.85.30'))).toEqual(['192.168.85.30 removed from hme0']);
    expect(summaries(run(w, 'ifconfig hme1 down'))).toEqual(['192.168.85.20 down on hme1']);
    expect(summaries(run(w, 'ifconfig hme1 up'))).toEqual(['192.168.85.20 up on hme1']);
    expect(summaries(run(w, 'ifconfig hme1 group ""'))).toEqual(['hme1 left IPMP group testgroup1']);
  });

  it('ifconfig.c error texts: plumbing twice, a NIC that is not there, a command on an interface that is not plumbed, removeif of an unknown address', () => {
    const w = booted(PRE);
    expect(run(w, 'ifconfig hme0 plumb').output).toEqual(['ifconfig: SIOCSLIFNAME for ip: hme0: already exists']);
    expect(run(w, 'ifconfig hme7 plumb').output).toEqual(['ifconfig: plumb: hme7: no such interface']);
    expect(run(w, 'ifconfig hme2 up').output).toEqual(['ifconfig: SIOCGLIFFLAGS: hme2: no such interface']);
    expect(run(w, 'ifconfig hme0 removeif 10.9.9.9').output).toEqual(['ifconfig: removeif: SIOCLIFREMOVEIF: hme0: no such interface']);
    expect(run(w, 'ifconfig hme0 removeif 192.168.85.19').output).toEqual(["ifconfig: removeif: can't remove interface: hme0"]);
    // Nothing changed by the failures.
    expect(w.net.hostOf('192.168.85.19')).toBe('hme0');
  });

  it('Clearview: joining a group that has no IPMP interface creates the next ipmpN (setifgroupname() → create_ipmp())', () => {
    const w = booted(CLEARVIEW);
    const r = run(w, 'ifconfig bge2 plumb group other up');
    expect(r.ok).toBe(true);
    expect(w.net.groupInterface('other')?.name).toBe('ipmp1');
  });
});
