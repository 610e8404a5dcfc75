/**
 * Seed 000_6ff28b1db8148630.txt (meem, "Clearview IPMP" upgrade problem):
 * a machine running Nevada IPMP is upgraded to Clearview IPMP. On the first
 * boot after the upgrade every interface using IPMP fails to configure,
 * because network/physical runs before system/device/local (the 2009
 * metainit chain, docs/boot-graph.md §2.1) and /dev/ipmpstub, which ifconfig opens
 * to create the IPMP group interface on demand, does not exist until
 * devfsadm runs. On the real 2009 graph.
 */
import type { Scenario } from '../../model/scenario/types.ts';
import { loadGraph2009 } from './graph-2009.ts';
import { IPMPSTUB_NODE, nevadaWorld, VNI_NODE } from './nevada-2009.ts';

export const SEED_000 = '000_6ff28b1db8148630.txt';

export async function clearviewIpmpFirstBoot(): Promise<Scenario> {
  const graph = await loadGraph2009();
  return {
    ...graph,
    name: 'Clearview IPMP: first boot after upgrade',
    description:
      'Nevada IPMP upgraded to Clearview IPMP (seed 000). bge0 and bge1 are in IPMP group ipmp0 through "group ipmp0" in their ' +
      'hostname files, so ifconfig creates the IPMP interface on demand by opening /dev/ipmpstub. On this first boot the link ' +
      'does not exist yet: network/physical runs before system/device/local because of the metainit chain, and devfsadm only ' +
      'makes the link later. Boot again (next boot) and it works.',
    boot: { reconfigure: true },
    world: nevadaWorld({
      boot: { number: 1, after: 'upgrade' },
      devices: [
        { node: VNI_NODE, link: '/dev/vni', link_on_disk: true },
        { node: IPMPSTUB_NODE, link: '/dev/ipmpstub', link_on_disk: false },
      ],
      network: {
        ipmp: 'clearview',
        nics: [{ name: 'bge0' }, { name: 'bge1' }],
        hosts: { myhost: '192.168.1.10' },
        interfaces: [
          { name: 'bge0', hostname: 'myhost netmask + broadcast + group ipmp0 up' },
          { name: 'bge1', hostname: 'group ipmp0 up' },
        ],
      },
    }),
    source: { ...(graph.source ?? {}), preset: 'clearview-ipmp-first-boot', seed: SEED_000 },
  };
}

export default clearviewIpmpFirstBoot;
