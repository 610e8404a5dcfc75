/**
 * What svc.startd reads for each instance of a scenario: its dependency
 * property groups, composed (smf-semantics.md §1.1, §1.2, §5):
 *
 * - the service's groups and the instance's groups, the instance's winning
 *   when both have a group of the same name;
 * - a `dependents` entry {name N, target T} on entity E is a group N on T
 *   (on the service if T is a service FMRI, so every instance of it sees it)
 *   whose only entity is E, with type service.
 *
 * Pure over a Scenario, so the engine, the lint and tests can share it.
 */
import type { DependencySpec, InstanceSpec, Scenario, ServiceSpec } from '../scenario/types.ts';
import type { Grouping, RestartOn } from '../smf/states.ts';
import { canonicalFmri } from '../smf/fmri.ts';

export interface EffectiveGroup {
  readonly name: string;
  readonly grouping: Grouping;
  readonly restart_on: RestartOn;
  readonly type: 'service' | 'path';
  /** Canonical FMRIs. */
  readonly targets: readonly string[];
  /** The service or instance that holds this property group. */
  readonly holder: string;
  /** Set when the group was created by a `<dependent>` of this entity. */
  readonly declaredBy?: string;
}

/** A service's instances as the scenario format defines them: omitted means one enabled `default`. */
export function instancesOf(service: ServiceSpec): [string, InstanceSpec][] {
  return Object.entries(service.instances ?? { default: {} });
}

function canon(fmri: string): string {
  return canonicalFmri(fmri) ?? fmri;
}

function fromDependency(d: DependencySpec, holder: string): EffectiveGroup {
  const targets = d.targets.map(canon);
  const type = d.type ?? (targets[0]?.startsWith('file:') === true ? 'path' : 'service');
  return { name: d.name, grouping: d.grouping, restart_on: d.restart_on, type, targets, holder };
}

/** Groups created on each holder (target FMRI) by `dependents` entries anywhere in the scenario. */
export function dependentGroups(scenario: Scenario): Map<string, EffectiveGroup[]> {
  const byHolder = new Map<string, EffectiveGroup[]>();
  const add = (declaredBy: string, deps: ServiceSpec['dependents']): void => {
    for (const d of deps ?? []) {
      const holder = canon(d.target);
      const list = byHolder.get(holder) ?? [];
      list.push({ name: d.name, grouping: d.grouping, restart_on: d.restart_on, type: 'service', targets: [declaredBy], holder, declaredBy });
      byHolder.set(holder, list);
    }
  };
  for (const s of scenario.services) {
    const sfmri = canon(s.fmri);
    add(sfmri, s.dependents);
    for (const [name, inst] of instancesOf(s)) add(`${sfmri}:${name}`, inst.dependents);
  }
  return byHolder;
}

/** Every instance's composed dependency groups, keyed by instance FMRI, in scenario order. */
export function effectiveGroups(scenario: Scenario): Map<string, EffectiveGroup[]> {
  const fromDependents = dependentGroups(scenario);
  const out = new Map<string, EffectiveGroup[]>();
  for (const s of scenario.services) {
    const sfmri = canon(s.fmri);
    const serviceLevel = [...(s.dependencies ?? []).map((d) => fromDependency(d, sfmri)), ...(fromDependents.get(sfmri) ?? [])];
    for (const [name, inst] of instancesOf(s)) {
      const ifmri = `${sfmri}:${name}`;
      const instanceLevel = [...(inst.dependencies ?? []).map((d) => fromDependency(d, ifmri)), ...(fromDependents.get(ifmri) ?? [])];
      const overridden = new Set(instanceLevel.map((g) => g.name));
      out.set(ifmri, [...serviceLevel.filter((g) => !overridden.has(g.name)), ...instanceLevel]);
    }
  }
  return out;
}

/** general/restarter, composed; undefined means svc.startd itself. */
export function effectiveRestarter(service: ServiceSpec, instance: InstanceSpec): string | undefined {
  const r = instance.restarter ?? service.restarter;
  return r === undefined ? undefined : canon(r);
}
