/**
 * The next boot: from a scenario and the final world of its run
 * (trace.worldFinal), the scenario of booting the same machine again. What is
 * on disk persists (files on non-tmpfs filesystems, /dev links devfsadm made,
 * manifests committed to /etc/svc/repository.db (with an upgraded manifest's
 * new definition), site profiles applied, the default milestone and the patch
 * queue); what SMF does not keep across a reboot does not (maintenance
 * and temporary enables: the engine starts every boot fresh; the volatile
 * repository; the one-off `boot -s` / `boot -m` and the reconfiguration flag,
 * cleared once single-user is reached; the previous boot's actions).
 */
import type { BootSpec, InstanceSpec, Scenario, ServiceSpec } from '../scenario/types.ts';
import { normalizePath } from './paths.ts';
import { releaseHeld, settleRepository } from './repository.ts';
import { parseWorldSnapshot, type WorldSnapshot } from './snapshot.ts';
import type { DeviceSpec, FilesystemSpec, ProfileSpec, RepositorySpec, WorldSpec } from './types.ts';
import { profileAppliedBeforeBoot, servicesAfterUpgrade } from './upgrades.ts';

export type NextBootResult = { ok: true; scenario: Scenario } | { ok: false; error: string };

/** The scenario of the next boot, given this boot's scenario and its trace.worldFinal. */
export function nextBoot(scenario: Scenario, worldFinal: unknown): NextBootResult {
  const world = scenario.world;
  if (world === undefined) return { ok: false, error: 'this scenario has no world: there is nothing on disk to carry into a next boot' };
  const parsed = parseWorldSnapshot(worldFinal);
  if (!parsed.ok) return parsed;
  const snap = parsed.snapshot;
  const number = (world.boot?.number ?? 1) + 1;
  const nextWorld: WorldSpec = {
    ...world,
    boot: { ...(world.boot ?? {}), number },
    ...(world.filesystems === undefined ? {} : { filesystems: world.filesystems.map((f) => carryFilesystem(f, snap)) }),
    ...(world.devices === undefined ? {} : { devices: world.devices.map((d) => carryDevice(d, snap)) }),
    ...(world.repository === undefined ? {} : { repository: carryRepositorySpec(world.repository, snap) }),
    ...(world.patching === undefined
      ? {}
      : {
          patching: {
            spool: world.patching.spool,
            queue: snap.patching?.queue ?? world.patching.queue ?? [],
            applied: snap.patching?.applied ?? world.patching.applied ?? [],
            ...(snap.milestone.stashed === undefined ? {} : { stashed_milestone: snap.milestone.stashed }),
          },
        }),
  };
  const { single: _s, milestone: _m, reconfigure: _r, ...keptBoot } = scenario.boot ?? {};
  void _s;
  void _m;
  void _r;
  const boot: BootSpec = keptBoot;
  const existing = new Set(snap.files);
  let services = scenario.services;
  for (const m of world.repository?.pending ?? []) if (snap.repository.committed.includes(m.path)) services = releaseHeld(services, m);
  // An upgraded manifest committed to the repository: its new definition is the one the next boot reads (seed 003).
  const upgraded = (world.repository?.pending ?? []).filter((m) => m.upgrade !== undefined && snap.repository.committed.includes(m.path));
  if (upgraded.length > 0) services = [...servicesAfterUpgrade({ ...scenario, services }, (m) => upgraded.includes(m))];
  // Profiles step one applied before this boot started wrote general/enabled before svc.startd read it: keep those writes.
  const scheme = world.repository?.scheme ?? 'late';
  for (const p of world.repository?.profiles ?? []) if (p.applied !== true && profileAppliedBeforeBoot(scheme, p)) services = writeEnabled(services, p);
  const { actions: _a, boot: _b, ...rest } = scenario;
  void _a;
  void _b;
  const next: Scenario = {
    ...rest,
    services,
    name: `${scenario.name.replace(/ \(boot \d+\)$/, '')} (boot ${number})`,
    ...(Object.keys(boot).length === 0 ? {} : { boot }),
    ...(snap.milestone.default === 'all' && scenario.milestone === undefined ? {} : { milestone: snap.milestone.default }),
    ...(scenario.files === undefined ? {} : { files: scenario.files.filter((f) => existing.has(normalizePath(f))) }),
    world: nextWorld,
    source: { ...(scenario.source ?? {}), boot: String(number) },
  };
  return { ok: true, scenario: settleRepository(next) };
}

/** A profile's general/enabled writes, into the instances of the next boot's services. */
function writeEnabled(services: readonly ServiceSpec[], p: ProfileSpec): ServiceSpec[] {
  const values = new Map<string, boolean>();
  for (const f of p.enable ?? []) values.set(f, true);
  for (const f of p.disable ?? []) values.set(f, false);
  return services.map((s) => {
    const instances = s.instances ?? { default: {} };
    let changed = false;
    const next: Record<string, InstanceSpec> = {};
    for (const [name, inst] of Object.entries(instances)) {
      const v = values.get(`${s.fmri}:${name}`);
      next[name] = v === undefined ? inst : { ...inst, enabled: v };
      changed ||= v !== undefined;
    }
    return changed ? { ...s, instances: next } : s;
  });
}

/** Committed manifests leave `pending`; applied profiles are marked so (a profile is applied once). */
function carryRepositorySpec(repo: RepositorySpec, snap: WorldSnapshot): RepositorySpec {
  const applied = new Set(snap.repository.appliedProfiles ?? []);
  return {
    ...repo,
    pending: (repo.pending ?? []).filter((m) => !snap.repository.committed.includes(m.path)),
    ...(repo.profiles === undefined ? {} : { profiles: repo.profiles.map((p) => (applied.has(p.path) && p.applied !== true ? { ...p, applied: true } : p)) }),
  };
}

function carryFilesystem(f: FilesystemSpec, snap: WorldSnapshot): FilesystemSpec {
  if (f.type === 'tmpfs') return { ...f, files: [] };
  const mp = normalizePath(f.mountpoint);
  const s = snap.filesystems.find((x) => x.mountpoint === mp && x.device === f.device && x.be === f.be);
  if (s === undefined) return f;
  return { ...f, files: [...s.files] };
}

function carryDevice(d: DeviceSpec, snap: WorldSnapshot): DeviceSpec {
  if (d.link === undefined) return d;
  const s = snap.devices.find((x) => x.node === normalizePath(d.node));
  if (s === undefined) return d;
  return { ...d, link_on_disk: s.linkExists };
}
