/** The manifest-import scheme (seed 003). */
import { settleRepository } from '../repository.ts';
import { checkOption, withWorld, type ConditionFamily, type ConditionOption } from './types.ts';

const SCHEME: readonly ConditionOption[] = [
  { value: 'late', label: 'late one-step import', description: 'system/manifest-import imports /var/svc/manifest once / is writable and /var is mounted; until then new services are absent.' },
  { value: 'two-step', label: 'proposed two-step import', description: 'Step one imports /etc/svc/manifest into the volatile repository before any service starts; step two commits it and imports /var/svc/manifest later.' },
];

export const repositoryConditions: ConditionFamily = {
  list(scenario) {
    const repo = scenario.world?.repository;
    if (repo === undefined || (repo.pending === undefined && repo.scheme === undefined)) return [];
    return [
      {
        id: 'repository.import-scheme',
        group: 'repository',
        label: 'Manifest import',
        description: 'When manifests delivered by an upgrade reach the repository, and so when their services exist for svc.startd.',
        terms: ['manifest-import', 'repository', 'absent'],
        value: repo.scheme ?? 'late',
        options: SCHEME,
      },
    ];
  },
  set(scenario, id, value) {
    if (id !== 'repository.import-scheme') return undefined;
    const bad = checkOption(id, value, SCHEME);
    if (bad !== undefined) return bad;
    const next = withWorld(scenario, (w) => ({ ...w, repository: { ...(w.repository ?? {}), scheme: value === 'two-step' ? 'two-step' : 'late' } }));
    return { ok: true, scenario: settleRepository(next) };
  },
};
