/**
 * The whole world of one boot, mutable while the boot runs: filesystems,
 * devices, network, repository, boot facts. Built from a scenario; method
 * models read it when a method starts and change it (through their effects)
 * when the method exits.
 */
import type { Scenario } from '../scenario/types.ts';
import { resolveMilestoneName } from '../scenario/validate.ts';
import { AccessLog } from './access.ts';
import { bootedBe, filesystemsForBoot } from './boot-env.ts';
import { DeviceTree } from './devices.ts';
import { FilesystemTable, mountedBy, type Filesystem } from './filesystems.ts';
import { NetworkState } from './network.ts';
import { isUnder, normalizePath } from './paths.ts';
import { RepositoryState } from './repository.ts';
import type { WorldChange } from './runtime.ts';
import type { IpmpImplementation, WorldSpec } from './types.ts';
import { eraRules } from '../smf/era-rules.ts';

export interface WorldNote {
  readonly t: number;
  readonly fmri?: string;
  readonly text: string;
}

/** /etc/hostname.<if> and /etc/dhcp.<if> are the network spec's files. */
export function hostnameFile(path: string): { kind: 'hostname' | 'dhcp'; ifname: string } | undefined {
  const m = /^\/etc\/(hostname|dhcp)\.([A-Za-z0-9_]+)$/.exec(path);
  if (m === null) return undefined;
  const [, kind, ifname] = m;
  return ifname === undefined ? undefined : { kind: kind === 'dhcp' ? 'dhcp' : 'hostname', ifname };
}

export class WorldState {
  readonly spec: WorldSpec;
  readonly era: '2009' | '2025';
  readonly fs: FilesystemTable;
  readonly devices: DeviceTree;
  readonly net: NetworkState;
  readonly repo: RepositoryState;
  /** Paths the scenario lists in `files`: they exist wherever they are. */
  readonly extraFiles: Set<string>;
  readonly nodename: string;
  /** Set by system/identity:node (uname -S). */
  hostname: string | undefined;
  readonly bootNumber: number;
  readonly be: string | undefined;
  /** svc:/system/svc/restarter:default system/reconfigure (boot -r, or /reconfigure left by an upgrade). */
  readonly reconfigure: boolean;
  /** The milestone this boot targets: "all", or an FMRI. */
  readonly bootMilestone: string;
  /** options/milestone: changed by the patching service (seed 002). */
  defaultMilestone: string;
  stashedMilestone: string | undefined;
  patchQueue: string[];
  readonly patchesApplied: string[];
  /** Proposal 2 of seed 002: patchadd enabled system/filesystem/local itself, and disables it again when done. */
  patchaddEnabledLocal = false;
  readonly notes: WorldNote[] = [];
  /** What each method read, opened, created, mounted or changed, and when (access.ts). */
  readonly access = new AccessLog();
  /** devfsadmd is running (started by system/sysevent). */
  devfsadmd = false;

  constructor(readonly scenario: Scenario) {
    const spec = scenario.world ?? {};
    this.spec = spec;
    this.era = scenario.era ?? '2025';
    this.be = bootedBe(spec);
    const own = filesystemsForBoot(spec);
    const others = (spec.filesystems ?? []).filter((f) => !own.includes(f));
    this.fs = new FilesystemTable([...own, ...others], spec.symlinks ?? {});
    this.devices = new DeviceTree(spec.devices ?? []);
    const impl: IpmpImplementation = spec.network?.ipmp ?? eraRules(this.era).defaultIpmp;
    this.net = new NetworkState(spec.network?.nics ?? [], spec.network?.interfaces ?? [], spec.network?.hosts ?? {}, impl);
    this.repo = new RepositoryState(spec.repository);
    this.extraFiles = new Set((scenario.files ?? []).map(normalizePath));
    this.nodename = spec.nodename ?? 'unknown';
    this.hostname = undefined;
    this.bootNumber = spec.boot?.number ?? 1;
    this.reconfigure = scenario.boot?.reconfigure === true;
    const resolve = (m: string): string => resolveMilestoneName(m) ?? m;
    this.defaultMilestone = resolve(scenario.milestone ?? 'all');
    this.bootMilestone = scenario.boot?.single === true ? 'svc:/milestone/single-user:default' : resolve(scenario.boot?.milestone ?? this.defaultMilestone);
    this.stashedMilestone = spec.patching?.stashed_milestone;
    this.patchQueue = [...(spec.patching?.queue ?? [])];
    this.patchesApplied = [...(spec.patching?.applied ?? [])];
    this.mountAtBoot();
  }

