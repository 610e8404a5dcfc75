/** World commands: cfgadm DR as seed 001 describes it, pkg on an alternate BE (seed 004), touch. */
import { describe, expect, it } from 'vitest';
import { WORLD_COMMAND_MODELS } from './commands/index.ts';
import { runModel, state } from './test-world.ts';
import type { WorldState } from './state.ts';
import type { WorldSpec } from './types.ts';

function run(w: WorldState, line: string, t = 1000) {
  const [cmd, ...args] = line.split(' ');
  const c = WORLD_COMMAND_MODELS[cmd ?? ''];
  if (c === undefined) throw new Error(cmd);
  return c(w, args, t);
}

const PRE: WorldSpec = {
  network: {
    ipmp: 'pre-clearview',
    nics: [{ name: 'hme0' }, { name: 'hme1' }, { name: 'hme2' }],
    interfaces: [
      { name: 'hme0', hostname: '192.168.85.19 netmask + broadcast + group g1 up addif 192.168.85.21 deprecated -failover netmask + broadcast + up' },
      { name: 'hme1', hostname: '192.168.85.20 netmask + broadcast + group g1 up addif 192.168.85.22 deprecated -failover netmask + broadcast + up' },
      { name: 'hme2', hostname: '192.168.85.30 netmask + broadcast + up' },
    ],
  },
};

function booted(spec: WorldSpec): WorldState {
  const w = state(spec);
  runModel(w, 'svc:/network/physical:default');
  return w;
}

describe('cfgadm -c unconfigure (seed 001, "Detaching NICs")', () => {
  it('refuses a NIC that is not in an IPMP group, unless -f', () => {
    const w = booted(PRE);
    const r = run(w, 'cfgadm -c unconfigure hme2');
    expect(r.ok).toBe(false);
    expect(r.output.join('\n')).toMatch(/busy.*not in an IPMP group/);
    expect(w.net.interfaces.has('hme2')).toBe(true);
    expect(run(w, 'cfgadm -c unconfigure -f hme2').ok).toBe(true);
    expect(w.net.interfaces.has('hme2')).toBe(false);
  });

  it('data addresses fail over to a functioning NIC of the group; test addresses are unconfigured; the NIC is unplumbed', () => {
    const w = booted(PRE);
    const r = run(w, 'cfgadm -c unconfigure hme0');
    expect(r.ok).toBe(true);
    expect(w.net.hostOf('192.168.85.19')).toBe('hme1');
    expect(w.net.hostOf('192.168.85.21')).toBeUndefined();
    expect(w.net.interfaces.has('hme0')).toBe(false);
    expect(w.net.nics.get('hme0')?.attached).toBe(false);
  });

  it('refuses to detach the only functioning interface of a group, unless -f', () => {
    const w = booted(PRE);
    run(w, 'cfgadm -c unconfigure hme0');
    const r = run(w, 'cfgadm -c unconfigure hme1');
    expect(r.ok).toBe(false);
    expect(r.output.join('\n')).toMatch(/only functioning interfaces of IPMP group g1/);
    expect(run(w, 'cfgadm -c unconfigure -f hme1').ok).toBe(true);
    expect(w.net.hostOf('192.168.85.20')).toBeUndefined();
  });

  it('a NIC the world does not have', () => {
    expect(run(booted(PRE), 'cfgadm -c unconfigure hme9').output).toEqual(['cfgadm: Attachment point not found: hme9']);
  });
});

describe('cfgadm -c configure (seed 001, "Reattaching NICs")', () => {
  it('with a hostname file: configured from it, and its data addresses fail back', () => {
    const w = booted(PRE);
    run(w, 'cfgadm -c unconfigure hme0');
    expect(run(w, 'cfgadm -c configure hme0').ok).toBe(true);
    expect(w.net.hostOf('192.168.85.19')).toBe('hme0');
    expect(w.net.hostOf('192.168.85.21')).toBe('hme0');
    expect(w.net.interfaces.get('hme1')?.addresses.map((a) => a.addr)).toEqual(['192.168.85.20', '192.168.85.22']);
  });

  it('without a hostname file: only plumbed; failed-over addresses do not fail back', () => {
    const w = booted(PRE);
    run(w, 'cfgadm -c unconfigure hme0');
    w.net.files.delete('hme0');
    expect(run(w, 'cfgadm -c configure hme0').ok).toBe(true);
    expect(w.net.interfaces.get('hme0')?.addresses).toEqual([]);
    expect(w.net.hostOf('192.168.85.19')).toBe('hme1');
  });

  it('a NIC missing at boot: attached, configured, addresses failed back as if it had been there (Clearview keeps them on ipmp0)', () => {
    const w = booted({
      devices: [{ node: '/devices/pseudo/dlpistub@0:ipmpstub', link: '/dev/ipmpstub', link_on_disk: true }],
      network: {
        ipmp: 'clearview',
        nics: [{ name: 'bge0', present: false }, { name: 'bge1' }],
        interfaces: [
          { name: 'bge0', hostname: '192.168.1.11 netmask + broadcast + group prod up' },
          { name: 'bge1', hostname: '192.168.1.12 netmask + broadcast + group prod up' },
        ],
      },
    });
    expect(w.net.hostOf('192.168.1.11')).toBe('ipmp0');
    expect(run(w, 'cfgadm -c configure bge0').ok).toBe(true);
    expect(w.net.interfaces.get('ipmp0')?.addresses.filter((a) => a.addr === '192.168.1.11')).toHaveLength(1);
    expect(w.net.members('prod').map((m) => m.name).sort()).toEqual(['bge0', 'bge1']);
  });
});

