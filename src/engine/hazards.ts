/**
 * Ordering hazards (issue 17), computed from one boot's world access log
 * (src/model/world/access.ts, docs/access-log.md) and the declared
 * dependencies (dependency-order.ts):
 *
 * - an unordered use: a service creates, mounts, changes or removes X and
 *   another service reads or opens X, with no dependency path ordering the
 *   writer before the reader;
 * - unordered writes: two services both change X and no dependency path
 *   orders either before the other.
 *
 * For each, whether this boot's order happened to be right or wrong: a use is
 * wrong when the reader looked for X and did not find it before the writer
 * made it (or after the writer removed it); two writes are wrong when the
 * later undid the earlier (a file hidden by a mount over its directory, a
 * creation removed). A failed open the program recovered from by opening
 * something else (libdlpi's /devices fallback) needs nothing and is no use.
 * Dependency cycles the engine reports are listed beside the hazards: adding
 * the missing dependency can close one (seed 000, option 2).
 *
 * Nothing here is written per scenario: the same rules run on every boot.
 */
import { isUse, type AccessObjectKind, type WorldAccess } from '../model/world/access.ts';
import { accessLog } from './access-log.ts';
import { dependencyOrder } from './dependency-order.ts';
import type { Trace } from './trace.ts';

export type HazardKind = 'unordered-use' | 'unordered-writes';

/** One access of a hazard: who, what, when (an entry of the access log). */
export interface HazardAccess {
  readonly fmri: string;
  readonly op: WorldAccess['op'];
  readonly t: number;
  readonly seq: number;
  readonly ok: boolean;
  readonly error?: string;
}

export interface Hazard {
  /** Stable across boots of one scenario: kind, object, writer, reader. */
  readonly id: string;
  readonly kind: HazardKind;
  readonly object: { readonly kind: AccessObjectKind; readonly name: string };
  /** The service that creates/changes/removes X (for unordered writes: the one that wrote first this boot). */
  readonly writer: HazardAccess;
  /** The service that needs X (for unordered writes: the other writer). */
  readonly reader: HazardAccess;
  /** Which came first in this boot. */
  readonly order: 'writer-first' | 'reader-first';
  /** Whether this boot's order was the one that works. */
  readonly right: boolean;
  /**
   * A dependency path orders them the other way (the reader before the
   * writer): the wrong order is declared, not a matter of timing.
   */
  readonly reversed: boolean;
}

export interface HazardReport {
  readonly hazards: readonly Hazard[];
  /** Dependency cycles the engine reported (each once, as the engine gives it). */
  readonly cycles: readonly (readonly string[])[];
}

const WRITES: ReadonlySet<WorldAccess['op']> = new Set(['create', 'mount', 'change', 'remove', 'unmount']);
const REMOVES: ReadonlySet<WorldAccess['op']> = new Set(['remove', 'unmount']);

type Attributed = WorldAccess & { readonly fmri: string };

function attributed(a: WorldAccess): a is Attributed {
  return a.fmri !== undefined;
}

/** A use that needed the object: reads and opens, except a failed open recovered from by a fallback. */
function needs(a: WorldAccess): boolean {
  return isUse(a) && !(a.ok === false && a.fallback !== undefined);
}

function isWrite(a: WorldAccess): boolean {
  return a.ok && WRITES.has(a.op);
}

function access(a: Attributed): HazardAccess {
  return { fmri: a.fmri, op: a.op, t: a.t, seq: a.seq, ok: a.ok, ...(a.error === undefined ? {} : { error: a.error }) };
}

function objectKey(a: WorldAccess): string {
  return `${a.kind}:${a.name}`;
}

export function hazardId(kind: HazardKind, objectKind: string, name: string, writer: string, reader: string): string {
  return `${kind}|${objectKind}:${name}|${writer}|${reader}`;
}

/** Does the later write undo the earlier one? */
function undoes(later: WorldAccess, earlier: WorldAccess): boolean {
  if (REMOVES.has(later.op)) return !REMOVES.has(earlier.op);
  // A mount over a path's directory changes (hides) a path another service created.
  return later.op === 'change' && later.kind === 'path' && earlier.op === 'create';
}

