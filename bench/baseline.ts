/**
 * The baseline the engine is compared with (issues 7 and 16): the same graph,
 * simulated by the plainest loop that still honours what the engine's answer
 * depends on, so the ratio measures the engine's machinery and not a smaller
 * problem:
 *
 * - instances resolved exactly as the engine resolves them (the model's
 *   resolveScenario: composition, `<dependent>`s, a service target standing for
 *   its instances, file targets);
 * - the four groupings with the values of docs/smf-semantics.md §3.3–3.4 at
 *   start time (require_all, require_any, optional_all, exclude_all; a service
 *   target is require_any over its instances; a missing target never
 *   satisfies; a file target is its initial existence);
 * - the same events per instance as the engine's fault-free boot (enable,
 *   start, method exit), in one (time, seq) binary heap;
 * - a record per state change (uninitialized → offline → starting → online,
 *   or → disabled, or → maintenance when a start method exits non-zero).
 *
 * What it leaves out is what makes svc.startd svc.startd: the restarter
 * statechart, retries and timeouts, restart_on propagation, milestones,
 * deathrow, the satisfiability walk that tells "not yet" from "never", the
 * world model's methods, console and log text. Integer-indexed, typed arrays.
 */
import { resolveScenario } from '../src/model/graph/resolve.ts';
import type { Scenario } from '../src/model/scenario/types.ts';

const UNINIT = 0;
const OFFLINE = 1;
const STARTING = 2;
const ONLINE = 3;
const DISABLED = 4;
const MAINT = 5;

const ENABLE = 0;
const START = 1;
const EXIT = 2;

const G_ALL = 0;
const G_ANY = 1;
const G_OPT = 2;
const G_EXCL = 3;

/** A target of a group: instance indices (a service stands for all of its instances), a file, or nothing (absent). */
type Target = { readonly kind: 'instances'; readonly of: Int32Array } | { readonly kind: 'file'; readonly exists: boolean } | { readonly kind: 'absent' };

interface Group {
  readonly grouping: number;
  readonly targets: readonly Target[];
}

export interface BaselineRecord {
  readonly t: number;
  readonly instance: number;
  readonly from: number;
  readonly to: number;
}

export interface BaselineResult {
  /** Events taken off the queue. */
  readonly events: number;
  /** One per state change. */
  readonly records: readonly BaselineRecord[];
  readonly makespan: number;
  /** FMRIs online at the end. */
  readonly online: readonly string[];
}

const GROUPING: Readonly<Record<string, number>> = { require_all: G_ALL, require_any: G_ANY, optional_all: G_OPT, exclude_all: G_EXCL };

