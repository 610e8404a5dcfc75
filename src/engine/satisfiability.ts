/**
 * graph.c's dependency evaluation (smf-semantics.md §3): each evaluator returns
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
  if (!sat) return requireAll(v, false, ctx);
  if (v.memoVersion === ctx.version) return v.memoValue;
  const r = requireAll(v, true, ctx);
  v.memoVersion = ctx.version;
  v.memoValue = r;
  return r;
}

export function requireAll(group: Vertex, sat: boolean, ctx: SatContext): Sat {
  if (group.deps.length === 0) return 1;
  let anyUnsatisfied = false;
  for (const d of group.deps) {
    const r = dependencySatisfied(d, sat, ctx);
    if (r === 1) continue;
    if (!sat) return 0;
    if (r === -1) return -1;
    anyUnsatisfied = true;
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
