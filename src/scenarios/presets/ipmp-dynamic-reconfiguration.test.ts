/**
 * Seed 001_298a713eb85a0e72.txt: NICs missing at boot, detach and reattach
 * through cfgadm. Strings: the pre-Clearview move_addresses() texts
 * (docs/console-messages.md §4.5), which the seed quotes ("similar to the
 * following"; the script prints a comma where the guide has a semicolon).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import type { Scenario } from '../../model/scenario/types.ts';
import { ipmpDynamicReconfiguration } from './ipmp-dynamic-reconfiguration.ts';
import { Run, set } from './outcome.test-support.ts';

const PHYSICAL = 'svc:/network/physical:default';
let base: Scenario;
let r: Run;
beforeAll(async () => {
  base = await ipmpDynamicReconfiguration();
  r = new Run(base);
});

describe('hme0 missing at boot', () => {
  it('cannot be plumbed (console), and its data address moves to hme1 (service log)', () => {
    expect(r.console()).toContain('Failed to plumb IPv4 interface(s): hme0');
    expect(r.log(PHYSICAL)).toContain('moving addresses from failed IPv4 interfaces: hme0 (moved to hme1).');
    const moved = r.world().find((w) => w.change.summary === '192.168.85.19 up on hme1 (from hme0)');
    expect(moved?.t).toBe(r.entered(PHYSICAL, 'online'));
  });

  it('a partial failure: network/physical exits 0 and the network milestone comes up (docs/console-messages.md §4.4)', () => {
    expect(r.state(PHYSICAL)).toBe('online');
    expect(r.state('svc:/milestone/network:default')).toBe('online');
  });

  it('the test address of the missing NIC is not moved', () => {
    expect(r.world().some((w) => w.change.summary.startsWith('192.168.85.21 up') && w.t < 15_000)).toBe(false);
  });
});

describe('dynamic reconfiguration after boot', () => {
  it('cfgadm refuses to detach hme1, which holds the only functioning interface of the group', () => {
    const a = r.actions().find((x) => x.t === 15_000);
    expect(a?.ok).toBe(false);
    expect(a?.output.join(' ')).toMatch(/only functioning interfaces of IPMP group testgroup1/);
  });

  it('attaching hme0 configures it from /etc/hostname.hme0 and fails its data address back', () => {
    expect(r.actions().find((x) => x.t === 20_000)?.ok).toBe(true);
    const at20 = r.world().filter((w) => w.t === 20_000).map((w) => w.change.summary);
    expect(at20).toContain('192.168.85.19 failed back from hme1 to hme0');
    expect(at20).toContain('192.168.85.21 up on hme0 (test address)');
  });

  it('detaching hme1 is now allowed: its data address fails over, its test address is unconfigured, it is unplumbed', () => {
    const at25 = r.world().filter((w) => w.t === 25_000).map((w) => w.change.summary);
    expect(at25).toEqual(['192.168.85.20 failed over from hme1 to hme0', 'test address 192.168.85.22 on hme1 unconfigured', 'hme1 unplumbed', 'hme1 (pci1:hpc0_slot2) unconfigured by cfgadm']);
  });

  it('reattaching hme1 fails its address back: the final configuration is the one a boot with both NICs gives', () => {
    const withBoth = new Run({ ...set(base, 'network.nic.hme0', 'present'), actions: [] });
    expect(r.snapshot().network.interfaces).toEqual(withBoth.snapshot().network.interfaces);
  });

  it('without /etc/hostname.hme0 nothing fails back on reattach', () => {
    const s: Scenario = {
      ...set(base, 'network.nic.hme0', 'present'),
      actions: [
        { at: 15_000, run: 'cfgadm -c unconfigure hme0' },
        { at: 16_000, run: 'rm /etc/hostname.hme0' },
        { at: 17_000, run: 'cfgadm -c configure hme0' },
      ],
    };
    const x = new Run(s);
    expect(x.actions().map((a) => a.ok)).toEqual([true, true, true]);
    expect(x.hostOf('192.168.85.19')).toBe('hme1');
    expect(x.snapshot().network.interfaces.find((i) => i.name === 'hme0')?.addresses).toEqual([]);
  });
});

describe('run-time IPMP administration (seed 001; docs/console-messages.md §4.6)', () => {
  it('if_mpadm -d hme0: in.mpathd moves its data address to hme1 (pre-Clearview), if_mpadm downs its test address', () => {
    const at35 = r.world().filter((w) => w.t === 35_000).map((w) => w.change.summary);
    expect(at35).toEqual(['hme0 offline', '192.168.85.21 down on hme0 (test address)', '192.168.85.19 moved from hme0 to hme1']);
  });

  it('if_mpadm -r hme0: the address fails back and in.mpathd says so on the console through syslog', () => {
    const at40 = r.world().filter((w) => w.t === 40_000).map((w) => w.change.summary);
    expect(at40).toContain('192.168.85.19 moved from hme1 to hme0');
    expect(r.console().filter((l) => l.includes('in.mpathd'))).toEqual(['Jan  6 20:17:00 myhost in.mpathd[120]: Successfully failed back to NIC hme0']);
  });

  it('ifconfig addif / removeif at run time are in the trace; the final configuration is still the one a boot with both NICs gives', () => {
    expect(r.world().filter((w) => w.t >= 45_000).map((w) => w.change.summary)).toEqual(['192.168.85.23 configured on hme1, up', '192.168.85.23 removed from hme1']);
    const withBoth = new Run({ ...set(base, 'network.nic.hme0', 'present'), actions: [] });
    expect(r.snapshot().network.interfaces).toEqual(withBoth.snapshot().network.interfaces);
  });

  it('through the CLI: --format json carries the actions, the world changes and the in.mpathd console line', () => {
    const out = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', 'ipmp-dynamic-reconfiguration', '--format', 'json'], { encoding: 'utf8' });
    expect(out.status).toBe(0);
    const json = JSON.parse(out.stdout) as { actions: { command: string; ok: boolean }[]; world: { changes: { t: number; summary: string }[] }; console: { text: string }[] };
    expect(json.actions.filter((a) => /^(if_mpadm|ifconfig)/.test(a.command)).map((a) => [a.command, a.ok])).toEqual([
      ['if_mpadm -d hme0', true],
      ['if_mpadm -r hme0', true],
      ['ifconfig hme1 addif 192.168.85.23 netmask + broadcast + up', true],
      ['ifconfig hme1 removeif 192.168.85.23', true],
    ]);
    expect(json.world.changes.filter((c) => c.t === 35_000).map((c) => c.summary)).toContain('192.168.85.19 moved from hme0 to hme1');
    expect(json.console.map((c) => c.text)).toContain('Jan  6 20:17:00 myhost in.mpathd[120]: Successfully failed back to NIC hme0');
  });
});

describe('conditions', () => {
  it('hme0 present at boot: nothing to move', () => {
    const x = new Run(set(base, 'network.nic.hme0', 'present'));
    expect(x.log(PHYSICAL).some((l) => l.startsWith('moving addresses'))).toBe(false);
    expect(x.hostOf('192.168.85.19')).toBe('hme0');
  });

  it('hme1 missing too: no alternative interface, nothing comes up, exit 96', () => {
    const x = new Run({ ...set(base, 'network.nic.hme1', 'missing'), actions: [] });
    expect(x.log(PHYSICAL)).toContain("moving addresses from failed IPv4 interfaces: hme0 (couldn't move, no alternative interface) hme1 (couldn't move, no alternative interface).");
    expect(x.state(PHYSICAL)).toBe('maintenance');
  });

  it('hme0 on DHCP: its address is not moved (it is not in the hostname file)', () => {
    const x = new Run({ ...set(base, 'network.address.hme0', 'dhcp'), actions: [] });
    expect(x.scenario.world?.network?.interfaces?.[0]?.dhcp).toBe('192.168.85.19');
    expect(x.hostOf('192.168.85.19')).toBeUndefined();
  });

  it('no IPMP: the address cannot move, and cfgadm refuses to detach a NIC that is in no group', () => {
    const x = new Run(set(base, 'network.ipmp', 'none'));
    expect(x.log(PHYSICAL)).toContain("moving addresses from failed IPv4 interfaces: hme0 (couldn't move, no alternative interface).");
    expect(x.actions().find((a) => a.t === 15_000)?.output.join(' ')).toMatch(/not in an IPMP group/);
  });
});
