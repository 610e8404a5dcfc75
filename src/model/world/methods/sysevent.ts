/**
 * /lib/svc/method/svc-syseventd (system/sysevent): starts syseventd, whose
 * devfsadmd module starts devfsadmd; from then on /dev links appear as
 * devices attach (a NIC configured by cfgadm, for instance). It does not make
 * the links of devices that were already there (docs/boot-graph.md §1.3).
 */
import type { MethodModel } from './types.ts';

export const sysevent: MethodModel = (world) => ({
  duration: 200,
  exit: 0,
  effect: () => {
    world.devfsadmd = true;
    return [{ kind: 'daemon', summary: 'syseventd started devfsadmd: /dev links now follow device attach events', daemon: 'devfsadmd' }];
  },
});
