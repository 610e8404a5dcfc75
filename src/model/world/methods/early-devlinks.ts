/**
 * Option 2 of the Clearview IPMP upgrade mail (seed 000): "create the /dev
 * symlinks as soon as the root filesystem is mounted r/w". A hypothetical
 * service that runs devfsadm from the root filesystem right after
 * system/filesystem/usr, with network/physical waiting for it. Needs a
 * writable /; exits 95 if / is still read-only.
 */
import { SMF_EXIT } from '../messages.ts';
import { makeLinks } from './devfsadm.ts';
import type { MethodModel } from './types.ts';

export const EARLY_DEVLINKS_FMRI = 'svc:/system/device/early-devlinks';

export const earlyDevlinks: MethodModel = (world, req) => {
  if (!world.writableFor('/dev')) return { duration: 100, exit: SMF_EXIT.ERR_FATAL, log: ['devfsadm: cannot create /dev links: / is read-only'] };
  return { duration: 1500, exit: 0, effect: () => makeLinks(world, req.fmri) };
};
