/**
 * The critical chain to a service, as systemd-analyze critical-chain does it
 * for systemd, with SMF's dependencies: starting from the service's most
 * recent start, follow the dependency that became ready last before that
 * start (what it actually waited for), and repeat. Pure.
 */
import type { Trace } from '../engine/index.ts';
import { isRunning } from '../model/smf/states.ts';
import type { DependencyIndex } from './dependencies.ts';

export interface ChainLink {
  readonly id: string;
  /** When its start method began (undefined for files and never-started services). */
  readonly startedAt?: number;
  /** When it became running (or, for a file, was created). */
  readonly readyAt?: number;
}

export interface RunTimes {
  /** Instants a start method began (offline → offline*), per instance. */
  readonly starts: ReadonlyMap<string, readonly number[]>;
  /** Instants an instance became running (from not running), per instance. */
  readonly readies: ReadonlyMap<string, readonly number[]>;
  /** Instants a file came into existence during the boot, per file path. */
  readonly fileCreated: ReadonlyMap<string, readonly number[]>;
}

export function runTimes(trace: Trace): RunTimes {
  const starts = new Map<string, number[]>();
  const readies = new Map<string, number[]>();
  const fileCreated = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, k: string, t: number): void => {
    const list = m.get(k) ?? [];
    list.push(t);
    m.set(k, list);
  };
  for (const r of trace.records) {
    if (r.kind === 'status') {
      if (r.to === 'offline' && (r.next === 'online' || r.next === 'degraded') && r.fromNext === 'none') push(starts, r.fmri, r.t);
      if (isRunning(r.to) && !isRunning(r.from)) push(readies, r.fmri, r.t);
    } else if (r.kind === 'world' && r.change.path !== undefined && r.change.exists === true) {
      push(fileCreated, r.change.path, r.t);
    }
  }
  return { starts, readies, fileCreated };
}

const lastAtOrBefore = (list: readonly number[] | undefined, t: number): number | undefined => {
  if (list === undefined) return undefined;
  let out: number | undefined;
  for (const x of list) if (x <= t) out = x;
  return out;
};

const firstAtOrAfter = (list: readonly number[] | undefined, t: number): number | undefined => list?.find((x) => x >= t);

function filePath(fmri: string): string {
  return fmri.replace(/^file:\/\/[^/]*/, '');
}

/**
 * The chain from `fmri` (as of instant `at`) back to the start of the boot.
 * The first link is the service itself.
 */
export function criticalChain(index: DependencyIndex, times: RunTimes, fmri: string, at: number): ChainLink[] {
  const chain: ChainLink[] = [];
  const seen = new Set<string>();
  let cur: string | undefined = fmri;
  let limit = at;
  while (cur !== undefined && !seen.has(cur) && chain.length < 64) {
    seen.add(cur);
    if (cur.startsWith('file:')) {
      chain.push({ id: cur, readyAt: lastAtOrBefore(times.fileCreated.get(filePath(cur)), limit) });
      break;
    }
    const started = lastAtOrBefore(times.starts.get(cur), limit) ?? (cur === fmri ? times.starts.get(cur)?.[0] : undefined);
    const ready = started === undefined ? undefined : firstAtOrAfter(times.readies.get(cur), started);
    chain.push({ id: cur, ...(started === undefined ? {} : { startedAt: started }), ...(ready === undefined ? {} : { readyAt: ready }) });
    if (started === undefined) break;
    let best: { id: string; t: number } | undefined;
    for (const g of index.deps.get(cur) ?? []) {
      if (g.grouping === 'exclude_all') continue;
      for (const target of g.targets) {
        if (target.kind === 'file') {
          const created = lastAtOrBefore(times.fileCreated.get(filePath(target.declared)), started);
          if (created !== undefined && (best === undefined || created > best.t)) best = { id: target.declared, t: created };
          continue;
        }
        for (const dep of target.instances) {
          const r = lastAtOrBefore(times.readies.get(dep), started);
          if (r !== undefined && (best === undefined || r > best.t)) best = { id: dep, t: r };
        }
      }
    }
    if (best === undefined) break;
    cur = best.id;
    limit = best.t;
  }
  return chain;
}
