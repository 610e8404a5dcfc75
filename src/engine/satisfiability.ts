/**
 * graph.c's dependency evaluation (docs/smf-semantics.md §3): each evaluator returns
 * 1 (satisfied), 0 (unsatisfied) or -1 (unsatisfiable without an
 * administrator). `sat` is the "satbility" flag: when false, callers only want
 * to know satisfied-or-not.
 *
 * The value of a single instance (§3.3) is instance-value.ts's rule. The 2009
 * svc.startd differs only in optional_all and in what a disable subtree is
 * worth (era-rules.ts, §11): it skipped unconfigured, disabled and GV_TOOFFLINE
 * members and a service member counted as satisfied when any qualifying
 * instance was.
 *
 * No recursion along dependencies (issue 15). graph.c recurses from an offline
 * instance into its dependencies (§3.3); that overflowed the stack on chains of
 * a few thousand services. Here an evaluator that meets a deep member whose
 * answer is not yet memoised for this version stops and answers PENDING,
 * leaving a cursor (where it stopped, what it has seen so far) and the member
 * in `wanted`. The driver (computeDeep) computes that member on an explicit
 * stack and evaluates again; the evaluator resumes at its cursor. The members
 * are visited in graph.c's order and no further than graph.c goes, so the
 * answers are graph.c's; every vertex's members are looked at once per
 * version (O(V+E)), and the call depth is bounded by the nesting of vertex
 * kinds (instance → group → service → instance), never by a chain's length.
 */
import { VertexKind, type Vertex } from './graph.ts';
import { instanceValue, type Sat } from './instance-value.ts';
import type { EraRules } from '../model/smf/era-rules.ts';

export type { Sat };

export interface SatContext {
  fileExists(path: string): boolean;
  /** The era's rules (§11): which optional_all, what a disable subtree is worth. */
  readonly rules: EraRules;
  /**
   * Bumped on every state, flag, edge or file change. Deep satisfiability
   * answers are memoised per vertex for one version, so a query never walks
   * the same subgraph twice (the evaluators are pure for a fixed version).
   */
  readonly version: number;
}

/** Internal answer: a Sat, or PENDING (a deep member is not yet computed for this version). */
const PENDING = 2;
type Tri = Sat | typeof PENDING;

/** Where a PENDING evaluation of a vertex stopped, and what it had seen. */
interface Cursor {
  pass: number;
  index: number;
  /** require_all-like: some member was 0. require_any-like: some member was 0 (satisfiable). */
  unsatisfied: boolean;
  /** require_all's first pass met members it left for the second. */
  deferred: boolean;
  /** optional_all: some member qualified. */
  qualified: boolean;
}

/** Which evaluator left a cursor (a service vertex is read by several). */
const enum Evaluator {
  Groups = 0,
  RequireAll = 1,
  RequireAny = 2,
  Optional = 3,
  Optional2009 = 4,
  AnyInstance2009 = 5,
}

/** Cursors of PENDING evaluations, by evaluator and `sat`; emptied when the outermost query returns. */
const cursors: Map<Vertex, Cursor>[] = Array.from({ length: 12 }, () => new Map<Vertex, Cursor>());
let openCursors = 0;
/** The deep member the last PENDING answer waits for. */
let wanted: Vertex | undefined;
/** Instances whose deep answer is being computed: an edge back to one closes a cycle. */
const inProgress = new Set<Vertex>();
let depth = 0;

function table(e: Evaluator, sat: boolean): Map<Vertex, Cursor> | undefined {
  return cursors[e * 2 + (sat ? 1 : 0)];
}

/** The cursor a PENDING evaluation left (none on the hot path, where nothing is pending). */
function peek(e: Evaluator, v: Vertex, sat: boolean): Cursor | undefined {
  return openCursors === 0 ? undefined : table(e, sat)?.get(v);
}

function cursorOf(e: Evaluator, v: Vertex, sat: boolean): Cursor {
  const map = table(e, sat);
  const c = map?.get(v);
  if (c !== undefined) return c;
  const fresh: Cursor = { pass: 0, index: 0, unsatisfied: false, deferred: false, qualified: false };
  map?.set(v, fresh);
  openCursors++;
  return fresh;
}

