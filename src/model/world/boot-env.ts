/**
 * Boot environments (Snap Upgrade, seed 004): each BE has its own root
 * dataset and BE datasets (filesystems with `be` set); everything else, such
 * as the proposed /var/shared dataset, is shared by every BE. The booted BE
 * mounts its own datasets and the shared ones; an alternate BE mounted for a
 * package operation sees the shared /var/shared read-only, so updating another
 * BE cannot change the running one's mail, logs or spool.
 */
import type { FilesystemSpec, WorldSpec } from './types.ts';

/** The BE names the world knows, in order of first appearance. */
export function bootEnvironments(world: WorldSpec | undefined): string[] {
  const out: string[] = [];
  for (const f of world?.filesystems ?? []) if (f.be !== undefined && !out.includes(f.be)) out.push(f.be);
  return out;
}

/** The BE this boot uses: world.boot.be, else the first one. */
export function bootedBe(world: WorldSpec | undefined): string | undefined {
  return world?.boot?.be ?? bootEnvironments(world)[0];
}

/** Filesystems that belong to this boot: the booted BE's and the shared ones. */
export function filesystemsForBoot(world: WorldSpec | undefined): FilesystemSpec[] {
  const be = bootedBe(world);
  return (world?.filesystems ?? []).filter((f) => f.be === undefined || f.be === be);
}

/** Which BE a root dataset name belongs to. */
export function beOfDataset(world: WorldSpec | undefined, dataset: string): string | undefined {
  return (world?.filesystems ?? []).find((f) => f.mountpoint === '/' && f.device === dataset && f.be !== undefined)?.be;
}
