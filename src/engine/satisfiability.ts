/**
 * graph.c's dependency evaluation (docs/smf-semantics.md §3): each evaluator returns
 * 1 (satisfied), 0 (unsatisfied) or -1 (unsatisfiable without an
 * administrator). `sat` is the "satbility" flag: when false, callers only want
 * to know satisfied-or-not.
 *
 * The 2009 svc.startd differs only in optional_all (§11): it skipped
 * unconfigured, disabled and GV_TOOFFLINE members and a service member counted
 * as satisfied when any qualifying instance was.
 */
import { VertexKind, type Vertex } from './graph.ts';

export type Sat = 1 | 0 | -1;

export interface SatContext {
  fileExists(path: string): boolean;
  readonly era: '2009' | '2025';
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
      const i = v.inst;
      if (i === undefined || !i.configured) return i !== undefined && i.deathrow ? 1 : -1;
      if (ctx.era === '2025') {
        // "Any vertex with the GV_TODISABLE flag set is guaranteed to have its
        // dependencies unsatisfiable. Any vertex with GV_TOOFFLINE may be
        // satisfied after it transitions."
        if (i.toDisable) return -1;
        if (i.toOffline) return 0;
      } else if (i.toOffline) {
        return -1;
      }
      switch (i.state) {
        case 'online':
        case 'degraded':
          return 1;
        case 'offline':
          if (!sat) return 0;
          return instanceSatisfied(v, true, ctx) !== -1 ? 0 : -1;
        case 'disabled':
        case 'maintenance':
          return -1;
        case 'uninitialized':
          return 0;
      }
      return 0;
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
          return ctx.era === '2009' ? optionalAll2009(v, sat, ctx) : optionalAll(v, sat, ctx);
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
  const i = d.inst;
  if (i === undefined || !i.configured) return i !== undefined && i.deathrow ? 1 : -1;
  if (ctx.era === '2025') {
    if (i.toDisable) return -1;
    if (i.toOffline) return 0;
  } else if (i.toOffline) return -1;
  switch (i.state) {
    case 'online':
    case 'degraded':
      return 1;
    case 'maintenance':
      return -1;
    case 'uninitialized':
      return 0;
    case 'disabled':
      return sat ? (i.enabled ? undefined : -1) : 0;
    case 'offline':
      return sat ? undefined : 0;
  }
  return undefined;
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
      if (i.state === 'offline') {
        // For offline dependencies, treat unsatisfiable as satisfied.
        r = dependencySatisfied(d, true, ctx);
        if (r === -1) r = 1;
      } else if (i.state === 'disabled') {
        // Transitioning out of disabled: temporarily unsatisfied.
        r = i.enabled ? 0 : 1;
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
