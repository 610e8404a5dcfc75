/**
 * A 2009 OpenSolaris (Nevada) global zone for the seed presets: the files the
 * 2009 graph's file:// dependencies name are on disk, as on a real system, so
 * that only what the seed is about decides the outcome. Root on UFS (an SVM
 * mirror, which is why system/metainit matters) with /usr and /var on it.
 */
import type { FilesystemSpec, WorldSpec } from '../../model/world/types.ts';

/** Files of the root filesystem that the 2009 graph's services depend on (file://localhost/...). */
export const STANDARD_ROOT_FILES: readonly string[] = [
  '/etc/inet/ipsecalgs',
  '/etc/nsswitch.conf',
  '/etc/nscd.conf',
  '/etc/ssh/sshd_config',
  '/etc/mail/sendmail.cf',
  '/usr/lib/fm/fmd/fmd',
  '/usr/share/lib/zoneinfo/US/Pacific',
];

export const UFS_ROOT: FilesystemSpec = { mountpoint: '/', type: 'ufs', device: '/dev/md/dsk/d10', files: STANDARD_ROOT_FILES };

/** The IPMP stub's /devices node (dlpistub backs /dev/vni and /dev/ipmpstub, seed 000). */
export const IPMPSTUB_NODE = '/devices/pseudo/dlpistub@0:ipmpstub';
export const VNI_NODE = '/devices/pseudo/dlpistub@0:vni';

export function nevadaWorld(extra: Partial<WorldSpec> = {}): WorldSpec {
  return {
    nodename: 'myhost',
    boot: { number: 1 },
    filesystems: [UFS_ROOT],
    devices: [
      { node: VNI_NODE, link: '/dev/vni', link_on_disk: true },
      { node: IPMPSTUB_NODE, link: '/dev/ipmpstub', link_on_disk: true },
    ],
    network: {
      nics: [{ name: 'bge0' }],
      hosts: { myhost: '192.168.1.10' },
      interfaces: [{ name: 'bge0', hostname: 'myhost' }],
    },
    ...extra,
  };
}
