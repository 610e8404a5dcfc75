/**
 * Seed 004_2d8bc3d41f41ddac.txt (Snap Upgrade: syncing between BEs): two
 * ZFS boot environments share a /var/shared dataset holding /var/adm,
 * /var/log, /var/mail and /var/spool (links in each BE). Mail delivered in
 * one BE is there after booting the other; the alternate BE, mounted for a
 * package operation, sees /var/shared read-only; each zone has its own
 * /var/shared; and a log service that writes before system/filesystem/minimal
 * mounts /var/shared writes under the mountpoint, where the mount hides it.
 */
import type { Scenario, ServiceSpec } from '../../model/scenario/types.ts';
import { loadGraph2009 } from './graph-2009.ts';
import { nevadaWorld, STANDARD_ROOT_FILES } from './nevada-2009.ts';

export const SEED_004 = '004_2d8bc3d41f41ddac.txt';
export const EARLY_LOG = 'svc:/site/early-log:default';
export const EARLY_LOG_FILE = '/var/log/early-log.log';

const EARLY_LOG_SERVICE: ServiceSpec = {
  fmri: 'svc:/site/early-log',
  common_name: 'a site service that logs early',
  model: 'transient',
  start: { exec: '/opt/site/bin/early-log' },
  stop: { exec: ':true', duration: 0 },
  dependencies: [{ name: 'filesystem', grouping: 'require_all', restart_on: 'none', targets: ['svc:/system/filesystem/usr'] }],
};

export async function snapUpgradeVarShared(): Promise<Scenario> {
  const graph = await loadGraph2009();
  return {
    ...graph,
    name: 'Snap Upgrade: /var/shared',
    description:
      'Two ZFS boot environments, snv_101 (booted) and snv_103, share rpool/VARSHARE on /var/shared (seed 004). Mail delivered ' +
      'now is in /var/shared/mail and so in snv_103 too (boot it next); mounting snv_103 at /a for a package operation mounts ' +
      '/a/var/shared read-only, so a package that writes /var/log is refused; zone z1 has its own /var/shared; site/early-log ' +
      'writes /var/log before /var/shared is mounted and its file disappears under the mount.',
    services: [...graph.services, EARLY_LOG_SERVICE],
    world: nevadaWorld({
      boot: { number: 1, be: 'snv_101' },
      filesystems: [
        { mountpoint: '/', type: 'zfs', device: 'rpool/ROOT/snv_101', be: 'snv_101', files: STANDARD_ROOT_FILES },
        { mountpoint: '/', type: 'zfs', device: 'rpool/ROOT/snv_103', be: 'snv_103', files: STANDARD_ROOT_FILES },
        { mountpoint: '/var/shared', type: 'zfs', device: 'rpool/VARSHARE', files: ['/var/shared/adm/messages', '/var/shared/spool/cron/crontabs/root'] },
        { mountpoint: '/zones/z1/root/var/shared', type: 'zfs', device: 'rpool/zones/z1/VARSHARE', mounted_by: 'zones', files: ['/zones/z1/root/var/shared/adm/messages'] },
      ],
      symlinks: { '/var/adm': '/var/shared/adm', '/var/log': '/var/shared/log', '/var/mail': '/var/shared/mail', '/var/spool': '/var/shared/spool' },
      site_methods: [{ fmri: EARLY_LOG, writes: [EARLY_LOG_FILE] }],
      packages: { 'site-logrotate': ['/usr/sbin/logrotate', '/var/log/logrotate.status'], 'site-tools': ['/usr/bin/sitetool'] },
    }),
    actions: [
      { at: 15_000, run: 'touch /var/mail/alice' },
      { at: 16_000, run: 'mount -F zfs rpool/ROOT/snv_103 /a' },
      { at: 17_000, run: 'pkg -R /a install site-logrotate' },
      { at: 18_000, run: 'pkg -R /a install site-tools' },
    ],
    source: { ...(graph.source ?? {}), preset: 'snap-upgrade-var-shared', seed: SEED_004 },
  };
}

export default snapUpgradeVarShared;
