/**
 * Which instances the declared dependencies order before which: "a
 * dependency path orders a before b" when b depends, directly or through
 * other instances, on a in a way that makes svc.startd wait for a before it
 * starts b (docs/smf-semantics.md §3): every target of a require_all or
 * optional_all group, and the target of a require_any group that names only
 * one instance (with several, any one of them will do, so none in
 * particular is waited for). optional_all ignores a target that is absent
 * or disabled when svc.startd starts (§3.4), so such a target orders
 * nothing (SVM not installed: its <dependent> on filesystem/root waits for
 * nobody). exclude_all orders nothing, and a path (file) dependency is not
 * an instance. Service targets stand for all their
 * instances. Computed once per trace, lazily, one depth-first walk per source.
 */
import type { Trace, TraceGroup } from './trace.ts';

export interface DependencyOrder {
  /** A dependency path makes svc.startd start `after` only once `before` is up. */
  orders(before: string, after: string): boolean;
  /** Every instance `fmri` waits for, directly or not. */
  waitsFor(fmri: string): ReadonlySet<string>;
}

function orderingTargets(g: TraceGroup, byService: ReadonlyMap<string, readonly string[]>, waitable: ReadonlySet<string>): readonly string[] {
  if (g.type !== 'service' || g.grouping === 'exclude_all') return [];
  const instances = g.targets.flatMap((t) => byService.get(t) ?? [t]);
  if (g.grouping === 'optional_all') return instances.filter((f) => waitable.has(f));
  if (g.grouping === 'require_any' && instances.length !== 1) return [];
  return instances;
}

const cache = new WeakMap<Trace, DependencyOrder>();

export function dependencyOrder(trace: Trace): DependencyOrder {
  const hit = cache.get(trace);
  if (hit !== undefined) return hit;
  const byService = new Map<string, string[]>();
  for (const i of trace.instances) {
    const list = byService.get(i.service);
    if (list === undefined) byService.set(i.service, [i.fmri]);
    else list.push(i.fmri);
  }
  const waitable = new Set(trace.instances.filter((i) => i.initial.present && i.initial.enabled).map((i) => i.fmri));
  const edges = new Map<string, readonly string[]>();
  for (const i of trace.instances) edges.set(i.fmri, [...new Set(i.groups.flatMap((g) => orderingTargets(g, byService, waitable)))]);
  const closure = new Map<string, ReadonlySet<string>>();
  const waitsFor = (fmri: string): ReadonlySet<string> => {
    const known = closure.get(fmri);
    if (known !== undefined) return known;
    // Iterative walk: graphs from files can be deep (issue 15 forbids recursion outside explain).
    const seen = new Set<string>();
    const stack = [...(edges.get(fmri) ?? [])];
    while (stack.length > 0) {
      const f = stack.pop();
      if (f === undefined || seen.has(f)) continue;
      seen.add(f);
      for (const g of edges.get(f) ?? []) if (!seen.has(g)) stack.push(g);
    }
    closure.set(fmri, seen);
    return seen;
  };
  const order: DependencyOrder = { orders: (before, after) => waitsFor(after).has(before), waitsFor };
  cache.set(trace, order);
  return order;
}
