/**
 * Seed 000_6ff28b1db8148630.txt on the real 2009 graph. Expected outcomes come
 * from the seed and from the reference: docs/boot-graph.md §2 (the metainit chain,
 * the cycle option 2 closes), docs/console-messages.md §3–§4 (exact texts, exit
 * 96), §1.3 (the 2009 svc.startd console lines).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../model/scenario/types.ts';
import { clearviewIpmpFirstBoot } from './clearview-ipmp-first-boot.ts';
import { Run, set } from './outcome.test-support.ts';

const PHYSICAL = 'svc:/network/physical:default';
const DEVICE_LOCAL = 'svc:/system/device/local:default';
const IDENTITY = 'svc:/system/identity:node';
const METAINIT = 'svc:/system/metainit:default';
const FS_ROOT = 'svc:/system/filesystem/root:default';
const FS_USR = 'svc:/system/filesystem/usr:default';
const EARLY = 'svc:/system/device/early-devlinks:default';
const NETWORK = 'svc:/milestone/network:default';
const UP = ['svc:/milestone/multi-user-server:default', 'svc:/network/ssh:default', 'svc:/system/filesystem/local:default', NETWORK];

let base: Scenario;
let first: Run;
beforeAll(async () => {
  base = await clearviewIpmpFirstBoot();
  first = new Run(base);
});

describe('the scenario', () => {
  it('is the real 2009 graph (fixtures/graphs/illumos-2009.json) and cites seed 000', () => {
    expect(base.era).toBe('2009');
    expect(base.services.length).toBeGreaterThan(150);
    expect(base.services.some((s) => s.fmri === 'svc:/system/metainit')).toBe(true);
    expect(base.source?.['commit']).toBe('e11c3f44f531fdff80941ce57c065d2ae861cefc');
    expect(base.source?.['seed']).toBe('000_6ff28b1db8148630.txt');
  });
});

describe('first boot after the upgrade', () => {
  it('runs network/physical before system/device/local, through the metainit chain (docs/boot-graph.md §2.2)', () => {
    const order = [PHYSICAL, IDENTITY, METAINIT, FS_ROOT, FS_USR, DEVICE_LOCAL].map((f) => first.started(f));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(first.entered(PHYSICAL, 'maintenance')).toBeLessThanOrEqual(first.started(IDENTITY));
  });

  it('cannot create the IPMP interface: /dev/ipmpstub is missing (the service log has ifconfig\'s DLPI error)', () => {
    expect(first.log(PHYSICAL)).toContain('configuring IPv4 interfaces:ifconfig: cannot open link "ipmpstub0": DLPI link does not exist');
    expect(first.console()).toContain('Failed to configure IPv4 interface(s): bge0 bge1');
  });

  it('network/physical exits 96 and goes to maintenance, with the 2009 svc.startd console lines', () => {
    const s = first.final(PHYSICAL);
    expect(s.state).toBe('maintenance');
    expect(s.waitStatus).toBe(96);
    const lines = first.console();
    expect(lines.some((l) => l.endsWith('svc.startd[7]: svc:/network/physical:default: Method "/lib/svc/method/net-physical" failed with exit status 96.'))).toBe(true);
    expect(lines.some((l) => l.endsWith("svc.startd[7]: network/physical:default misconfigured: transitioned to maintenance (see 'svcs -xv' for details)"))).toBe(true);
  });

  it('neither the IPMP interface nor its data address comes up', () => {
    const net = first.snapshot().network;
    expect(net.interfaces.some((i) => i.ipmp)).toBe(false);
    expect(first.hostOf('192.168.1.10')).toBeUndefined();
  });

  it('devfsadm makes /dev/ipmpstub later in the same boot, after network/physical has failed', () => {
    const made = first.world().find((r) => r.change.path === '/dev/ipmpstub' && r.change.exists === true);
    expect(made?.change.summary).toMatch(/system\/device\/local/);
    expect(made?.t ?? 0).toBeGreaterThan(first.entered(PHYSICAL, 'maintenance'));
    expect(first.console()).toContain('Configuring devices.');
  });

  it('dependents that need the network wait; those with optional_all dependencies go on (docs/boot-graph.md §1.3)', () => {
    for (const f of UP) expect(first.state(f)).toBe('offline');
    expect(first.state(IDENTITY)).toBe('online');
    expect(first.state('svc:/milestone/single-user:default')).toBe('online');
    expect(first.console()).toContain('Hostname: myhost');
  });

  it('the explanation traces milestone/network to network/physical, and the world says why: the missing link', () => {
    const e = first.explain(NETWORK);
    expect(e.rootCauses).toContain(PHYSICAL);
    const p = first.explain(PHYSICAL);
    expect(p.reasons[0]?.code).toBe('SMF-8000-KS');
    expect(p.text).toContain('Reason: Start method exited with $SMF_EXIT_ERR_CONFIG.');
    expect(first.snapshot().notes.some((n) => n.fmri === PHYSICAL && n.text.includes('/dev/ipmpstub does not exist'))).toBe(true);
  });
});

describe('a separate /usr (docs/console-messages.md §1.3)', () => {
  it('network/physical fails before filesystem/root: no timezone yet, so no svc.startd console lines, and start + N.NNs log stamps', () => {
    const w = base.world ?? {};
    const r = new Run({ ...base, world: { ...w, filesystems: [...(w.filesystems ?? []), { mountpoint: '/usr', type: 'ufs', device: '/dev/md/dsk/d20' }] } });
    expect(r.state(PHYSICAL)).toBe('maintenance');
    expect(r.console().some((l) => l.includes('svc.startd[7]: network/physical:default misconfigured'))).toBe(false);
    expect(r.console()).toContain('Failed to configure IPv4 interface(s): bge0 bge1');
    expect(r.log(PHYSICAL).some((l) => /^\[ start \+ \d+\.\d\ds /.test(l))).toBe(true);
  });
});

describe('the next boot', () => {
  it('has the link on disk and comes up clean', () => {
    const next = new Run(first.next());
    expect(next.scenario.world?.devices?.find((d) => d.link === '/dev/ipmpstub')?.link_on_disk).toBe(true);
    expect(next.scenario.boot?.reconfigure).toBeUndefined();
    expect(next.state(PHYSICAL)).toBe('online');
    for (const f of UP) expect(next.state(f)).toBe('online');
    expect(next.hostOf('192.168.1.10')).toBe('ipmp0');
    expect(next.console().filter((l) => l.startsWith('Failed'))).toEqual([]);
  });

  it('…unless this boot was not a reconfiguration boot: then devfsadm never ran and the next boot fails the same way', () => {
    const noReconf = new Run(set(base, 'boot.reconfigure', 'no'));
    expect(noReconf.state(PHYSICAL)).toBe('maintenance');
    expect(new Run(noReconf.next()).state(PHYSICAL)).toBe('maintenance');
  });
});

describe('option 1: libdlpi falls back to /devices', () => {
  it('fixes the first boot', () => {
    const r = new Run(set(base, 'devices.libdlpi-fallback', 'yes'));
    expect(r.state(PHYSICAL)).toBe('online');
    for (const f of UP) expect(r.state(f)).toBe('online');
    expect(r.hostOf('192.168.1.10')).toBe('ipmp0');
  });
});

describe('option 2: /dev links as soon as / is read-write', () => {
  it('with metainit in the chain it closes a dependency cycle: the instance completing it goes to maintenance (SMF-8000-HP)', () => {
    const r = new Run(set(base, 'devices.devfsadm-timing', 'root-rw'));
    const cycled = r.trace.instances.map((i) => i.fmri).filter((f) => r.final(f).aux === 'dependency_cycle');
    expect(cycled).toHaveLength(1);
    const victim = cycled[0] ?? '';
    expect(r.state(victim)).toBe('maintenance');
    const cycle = r.final(victim).cycle ?? [];
    for (const f of [METAINIT, IDENTITY, PHYSICAL, FS_ROOT, FS_USR]) expect(cycle).toContain(f);
    expect(r.console().some((l) => l.includes(`Transitioning ${victim} to maintenance because it completes a dependency cycle`))).toBe(true);
    expect(r.explain(victim).reasons[0]?.code).toBe('SMF-8000-HP');
    expect(r.state(NETWORK)).not.toBe('online');
  });

  it('without metainit (SVM not installed) it works: the links are made after / is writable and network/physical waits for them', () => {
    const r = new Run(set(set(base, 'devices.devfsadm-timing', 'root-rw'), 'filesystems.svm', 'not-installed'));
    expect(r.trace.instances.filter((i) => r.final(i.fmri).aux === 'dependency_cycle')).toEqual([]);
    expect(r.state(EARLY)).toBe('online');
    expect(r.started(PHYSICAL)).toBeGreaterThanOrEqual(r.entered(EARLY, 'online'));
    expect(r.entered(EARLY, 'online')).toBeGreaterThan(r.entered(FS_USR, 'online') - 1);
    for (const f of [PHYSICAL, ...UP]) expect(r.state(f)).toBe('online');
  });

  it('removing SVM alone does not fix the first boot: network/physical still runs before devfsadm', () => {
    const r = new Run(set(base, 'filesystems.svm', 'not-installed'));
    expect(r.final(METAINIT).present).toBe(false);
    expect(r.started(PHYSICAL)).toBeLessThan(r.started(DEVICE_LOCAL));
    expect(r.state(PHYSICAL)).toBe('maintenance');
  });
});

describe('devfsadm timing: links left from a previous boot', () => {
  it('the first boot works', () => {
    const r = new Run(set(base, 'devices.devfsadm-timing', 'previous-boot'));
    expect(r.state(PHYSICAL)).toBe('online');
    expect(r.hostOf('192.168.1.10')).toBe('ipmp0');
  });
});

describe('IPMP group creation', () => {
  it('explicit: "ifconfig ipmp0 ipmp" fails first (docs/console-messages.md §3)', () => {
    const r = new Run(set(base, 'network.ipmp', 'explicit'));
    expect(r.console()).toContain('Failed to create IPv4 IPMP interface(s): ipmp0');
    expect(r.log(PHYSICAL)).toContain('ifconfig: cannot open link "ipmpstub0": DLPI link does not exist');
    expect(r.state(PHYSICAL)).toBe('maintenance');
  });

  it('no IPMP: nothing opens /dev/ipmpstub, the first boot works', () => {
    const r = new Run(set(base, 'network.ipmp', 'none'));
    expect(r.state(PHYSICAL)).toBe('online');
    expect(r.hostOf('192.168.1.10')).toBe('bge0');
  });
});

describe('root read-write', () => {
  it('a ZFS root does not change the order: the first boot still fails', () => {
    const r = new Run(set(base, 'filesystems.root', 'zfs'));
    expect(r.state(PHYSICAL)).toBe('maintenance');
    expect(r.state(FS_USR)).toBe('online');
  });

  it('a root that stays read-only: fs-usr exits 95, devfsadm never runs, svc.startd asks for maintenance mode', () => {
    const r = new Run(set(base, 'filesystems.root', 'read-only'));
    expect(r.state(FS_USR)).toBe('maintenance');
    expect(r.hasStarted(DEVICE_LOCAL)).toBe(false);
    expect(r.console()).toContain('WARNING - Unable to repair the / filesystem. Run fsck');
    expect(r.console()).toContain('Console login service(s) cannot run');
    expect(r.snapshot().devices.find((d) => d.link === '/dev/ipmpstub')?.linkExists).toBe(false);
  });
});

describe('/var mounts', () => {
  it('separate /var: mounted by fs/minimal, the outcome for the network is the same', () => {
    const r = new Run(set(base, 'filesystems.var', 'separate'));
    expect(r.snapshot().filesystems.find((f) => f.mountpoint === '/var')?.mountedAt).toEqual(['/var']);
    expect(r.state(PHYSICAL)).toBe('maintenance');
  });

  it('the /var mount fails: fs/minimal goes to maintenance with mountfs()\'s message', () => {
    const r = new Run(set(base, 'filesystems.var', 'mount-fails'));
    expect(r.state('svc:/system/filesystem/minimal:default')).toBe('maintenance');
    expect(r.console()).toContain("ERROR: svc:/system/filesystem/minimal:default failed to mount /var (see 'svcs -x' for details)");
  });

  it('/var/shared dataset: mounted by fs/minimal', () => {
    const r = new Run(set(base, 'filesystems.var', 'var-shared'));
    expect(r.snapshot().filesystems.find((f) => f.mountpoint === '/var/shared')?.mountedAt).toEqual(['/var/shared']);
  });
});

describe('NICs', () => {
  it('bge0 missing with the link on disk: its data address moves to ipmp0 and the boot works', () => {
    const r = new Run(set(set(base, 'network.nic.bge0', 'missing'), 'devices.devfsadm-timing', 'previous-boot'));
    expect(r.console()).toEqual(expect.arrayContaining(['Failed to plumb IPv4 interface(s): bge0', 'Moving addresses from missing IPv4 interface(s): bge0 (moved to ipmp0).']));
    expect(r.state(PHYSICAL)).toBe('online');
    expect(r.hostOf('192.168.1.10')).toBe('ipmp0');
  });

  it('bge0 missing on the first boot: no IPMP interface can be made to move to either', () => {
    const r = new Run(set(base, 'network.nic.bge0', 'missing'));
    expect(r.state(PHYSICAL)).toBe('maintenance');
    expect(r.hostOf('192.168.1.10')).toBeUndefined();
  });
});
