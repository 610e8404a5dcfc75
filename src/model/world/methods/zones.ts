/**
 * /lib/svc/method/svc-zones (system/zones): boots the zones, which mounts
 * each zone's datasets, among them its own /var/shared (seed 004: "a
 * separate /var/shared dataset will need to exist for every zone").
 */
import { mountedBy } from '../filesystems.ts';
import { mountAll } from './mounts.ts';
import type { MethodModel } from './types.ts';

export const zones: MethodModel = (world, req) => {
  const list = world.bootFilesystems().filter((f) => mountedBy(f.spec) === 'zones' && !world.fs.isMounted(f.spec.mountpoint));
  if (list.length === 0) return { duration: 100, exit: 0 };
  return { duration: 800, exit: 0, effect: () => mountAll(world, list.map((fs) => ({ fs, readOnly: fs.spec.read_only === true })), req.fmri) };
};