/** A decided answer: the vertex's cursor, if any, is spent. */
function done(e: Evaluator, v: Vertex, sat: boolean, r: Sat): Sat {
  if (openCursors > 0 && table(e, sat)?.delete(v) === true) openCursors--;
  return r;
}

/** dependency_satisfied() (graph.c, §3.3). */
export function dependencySatisfied(v: Vertex, sat: boolean, ctx: SatContext): Sat {
  return query(Query.Dependency, v, sat, ctx);
}

/** instance_satisfied(): require_all over every dependency group (and a delegated restarter). */
export function instanceSatisfied(v: Vertex, sat: boolean, ctx: SatContext): Sat {
  if (sat && v.memoVersion === ctx.version) return v.memoValue;
  return query(sat ? Query.Deep : Query.Groups, v, sat, ctx);
}

const enum Query {
  Dependency,
  Groups,
  Deep,
}

function evaluate(q: Query, v: Vertex, sat: boolean, ctx: SatContext): Tri {
  switch (q) {
    case Query.Dependency:
      return dep(v, sat, ctx);
    case Query.Groups:
      return groupsSatisfied(v, sat, ctx);
    case Query.Deep:
      return deepValueOf(v, ctx);
  }
}

/**
 * The instance's value as its dependents' deep answers see it (whether it is
 * −1) has changed: forget the memoised answers that may have used it. Deep
 * answers pass only through groups, services and instances with a memo (an
 * instance without one was not walked through, or has been forgotten with
 * everything above it), and never through exclude_all (it reads states, not
 * answers). Each memo is forgotten at most once per computation, so this costs
 * no more than the answers did; a global version bump instead made every
 * change re-walk whole chains (quadratic on a broken chain of thousands).
 */
export function forgetDependents(v: Vertex, ctx: SatContext): void {
  const seen = new Set<Vertex>();
  const stack: Vertex[] = [...v.dependents];
  for (let d = stack.pop(); d !== undefined; d = stack.pop()) {
    if (seen.has(d)) continue;
    seen.add(d);
    if (d.kind === VertexKind.Instance) {
      if (d.memoVersion !== ctx.version) continue;
      d.memoVersion = -1;
    } else if (d.kind === VertexKind.Group && d.grouping === 'exclude_all') continue;
    for (const x of d.dependents) if (!seen.has(x)) stack.push(x);
  }
}

/** The memoised instance_satisfied(v, B_TRUE), or PENDING (computed by the driver). */
function deepValueOf(v: Vertex, ctx: SatContext): Tri {
  if (v.memoVersion === ctx.version) return v.memoValue;
  wanted = v;
  return PENDING;
}

/** Evaluate; while the answer waits on a deep member, compute it and evaluate again (resuming). */
function query(q: Query, v: Vertex, sat: boolean, ctx: SatContext): Sat {
  depth++;
  try {
    for (;;) {
      wanted = undefined;
      const r = evaluate(q, v, sat, ctx);
      if (r !== PENDING) return r;
      const w = wanted as Vertex | undefined;
      if (w === undefined) throw new Error('satisfiability: PENDING without a member to compute');
      computeDeep(w, ctx);
    }
  } finally {
    depth--;
    if (depth === 0) {
      if (openCursors > 0) for (const m of cursors) m.clear();
      openCursors = 0;
      inProgress.clear();
      wanted = undefined;
    }
  }
}

/**
 * instance_satisfied(v, B_TRUE) for `root` and every deep member it needs, on
 * an explicit stack: a vertex is evaluated; if it waits on a member, the
 * member is pushed and the vertex is resumed once the member is memoised.
 */
function computeDeep(root: Vertex, ctx: SatContext): void {
  if (root.memoVersion === ctx.version) return;
  const stack: Vertex[] = [root];
  inProgress.add(root);
  while (stack.length > 0) {
    const v = stack[stack.length - 1];
    if (v === undefined) break;
    wanted = undefined;
    const r = groupsSatisfied(v, true, ctx);
    if (r !== PENDING) {
      v.memoVersion = ctx.version;
      v.memoValue = r;
      inProgress.delete(v);
      stack.pop();
      continue;
    }
    const w = wanted as Vertex | undefined;
    if (w === undefined || inProgress.has(w)) throw new Error('satisfiability: PENDING without a member to compute');
    inProgress.add(w);
    stack.push(w);
  }
}

