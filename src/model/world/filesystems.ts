/**
 * Filesystems at run time: what is mounted where, read-only or read-write,
 * and which files each holds. A path is looked up on the filesystem with the
 * longest mounted mountpoint above it, so a file written to /var/log before
 * /var is mounted lands on the root filesystem and disappears from view when
 * the mount happens (it is shadowed, not lost).
 */
import { isUnder, joinUnder, normalizePath, relativeTo, resolveSymlinks } from './paths.ts';
import type { FilesystemSpec, MountedBy } from './types.ts';

export interface Filesystem {
  readonly spec: FilesystemSpec;
  /** Files stored on it, relative to its own root ("/mail/root" on the /var/shared dataset). */
  readonly files: Set<string>;
}

export interface Mount {
  /** Where it is mounted in this boot's namespace ("/a/var/shared" for an alternate BE). */
  readonly at: string;
  readonly fs: Filesystem;
  readOnly: boolean;
  /** The alternate root it belongs to ("/a"), for symlink resolution; "/" for the running system. */
  readonly root: string;
}

export function defaultMountedBy(mountpoint: string): MountedBy {
  if (mountpoint === '/') return 'kernel';
  if (mountpoint === '/usr') return 'fs-root';
  if (mountpoint === '/tmp' || isUnder(mountpoint, '/var')) return 'fs-minimal';
  return 'fs-local';
}

export function mountedBy(spec: FilesystemSpec): MountedBy {
  return spec.mounted_by ?? defaultMountedBy(normalizePath(spec.mountpoint));
}

/** The filesystem table of one boot: every filesystem of the booted BE plus the shared ones. */
export class FilesystemTable {
  readonly all: Filesystem[];
  readonly mounts: Mount[] = [];

  constructor(specs: readonly FilesystemSpec[], readonly symlinks: Readonly<Record<string, string>>) {
    this.all = specs.map((spec) => {
      const mp = normalizePath(spec.mountpoint);
      const files = new Set<string>();
      for (const f of spec.files ?? []) {
        const p = normalizePath(f);
        files.add(isUnder(p, mp) ? relativeTo(p, mp) : p);
      }
      return { spec, files };
    });
  }

  find(mountpoint: string, be?: string): Filesystem | undefined {
    const mp = normalizePath(mountpoint);
    return this.all.find((f) => normalizePath(f.spec.mountpoint) === mp && (f.spec.be === undefined || f.spec.be === be));
  }

  isMounted(at: string): boolean {
    const p = normalizePath(at);
    return this.mounts.some((m) => m.at === p);
  }

  mountAt(at: string): Mount | undefined {
    const p = normalizePath(at);
    return this.mounts.find((m) => m.at === p);
  }

  mount(fs: Filesystem, at: string, readOnly: boolean, root = '/'): Mount {
    const m: Mount = { at: normalizePath(at), fs, readOnly, root: normalizePath(root) };
    this.mounts.push(m);
    return m;
  }

  unmount(at: string): Mount | undefined {
    const p = normalizePath(at);
    const k = this.mounts.findIndex((m) => m.at === p);
    if (k < 0) return undefined;
    const [m] = this.mounts.splice(k, 1);
    return m;
  }

  /** Symlinks apply inside the alternate root a path belongs to. */
  resolve(path: string): string {
    const p = normalizePath(path);
    const alt = this.mounts
      .filter((m) => m.root !== '/' && isUnder(p, m.root))
      .map((m) => m.root)
      .sort((a, b) => b.length - a.length)[0];
    if (alt === undefined) return resolveSymlinks(p, this.symlinks);
    return normalizePath(joinUnder(alt, resolveSymlinks(relativeTo(p, alt), this.symlinks)));
  }

  /** The mount a (resolved) path lives on: the longest mounted mountpoint above it. */
  mountFor(resolved: string): Mount | undefined {
    let best: Mount | undefined;
    for (const m of this.mounts) {
      if (isUnder(resolved, m.at) && (best === undefined || m.at.length > best.at.length)) best = m;
    }
    return best;
  }

  exists(path: string): boolean {
    const r = this.resolve(path);
    if (this.mounts.some((m) => isUnder(m.at, r))) return true; // a mountpoint, or a directory above one
    const m = this.mountFor(r);
    if (m === undefined) return false;
    const rel = relativeTo(r, m.at);
    if (m.fs.files.has(rel)) return true;
    const dir = rel === '/' ? '/' : `${rel}/`;
    for (const f of m.fs.files) if (f.startsWith(dir)) return true;
    return false;
  }

  /** Write (create) a file. Fails on a read-only or absent filesystem. */
  write(path: string): { ok: true; at: string; mount: Mount } | { ok: false; error: 'EROFS' | 'ENOENT' } {
    const r = this.resolve(path);
    const m = this.mountFor(r);
    if (m === undefined) return { ok: false, error: 'ENOENT' };
    if (m.readOnly) return { ok: false, error: 'EROFS' };
    m.fs.files.add(relativeTo(r, m.at));
    return { ok: true, at: r, mount: m };
  }

  remove(path: string): { ok: boolean; error?: 'EROFS' | 'ENOENT' } {
    const r = this.resolve(path);
    const m = this.mountFor(r);
    if (m === undefined) return { ok: false, error: 'ENOENT' };
    const rel = relativeTo(r, m.at);
    if (!m.fs.files.has(rel)) return { ok: false, error: 'ENOENT' };
    if (m.readOnly) return { ok: false, error: 'EROFS' };
    m.fs.files.delete(rel);
    return { ok: true };
  }

  /** Every path visible in the namespace (files only, resolved through mounts, not symlinks). */
  visibleFiles(): string[] {
    const out = new Set<string>();
    for (const m of this.mounts) {
      for (const rel of m.fs.files) {
        const abs = normalizePath(joinUnder(m.at, rel));
        if (this.mountFor(abs) === m) out.add(abs);
      }
    }
    return [...out].sort();
  }
}
