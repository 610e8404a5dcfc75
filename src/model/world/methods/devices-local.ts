/**
 * /lib/svc/method/devices-local (system/device/local), docs/boot-graph.md §1.3: on
 * a reconfiguration boot (boot -r, or /reconfigure as an upgrade leaves it) it
 * prints "Configuring devices." and runs the full devfsadm, which makes the
 * missing /dev links, then soconfig and devfsadm -I. Otherwise it only fixes
 * /dev/fb. Exits 0.
 */
import { CONFIGURING_DEVICES } from '../messages.ts';
import { makeLinks } from './devfsadm.ts';
import type { MethodModel } from './types.ts';

export const devicesLocal: MethodModel = (world, req) => {
  if (!world.reconfigure) return { duration: 100, exit: 0 };
  return { duration: 3000, exit: 0, consoleAtStart: [CONFIGURING_DEVICES], effect: () => makeLinks(world, req.fmri) };
};
