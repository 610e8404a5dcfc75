/**
 * /lib/svc/method/fs-usr (system/filesystem/usr), docs/boot-graph.md §1.3: with a
 * UFS root in the global zone, fsck / (checkfs) and remount it read-write,
 * and remount a separate UFS /usr read-write. On a ZFS root / and /usr are
 * read-write already and the remount is skipped (rootiszfs). An fsck that
 * cannot repair / prints checkfs's warning through cecho and exits 95.
 */
import { fsckFailed, SMF_EXIT } from '../messages.ts';
import type { WorldChange } from '../runtime.ts';
import type { MethodModel } from './types.ts';
import { rawDevice, remountRw } from './mounts.ts';

export const fsUsr: MethodModel = (world, req) => {
  const root = world.rootFs();
  if (root === undefined || root.spec.type === 'zfs') return { duration: 300, exit: 0 };
  if (root.spec.fails === true) {
    world.access.record({ op: 'change', kind: 'mount', name: '/', ok: false, error: 'fsck failed', detail: 'remount read-write', program: 'fsck' });
    const lines = fsckFailed(rawDevice(root.spec.device), root.spec.type, '/');
    return { duration: 2500, exit: SMF_EXIT.ERR_FATAL, console: lines, log: lines };
  }
  return {
    duration: 500,
    exit: 0,
    effect: () => {
      const changes: WorldChange[] = [...remountRw(world, '/', req.fmri)];
      const usr = world.fs.mountAt('/usr');
      if (usr !== undefined && usr.fs.spec.type !== 'zfs' && usr.fs.spec.read_only !== true) changes.push(...remountRw(world, '/usr', req.fmri));
      return changes;
    },
  };
};
