/**
 * The next boot: from a scenario and the final world of its run
 * (trace.worldFinal), the scenario of booting the same machine again. What is
 * on disk persists (files on non-tmpfs filesystems, /dev links devfsadm made,
 * manifests committed to /etc/svc/repository.db, the default milestone and the
 * patch queue); what SMF does not keep across a reboot does not (maintenance
 * and temporary enables: the engine starts every boot fresh; the volatile
 * repository; the one-off `boot -s` / `boot -m` and the reconfiguration flag,
 * cleared once single-user is reached; the previous boot's actions).
 */
import type { BootSpec, Scenario } from '../scenario/types.ts';
import { normalizePath } from './paths.ts';
import { releaseHeld, settleRepository } from './repository.ts';
import { parseWorldSnapshot, type WorldSnapshot } from './snapshot.ts';
import type { DeviceSpec, FilesystemSpec, WorldSpec } from './types.ts';

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
    ...(world.repository === undefined
      ? {}
      : { repository: { ...world.repository, pending: (world.repository.pending ?? []).filter((m) => !snap.repository.committed.includes(m.path)) } }),
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
