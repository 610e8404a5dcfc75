/**
 * Time travel over a trace: the status of every instance at any simulated
 * instant or after any record, in O(log n + k) with checkpoints. "At instant t"
 * means after every record stamped t (the state a user sees when the playhead
 * rests on t).
 */
import type { InstanceStatus, Trace, TraceRecord } from './trace.ts';

/**
 * A checkpoint copies every instance's status, so checkpoints are at least as
 * far apart as there are instances: memory stays O(records) (at 512 apart,
 * 100,000 instances made a million-entry copy every 512 records and ran out of
 * memory, issue 15), and a seek replays at most that many records, no more than
 * the copy of the statuses it returns costs anyway.
 */
const MIN_CHECKPOINT_EVERY = 512;

export interface Seeker {
  /** Statuses after records[0..index] (index -1: before anything). */
  atIndex(index: number): ReadonlyMap<string, InstanceStatus>;
  /** Statuses at simulated time t (after every record with record.t <= t). */
  atTime(t: number): ReadonlyMap<string, InstanceStatus>;
  /** Index of the last record with record.t <= t (-1 if none). */
  indexAtTime(t: number): number;
  /** Files that exist at time t (initial files plus world file changes). */
  filesAtTime(t: number): ReadonlySet<string>;
}

export function createSeeker(trace: Trace): Seeker {
  const records = trace.records;
  const initial = new Map<string, InstanceStatus>();
  for (const i of trace.instances) initial.set(i.fmri, i.initial);
  const checkpoints: Map<string, InstanceStatus>[] = [];
  const CHECKPOINT_EVERY = Math.max(MIN_CHECKPOINT_EVERY, trace.instances.length);
  let cur = new Map(initial);
  for (let k = 0; k < records.length; k++) {
    if (k % CHECKPOINT_EVERY === 0) checkpoints.push(new Map(cur));
    const r = records[k];
    if (r !== undefined && r.kind === 'status') cur.set(r.fmri, r.status);
  }
  cur = new Map();

  const indexAtTime = (t: number): number => {
    let lo = 0;
    let hi = records.length - 1;
    let ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r: TraceRecord | undefined = records[mid];
      if (r !== undefined && r.t <= t) {
        ans = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return ans;
  };

  const atIndex = (index: number): ReadonlyMap<string, InstanceStatus> => {
    if (index < 0) return initial;
    const last = Math.min(index, records.length - 1);
    const cpIndex = Math.floor(last / CHECKPOINT_EVERY);
    const base = checkpoints[cpIndex] ?? initial;
    const out = new Map(base);
    for (let k = cpIndex * CHECKPOINT_EVERY; k <= last; k++) {
      const r = records[k];
      if (r !== undefined && r.kind === 'status') out.set(r.fmri, r.status);
    }
    return out;
  };

  const filesAtTime = (t: number): ReadonlySet<string> => {
    const files = new Set(trace.initialFiles);
    for (const r of records) {
      if (r.t > t) break;
      if (r.kind === 'world' && r.change.path !== undefined) {
        if (r.change.exists === true) files.add(r.change.path);
        else if (r.change.exists === false) files.delete(r.change.path);
      }
    }
    return files;
  };

  return { atIndex, atTime: (t) => atIndex(indexAtTime(t)), indexAtTime, filesAtTime };
}
