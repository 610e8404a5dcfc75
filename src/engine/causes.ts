/**
 * explain.c's cause analysis for the whole graph at one instant
 * (docs/smf-semantics.md §8.1, usr/src/cmd/svc/svcs/explain.c: determine_causes(),
 * add_causes(), process_reqall/reqany/optall/excall(), process_file_dg(),
 * determine_impact()), without recursion and in O(V + E) time and memory.
 *
 * explain.c recurses (determine_causes → process_*() → add_causes →
 * determine_causes) and copies every cause list into each dependent's list.
 * Here the recursion is an explicit stack of frames, and a node keeps only
 * the sources it merged (its "children", add_causes(dst, src) edges, in
 * order) instead of a copy of their lists: the cause list explain.c would
 * hold is the leaves of a depth-first, first-visit walk of the children,
 * and each cause's next_hop is the child the walk found it through
 * (causesOf()). The global list g_causes is filled in the order explain.c
 * fills it, by walking each merged source once (globalise()).
 *
 * Kept exactly as explain.c does it:
 * - the leaf states: running or uninitialized → itself (not listed),
 *   maintenance → itself, listed; disabled → itself, listed if enabled;
 *   offline with a next_state → itself, listed;
 * - an offline, settled instance's groups in order, with the rules of each
 *   grouping (§8.1 table); missing FMRIs and files are "bad dependencies",
 *   not causes: an instance with bad dependencies and no causes is its own
 *   cause ("has missing dependencies") and is listed;
 * - with neither, the restarter's causes if it is not running, else itself
 *   ("Unknown." / restarter invalid / absent);
 * - a dependency cycle among offline instances: determine_causes() finds the
 *   active instance again; every instance on the stack is abandoned with the
 *   causes it had so far (explain.c returns UU_WALK_ERROR up to the top) and
 *   the cycle is reported.
 * - visiting order: instances in trace order (explain.c walks its hash
 *   buckets), groups, targets and a service's instances in order.
 */
import type { InstanceStatus, Trace, TraceInstance } from './trace.ts';

export interface CauseContext {
  readonly trace: Trace;
  readonly statuses: ReadonlyMap<string, InstanceStatus>;
  readonly files: ReadonlySet<string>;
}

/** Why an instance that is its own cause is (restarter_bad in explain.c). */
export type RestarterBad = 'none' | 'invalid' | 'absent';

/** One cause of an instance: the cause, and the hops from the instance down to it (-v's Path). */
export interface CauseRef {
  readonly fmri: string;
  readonly path: readonly string[];
}

const UNVISITED = 0;
const ACTIVE = 1;
const DONE = 2;

/** Causes carried up the merged-source graph in one pass of impactCounts() (32 to a word). */
const CAUSES_PER_PASS = 1024;

const RUNNING = (s: InstanceStatus | undefined): boolean => s !== undefined && (s.state === 'online' || s.state === 'degraded');

/** The path of a file: dependency (eval_file_dep()): file://localhost/p, file:///p, file:/p. */
export function fileDependencyPath(fmri: string): string | undefined {
  if (!fmri.startsWith('file:')) return undefined;
  let path = fmri.slice('file:'.length);
  if (!path.startsWith('/')) return undefined;
  if (path.startsWith('//')) {
    path = path.slice(2);
    if (path.startsWith('localhost/')) path = path.slice('localhost'.length);
    else if (!path.startsWith('/')) return undefined;
  }
  return path;
}

type Resolved = { kind: 'absent' } | { kind: 'instance'; i: number } | { kind: 'service'; members: readonly number[] };

interface Frame {
  readonly node: number;
  /** add_causes() sources still to merge, in order. */
  readonly srcs: number[];
  /** How many bad dependencies explain.c has found when it reaches each source (an abandoned instance keeps only those). */
  readonly marks: number[];
  k: number;
  /** The restarter has been queued (done once, after the groups). */
  restarterQueued: boolean;
}