describe('alternate boot environment (seed 004)', () => {
  const bes: WorldSpec = {
    boot: { be: 'a' },
    filesystems: [
      { mountpoint: '/', type: 'zfs', device: 'rpool/ROOT/a', be: 'a' },
      { mountpoint: '/', type: 'zfs', device: 'rpool/ROOT/b', be: 'b' },
      { mountpoint: '/var/shared', type: 'zfs', device: 'rpool/VARSHARE' },
    ],
    symlinks: { '/var/log': '/var/shared/log' },
    packages: { logger: ['/var/log/logger.state'], tool: ['/usr/bin/tool'] },
  };

  it('mounts the BE\'s datasets read-write and /var/shared read-only; a package write to it is refused', () => {
    const w = state(bes);
    runModel(w, 'svc:/system/filesystem/minimal:default');
    expect(run(w, 'mount -F zfs rpool/ROOT/b /a').ok).toBe(true);
    expect(w.fs.mountAt('/a/var/shared')?.readOnly).toBe(true);
    const refused = run(w, 'pkg -R /a install logger');
    expect(refused.ok).toBe(false);
    expect(refused.output[0]).toBe('pkg: /a/var/log/logger.state: Read-only file system');
    expect(w.fileExists('/a/var/shared/log/logger.state')).toBe(false);
    expect(run(w, 'pkg -R /a install tool').ok).toBe(true);
    expect(w.fileExists('/a/usr/bin/tool')).toBe(true);
    // The running BE can write its own /var/shared.
    expect(run(w, 'touch /var/log/mine').ok).toBe(true);
  });

  it('refuses to mount the running BE or something that is not a BE root', () => {
    const w = state(bes);
    expect(run(w, 'mount -F zfs rpool/ROOT/a /a').ok).toBe(false);
    expect(run(w, 'mount -F zfs rpool/VARSHARE /a').ok).toBe(false);
  });
});

describe('patchadd in single-user mode (seed 002 proposals 2 and 3)', () => {
  const world = (proposal: 1 | 2 | 3): WorldSpec => ({
    filesystems: [
      { mountpoint: '/', type: 'zfs', device: 'rpool/ROOT/a' },
      { mountpoint: '/export', type: 'ufs', device: '/dev/dsk/c0t1d0s7', files: ['/export/patches/118855-36'] },
    ],
    patching: { spool: '/export/patches', queue: ['118855-36'] },
    proposals: { patching: proposal },
  });

  it('proposal 3: patchadd runs fs-local itself; the filesystem is mounted without SMF knowing', () => {
    const w = state(world(3));
    const r = run(w, 'patchadd 118855-36');
    expect(r.ok).toBe(true);
    expect(r.output).toContain('Patch number 118855-36 has been successfully installed.');
    expect(w.fs.isMounted('/export')).toBe(true);
    expect(w.notes.map((n) => n.text).join()).toMatch(/stop method is :true/);
  });

  it('proposal 2: patchadd asks svc.startd to enable system/filesystem/local temporarily, and needs its mounts', () => {
    const w = state(world(2));
    const r = run(w, 'patchadd 118855-36');
    expect(r.ok).toBe(false);
    expect(r.changes).toEqual([expect.objectContaining({ kind: 'svcadm', command: 'svcadm enable -t svc:/system/filesystem/local:default' })]);
    run(w, 'mount /export');
    expect(run(w, 'patchadd 118855-36').ok).toBe(true);
    expect(w.patchQueue).toEqual([]);
  });

  it('proposal 1: nothing mounts for patchadd (single-user already did)', () => {
    expect(run(state(world(1)), 'patchadd 118855-36').output).toEqual(['patchadd: /export/patches/118855-36: No such file or directory']);
  });
});

describe('manifest-import (late) and identity-node', () => {
  it('imports only the manifests it can see, printing the 2009 counter text', () => {
    const w = state(
      { filesystems: [{ mountpoint: '/', type: 'zfs', device: 'r' }], repository: { pending: [{ path: 'a.xml', services: ['svc:/a'] }, { path: 'b.xml', services: ['svc:/b'], vendor: 'third-party' }] } },
      { services: [{ fmri: 'svc:/a' }, { fmri: 'svc:/b', instances: { one: {}, two: {} } }] },
    );
    const r = runModel(w, 'svc:/system/manifest-import:default');
    expect(r.console).toEqual(['Loading smf(5) service descriptions: 2/2']);
    expect(r.log).toEqual(['Loaded 2 smf(5) service descriptions']);
    expect(r.changes.flatMap((c) => c.imported ?? [])).toEqual(['svc:/a:default', 'svc:/b:one', 'svc:/b:two']);
    expect(runModel(w, 'svc:/system/manifest-import:default').console).toEqual([]);
  });

  it('identity-node echoes "Hostname: <nodename>" (docs/console-messages.md §5.2)', () => {
    const w = state({ nodename: 'pluto' });
    expect(runModel(w, 'svc:/system/identity:node').console).toEqual(['Hostname: pluto']);
    expect(w.hostname).toBe('pluto');
  });
});