/**
 * dependency_satisfied(v, B_TRUE) of an offline instance: 0 unless its own
 * dependencies are unsatisfiable. An instance whose answer is being computed
 * is on a cycle (service → instance edges are added unchecked, as in graph.c):
 * graph.c would recurse for ever; here it counts as satisfiable for now (0).
 */
function deepOffline(v: Vertex, ctx: SatContext): Tri {
  if (v.memoVersion === ctx.version) return v.memoValue !== -1 ? 0 : -1;
  if (inProgress.has(v)) return 0;
  wanted = v;
  return PENDING;
}

function dep(v: Vertex, sat: boolean, ctx: SatContext): Tri {
  switch (v.kind) {
    case VertexKind.Instance: {
      const r = instanceValue(v.inst, sat, ctx.rules);
      if (r !== 'deep') return r;
      return deepOffline(v, ctx);
    }
    case VertexKind.Service:
      if (v.deps.length === 0) return -1;
      return requireAny(v, sat, ctx);
    case VertexKind.File:
      // "we assume files will not be automatically generated"
      return ctx.fileExists(v.label) ? 1 : -1;
    case VertexKind.Group:
      switch (v.grouping) {
        case 'require_all':
          return requireAll(v, sat, ctx);
        case 'require_any':
          return requireAny(v, sat, ctx);
        case 'optional_all':
          return ctx.rules.optionalAll === 'e11c3f44f5' ? optionalAll2009(v, sat, ctx) : optionalAll(v, sat, ctx);
        case 'exclude_all':
          return excludeAll(v, ctx);
      }
  }
  return 0;
}

/**
 * require_all over an instance's dependencies (its groups and a delegated
 * restarter), looking at groups that never recurse deeply first: the answer
 * is order-independent (see shallow()), the work is not.
 */
function groupsSatisfied(v: Vertex, sat: boolean, ctx: SatContext): Tri {
  const deps = v.deps;
  if (deps.length === 0) return 1;
  const c = peek(Evaluator.Groups, v, sat);
  let pass = c?.pass ?? 0;
  let index = c?.index ?? 0;
  let unsatisfied = c?.unsatisfied ?? false;
  for (; pass < 2; pass++, index = 0) {
    for (; index < deps.length; index++) {
      const d = deps[index];
      if (d === undefined) continue;
      const deep = d.kind === VertexKind.Group && d.grouping === 'optional_all';
      if ((pass === 0) === deep) continue;
      const r = dep(d, sat, ctx);
      if (r === 1) continue;
      if (r === PENDING) {
        const k = cursorOf(Evaluator.Groups, v, sat);
        k.pass = pass;
        k.index = index;
        k.unsatisfied = unsatisfied;
        return PENDING;
      }
      if (!sat) return done(Evaluator.Groups, v, sat, 0);
      if (r === -1) return done(Evaluator.Groups, v, sat, -1);
      unsatisfied = true;
    }
  }
  return done(Evaluator.Groups, v, sat, unsatisfied ? 0 : 1);
}

/**
 * The value of a member when it is known without recursing (everything but
 * an offline instance, or one leaving disabled, asked with sat=true, or a
 * nested group). The evaluators are pure for a given graph state and combine
 * member values order-independently (require_all: any −1 → −1, else any 0 →
 * 0; with sat=false any non-1 → 0), so looking at the shallow members first
 * gives the same answer and avoids deep walks whenever a shallow member
 * already decides the group.
 */
function shallow(d: Vertex, sat: boolean, ctx: SatContext): Sat | undefined {
  if (d.kind === VertexKind.File) return ctx.fileExists(d.label) ? 1 : -1;
  if (d.kind !== VertexKind.Instance) return undefined;
  const r = instanceValue(d.inst, sat, ctx.rules);
  return r === 'deep' ? undefined : r;
}