export function baselineBoot(s: Scenario): BaselineResult {
  const resolved = resolveScenario(s);
  const insts = resolved.instances;
  const n = insts.length;
  const index = new Map<string, number>();
  insts.forEach((r, i) => index.set(r.fmri, i));
  const byService = new Map<string, number[]>();
  insts.forEach((r, i) => byService.set(r.service, [...(byService.get(r.service) ?? []), i]));
  const files = new Set(s.files ?? []);

  const state = new Uint8Array(n);
  /** Offline when everything else had settled: it will never come up (the engine's satisfiability walk finds this eagerly). */
  const stuck = new Uint8Array(n);
  const duration = new Float64Array(n);
  const fails = new Uint8Array(n);
  const groups: Group[][] = [];
  const dependents: number[][] = Array.from({ length: n }, () => []);

  insts.forEach((r, i) => {
    duration[i] = r.start.duration;
    fails[i] = r.start.exits[0] === undefined || r.start.exits[0] === 0 ? 0 : 1;
    const gs: Group[] = [];
    for (const g of r.groups) {
      const targets: Target[] = g.targets.map((t): Target => {
        if (t.startsWith('file:')) return { kind: 'file', exists: files.has(t.replace(/^file:\/\/[^/]*/, '')) };
        const one = index.get(t);
        const of = one !== undefined ? [one] : (byService.get(t) ?? []);
        if (of.length === 0) return { kind: 'absent' };
        for (const j of of) dependents[j]?.push(i);
        return { kind: 'instances', of: Int32Array.from(of) };
      });
      gs.push({ grouping: GROUPING[g.grouping] ?? G_ALL, targets });
    }
    groups.push(gs);
  });

  /** One instance's value as a member at start time (§3.3 with sat = false): 1 running, 0 not yet, −1 never. */
  const value = (j: number): number => {
    const st = state[j];
    if (st === ONLINE) return 1;
    if (st === MAINT || !(insts[j]?.configured ?? false)) return -1;
    return 0;
  };
  const targetValue = (t: Target, grouping: number): number => {
    if (t.kind === 'absent') return grouping === G_OPT || grouping === G_EXCL ? 1 : -1;
    if (t.kind === 'file') return grouping === G_EXCL ? (t.exists ? -1 : 1) : t.exists ? 1 : grouping === G_OPT ? 0 : -1;
    if (grouping === G_EXCL) {
      // Running (or on its way) excludes; disabled, maintenance or unconfigured do not.
      for (const j of t.of) {
        const st = state[j];
        if (st === ONLINE || st === STARTING) return -1;
        if (st === OFFLINE || st === UNINIT) return 0;
      }
      return 1;
    }
    if (grouping === G_OPT) {
      // Unconfigured, maintenance and disabled members do not hold the dependent back.
      let r = 1;
      for (const j of t.of) {
        const st = state[j];
        if (st === MAINT || st === DISABLED || stuck[j] === 1 || !(insts[j]?.configured ?? false)) continue;
        if (st !== ONLINE) r = 0;
      }
      return r;
    }
    // A service target: some instance running.
    let best = -1;
    for (const j of t.of) best = Math.max(best, value(j));
    return best;
  };
  const satisfied = (i: number): boolean => {
    for (const g of groups[i] ?? []) {
      if (g.targets.length === 0) continue;
      if (g.grouping === G_ANY) {
        if (!g.targets.some((t) => targetValue(t, G_ANY) === 1)) return false;
      } else if (!g.targets.every((t) => targetValue(t, g.grouping) === 1)) return false;
    }
    return true;
  };

  // Binary heap of events ordered by (time, seq); parallel typed arrays grown on demand.
  let cap = Math.max(16, n * 2);
  let ht = new Float64Array(cap);
  let hs = new Int32Array(cap);
  let hi = new Int32Array(cap);
  let hk = new Uint8Array(cap);
  let size = 0;
  let seq = 0;
  const less = (a: number, b: number): boolean => (ht[a] ?? 0) < (ht[b] ?? 0) || ((ht[a] ?? 0) === (ht[b] ?? 0) && (hs[a] ?? 0) < (hs[b] ?? 0));
  const swap = (a: number, b: number): void => {
    const t = ht[a] ?? 0, s2 = hs[a] ?? 0, i2 = hi[a] ?? 0, k2 = hk[a] ?? 0;
    ht[a] = ht[b] ?? 0; hs[a] = hs[b] ?? 0; hi[a] = hi[b] ?? 0; hk[a] = hk[b] ?? 0;
    ht[b] = t; hs[b] = s2; hi[b] = i2; hk[b] = k2;
  };
  const push = (t: number, inst: number, kind: number): void => {
    if (size === cap) {
      cap *= 2;
      const grow = <A extends Float64Array | Int32Array | Uint8Array>(a: A, make: (c: number) => A): A => {
        const b = make(cap);
        b.set(a);
        return b;
      };
      ht = grow(ht, (c) => new Float64Array(c));
      hs = grow(hs, (c) => new Int32Array(c));
      hi = grow(hi, (c) => new Int32Array(c));
      hk = grow(hk, (c) => new Uint8Array(c));
    }
    let k = size++;
    ht[k] = t; hs[k] = seq++; hi[k] = inst; hk[k] = kind;
    while (k > 0) {
      const p = (k - 1) >> 1;
      if (!less(k, p)) break;
      swap(k, p);
      k = p;
    }
  };
  const pop = (): void => {
    size--;
    swap(0, size);
    let k = 0;
    for (;;) {
      const l = 2 * k + 1;
      if (l >= size) break;
      const r = l + 1;
      const c = r < size && less(r, l) ? r : l;
      if (!less(c, k)) break;
      swap(c, k);
      k = c;
    }
  };

  const records: BaselineRecord[] = [];
  const set = (t: number, i: number, to: number): void => {
    records.push({ t, instance: i, from: state[i] ?? UNINIT, to });
    state[i] = to;
  };
  const tryStart = (t: number, i: number): void => {
    if (state[i] === OFFLINE && satisfied(i)) push(t, i, START);
  };

  for (let i = 0; i < n; i++) if (insts[i]?.configured === true) push(0, i, ENABLE);
  let events = 0;
  let makespan = 0;
  for (;;) {
    if (size === 0) {
      // Quiescent: whatever is still offline never comes up; optional_all dependents of it may start now.
      let freed = false;
      for (let j = 0; j < n; j++) {
        if (state[j] !== OFFLINE || stuck[j] === 1) continue;
        stuck[j] = 1;
        for (const d of dependents[j] ?? []) {
          const before = size;
          tryStart(makespan, d);
          freed ||= size > before;
        }
      }
      if (!freed) break;
    }
    const t = ht[0] ?? 0;
    const i = hi[0] ?? 0;
    const kind = hk[0] ?? 0;
    pop();
    events++;
    makespan = t;
    if (kind === ENABLE) {
      set(t, i, insts[i]?.enabled === true ? OFFLINE : DISABLED);
      if (state[i] === OFFLINE) tryStart(t, i);
      // A disabled or maintenance member may free an optional_all or exclude_all dependent.
      else for (const d of dependents[i] ?? []) tryStart(t, d);
    } else if (kind === START) {
      if (state[i] !== OFFLINE || !satisfied(i)) continue;
      set(t, i, STARTING);
      push(t + (duration[i] ?? 0), i, EXIT);
    } else {
      set(t, i, fails[i] === 1 ? MAINT : ONLINE);
      for (const d of dependents[i] ?? []) tryStart(t, d);
    }
  }
  const online: string[] = [];
  for (let i = 0; i < n; i++) if (state[i] === ONLINE) online.push(insts[i]?.fmri ?? '');
  return { events, records, makespan, online };
}
