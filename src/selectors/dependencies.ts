/**
 * Static dependency facts of a trace (svcs -d / -D / -l): which instances a
 * group target names, who depends on whom. Targets may name an instance, a
 * service (all its instances), or a file. Pure; build once per trace.
 */
import type { Trace, TraceGroup, TraceInstance } from '../engine/index.ts';
import type { Grouping, RestartOn } from '../model/smf/states.ts';

export interface DependencyIndex {
  readonly instances: ReadonlyMap<string, TraceInstance>;
  /** Instances of each service FMRI. */
  readonly byService: ReadonlyMap<string, readonly string[]>;
  /** For each instance: the instances and files it depends on, per group. */
  readonly deps: ReadonlyMap<string, readonly ResolvedGroup[]>;
  /** For each instance or file: who depends on it, through which group. */
  readonly dependents: ReadonlyMap<string, readonly DependentRef[]>;
}

export interface ResolvedTarget {
  /** As declared (instance, service or file FMRI). */
  readonly declared: string;
  /** Instance FMRIs it names (empty for files and for services with no instances). */
  readonly instances: readonly string[];
  readonly kind: 'instance' | 'service' | 'file';
}

export interface ResolvedGroup {
  readonly name: string;
  readonly grouping: Grouping;
  readonly restartOn: RestartOn;
  readonly type: 'service' | 'path';
  readonly targets: readonly ResolvedTarget[];
  /** The delegated restarter (general/restarter), drawn like a require_all dependency. */
  readonly restarter?: boolean;
}

export interface DependentRef {
  readonly fmri: string;
  readonly group: string;
  readonly grouping: Grouping;
  readonly restartOn: RestartOn;
}

export function resolveTarget(t: string, instances: ReadonlyMap<string, TraceInstance>, byService: ReadonlyMap<string, readonly string[]>): ResolvedTarget {
  if (t.startsWith('file:')) return { declared: t, instances: [], kind: 'file' };
  if (instances.has(t)) return { declared: t, instances: [t], kind: 'instance' };
  return { declared: t, instances: byService.get(t) ?? [], kind: 'service' };
}

function groupsOf(i: TraceInstance): (TraceGroup & { restarter?: boolean })[] {
  const groups: (TraceGroup & { restarter?: boolean })[] = [...i.groups];
  const r = i.restarter;
  if (r !== undefined && r !== 'svc:/system/svc/restarter:default' && !groups.some((g) => g.targets.includes(r))) {
    groups.push({ name: 'restarter', grouping: 'require_all', restartOn: 'none', type: 'service', targets: [r], restarter: true });
  }
  return groups;
}

export function buildDependencyIndex(trace: Trace): DependencyIndex {
  const instances = new Map(trace.instances.map((i) => [i.fmri, i]));
  const byService = new Map<string, string[]>();
  for (const i of trace.instances) {
    const list = byService.get(i.service) ?? [];
    list.push(i.fmri);
    byService.set(i.service, list);
  }
  const deps = new Map<string, ResolvedGroup[]>();
  const dependents = new Map<string, DependentRef[]>();
  const addDependent = (target: string, ref: DependentRef): void => {
    const list = dependents.get(target) ?? [];
    if (!list.some((x) => x.fmri === ref.fmri && x.group === ref.group)) list.push(ref);
    dependents.set(target, list);
  };
  for (const i of trace.instances) {
    const groups: ResolvedGroup[] = [];
    for (const g of groupsOf(i)) {
      const targets = g.targets.map((t) => resolveTarget(t, instances, byService));
      groups.push({ name: g.name, grouping: g.grouping, restartOn: g.restartOn, type: g.type, targets, ...(g.restarter === true ? { restarter: true } : {}) });
      const ref = { fmri: i.fmri, group: g.name, grouping: g.grouping, restartOn: g.restartOn };
      for (const t of targets) {
        if (t.kind === 'file' || t.instances.length === 0) addDependent(t.declared, ref);
        for (const x of t.instances) addDependent(x, ref);
      }
    }
    deps.set(i.fmri, groups);
  }
  return { instances, byService, deps, dependents };
}

/** Everything `fmri` depends on, transitively (instances and files), excluding exclude_all. */
export function dependencyClosure(index: DependencyIndex, fmri: string): Set<string> {
  const out = new Set<string>();
  const stack = [fmri];
  while (stack.length > 0) {
    const cur = stack.pop();
    if (cur === undefined) break;
    for (const g of index.deps.get(cur) ?? []) {
      if (g.grouping === 'exclude_all') continue;
      for (const t of g.targets) {
        const ids = t.instances.length > 0 ? t.instances : [t.declared];
        for (const id of ids) {
          if (!out.has(id)) {
            out.add(id);
            stack.push(id);
          }
        }
      }
    }
  }
  return out;
}

/** Everything that depends on `fmri`, transitively. */
export function dependentClosure(index: DependencyIndex, fmri: string): Set<string> {
  const out = new Set<string>();
  const stack = [fmri];
  while (stack.length > 0) {
    const cur = stack.pop();
    if (cur === undefined) break;
    for (const d of index.dependents.get(cur) ?? []) {
      if (d.grouping === 'exclude_all') continue;
      if (!out.has(d.fmri)) {
        out.add(d.fmri);
        stack.push(d.fmri);
      }
    }
  }
  return out;
}