const reportCache = new WeakMap<Trace, HazardReport>();

export function findHazards(trace: Trace): HazardReport {
  const hit = reportCache.get(trace);
  if (hit !== undefined) return hit;
  const order = dependencyOrder(trace);
  const byObject = new Map<string, Attributed[]>();
  for (const a of accessLog(trace)) {
    if (!attributed(a)) continue; // an administrator's command is not a service racing anybody
    const k = objectKey(a);
    const list = byObject.get(k);
    if (list === undefined) byObject.set(k, [a]);
    else list.push(a);
  }
  const hazards: Hazard[] = [];
  for (const list of byObject.values()) {
    const writes = list.filter(isWrite);
    if (writes.length === 0) continue;
    const writers = firstBy(writes);
    const uses = list.filter(needs);
    const readers = firstBy(uses);
    // Unordered uses.
    for (const use of readers.values()) {
      const reader = use.fmri;
      // A provider ordered before the reader guarantees X: the others racing it do not matter.
      const guaranteed = [...writers.values()].some((w) => !REMOVES.has(w.op) && w.fmri !== reader && order.orders(w.fmri, reader));
      for (const write of writers.values()) {
        if (write.fmri === reader || order.orders(write.fmri, reader)) continue;
        const removal = REMOVES.has(write.op);
        if (guaranteed && !removal) continue;
        const failedUses = uses.filter((u) => u.fmri === reader && !u.ok);
        const wrong = removal ? failedUses.some((u) => u.seq > write.seq) : failedUses.some((u) => u.seq < write.seq);
        hazards.push({
          id: hazardId('unordered-use', use.kind, use.name, write.fmri, reader),
          kind: 'unordered-use',
          object: { kind: use.kind, name: use.name },
          writer: access(write),
          reader: access(use),
          order: write.seq < use.seq ? 'writer-first' : 'reader-first',
          right: !wrong,
          reversed: order.orders(reader, write.fmri),
        });
      }
    }
    // Unordered writes.
    const ws = [...writers.values()].sort((a, b) => a.seq - b.seq);
    for (let i = 0; i < ws.length; i++) {
      for (let j = i + 1; j < ws.length; j++) {
        const first = ws[i];
        const second = ws[j];
        if (first === undefined || second === undefined) continue;
        if (order.orders(first.fmri, second.fmri) || order.orders(second.fmri, first.fmri)) continue;
        const [x, y] = first.fmri < second.fmri ? [first.fmri, second.fmri] : [second.fmri, first.fmri];
        hazards.push({
          id: hazardId('unordered-writes', first.kind, first.name, x, y),
          kind: 'unordered-writes',
          object: { kind: first.kind, name: first.name },
          writer: access(first),
          reader: access(second),
          order: 'writer-first',
          right: !undoes(second, first),
          reversed: false,
        });
      }
    }
  }
  hazards.sort((a, b) => Number(a.right) - Number(b.right) || a.reader.seq - b.reader.seq || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const report = { hazards, cycles: reportedCycles(trace) };
  reportCache.set(trace, report);
  return report;
}

/** The first access of each instance in a list (in log order). */
function firstBy(list: readonly Attributed[]): Map<string, Attributed> {
  const out = new Map<string, Attributed>();
  for (const a of list) if (!out.has(a.fmri)) out.set(a.fmri, a);
  return out;
}

/** Each dependency cycle the engine put an instance into maintenance for, once. */
export function reportedCycles(trace: Trace): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const r of trace.records) {
    if (r.kind !== 'status' || r.status.cycle === undefined || r.status.cycle.length === 0) continue;
    const key = [...new Set(r.status.cycle)].sort().join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push([...r.status.cycle]);
  }
  return out;
}

/** Per-boot facts for the timing explorer: each hazard's order in this boot. */
export function hazardFacts(trace: Trace): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of findHazards(trace).hazards) out[h.id] = h.right ? 'right' : 'wrong';
  return out;
}
