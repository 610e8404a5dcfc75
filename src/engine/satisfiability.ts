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

export function dependencySatisfied(v: Vertex, sat: boolean, ctx: SatContext): Sat {
  switch (v.kind) {
    case VertexKind.Instance: {
      const r = instanceValue(v.inst, sat, ctx.rules);
      if (r !== 'deep') return r;
      return instanceSatisfied(v, true, ctx) !== -1 ? 0 : -1;
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

/** instance_satisfied(): require_all over every dependency group (and a delegated restarter). */
export function instanceSatisfied(v: Vertex, sat: boolean, ctx: SatContext): Sat {
  if (!sat) return groupsSatisfied(v, false, ctx);
  if (v.memoVersion === ctx.version) return v.memoValue;
  const r = groupsSatisfied(v, true, ctx);
  v.memoVersion = ctx.version;
  v.memoValue = r;
  return r;
}

/**
 * require_all over an instance's dependencies (its groups and a delegated
 * restarter), looking at groups that never recurse deeply first: the answer
 * is order-independent (see shallow()), the work is not.
 */
function groupsSatisfied(v: Vertex, sat: boolean, ctx: SatContext): Sat {
  const deps = v.deps;
  if (deps.length === 0) return 1;
  let anyUnsatisfied = false;
  for (let pass = 0; pass < 2; pass++) {
    for (const d of deps) {
      const deep = d.kind === VertexKind.Group && d.grouping === 'optional_all';
      if ((pass === 0) === deep) continue;
      const r = dependencySatisfied(d, sat, ctx);
      if (r === 1) continue;
      if (!sat) return 0;
      if (r === -1) return -1;
      anyUnsatisfied = true;
    }
  }
  return anyUnsatisfied ? 0 : 1;
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

export function requireAll(group: Vertex, sat: boolean, ctx: SatContext): Sat {
  const deps = group.deps;
  if (deps.length === 0) return 1;
  let anyUnsatisfied = false;
  let deferred = false;
  for (const d of deps) {
    const r = shallow(d, sat, ctx);
    if (r === undefined) {
      deferred = true;
      continue;
    }
    if (r === 1) continue;
    if (!sat) return 0;
    if (r === -1) return -1;
    anyUnsatisfied = true;
  }
  if (deferred) {
    for (const d of deps) {
      if (d.kind === VertexKind.File || (d.kind === VertexKind.Instance && shallow(d, sat, ctx) !== undefined)) continue;
      const r = dependencySatisfied(d, sat, ctx);
      if (r === 1) continue;
      if (!sat) return 0;
      if (r === -1) return -1;
      anyUnsatisfied = true;
    }
  }
  return anyUnsatisfied ? 0 : 1;
}

export function requireAny(group: Vertex, sat: boolean, ctx: SatContext): Sat {
  if (group.deps.length === 0) return 1;
  let satisfiable = false;
  for (const d of group.deps) {
    const r = dependencySatisfied(d, sat, ctx);
    if (r === 1) return 1;
    if (sat && r === 0) satisfiable = true;
  }
  return !sat || satisfiable ? 0 : -1;
}

function optionalAll(group: Vertex, sat: boolean, ctx: SatContext): Sat {
  let anyQualified = false;
  let anyUnsatisfied = false;
  for (const d of group.deps) {
    let r: Sat;
    if (d.kind === VertexKind.Instance) {
      const i = d.inst;
      // Skip missing instances and instances in maintenance.
      if (i === undefined || !i.configured || i.state === 'maintenance') continue;
      anyQualified = true;
      if (i.state === 'offline' || i.state === 'disabled') {
        // "For offline/disabled dependencies, treat unsatisfiable as satisfied."
        r = dependencySatisfied(d, true, ctx);
        if (r === -1) r = 1;
      } else {
        r = dependencySatisfied(d, sat, ctx);
      }
    } else if (d.kind === VertexKind.File) {
      anyQualified = true;
      r = dependencySatisfied(d, sat, ctx);
    } else {
      anyQualified = true;
      r = optionalAll(d, sat, ctx);
    }
    if (r === 1) continue;
    if (!sat) return 0;
    if (r === -1) return -1;
    anyUnsatisfied = true;
  }
  if (!anyQualified) return 1;
  return anyUnsatisfied ? 0 : 1;
}

/** optional_all at e11c3f44f5 (before illumos 7267, 2017). */
function optionalAll2009(group: Vertex, sat: boolean, ctx: SatContext): Sat {
  let anyQualified = false;
  let anyUnsatisfied = false;
  for (const d of group.deps) {
    let r: Sat;
    if (d.kind === VertexKind.Instance) {
      const i = d.inst;
      if (i === undefined || !i.configured || !i.enabled || i.toOffline || i.state === 'maintenance') continue;
      anyQualified = true;
      if (i.state === 'offline' || i.state === 'disabled') {
        r = dependencySatisfied(d, true, ctx);
        if (r === -1) r = 1;
      } else {
        r = dependencySatisfied(d, sat, ctx);
      }
    } else if (d.kind === VertexKind.File) {
      anyQualified = true;
      r = dependencySatisfied(d, sat, ctx);
    } else {
      // A service member counted as satisfied when any qualifying instance was.
      anyQualified = true;
      r = optionalAnyInstance2009(d, sat, ctx);
    }
    if (r === 1) continue;
    if (!sat) return 0;
    if (r === -1) return -1;
    anyUnsatisfied = true;
  }
  if (!anyQualified) return 1;
  return anyUnsatisfied ? 0 : 1;
}

function optionalAnyInstance2009(svc: Vertex, sat: boolean, ctx: SatContext): Sat {
  let qualified = false;
  let unsatisfied = false;
  for (const d of svc.deps) {
    const i = d.inst;
    if (i === undefined || !i.configured || !i.enabled || i.toOffline || i.state === 'maintenance') continue;
    qualified = true;
    let r: Sat;
    if (i.state === 'offline' || i.state === 'disabled') {
      r = dependencySatisfied(d, true, ctx);
      if (r === -1) r = 1;
    } else r = dependencySatisfied(d, sat, ctx);
    if (r === 1) return 1;
    if (r === 0) unsatisfied = true;
  }
  if (!qualified) return 1;
  return unsatisfied ? 0 : -1;
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
