/** Mounting and remounting as the fs-* scripts do it, reported as world changes. */
import type { Filesystem } from '../filesystems.ts';
import { normalizePath } from '../paths.ts';
import type { WorldChange } from '../runtime.ts';
import type { WorldState } from '../state.ts';

/**
 * Mount filesystems (parents first); every path that appears or becomes
 * hidden is a change (marked `via: 'mount'`).
 */
export function mountAll(world: WorldState, list: readonly { fs: Filesystem; readOnly: boolean }[], by: string): WorldChange[] {
  const ordered = [...list].sort((a, b) => normalizePath(a.fs.spec.mountpoint).length - normalizePath(b.fs.spec.mountpoint).length);
  const changes: WorldChange[] = [];
  for (const { fs, readOnly } of ordered) {
    const at = normalizePath(fs.spec.mountpoint);
    if (world.fs.isMounted(at)) continue;
    const files = world.diffFiles(
      'file',
      (p) => `${p} appears: ${fs.spec.device} mounted on ${at} by ${by}`,
      (p) => `${p} is hidden: ${fs.spec.device} mounted over ${at} by ${by}`,
      () => world.fs.mount(fs, at, readOnly),
    );
    changes.push({ kind: 'mount', summary: `${fs.spec.device} mounted on ${at}${readOnly ? ' read-only' : ''} (${by})`, mountpoint: at, device: fs.spec.device, readOnly, program: 'mount' }, ...files.map((f) => ({ ...f, via: 'mount' })));
  }
  return changes;
}

/** mount -o remount,rw */
export function remountRw(world: WorldState, at: string, by: string): WorldChange[] {
  const m = world.fs.mountAt(at);
  if (m === undefined || !m.readOnly) return [];
  m.readOnly = false;
  return [{ kind: 'mount', summary: `${at} remounted read-write (${by})`, mountpoint: at, device: m.fs.spec.device, readOnly: false, remount: true, program: 'mount' }];
}

/** The raw device fsck checks: /dev/dsk/x → /dev/rdsk/x, /dev/md/dsk/d10 → /dev/md/rdsk/d10. */
export function rawDevice(device: string): string {
  return device.replace(/\/dsk\//, '/rdsk/');
}

/** A mount the method tried and could not make (logged as a failed mount, access.ts). */
export function mountFailed(world: WorldState, mountpoint: string, device: string): void {
  world.access.record({ op: 'mount', kind: 'mount', name: normalizePath(mountpoint), ok: false, error: 'mount failed', detail: device, program: 'mount' });
}
