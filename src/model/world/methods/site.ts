/**
 * A site service's start method that needs some files and writes others
 * (world.site_methods): a missing input exits 1, a write to a read-only
 * filesystem exits 95. A write lands on whatever filesystem holds the path
 * when the method runs, so one made before a filesystem is mounted over its
 * directory is hidden once the mount happens.
 */
import { READ_ONLY_FS, SMF_EXIT } from '../messages.ts';
import { isUnder, normalizePath } from '../paths.ts';
import type { WorldChange } from '../runtime.ts';
import type { SiteMethodSpec } from '../types.ts';
import type { MethodModel } from './types.ts';

export function siteMethod(spec: SiteMethodSpec): MethodModel {
  return (world, req) => {
    const duration = spec.duration ?? 200;
    for (const r of spec.reads ?? []) {
      if (!world.readFile(r)) return { duration, exit: 1, log: [`${r}: No such file or directory`] };
    }
    for (const w of spec.writes ?? []) {
      if (!world.writableFor(w)) return { duration, exit: SMF_EXIT.ERR_FATAL, log: [`${w}: ${READ_ONLY_FS}`] };
    }
    return {
      duration,
      exit: 0,
      effect: () => {
        const changes: WorldChange[] = [];
        for (const w of spec.writes ?? []) {
          const r = world.fs.write(w);
          if (!r.ok) continue;
          const where = r.mount.at === '/' ? 'the root filesystem' : `${r.mount.fs.spec.device} (${r.mount.at})`;
          const over = world
            .bootFilesystems()
            .map((f) => normalizePath(f.spec.mountpoint))
            .find((mp) => mp.length > r.mount.at.length && isUnder(r.at, mp) && !world.fs.isMounted(mp));
          const shadow = over === undefined ? '' : `, under ${over}, which is not mounted yet`;
          const via = r.at === w ? '' : ` (${r.at})`;
          changes.push({ kind: 'file', path: r.at, exists: true, summary: `${w}${via} written by ${req.fmri} on ${where}${shadow}`, requested: w });
        }
        return changes;
      },
    };
  };
}
