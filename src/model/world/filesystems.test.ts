/** Mounts, read-only filesystems and writes hidden by a later mount (issue 4: "a write to a directory before a filesystem is mounted over it"). */
import { describe, expect, it } from 'vitest';
import { normalizePath, resolveSymlinks } from './paths.ts';
import { runModel, state } from './test-world.ts';

describe('paths', () => {
  it('normalises and resolves whole-component symlinks', () => {
    expect(normalizePath('//var/./log/../mail/')).toBe('/var/mail');
    expect(resolveSymlinks('/var/mail/alice', { '/var/mail': '/var/shared/mail' })).toBe('/var/shared/mail/alice');
    expect(resolveSymlinks('/var/mailbox', { '/var/mail': '/var/shared/mail' })).toBe('/var/mailbox');
  });
});

describe('filesystem table', () => {
  const separateVar = {
    filesystems: [
      { mountpoint: '/', type: 'ufs' as const, device: '/dev/dsk/c0t0d0s0', files: ['/etc/passwd', '/var/adm/old'] },
      { mountpoint: '/var', type: 'ufs' as const, device: '/dev/dsk/c0t0d0s5', files: ['/var/adm/messages'] },
    ],
  };

  it('the kernel mounts a UFS / read-only: writes fail with EROFS until fs-usr remounts it', () => {
    const w = state(separateVar);
    expect(w.rootWritable()).toBe(false);
    expect(w.fs.write('/etc/hosts')).toEqual({ ok: false, error: 'EROFS' });
    runModel(w, 'svc:/system/filesystem/usr:default');
    expect(w.rootWritable()).toBe(true);
  });

  it('a ZFS root is read-write from the start', () => {
    expect(state({ filesystems: [{ mountpoint: '/', type: 'zfs', device: 'rpool/ROOT/be1' }] }).rootWritable()).toBe(true);
  });

  it('before /var is mounted, /var paths are the root filesystem\'s; the mount hides them and shows its own', () => {
    const w = state(separateVar);
    runModel(w, 'svc:/system/filesystem/usr:default');
    expect(w.fileExists('/var/adm/old')).toBe(true);
    expect(w.fs.write('/var/log/early.log').ok).toBe(true);
    expect(w.fileExists('/var/log/early.log')).toBe(true);
    const r = runModel(w, 'svc:/system/filesystem/minimal:default');
    expect(r.exit).toBe(0);
    expect(w.fileExists('/var/log/early.log')).toBe(false);
    expect(w.fileExists('/var/adm/old')).toBe(false);
    expect(w.fileExists('/var/adm/messages')).toBe(true);
    expect(r.changes.filter((c) => c.exists === false).map((c) => c.path).sort()).toEqual(['/var/adm/old', '/var/log/early.log']);
    // Shadowed, not lost: it is still stored on /.
    expect(w.rootFs()?.files.has('/var/log/early.log')).toBe(true);
  });

  it('a failing /var mount: mountfs()\'s console error and exit 95 (docs/console-messages.md §5.1)', () => {
    const w = state({ filesystems: [separateVar.filesystems[0] ?? { mountpoint: '/', type: 'ufs', device: 'x' }, { mountpoint: '/var', type: 'ufs', device: '/dev/dsk/c0t0d0s5', fails: true }] });
    const r = runModel(w, 'svc:/system/filesystem/minimal:default');
    expect(r.exit).toBe(95);
    expect(r.console).toEqual(["ERROR: svc:/system/filesystem/minimal:default failed to mount /var (see 'svcs -x' for details)"]);
  });

  it('fsck of / failing: checkfs\'s warning through cecho, exit 95 (docs/console-messages.md §5.1)', () => {
    const w = state({ filesystems: [{ mountpoint: '/', type: 'ufs', device: '/dev/dsk/c0t0d0s0', fails: true }] });
    const r = runModel(w, 'svc:/system/filesystem/usr:default');
    expect(r.exit).toBe(95);
    expect(r.console).toContain('The / file system (/dev/rdsk/c0t0d0s0) is being checked.');
    expect(r.console).toContain('WARNING - Unable to repair the / filesystem. Run fsck');
    expect(r.console).toContain('manually (fsck -F ufs /dev/rdsk/c0t0d0s0).');
    expect(r.log).toEqual(r.console);
    expect(w.rootWritable()).toBe(false);
  });

  it('a separate UFS /usr is mounted read-only by fs-root and read-write after fs-usr (docs/boot-graph.md §1.3)', () => {
    const w = state({ filesystems: [{ mountpoint: '/', type: 'ufs', device: 'a' }, { mountpoint: '/usr', type: 'ufs', device: 'b', files: ['/usr/bin/ls'] }] });
    expect(w.fileExists('/usr/bin/ls')).toBe(false);
    runModel(w, 'svc:/system/filesystem/root:default');
    expect(w.fileExists('/usr/bin/ls')).toBe(true);
    expect(w.writable('/usr/bin/x')).toBe(false);
    runModel(w, 'svc:/system/filesystem/usr:default');
    expect(w.writable('/usr/bin/x')).toBe(true);
  });
});

describe('devices', () => {
  const dev = { devices: [{ node: '/devices/pseudo/dlpistub@0:ipmpstub', link: '/dev/ipmpstub' }], filesystems: [{ mountpoint: '/', type: 'zfs' as const, device: 'rpool/ROOT/a' }] };

  it('/devices nodes exist from the kernel; the /dev link only once devfsadm has made it', () => {
    const w = state(dev);
    expect(w.fileExists('/devices/pseudo/dlpistub@0:ipmpstub')).toBe(true);
    expect(w.fileExists('/dev/ipmpstub')).toBe(false);
  });

  it('devices-local runs devfsadm only on a reconfiguration boot, printing "Configuring devices."', () => {
    const plain = state(dev);
    expect(runModel(plain, 'svc:/system/device/local:default').console ?? []).toEqual([]);
    expect(plain.fileExists('/dev/ipmpstub')).toBe(false);
    const reconf = state(dev, { boot: { reconfigure: true } });
    const r = runModel(reconf, 'svc:/system/device/local:default');
    expect(r.consoleAtStart).toEqual(['Configuring devices.']);
    expect(r.changes).toEqual([expect.objectContaining({ path: '/dev/ipmpstub', exists: true })]);
    expect(reconf.fileExists('/dev/ipmpstub')).toBe(true);
  });

  it('fs-root\'s devfsadm -I -P makes no links', () => {
    const w = state(dev, { boot: { reconfigure: true } });
    runModel(w, 'svc:/system/filesystem/root:default');
    expect(w.fileExists('/dev/ipmpstub')).toBe(false);
  });
});
