/**
 * The world's serialisable state (trace.worldInitial / trace.worldFinal):
 * what the panels show, and what nextBoot() carries into the next boot.
 * parseWorldSnapshot() checks an `unknown` (a trace may come from a file or a
 * link) before anything relies on it.
 */
import type { WorldAccess } from './access.ts';
import { networkView, type InterfaceView, type NicView } from './network.ts';
import { joinUnder, normalizePath } from './paths.ts';
import type { WorldState, WorldNote } from './state.ts';
import type { FilesystemType, ImportScheme, IpmpImplementation } from './types.ts';

export const WORLD_SNAPSHOT_FORMAT = 'bootgraph-world/1' as const;

export interface FilesystemView {
  readonly mountpoint: string;
  readonly device: string;
  readonly type: FilesystemType;
  readonly be?: string;
  /** Where it is mounted now ("/var/shared", "/a/var/shared"); empty when unmounted. */
  readonly mountedAt: readonly string[];
  readonly readOnly: boolean;
  /** What is stored on it (absolute paths under its own mountpoint), visible or shadowed. */
  readonly files: readonly string[];
}

export interface WorldSnapshot {
  readonly format: typeof WORLD_SNAPSHOT_FORMAT;
  /** Set once system/identity:node has run (svc.startd prints "<hostname> console login:"). */
  readonly hostname?: string;
  readonly nodename: string;
  readonly boot: { readonly number: number; readonly be?: string; readonly reconfigure: boolean };
  readonly milestone: { readonly boot: string; readonly default: string; readonly stashed?: string };
  readonly filesystems: readonly FilesystemView[];
  readonly devices: readonly { readonly node: string; readonly link?: string; readonly linkExists: boolean }[];
  readonly devfsadmd: boolean;
  readonly network: { readonly ipmp: IpmpImplementation; readonly mpathd: boolean; readonly nics: readonly NicView[]; readonly interfaces: readonly InterfaceView[] };
  readonly repository: {
    readonly scheme: ImportScheme;
    /** Services not in the repository when svc.startd started. */
    readonly absentAtBoot: readonly string[];
    /** Manifests imported this boot (either step). */
    readonly imported: readonly string[];
    /** Manifests whose services are in /etc/svc/repository.db now (they survive a reboot). */
    readonly committed: readonly string[];
    /** Services only in the volatile repository (lost at reboot). */
    readonly volatile: readonly string[];
    readonly compatLinks: readonly string[];
    /** Site profiles applied (at an earlier boot or this one): not applied again. Absent in traces made before seed 003's profiles. */
    readonly appliedProfiles?: readonly string[];
  };
  readonly patching?: { readonly queue: readonly string[]; readonly applied: readonly string[] };
  /** Every path that exists now. */
  readonly files: readonly string[];
  /** Why things happened, in a sentence each (e.g. why ipmp0 was not created). */
  readonly notes: readonly WorldNote[];
  /** What each method read, opened, created, mounted or changed so far (access.ts). */
  readonly access: readonly WorldAccess[];
}

export function snapshotOf(w: WorldState): WorldSnapshot {
  const net = networkView(w.net);
  return {
    format: WORLD_SNAPSHOT_FORMAT,
    ...(w.hostname === undefined ? {} : { hostname: w.hostname }),
    nodename: w.nodename,
    boot: { number: w.bootNumber, ...(w.be === undefined ? {} : { be: w.be }), reconfigure: w.reconfigure },
    milestone: { boot: w.bootMilestone, default: w.defaultMilestone, ...(w.stashedMilestone === undefined ? {} : { stashed: w.stashedMilestone }) },
    filesystems: w.fs.all.map((f) => {
      const mounts = w.fs.mounts.filter((m) => m.fs === f);
      const mp = normalizePath(f.spec.mountpoint);
      return {
        mountpoint: mp,
        device: f.spec.device,
        type: f.spec.type,
        ...(f.spec.be === undefined ? {} : { be: f.spec.be }),
        mountedAt: mounts.map((m) => m.at),
        readOnly: mounts.some((m) => m.at === mp && m.readOnly),
        files: [...f.files].map((rel) => joinUnder(mp, rel)).sort(),
      };
    }),
    devices: w.devices.nodes.map((n) => ({ node: n.node, ...(n.link === undefined ? {} : { link: n.link }), linkExists: n.link !== undefined && w.devices.hasLink(n.link) })),
    devfsadmd: w.devfsadmd,
    network: net,
    repository: {
      scheme: w.repo.scheme,
      absentAtBoot: [...w.repo.absentServicesAtBoot()].sort(),
      imported: [...w.repo.imported].sort(),
      committed: [...w.repo.committed].sort(),
      volatile: [...w.repo.volatile].sort(),
      compatLinks: [...w.repo.compatLinks].sort(),
      appliedProfiles: [...w.repo.appliedProfiles].sort(),
    },
    ...(w.spec.patching === undefined ? {} : { patching: { queue: [...w.patchQueue], applied: [...w.patchesApplied] } }),
    files: w.existingFiles(),
    notes: [...w.notes],
    access: [...w.access.entries()],
  };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Check the parts of a snapshot nextBoot() relies on. */
export function parseWorldSnapshot(input: unknown): { ok: true; snapshot: WorldSnapshot } | { ok: false; error: string } {
  if (!isObj(input)) return { ok: false, error: 'the world snapshot must be an object (trace.worldFinal of a scenario with a world)' };
  if (input['format'] !== WORLD_SNAPSHOT_FORMAT) return { ok: false, error: `worldFinal.format must be "${WORLD_SNAPSHOT_FORMAT}"` };
  const boot = input['boot'];
  if (!isObj(boot) || typeof boot['number'] !== 'number') return { ok: false, error: 'worldFinal.boot.number must be a number' };
  const ms = input['milestone'];
  if (!isObj(ms) || typeof ms['default'] !== 'string') return { ok: false, error: 'worldFinal.milestone.default must be a string' };
  const fss = input['filesystems'];
  if (!Array.isArray(fss)) return { ok: false, error: 'worldFinal.filesystems must be a list' };
  for (const [k, f] of fss.entries()) {
    if (!isObj(f) || typeof f['mountpoint'] !== 'string' || typeof f['device'] !== 'string' || !strings(f['files'])) {
      return { ok: false, error: `worldFinal.filesystems[${k}] needs mountpoint, device and files` };
    }
  }
  const devs = input['devices'];
  if (!Array.isArray(devs) || !devs.every((d) => isObj(d) && typeof d['node'] === 'string' && typeof d['linkExists'] === 'boolean')) {
    return { ok: false, error: 'worldFinal.devices must be a list of {node, linkExists}' };
  }
  const repo = input['repository'];
  if (!isObj(repo) || !strings(repo['committed'])) return { ok: false, error: 'worldFinal.repository.committed must be a list of manifest paths' };
  if (repo['appliedProfiles'] !== undefined && !strings(repo['appliedProfiles'])) return { ok: false, error: 'worldFinal.repository.appliedProfiles must be a list of paths' };
  const patching = input['patching'];
  if (patching !== undefined && (!isObj(patching) || !strings(patching['queue']) || !strings(patching['applied']))) {
    return { ok: false, error: 'worldFinal.patching must have queue and applied lists' };
  }
  // Every field read by nextBoot() was checked above; the rest is display-only.
  return { ok: true, snapshot: input as unknown as WorldSnapshot };
}
