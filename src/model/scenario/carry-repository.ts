/**
 * Write a boot's persistent repository changes (general/enabled, options/milestone;
 * docs/smf-semantics.md §1.1, §6.4, §9) into the scenario of the next boot, and
 * say what was carried, one sentence each.
 */
import type { InstanceSpec, Scenario, ServiceSpec } from './types.ts';

export interface RepositoryCarry {
  readonly enabled: Readonly<Record<string, boolean>>;
  readonly milestone?: string;
  /** Who wrote an instance's general/enabled when it was not svcadm (a site profile: "svccfg apply <path>"). */
  readonly writers?: Readonly<Record<string, string>>;
}

export function carryRepository(scenario: Scenario, repo: RepositoryCarry): { scenario: Scenario; carried: string[] } {
  const carried: string[] = [];
  const byService = new Map<string, [string, boolean][]>();
  for (const [fmri, value] of Object.entries(repo.enabled)) {
    const k = fmri.lastIndexOf(':');
    if (k <= 4) continue;
    const list = byService.get(fmri.slice(0, k)) ?? [];
    list.push([fmri.slice(k + 1), value]);
    byService.set(fmri.slice(0, k), list);
  }
  const services = scenario.services.map((s): ServiceSpec => {
    const writes = byService.get(s.fmri);
    if (writes === undefined) return s;
    const instances: Record<string, InstanceSpec> = { ...(s.instances ?? { default: {} }) };
    for (const [name, value] of writes) {
      const inst = instances[name];
      if (inst === undefined) continue;
      instances[name] = { ...inst, enabled: value };
      const writer = repo.writers?.[`${s.fmri}:${name}`] ?? `svcadm ${value ? 'enable' : 'disable'}`;
      carried.push(`${s.fmri}:${name}: general/enabled=${String(value)} (${writer})`);
    }
    return { ...s, instances };
  });
  let next: Scenario = { ...scenario, services };
  if (repo.milestone !== undefined) {
    next = { ...next, milestone: repo.milestone };
    carried.push(`options/milestone=${repo.milestone} (svcadm milestone -d)`);
  }
  return { scenario: next, carried };
}
