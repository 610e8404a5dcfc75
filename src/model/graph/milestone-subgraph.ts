/**
 * Which instances are "in" a milestone (graph.c: mark_subgraph(),
 * docs/smf-semantics.md §6.3): walk the milestone's dependencies; exclude_all groups
 * are not descended; once the walk has entered an optional_all group an
 * instance that is not persistently enabled is left out and not descended;
 * require_all and require_any include everything below, disabled instances and
 * every instance of a named service too. Pure: works on the resolved scenario.
 */
import type { ResolvedScenario } from './resolve.ts';

export function milestoneSubgraph(resolved: ResolvedScenario, milestone: string): Set<string> {
  const inSubgraph = new Set<string>();
  const servicesByFmri = new Map(resolved.services.map((s) => [s.fmri, s]));
  const visited = new Set<string>();

  const visitInstance = (fmri: string, underOptional: boolean): void => {
    const inst = resolved.byFmri.get(fmri);
    if (underOptional && inst !== undefined && !inst.enabled) return;
    if (visited.has(fmri)) return;
    visited.add(fmri);
    inSubgraph.add(fmri);
    if (inst === undefined) return;
    for (const g of inst.groups) {
      if (g.grouping === 'exclude_all') continue;
      const optional = underOptional || g.grouping === 'optional_all';
      for (const t of g.targets) {
        if (t.startsWith('file:')) continue;
        visitTarget(t, optional);
      }
    }
    if (inst.restarter !== undefined) visitTarget(inst.restarter, underOptional);
  };

  const visitTarget = (target: string, underOptional: boolean): void => {
    const svc = servicesByFmri.get(target);
    if (svc !== undefined) {
      for (const i of svc.instances) visitInstance(i, underOptional);
      return;
    }
    visitInstance(target, underOptional);
  };

  visitInstance(milestone, false);
  return inSubgraph;
}
