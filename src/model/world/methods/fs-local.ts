/**
 * /lib/svc/method/fs-local (system/filesystem/local): `mountall -l`, then
 * `zfs mount -va` (2009 prints its progress on the console, docs/console-messages.md
 * §5.5). A failed mount exits 95 in 2009 and 97 (degraded) today.
 */
import { mountedBy } from '../filesystems.ts';
import type { MethodModel } from './types.ts';
import { mountAll, mountFailed } from './mounts.ts';
import { eraRules } from '../../smf/era-rules.ts';

export const fsLocal: MethodModel = (world, req) => {
  const list = world.bootFilesystems().filter((f) => mountedBy(f.spec) === 'fs-local' && !world.fs.isMounted(f.spec.mountpoint));
  const failing = list.find((f) => f.spec.fails === true);
  const good = list.filter((f) => f.spec.fails !== true);
  const zfs = good.filter((f) => f.spec.type === 'zfs');
  const console: string[] = [];
  const rules = eraRules(world.era);
  if (rules.zfsMountProgressOnConsole && world.bootFilesystems().some((f) => f.spec.type === 'zfs')) {
    console.push('Reading ZFS config: done.');
    if (zfs.length > 0) console.push(`Mounting ZFS filesystems: (${zfs.length}/${zfs.length})`);
  }
  const effect = () => mountAll(world, good.map((fs) => ({ fs, readOnly: fs.spec.read_only === true })), req.fmri);
  if (failing !== undefined) {
    mountFailed(world, failing.spec.mountpoint, failing.spec.device);
    const what = failing.spec.type === 'zfs' ? 'WARNING: /usr/sbin/zfs mount -a failed: exit status 1' : 'WARNING: /sbin/mountall -l failed: exit status 1';
    return { duration: 600, exit: rules.fsLocalFailureExit, console: [...console, `${req.fmri}: ${what}`], log: [what], effect };
  }
  return { duration: 500, exit: 0, console, effect };
};