  /** What the kernel mounts before svc.startd runs: / (read-only unless ZFS), and /etc/svc/volatile (tmpfs). */
  private mountAtBoot(): void {
    const root = this.rootFs();
    if (root !== undefined) this.fs.mount(root, '/', root.spec.type !== 'zfs' || root.spec.read_only === true);
    else this.fs.mount({ spec: { mountpoint: '/', type: 'ufs', device: 'rootfs' }, files: new Set() }, '/', false);
    const volatile: Filesystem = { spec: { mountpoint: '/etc/svc/volatile', type: 'tmpfs', device: 'swap' }, files: new Set() };
    this.fs.mount(volatile, '/etc/svc/volatile', false);
    for (const f of this.bootFilesystems()) {
      if (mountedBy(f.spec) === 'kernel' && normalizePath(f.spec.mountpoint) !== '/') this.fs.mount(f, f.spec.mountpoint, f.spec.read_only === true);
    }
  }

  /** Filesystems of this boot (booted BE + shared), excluding other BEs'. */
  bootFilesystems(): Filesystem[] {
    const own = new Set(filesystemsForBoot(this.spec));
    return this.fs.all.filter((f) => own.has(f.spec));
  }

  rootFs(): Filesystem | undefined {
    return this.bootFilesystems().find((f) => normalizePath(f.spec.mountpoint) === '/');
  }

  rootType(): 'ufs' | 'zfs' | 'tmpfs' {
    return this.rootFs()?.spec.type ?? 'ufs';
  }

  rootWritable(): boolean {
    const m = this.fs.mountAt('/');
    return m !== undefined && !m.readOnly;
  }

  /** A path is on a filesystem that is mounted and writable. */
  writable(path: string): boolean {
    const m = this.fs.mountFor(this.fs.resolve(path));
    return m !== undefined && !m.readOnly;
  }

  /**
   * A method is about to write `path`: is the filesystem that holds it
   * mounted read-write? Logged as an open of that mount (access.ts), so the
   * service that remounts / read-write is found as the one it waited for.
   */
  writableFor(path: string): boolean {
    const m = this.fs.mountFor(this.fs.resolve(path));
    const ok = m !== undefined && !m.readOnly;
    this.access.open('mount', m?.at ?? '/', ok, { ...(ok ? {} : { error: m === undefined ? 'ENOENT' : 'EROFS' }), detail: `to write ${normalizePath(path)}` });
    return ok;
  }

  /** A method reads `path`: does it exist? Logged as a read (access.ts). */
  readFile(path: string): boolean {
    const ok = this.fileExists(path);
    this.access.read('path', normalizePath(path), ok);
    return ok;
  }

  /** The file namespace file:// dependencies and methods see. */
  fileExists(path: string): boolean {
    const p = normalizePath(path);
    if (this.extraFiles.has(p)) return true;
    if (isUnder(p, '/devices')) return p === '/devices' || this.devices.nodes.some((n) => isUnder(n.node, p));
    if (isUnder(p, '/dev') && this.devices.hasLink(p)) return true;
    const hf = hostnameFile(p);
    if (hf !== undefined) {
      const spec = this.net.files.get(hf.ifname);
      if (spec !== undefined && (hf.kind === 'hostname' ? spec.hostname !== undefined : spec.dhcp !== undefined)) return true;
    }
    return this.fs.exists(p);
  }

  /** Every path that exists now (for the trace's file list and the panels). */
  existingFiles(): string[] {
    const out = new Set<string>([...this.extraFiles, ...this.fs.visibleFiles(), ...this.devices.links]);
    for (const n of this.devices.nodes) out.add(n.node);
    for (const f of this.net.files.values()) {
      if (f.hostname !== undefined) out.add(`/etc/hostname.${f.name}`);
      if (f.dhcp !== undefined) out.add(`/etc/dhcp.${f.name}`);
    }
    return [...out].sort();
  }

  /**
   * A file the spec does not list but that is on disk where it lives (a
   * manifest under /var/svc/manifest, say): visible iff the filesystem that
   * holds it is mounted.
   */
  onDiskVisible(path: string): boolean {
    const p = normalizePath(path);
    let best: string | undefined;
    for (const f of this.bootFilesystems()) {
      const mp = normalizePath(f.spec.mountpoint);
      if (isUnder(p, mp) && (best === undefined || mp.length > best.length)) best = mp;
    }
    return best === undefined || best === '/' || this.fs.isMounted(best);
  }

  note(t: number, text: string, fmri?: string): void {
    this.notes.push({ t, text, ...(fmri === undefined ? {} : { fmri }) });
  }

  /** Run a change of the namespace and report every path that appeared or disappeared. */
  diffFiles(kind: string, appears: (p: string) => string, hidden: (p: string) => string, change: () => void): WorldChange[] {
    const before = new Set(this.existingFiles());
    change();
    const after = new Set(this.existingFiles());
    const out: WorldChange[] = [];
    for (const p of after) if (!before.has(p)) out.push({ kind, path: p, exists: true, summary: appears(p) });
    for (const p of before) if (!after.has(p)) out.push({ kind, path: p, exists: false, summary: hidden(p) });
    return out;
  }
}