/**
 * Where a require_all group's satisfied-or-not (sat=false) scan last met an
 * unsatisfied member: the next scan starts there. With sat=false any member
 * that is not 1 makes the answer 0 whatever the order, and svc.startd asks a
 * dependent again after each dependency comes up: a service needing 100,000
 * others, which come up one by one in the order they are listed, was asked
 * 100,000 times, each scan passing every member already up (quadratic: 3 s
 * at 10,000, minutes at 100,000). Starting where the last unsatisfied member
 * was makes those scans linear in all.
 */
const unmetAt = new WeakMap<Vertex, number>();

function requireAll(group: Vertex, sat: boolean, ctx: SatContext): Tri {
  const deps = group.deps;
  if (deps.length === 0) return 1;
  const c = peek(Evaluator.RequireAll, group, sat);
  let unsatisfied = c?.unsatisfied ?? false;
  let index = c?.index ?? 0;
  if (c === undefined) {
    let deferred = false;
    const n = deps.length;
    const from = sat ? 0 : Math.min(unmetAt.get(group) ?? 0, n - 1);
    for (let k = 0; k < n; k++) {
      const at = from + k < n ? from + k : from + k - n;
      const d = deps[at];
      if (d === undefined) continue;
      const r = shallow(d, sat, ctx);
      if (r === undefined) {
        deferred = true;
        continue;
      }
      if (r === 1) continue;
      if (!sat) {
        if (n > 1) unmetAt.set(group, at);
        return 0;
      }
      if (r === -1) return -1;
      unsatisfied = true;
    }
    if (!deferred) return unsatisfied ? 0 : 1;
  }
  for (; index < deps.length; index++) {
    const d = deps[index];
    if (d === undefined || d.kind === VertexKind.File || (d.kind === VertexKind.Instance && shallow(d, sat, ctx) !== undefined)) continue;
    const r = dep(d, sat, ctx);
    if (r === 1) continue;
    if (r === PENDING) {
      const k = cursorOf(Evaluator.RequireAll, group, sat);
      k.index = index;
      k.unsatisfied = unsatisfied;
      return PENDING;
    }
    if (!sat) return done(Evaluator.RequireAll, group, sat, 0);
    if (r === -1) return done(Evaluator.RequireAll, group, sat, -1);
    unsatisfied = true;
  }
  return done(Evaluator.RequireAll, group, sat, unsatisfied ? 0 : 1);
}

function requireAny(group: Vertex, sat: boolean, ctx: SatContext): Tri {
  const deps = group.deps;
  if (deps.length === 0) return 1;
  const c = peek(Evaluator.RequireAny, group, sat);
  let satisfiable = c?.unsatisfied ?? false;
  for (let index = c?.index ?? 0; index < deps.length; index++) {
    const d = deps[index];
    if (d === undefined) continue;
    const r = dep(d, sat, ctx);
    if (r === 1) return done(Evaluator.RequireAny, group, sat, 1);
    if (r === PENDING) {
      const k = cursorOf(Evaluator.RequireAny, group, sat);
      k.index = index;
      k.unsatisfied = satisfiable;
      return PENDING;
    }
    if (sat && r === 0) satisfiable = true;
  }
  return done(Evaluator.RequireAny, group, sat, !sat || satisfiable ? 0 : -1);
}

/** The value an optional_all member contributes (2025), or undefined when it is skipped. */
function optionalMember(d: Vertex, sat: boolean, ctx: SatContext): Tri | undefined {
  if (d.kind === VertexKind.Instance) {
    const i = d.inst;
    // Skip missing instances and instances in maintenance.
    if (i === undefined || !i.configured || i.state === 'maintenance') return undefined;
    if (i.state === 'offline' || i.state === 'disabled') {
      // "For offline/disabled dependencies, treat unsatisfiable as satisfied."
      const r = dep(d, true, ctx);
      return r === -1 ? 1 : r;
    }
    return dep(d, sat, ctx);
  }
  if (d.kind === VertexKind.File) return dep(d, sat, ctx);
  return optionalAll(d, sat, ctx);
}

/** The value an optional_all member contributed in 2009, or undefined when it is skipped. */
function optionalMember2009(d: Vertex, sat: boolean, ctx: SatContext): Tri | undefined {
  if (d.kind === VertexKind.Instance) {
    const i = d.inst;
    if (i === undefined || !i.configured || !i.enabled || i.toOffline || i.state === 'maintenance') return undefined;
    if (i.state === 'offline' || i.state === 'disabled') {
      const r = dep(d, true, ctx);
      return r === -1 ? 1 : r;
    }
    return dep(d, sat, ctx);
  }
  if (d.kind === VertexKind.File) return dep(d, sat, ctx);
  // A service member counted as satisfied when any qualifying instance was.
  return optionalAnyInstance2009(d, sat, ctx);
}

