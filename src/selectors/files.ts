/**
 * Files that exist after a given record (file:// dependencies, file nodes).
 * Pure; the seeker answers by time, the playhead needs it by record index.
 */
import type { Trace } from '../engine/index.ts';

export function filesAtIndex(trace: Trace, index: number): Set<string> {
  const files = new Set(trace.initialFiles);
  const last = Math.min(index, trace.records.length - 1);
  for (let k = 0; k <= last; k++) {
    const r = trace.records[k];
    if (r?.kind === 'world' && r.change.path !== undefined) {
      if (r.change.exists === true) files.add(r.change.path);
      else if (r.change.exists === false) files.delete(r.change.path);
    }
  }
  return files;
}
