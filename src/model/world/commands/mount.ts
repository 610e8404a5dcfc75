/**
 * mount and umount. `mount <mountpoint>` mounts a filesystem of this boot;
 * `mount [-F zfs] <BE root dataset> <dir>` mounts another boot environment
 * there, as Snap Upgrade does for package operations: the BE's own datasets
 * read-write, the shared /var/shared read-only (seed 004: "the /var/shared
 * directory must be mounted read-only for alternate BEs").
 */
import { beOfDataset } from '../boot-env.ts';
import { mountedBy } from '../filesystems.ts';
import { mountAll } from '../methods/mounts.ts';
import { isUnder, joinUnder, normalizePath } from '../paths.ts';
import type { WorldChange } from '../runtime.ts';
import { fail, type WorldCommand } from './types.ts';

export const mount: WorldCommand = (world, args) => {
  const words = args.filter((a, k) => a !== '-F' && args[k - 1] !== '-F');
  const [what, where, ...extra] = words;
  if (what === undefined || extra.length > 0) return fail('usage: mount <mountpoint> | mount [-F zfs] <dataset> <dir>');
  if (where === undefined) {
    const fs = world.bootFilesystems().find((f) => normalizePath(f.spec.mountpoint) === normalizePath(what));
    if (fs === undefined) return fail(`mount: ${what}: no such filesystem in this boot environment`);
    if (world.fs.isMounted(what)) return fail(`mount: ${what} is already mounted`);
    return { ok: true, output: [], changes: mountAll(world, [{ fs, readOnly: fs.spec.read_only === true }], 'mount') };
  }
  const be = beOfDataset(world.spec, what);
  if (be === undefined) return fail(`mount: ${what}: not the root dataset of a boot environment`);
  if (be === world.be) return fail(`mount: ${what} is the running boot environment`);
  const dir = normalizePath(where);
  if (world.fs.isMounted(dir)) return fail(`mount: ${dir} is busy`);
  const own = world.fs.all.filter((f) => f.spec.be === be);
  const shared = world.fs.all.filter((f) => f.spec.be === undefined && mountedBy(f.spec) === 'fs-minimal' && f.spec.type === 'zfs');
  const list = [...own, ...shared].sort((a, b) => a.spec.mountpoint.length - b.spec.mountpoint.length);
  const changes: WorldChange[] = [];
  for (const f of list) {
    const at = normalizePath(joinUnder(dir, normalizePath(f.spec.mountpoint)));
    const readOnly = f.spec.be === undefined || f.spec.read_only === true;
    world.fs.mount(f, at, readOnly, dir);
    changes.push({ kind: 'mount', summary: `${f.spec.device} mounted on ${at}${readOnly ? ' read-only (shared with the running BE)' : ''}`, mountpoint: at, device: f.spec.device, readOnly });
  }
  return { ok: true, output: [], changes };
};

export const umount: WorldCommand = (world, args) => {
  const [dir, ...extra] = args;
  if (dir === undefined || extra.length > 0) return fail('usage: umount <dir>');
  const d = normalizePath(dir);
  if (!world.fs.isMounted(d)) return fail(`umount: ${d} not mounted`);
  const below = world.fs.mounts.filter((m) => isUnder(m.at, d)).sort((a, b) => b.at.length - a.at.length);
  const changes: WorldChange[] = [];
  for (const m of below) {
    const files = world.diffFiles('file', (p) => `${p} appears again: ${m.at} unmounted`, (p) => `${p} gone: ${m.at} unmounted`, () => world.fs.unmount(m.at));
    changes.push(...files.map((f) => ({ ...f, via: 'mount' })));
    changes.push({ kind: 'mount', summary: `${m.at} unmounted`, mountpoint: m.at, device: m.fs.spec.device, mounted: false });
  }
  return { ok: true, output: [], changes };
};