function optionalAll(group: Vertex, sat: boolean, ctx: SatContext): Tri {
  return optionalGroup(Evaluator.Optional, group, sat, ctx, optionalMember);
}

/** optional_all at e11c3f44f5 (before illumos 7267, 2017). */
function optionalAll2009(group: Vertex, sat: boolean, ctx: SatContext): Tri {
  return optionalGroup(Evaluator.Optional2009, group, sat, ctx, optionalMember2009);
}

function optionalGroup(e: Evaluator, group: Vertex, sat: boolean, ctx: SatContext, member: (d: Vertex, sat: boolean, ctx: SatContext) => Tri | undefined): Tri {
  const deps = group.deps;
  const c = peek(e, group, sat);
  let qualified = c?.qualified ?? false;
  let unsatisfied = c?.unsatisfied ?? false;
  for (let index = c?.index ?? 0; index < deps.length; index++) {
    const d = deps[index];
    if (d === undefined) continue;
    const r = member(d, sat, ctx);
    if (r === undefined) continue;
    qualified = true;
    if (r === 1) continue;
    if (r === PENDING) {
      const k = cursorOf(e, group, sat);
      k.index = index;
      k.qualified = qualified;
      k.unsatisfied = unsatisfied;
      return PENDING;
    }
    if (!sat) return done(e, group, sat, 0);
    if (r === -1) return done(e, group, sat, -1);
    unsatisfied = true;
  }
  if (!qualified) return done(e, group, sat, 1);
  return done(e, group, sat, unsatisfied ? 0 : 1);
}

function optionalAnyInstance2009(svc: Vertex, sat: boolean, ctx: SatContext): Tri {
  const deps = svc.deps;
  const c = peek(Evaluator.AnyInstance2009, svc, sat);
  let qualified = c?.qualified ?? false;
  let unsatisfied = c?.unsatisfied ?? false;
  for (let index = c?.index ?? 0; index < deps.length; index++) {
    const d = deps[index];
    const i = d?.inst;
    if (d === undefined || i === undefined || !i.configured || !i.enabled || i.toOffline || i.state === 'maintenance') continue;
    qualified = true;
    let r: Tri;
    if (i.state === 'offline' || i.state === 'disabled') {
      r = dep(d, true, ctx);
      if (r === -1) r = 1;
    } else r = dep(d, sat, ctx);
    if (r === 1) return done(Evaluator.AnyInstance2009, svc, sat, 1);
    if (r === PENDING) {
      const k = cursorOf(Evaluator.AnyInstance2009, svc, sat);
      k.index = index;
      k.qualified = qualified;
      k.unsatisfied = unsatisfied;
      return PENDING;
    }
    if (r === 0) unsatisfied = true;
  }
  if (!qualified) return done(Evaluator.AnyInstance2009, svc, sat, 1);
  return done(Evaluator.AnyInstance2009, svc, sat, unsatisfied ? 0 : -1);
}

function excludeMember(i: Vertex['inst']): Sat | undefined {
  if (i === undefined || !i.configured) return undefined;
  switch (i.state) {
    case 'online':
    case 'degraded':
      return i.enabled ? -1 : 0;
    case 'offline':
    case 'uninitialized':
      return 0;
    default:
      return undefined;
  }
}

/** exclude_all_satisfied(): `sat` is ignored. */
function excludeAll(group: Vertex, ctx: SatContext): Sat {
  for (const d of group.deps) {
    if (d.kind === VertexKind.Instance) {
      const r = excludeMember(d.inst);
      if (r !== undefined) return r;
    } else if (d.kind === VertexKind.File) {
      if (ctx.fileExists(d.label)) return -1;
    } else if (d.kind === VertexKind.Service) {
      for (const i of d.deps) {
        const r = excludeMember(i.inst);
        if (r !== undefined) return r;
      }
    }
  }
  return 1;
}