export class CauseAnalysis {
  readonly instances: readonly TraceInstance[];
  private readonly index = new Map<string, number>();
  /** Loaded (in the repository and configured) instances of each service. */
  private readonly members = new Map<string, number[]>();
  private readonly status: (InstanceStatus | undefined)[];
  private readonly loaded: Uint8Array;
  private readonly visit: Uint8Array;
  private readonly self: Uint8Array;
  private readonly nonEmpty: Uint8Array;
  private readonly children: (number[] | undefined)[];
  private readonly parents: (number[] | undefined)[];
  private readonly bad: (string[] | undefined)[];
  private readonly restarterBadOf: Uint8Array;
  private readonly globalised: Uint8Array;
  private readonly listed: Uint8Array;
  private readonly framePos: Int32Array;
  private readonly seen: Int32Array;
  /** When each instance's determine_causes() finished: a node's merged sources always finish before it (impactCounts()). */
  private readonly doneRank: Int32Array;
  /** The instances in the order determine_causes() finished them. */
  private readonly finished: number[] = [];
  private generation = 0;
  /** g_causes, in the order explain.c appends to it. */
  private readonly globalList: number[] = [];
  /** Cycles found ("Dependency cycle detected:"), each from the instance found active again around to it. */
  readonly cycles: string[][] = [];

