/**
 * The built-in scenarios. Each preset is loaded lazily (the big illumos graphs
 * are only fetched when chosen) and is a plain v1 scenario. The first one is
 * the flagship: the scenario the app opens with.
 */
import type { Scenario } from '../model/scenario/types.ts';

export type PresetGroup = 'seed' | 'lesson' | 'real' | 'demo';

export interface PresetInfo {
  readonly id: string;
  readonly title: string;
  /** One line: what happens and why it matters. */
  readonly story: string;
  /** The seed document it comes from, if any (a file in docs/seeds/). */
  readonly seed?: string;
  /**
   * For the picker's gallery: "seed" (the five seed documents), "lesson"
   * (Learn SMF: one idea each), "real" (the illumos boot graphs) or "demo".
   */
  readonly group?: PresetGroup;
  /** Position within its group (1 = first). */
  readonly order?: number;
  load(): Promise<Scenario>;
}

const PRESETS: PresetInfo[] = [
  {
    id: 'clearview-ipmp-first-boot',
    title: 'Clearview IPMP: first boot after upgrade',
    story: 'network/physical runs before devfsadm has made /dev/ipmpstub (the 2009 metainit chain), so ipmp0 cannot be created and IPMP never comes up; the next boot works.',
    seed: '000_6ff28b1db8148630.txt',
    group: 'seed',
    order: 1,
    load: async () => (await import('./presets/clearview-ipmp-first-boot.ts')).default(),
  },
  {
    id: 'ipmp-dynamic-reconfiguration',
    title: 'IPMP and dynamic reconfiguration',
    story: 'A NIC missing at boot has its data address moved to the other group member; cfgadm detaches and reattaches NICs, if_mpadm offlines one and brings it back, ifconfig adds and removes an address: addresses fail over and back.',
    seed: '001_298a713eb85a0e72.txt',
    group: 'seed',
    order: 2,
    load: async () => (await import('./presets/ipmp-dynamic-reconfiguration.ts')).default(),
  },
  {
    id: 'patching-milestone',
    title: 'Patching milestone',
    story: 'Booting to a patching milestone brings up only single-user, local filesystems and the patching service; booting to all starts a service with no dependencies first.',
    seed: '002_7f05ea57cebde0ad.txt',
    group: 'seed',
    order: 3,
    load: async () => (await import('./presets/patching-milestone.ts')).default(),
  },
  {
    id: 'manifest-import',
    title: 'Manifest import: late vs two-step',
    story: 'datalink-management, delivered by an upgrade, is absent until the late manifest-import, so network/physical fails first; the proposed two-step import has it from the start. A manifest the upgrade changed is imported again and its service refreshed; the site profile is applied last.',
    seed: '003_4d3f5a16761acb21.txt',
    group: 'seed',
    order: 4,
    load: async () => (await import('./presets/manifest-import.ts')).default(),
  },
  {
    id: 'snap-upgrade-var-shared',
    title: 'Snap Upgrade: /var/shared',
    story: 'Two boot environments share /var/shared: mail survives a switch of BE, an alternate BE cannot write it, and a log written before the mount is hidden by it.',
    seed: '004_2d8bc3d41f41ddac.txt',
    group: 'seed',
    order: 5,
    load: async () => (await import('./presets/snap-upgrade-var-shared.ts')).default(),
  },
  {
    id: 'demo-restart-on',
    title: 'restart_on in action',
    story: 'A database crashes and restarts; which dependents restart with it depends on their restart_on.',
    group: 'demo',
    order: 1,
    load: async () => (await import('./presets/demo-restart-on.ts')).default,
  },
  {
    id: 'demo-race-on-a-file',
    title: 'Two services racing on a file',
    story: 'site/app reads a key that site/keygen writes, but nothing orders them: most boots work, some leave site/app in maintenance. Explore timing finds both.',
    group: 'demo',
    order: 2,
    load: async () => (await import('./presets/demo-race-on-a-file.ts')).default,
  },
  {
    id: 'lesson-groupings',
    title: 'The four dependency groupings',
    story: 'require_all, require_any, optional_all and exclude_all: site/web declares one group of each, and a failed cache does not stop it.',
    group: 'lesson',
    order: 1,
    load: async () => (await import('./lessons/groupings.ts')).default,
  },
  {
    id: 'lesson-restart-on',
    title: 'restart_on',
    story: 'An administrator restarts a database, then it dumps core: which dependents stop with it depends on their restart_on.',
    group: 'lesson',
    order: 2,
    load: async () => (await import('./lessons/restart-on.ts')).default,
  },
  {
    id: 'lesson-milestones',
    title: 'Milestones and svcadm milestone',
    story: 'The system boots to all, drops to single-user with svcadm milestone, and comes back.',
    group: 'lesson',
    order: 3,
    load: async () => (await import('./lessons/milestones.ts')).default,
  },
  {
    id: 'lesson-maintenance',
    title: 'Maintenance, retries and svcadm clear',
    story: 'A start method fails three times: svc.startd retries, gives up into maintenance, and svcadm clear starts it again.',
    group: 'lesson',
    order: 4,
    load: async () => (await import('./lessons/maintenance.ts')).default,
  },
  {
    id: 'lesson-cycles',
    title: 'Dependency cycles',
    story: 'Three services require each other in a ring: svc.startd finds the cycle, and everything behind it waits.',
    group: 'lesson',
    order: 5,
    load: async () => (await import('./lessons/cycles.ts')).default,
  },
  {
    id: 'lesson-file-dependencies',
    title: 'File dependencies',
    story: 'One service needs a file that exists, another one that does not; creating it is not enough until svcadm refresh.',
    group: 'lesson',
    order: 6,
    load: async () => (await import('./lessons/file-dependencies.ts')).default,
  },
  {
    id: 'lesson-delegated-restarters',
    title: 'Delegated restarters (inetd)',
    story: 'telnet and finger are started by inetd, not svc.startd: their restarter is an implicit require_all dependency.',
    group: 'lesson',
    order: 7,
    load: async () => (await import('./lessons/delegated-restarters.ts')).default,
  },
  {
    id: 'lesson-disable-temporary',
    title: 'svcadm disable vs disable -t',
    story: 'A temporary disable lasts until the next boot; a plain one survives it.',
    group: 'lesson',
    order: 8,
    load: async () => (await import('./lessons/disable-temporary.ts')).default,
  },
  {
    id: 'illumos-2009',
    title: 'illumos 2009: the real boot graph',
    story: 'Every service the 2009 OpenSolaris (Clearview putback) manifests deliver, as the importer reads them: what a stock boot brings online and what stays offline for ever.',
    group: 'real',
    order: 1,
    load: async () => (await import('./presets/graph-2009.ts')).loadGraph2009(),
  },
  {
    id: 'illumos-2025',
    title: 'illumos 2025: the real boot graph',
    story: 'Every service today\'s illumos-gate manifests deliver, booted by the 2025 svc.startd.',
    group: 'real',
    order: 2,
    load: async () => (await import('./presets/graph-2025.ts')).loadGraph2025(),
  },
];

export function presets(): readonly PresetInfo[] {
  return PRESETS;
}

export function presetIds(): string[] {
  return PRESETS.map((p) => p.id);
}

export function findPreset(id: string): PresetInfo | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** The flagship: the scenario the app opens with. */
export function defaultPreset(): PresetInfo {
  const first = PRESETS[0];
  if (first === undefined) throw new Error('no presets');
  return first;
}
