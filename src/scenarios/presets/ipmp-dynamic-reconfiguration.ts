/**
 * Seed 001_298a713eb85a0e72.txt ("IPMP and Dynamic Reconfiguration", the
 * Solaris 10 System Administration Guide): IPMP as the guide describes it,
 * before Clearview (interfaces in a group fail over to each other; there is no
 * ipmp0). hme0 is missing at boot, so net-physical moves its data address to
 * hme1; then cfgadm detaches and reattaches NICs at run time, if_mpadm
 * offlines and restores one, and ifconfig adds a data address to the group at
 * run time and removes it (none of which a reboot keeps: only
 * /etc/hostname.<if> files configure a boot).
 */
import type { Scenario } from '../../model/scenario/types.ts';
import { loadGraph2009 } from './graph-2009.ts';
import { nevadaWorld } from './nevada-2009.ts';

export const SEED_001 = '001_298a713eb85a0e72.txt';

/** The guide's own example configuration (two NICs in testgroup1, each with a data and a test address). */
export const HOSTNAME_HME0 = '192.168.85.19 netmask + broadcast + group testgroup1 up addif 192.168.85.21 deprecated -failover netmask + broadcast + up';
export const HOSTNAME_HME1 = '192.168.85.20 netmask + broadcast + group testgroup1 up addif 192.168.85.22 deprecated -failover netmask + broadcast + up';

export async function ipmpDynamicReconfiguration(): Promise<Scenario> {
  const graph = await loadGraph2009();
  return {
    ...graph,
    name: 'IPMP and dynamic reconfiguration',
    description:
      'Solaris 10 (pre-Clearview) IPMP on the 2009 boot graph (seed 001). hme0 is missing at boot: net-physical cannot plumb it and ' +
      'moves its data address 192.168.85.19 to hme1, the other interface of testgroup1. After boot, cfgadm refuses to detach hme1 ' +
      '(it holds the group\'s only functioning interface), hme0 is attached and its address fails back, then hme1 is detached ' +
      '(its data address fails over, its test address is removed) and attached again. Then if_mpadm -d hme0 offlines hme0 (in.mpathd ' +
      'moves its data address to hme1), if_mpadm -r hme0 brings it back (the address fails back: "Successfully failed back to NIC hme0"), ' +
      'and ifconfig adds 192.168.85.23 to hme1 at run time and removes it again.',
    world: nevadaWorld({
      network: {
        ipmp: 'pre-clearview',
        nics: [
          { name: 'hme0', present: false, ap_id: 'pci1:hpc0_slot1' },
          { name: 'hme1', ap_id: 'pci1:hpc0_slot2' },
        ],
        hosts: { myhost: '192.168.85.19' },
        interfaces: [
          { name: 'hme0', hostname: HOSTNAME_HME0 },
          { name: 'hme1', hostname: HOSTNAME_HME1 },
        ],
      },
    }),
    actions: [
      { at: 15_000, run: 'cfgadm -c unconfigure hme1' },
      { at: 20_000, run: 'cfgadm -c configure hme0' },
      { at: 25_000, run: 'cfgadm -c unconfigure hme1' },
      { at: 30_000, run: 'cfgadm -c configure hme1' },
      { at: 35_000, run: 'if_mpadm -d hme0' },
      { at: 40_000, run: 'if_mpadm -r hme0' },
      { at: 45_000, run: 'ifconfig hme1 addif 192.168.85.23 netmask + broadcast + up' },
      { at: 50_000, run: 'ifconfig hme1 removeif 192.168.85.23' },
    ],
    source: { ...(graph.source ?? {}), preset: 'ipmp-dynamic-reconfiguration', seed: SEED_001 },
  };
}

export default ipmpDynamicReconfiguration;