  constructor(readonly ctx: CauseContext) {
    const insts = ctx.trace.instances;
    this.instances = insts;
    const n = insts.length;
    this.status = new Array<InstanceStatus | undefined>(n);
    this.loaded = new Uint8Array(n);
    this.visit = new Uint8Array(n);
    this.self = new Uint8Array(n);
    this.nonEmpty = new Uint8Array(n);
    this.children = new Array<number[] | undefined>(n);
    this.parents = new Array<number[] | undefined>(n);
    this.bad = new Array<string[] | undefined>(n);
    this.restarterBadOf = new Uint8Array(n);
    this.globalised = new Uint8Array(n);
    this.listed = new Uint8Array(n);
    this.framePos = new Int32Array(n).fill(-1);
    this.seen = new Int32Array(n);
    this.doneRank = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const inst = insts[i];
      if (inst === undefined) continue;
      this.index.set(inst.fmri, i);
      const s = ctx.statuses.get(inst.fmri);
      this.status[i] = s;
      if (s !== undefined && s.present && s.configured) {
        this.loaded[i] = 1;
        const list = this.members.get(inst.service);
        if (list === undefined) this.members.set(inst.service, [i]);
        else list.push(i);
      }
    }
    // determine_all_causes()
    for (let i = 0; i < n; i++) if (this.loaded[i] === 1 && this.visit[i] === UNVISITED) this.run(i);
  }

  // ---- queries -------------------------------------------------------------

  indexOf(fmri: string): number | undefined {
    return this.index.get(fmri);
  }

  /** Loaded: in the repository at this instant (explain.c's load_services() sees it). */
  isLoaded(fmri: string): boolean {
    const i = this.index.get(fmri);
    return i !== undefined && this.loaded[i] === 1;
  }

  statusOf(fmri: string): InstanceStatus | undefined {
    const i = this.index.get(fmri);
    return i === undefined || this.loaded[i] !== 1 ? undefined : this.status[i];
  }

  /** svcs -x with no operands: g_causes in explain.c's order (before sorting by impact). */
  globalCauses(): string[] {
    return this.globalList.map((i) => this.fmriOf(i));
  }

  /** The bad dependencies (absent FMRIs, missing or excluding files) of an offline instance, in order. */
  badDependencies(fmri: string): readonly string[] {
    const i = this.index.get(fmri);
    return i === undefined ? [] : (this.bad[i] ?? []);
  }

  restarterBad(fmri: string): RestarterBad {
    const i = this.index.get(fmri);
    const r = i === undefined ? 0 : (this.restarterBadOf[i] ?? 0);
    return r === 1 ? 'invalid' : r === 2 ? 'absent' : 'none';
  }

  /**
   * The causes list of an instance (svcp->causes), in explain.c's order, each
   * with the -v path from the instance down to it (following next_hop).
   * O(what it reaches).
   */
  causesOf(fmri: string): CauseRef[] {
    const root = this.index.get(fmri);
    if (root === undefined || this.loaded[root] !== 1) return [];
    const gen = this.nextGeneration();
    const parentOf = new Map<number, number>();
    const out: number[] = [];
    const stack: number[] = [root];
    const from: number[] = [-1];
    while (stack.length > 0) {
      const v = stack.pop() ?? -1;
      const p = from.pop() ?? -1;
      if (this.seen[v] === gen) continue;
      this.seen[v] = gen;
      if (p >= 0) parentOf.set(v, p);
      if (this.self[v] === 1) out.push(v);
      const ch = this.children[v];
      if (ch === undefined) continue;
      for (let k = ch.length - 1; k >= 0; k--) {
        const c = ch[k] ?? -1;
        if (this.seen[c] === gen) continue;
        stack.push(c);
        from.push(v);
      }
    }
    return out.map((c) => {
      const hops: string[] = [];
      for (let v: number | undefined = c; v !== undefined; v = parentOf.get(v)) hops.push(this.fmriOf(v));
      hops.reverse();
      return { fmri: this.fmriOf(c), path: hops };
    });
  }

  /** determine_impact(): the dependents not running because of this instance, in explain.c's order. */
  impactOf(fmri: string): string[] {
    const root = this.index.get(fmri);
    if (root === undefined) return [];
    const gen = this.nextGeneration();
    const seen = this.seen;
    const parents = this.parents;
    seen[root] = gen;
    const out: string[] = [];
    const stack: number[] = [];
    const first = parents[root];
    if (first !== undefined) for (let k = first.length - 1; k >= 0; k--) stack.push(first[k] ?? -1);
    while (stack.length > 0) {
      const v = stack.pop() ?? -1;
      if (seen[v] === gen) continue;
      seen[v] = gen;
      out.push(this.fmriOf(v));
      const ps = parents[v];
      if (ps !== undefined) for (let k = ps.length - 1; k >= 0; k--) if (seen[ps[k] ?? -1] !== gen) stack.push(ps[k] ?? -1);
    }
    return out;
  }

  /** How many dependents determine_impact() finds (for sorting svcs -x). */
  impactCount(fmri: string): number {
    return this.impactCounts([fmri])[0] ?? 0;
  }

  /**
   * impactOf(f).length for each of `fmris`, without building the lists: svcs -x
   * sorts every listed cause by its impact, and a boot mid-way can have
   * hundreds of causes each holding back thousands of dependents (the lists
   * would be O(causes × instances) strings per instant). The merged-source
   * graph is acyclic (a source has finished before it is merged), so the
   * causes are carried up it as bits, up to CAUSES_PER_PASS at a time, in the
   * order determine_causes() finished them: one pass over the dependents of
   * a batch and its edges per batch.
   */
  impactCounts(fmris: readonly string[]): number[] {
    const out = new Array<number>(fmris.length).fill(0);
    const parents = this.parents;
    const n = this.instances.length;
    // Only a cause that something merged has dependents.
    const asked: number[] = [];
    const roots: number[] = [];
    fmris.forEach((f, k) => {
      const r = this.index.get(f);
      if (r !== undefined && parents[r] !== undefined) {
        asked.push(k);
        roots.push(r);
      }
    });
    if (asked.length === 0) return out;
    const words = Math.ceil(Math.min(asked.length, CAUSES_PER_PASS) / 32);
    const bits = new Uint32Array(n * words);
    const seen = this.seen;
    for (let b0 = 0; b0 < roots.length; b0 += CAUSES_PER_PASS) {
      const gen = this.nextGeneration();
      const nodes: number[] = [];
      const stack: number[] = [];
      const b1 = Math.min(roots.length, b0 + CAUSES_PER_PASS);
      for (let j = b0; j < b1; j++) {
        const r = roots[j] ?? 0;
        const w = r * words + ((j - b0) >>> 5);
        bits[w] = ((bits[w] ?? 0) | (1 << ((j - b0) & 31))) >>> 0;
        if (seen[r] === gen) continue;
        seen[r] = gen;
        nodes.push(r);
        stack.push(r);
      }
      while (stack.length > 0) {
        const ps = parents[stack.pop() ?? -1];
        if (ps === undefined) continue;
        for (const p of ps) {
          if (seen[p] === gen) continue;
          seen[p] = gen;
          nodes.push(p);
          stack.push(p);
        }
      }
      // Sources before the nodes that merged them, so each node's bits are complete when it passes them on.
      const ordered = nodes.length * 8 > n ? this.finished.filter((v) => seen[v] === gen) : nodes.sort((x, y) => (this.doneRank[x] ?? 0) - (this.doneRank[y] ?? 0));
      for (const v of ordered) {
        const ps = parents[v];
        if (ps === undefined) continue;
        const from = v * words;
        for (const p of ps) {
          const to = p * words;
          for (let w = 0; w < words; w++) bits[to + w] = ((bits[to + w] ?? 0) | (bits[from + w] ?? 0)) >>> 0;
        }
      }
      for (const v of ordered) {
        for (let w = 0; w < words; w++) {
          let m = bits[v * words + w] ?? 0;
          if (m === 0) continue;
          bits[v * words + w] = 0;
          while (m !== 0) {
            const low = m & -m;
            const j = b0 + w * 32 + 31 - Math.clz32(low);
            m = (m ^ low) >>> 0;
            // A cause is not its own dependent.
            if (roots[j] !== v) {
              const k = asked[j] ?? 0;
              out[k] = (out[k] ?? 0) + 1;
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * The dependents held back by any of `fmris` (the union of their
   * determine_impact() lists), as a set: one walk, O(V + E).
   */
  impactUnion(fmris: readonly string[]): Set<string> {
    const gen = this.nextGeneration();
    const seen = this.seen;
    const out = new Set<string>();
    const stack: number[] = [];
    const up = (v: number): void => {
      const ps = this.parents[v];
      if (ps === undefined) return;
      for (const p of ps) {
        if (seen[p] === gen) continue;
        seen[p] = gen;
        out.add(this.fmriOf(p));
        stack.push(p);
      }
    };
    for (const f of fmris) {
      const r = this.index.get(f);
      if (r !== undefined) up(r);
    }
    while (stack.length > 0) up(stack.pop() ?? -1);
    return out;
  }

  // ---- determine_causes() --------------------------------------------------

  private fmriOf(i: number): string {
    return this.instances[i]?.fmri ?? '';
  }

  private nextGeneration(): number {
    this.generation++;
    return this.generation;
  }

  /** get_fmri(): an instance, a service (its loaded instances), or ENOENT. */
  private resolve(fmri: string): Resolved {
    const i = this.index.get(fmri);
    if (i !== undefined) return this.loaded[i] === 1 ? { kind: 'instance', i } : { kind: 'absent' };
    const m = this.members.get(fmri);
    return m === undefined || m.length === 0 ? { kind: 'absent' } : { kind: 'service', members: m };
  }

  private running(i: number): boolean {
    return RUNNING(this.status[i]);
  }

  private addGlobal(i: number): void {
    if (this.listed[i] === 1) return;
    this.listed[i] = 1;
    this.globalList.push(i);
  }

  /** determine_causes() is done with `i` (its rank orders the merged-source graph for impactCounts()). */
  private finish(i: number): void {
    this.visit[i] = DONE;
    this.doneRank[i] = this.finished.length;
    this.finished.push(i);
  }

  private selfCause(i: number, listed: boolean): void {
    this.self[i] = 1;
    this.nonEmpty[i] = 1;
    if (listed) this.addGlobal(i);
  }

  /**
   * The first part of determine_causes(): an instance that is its own cause
   * by its state alone is done at once (true); an offline, settled one
   * becomes active and gets a frame (false).
   */
  private begin(i: number, stack: Frame[]): boolean {
    const s = this.status[i];
    if (s === undefined || s.state === 'online' || s.state === 'degraded' || s.state === 'uninitialized') {
      // "If we're running, add a self-pointer in case we're excluding another service."
      // Listed if degraded (docs/smf-semantics.md §8.1; degraded is implemented since 7711).
      this.selfCause(i, s?.state === 'degraded');
      this.finish(i);
      return true;
    }
    if (s.state === 'maintenance') {
      this.selfCause(i, true);
      this.finish(i);
      return true;
    }
    if (s.state === 'disabled') {
      this.selfCause(i, s.enabled);
      this.finish(i);
      return true;
    }
    if (s.next !== 'none') {
      this.selfCause(i, true);
      this.finish(i);
      return true;
    }
    this.visit[i] = ACTIVE;
    this.framePos[i] = stack.length;
    const marks: number[] = [];
    stack.push({ node: i, srcs: this.sources(i, marks), k: 0, marks, restarterQueued: false });
    return false;
  }

  /** process_file_dg() and process_svc_dg() for every group: bad dependencies now, add_causes() sources to merge in order. */
  private sources(i: number, marks: number[]): number[] {
    const inst = this.instances[i];
    const found: number[] = [];
    if (inst === undefined) return found;
    let bad: string[] | undefined;
    const srcs = {
      push: (...xs: number[]): void => {
        for (const x of xs) {
          found.push(x);
          marks.push(bad?.length ?? 0);
        }
      },
    };
    const addBad = (f: string): void => {
      if (bad === undefined) bad = [];
      bad.push(f);
    };
    for (const g of inst.groups) {
      if (g.type === 'path') {
        const missing: string[] = [];
        let any = false;
        for (const t of g.targets) {
          const path = fileDependencyPath(t);
          if (path === undefined) continue; // EINVAL: explain.c warns and skips it
          const exists = this.ctx.files.has(path);
          if (g.grouping === 'require_all' || g.grouping === 'optional_all') {
            if (!exists) addBad(t);
          } else if (g.grouping === 'exclude_all') {
            if (exists) addBad(t);
          } else if (exists) any = true;
          else missing.push(t);
        }
        // require_any: all of them, only if none exists (explain.c appends them last to first).
        if (g.grouping === 'require_any' && !any) for (let k = missing.length - 1; k >= 0; k--) addBad(missing[k] ?? '');
        continue;
      }
      switch (g.grouping) {
        case 'require_all':
          for (const t of g.targets) {
            const r = this.resolve(t);
            if (r.kind === 'absent') addBad(t);
            else if (r.kind === 'instance') {
              if (!this.running(r.i)) srcs.push(r.i);
            } else if (!r.members.some((m) => this.running(m))) srcs.push(...r.members);
          }
          break;
        case 'require_any': {
          const satisfied = g.targets.some((t) => {
            const r = this.resolve(t);
            return r.kind === 'instance' ? this.running(r.i) : r.kind === 'service' && r.members.some((m) => this.running(m));
          });
          if (satisfied) break;
          for (const t of g.targets) {
            const r = this.resolve(t);
            if (r.kind === 'absent') addBad(t);
            else if (r.kind === 'instance') {
              if (!this.running(r.i)) srcs.push(r.i);
            } else for (const m of r.members) if (!this.running(m)) srcs.push(m);
          }
          break;
        }
        case 'optional_all':
          for (const t of g.targets) {
            const r = this.resolve(t);
            const take = (m: number): void => {
              const s = this.status[m];
              if (s !== undefined && s.enabled && !RUNNING(s) && s.state !== 'maintenance') srcs.push(m);
            };
            if (r.kind === 'instance') take(r.i);
            else if (r.kind === 'service') r.members.forEach(take);
          }
          break;
        case 'exclude_all':
          for (const t of g.targets) {
            const r = this.resolve(t);
            if (r.kind === 'instance') {
              if (this.running(r.i)) srcs.push(r.i);
            } else if (r.kind === 'service') for (const m of r.members) if (this.running(m)) srcs.push(m);
          }
          break;
      }
    }
    if (bad !== undefined) this.bad[i] = bad;
    return found;
  }

  /** determine_causes(top, 0) and everything it calls, with an explicit stack. */
  private run(top: number): void {
    const stack: Frame[] = [];
    if (this.begin(top, stack)) return;
    while (stack.length > 0) {
      const f = stack[stack.length - 1];
      if (f === undefined) break;
      if (f.k < f.srcs.length) {
        const src = f.srcs[f.k] ?? -1;
        const v = this.visit[src];
        if (v === UNVISITED) {
          this.begin(src, stack);
          continue;
        }
        if (v === ACTIVE) {
          this.abandon(stack, src);
          return;
        }
        this.merge(f.node, src);
        f.k++;
        continue;
      }
      const i = f.node;
      if (this.nonEmpty[i] !== 1 && !f.restarterQueued) {
        if ((this.bad[i]?.length ?? 0) > 0) this.selfCause(i, true);
        else {
          const r = this.restarterOf(i);
          if (r.merge !== undefined) {
            f.restarterQueued = true;
            f.srcs.push(r.merge);
            f.marks.push(this.bad[i]?.length ?? 0);
            continue;
          }
          this.restarterBadOf[i] = r.bad;
          this.selfCause(i, true);
        }
      }
      this.finish(i);
      this.framePos[i] = -1;
      stack.pop();
    }
  }

  /**
   * The restarter step: its index to merge if it exists and is not running;
   * otherwise restarter_bad (0: it runs, 1: EINVAL, 2: ENOENT). An instance
   * with no general/restarter has svc.startd, which is always running.
   */
  private restarterOf(i: number): { merge: number; bad?: undefined } | { merge?: undefined; bad: 0 | 1 | 2 } {
    const r = this.instances[i]?.restarter;
    if (r === undefined) return { bad: 0 };
    if (!r.startsWith('svc:/')) return { bad: 1 };
    const ri = this.index.get(r);
    if (ri === undefined || this.loaded[ri] !== 1) return { bad: this.members.has(r) ? 1 : 2 };
    return this.running(ri) ? { bad: 0 } : { merge: ri };
  }

  /** add_causes(dst, src) after src's causes are determined: remember the edge, list src's causes globally. */
  private merge(dst: number, src: number): void {
    const ch = this.children[dst];
    if (ch === undefined) this.children[dst] = [src];
    else ch.push(src);
    const ps = this.parents[src];
    if (ps === undefined) this.parents[src] = [dst];
    else ps.push(dst);
    if (this.nonEmpty[src] === 1) this.nonEmpty[dst] = 1;
    this.globalise(src);
  }

  /** add_svcptr(g_causes, …) for every cause of src, in its list's order; each node is walked once over the whole analysis. */
  private globalise(src: number): void {
    const stack = [src];
    while (stack.length > 0) {
      const v = stack.pop() ?? -1;
      if (this.globalised[v] === 1) continue;
      this.globalised[v] = 1;
      if (this.self[v] === 1) this.addGlobal(v);
      const ch = this.children[v];
      if (ch !== undefined) for (let k = ch.length - 1; k >= 0; k--) stack.push(ch[k] ?? -1);
    }
  }

  /**
   * A cycle: every determine_causes() on the stack returns UU_WALK_ERROR,
   * keeping the causes and bad dependencies it had found before the source
   * it was merging.
   */
  private abandon(stack: Frame[], again: number): void {
    const from = this.framePos[again] ?? 0;
    const cycle = stack.slice(from).map((f) => this.fmriOf(f.node));
    cycle.push(this.fmriOf(again));
    this.cycles.push(cycle);
    for (const f of stack) {
      const bad = this.bad[f.node];
      if (bad !== undefined) bad.length = f.marks[f.k] ?? bad.length;
      this.finish(f.node);
      this.framePos[f.node] = -1;
    }
    stack.length = 0;
  }
}

const memo = new WeakMap<ReadonlyMap<string, InstanceStatus>, { files: ReadonlySet<string>; trace: Trace; analysis: CauseAnalysis }>();

/**
 * The analysis of one instant, memoised on the statuses map the seeker (or
 * the player's frame) hands out for it: everything that explains at that
 * instant shares one O(V + E) pass.
 */
export function analyseCauses(ctx: CauseContext): CauseAnalysis {
  const hit = memo.get(ctx.statuses);
  if (hit !== undefined && hit.trace === ctx.trace && hit.files === ctx.files) return hit.analysis;
  const analysis = new CauseAnalysis(ctx);
  memo.set(ctx.statuses, { files: ctx.files, trace: ctx.trace, analysis });
  return analysis;
}
