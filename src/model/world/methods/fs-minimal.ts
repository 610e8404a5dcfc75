/**
 * /lib/svc/method/fs-minimal (system/filesystem/minimal), docs/boot-graph.md §1.3:
 * mount /var, /var/adm and /tmp (vfstab, after fsck, or the boot
 * environment's datasets on a ZFS root), then the remaining BE datasets, such
 * as the proposed shared /var/shared (seed 004). A mount failure prints
 * mountfs()'s error and exits 95. Files written under a mountpoint before the
 * mount stay on the filesystem below and are hidden by it.
 */
import { mountedBy, type Filesystem } from '../filesystems.ts';
import { mountFailedConsole, mountFailedLog, SMF_EXIT } from '../messages.ts';
import type { MethodModel } from './types.ts';
import { mountAll, mountFailed } from './mounts.ts';

export const fsMinimal: MethodModel = (world, req) => {
  const list = world
    .bootFilesystems()
    .filter((f) => mountedBy(f.spec) === 'fs-minimal' && !world.fs.isMounted(f.spec.mountpoint))
    .sort((a, b) => a.spec.mountpoint.length - b.spec.mountpoint.length);
  const ok: Filesystem[] = [];
  for (const f of list) {
    if (f.spec.fails === true) {
      mountFailed(world, f.spec.mountpoint, f.spec.device);
      const cmd = f.spec.type === 'zfs' ? `/usr/sbin/zfs mount ${f.spec.device}` : `/sbin/mount -F ${f.spec.type} ${f.spec.device} ${f.spec.mountpoint}`;
      return {
        duration: 300,
        exit: SMF_EXIT.ERR_FATAL,
        // mountfs() reports a vfstab mount on the console; zfs errors go to the service log only.
        console: f.spec.type === 'zfs' ? [] : [mountFailedConsole(req.fmri, f.spec.mountpoint)],
        log: [mountFailedLog(cmd, 32)],
        effect: () => mountAll(world, ok.map((fs) => ({ fs, readOnly: fs.spec.read_only === true })), req.fmri),
      };
    }
    ok.push(f);
  }
  return {
    duration: 300 + 50 * ok.length,
    exit: 0,
    effect: () => mountAll(world, ok.map((fs) => ({ fs, readOnly: fs.spec.read_only === true })), req.fmri),
  };
};
