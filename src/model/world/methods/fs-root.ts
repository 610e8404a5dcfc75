/**
 * /lib/svc/method/fs-root (system/filesystem/root), docs/boot-graph.md §4: mount
 * /usr if it is separate (UFS read-only, "ro,largefiles"; a ZFS /usr
 * dataset read-write), then `devfsadm -I -P`, which makes no /dev links.
 * A mount failure exits 95.
 */
import { mountedBy } from '../filesystems.ts';
import { mountFailedConsole, mountFailedLog, SMF_EXIT } from '../messages.ts';
import type { MethodModel } from './types.ts';
import { mountAll, mountFailed } from './mounts.ts';

export const fsRoot: MethodModel = (world, req) => {
  const usr = world.bootFilesystems().find((f) => f.spec.mountpoint === '/usr' && mountedBy(f.spec) === 'fs-root');
  if (usr === undefined) return { duration: 300, exit: 0 };
  if (usr.spec.fails === true) {
    mountFailed(world, '/usr', usr.spec.device);
    if (usr.spec.type === 'zfs') {
      return { duration: 300, exit: SMF_EXIT.ERR_FATAL, console: [`${req.fmri}: zfs-mount failed`], log: ['zfs-mount failed'] };
    }
    return {
      duration: 300,
      exit: SMF_EXIT.ERR_FATAL,
      console: [mountFailedConsole(req.fmri, '/usr')],
      log: [mountFailedLog(`/sbin/mount -F ${usr.spec.type} -o ro,largefiles ${usr.spec.device} /usr`, 32)],
    };
  }
  const readOnly = usr.spec.type !== 'zfs' || usr.spec.read_only === true;
  return { duration: 400, exit: 0, effect: () => mountAll(world, [{ fs: usr, readOnly }], req.fmri) };
};
