/**
 * Patching-milestone conditions (seed 002): which of the three proposals
 * gets patchadd the mounts of system/filesystem/local, and whether patches
 * are queued. Proposal 1 changes the graph: system/filesystem/local moves
 * under milestone/single-user.
 */
import type { Scenario, ServiceSpec } from '../../scenario/types.ts';
import { normalizePath } from '../paths.ts';
import { checkOption, withWorld, type ConditionDef, type ConditionFamily, type ConditionOption } from './types.ts';

const SINGLE_USER = 'svc:/milestone/single-user';
const FS_LOCAL = 'svc:/system/filesystem/local';

const PROPOSAL: readonly ConditionOption[] = [
  { value: '1', label: 'proposal 1: fs/local under single-user', description: 'milestone/single-user requires system/filesystem/local, so boot -s mounts every local filesystem.' },
  { value: '2', label: 'proposal 2: patchadd enables fs/local', description: 'patchadd temporarily enables system/filesystem/local when it is offline, and disables it afterwards.' },
  { value: '3', label: 'proposal 3: patchadd runs fs-local', description: "patchadd runs system/filesystem/local's start method itself, and its stop method (:true) afterwards." },
];

const QUEUE: readonly ConditionOption[] = [
  { value: 'queued', label: 'patches queued', description: 'The application has queued patches in the spool.' },
  { value: 'empty', label: 'no patches queued', description: 'Nothing to apply.' },
];

function proposal1(services: readonly ServiceSpec[], on: boolean): readonly ServiceSpec[] {
  const su = services.find((s) => s.fmri === SINGLE_USER);
  const isOn = (su?.dependencies ?? []).some((d) => d.name === 'filesystem-local');
  if (isOn === on) return services;
  return services.map((s) => {
    if (s.fmri === SINGLE_USER) {
      const deps = (s.dependencies ?? []).filter((d) => d.name !== 'filesystem-local');
      return { ...s, dependencies: on ? [...deps, { name: 'filesystem-local', grouping: 'require_all', restart_on: 'none', targets: [FS_LOCAL], type: 'service' }] : deps };
    }
    if (s.fmri === FS_LOCAL) {
      const deps = (s.dependencies ?? []).filter((d) => d.name !== 'single-user');
      return { ...s, dependencies: on ? deps : [{ name: 'single-user', grouping: 'require_all', restart_on: 'none', targets: [SINGLE_USER], type: 'service' }, ...deps] };
    }
    return s;
  });
}

function spoolIds(scenario: Scenario): string[] {
  const spool = scenario.world?.patching?.spool;
  if (spool === undefined) return [];
  const dir = `${normalizePath(spool)}/`;
  const ids = new Set<string>();
  for (const f of scenario.world?.filesystems ?? []) for (const p of f.files ?? []) if (normalizePath(p).startsWith(dir)) ids.add(normalizePath(p).slice(dir.length));
  return [...ids].sort();
}

export const patchingConditions: ConditionFamily = {
  list(scenario) {
    const p = scenario.world?.patching;
    if (p === undefined) return [];
    const out: ConditionDef[] = [
      {
        id: 'boot.patching-proposal',
        group: 'boot',
        label: 'Patching proposal',
        description: 'How patching gets the filesystem mounts of system/filesystem/local (seed 002).',
        terms: ['milestone', 'patchadd', 'single-user'],
        value: String(scenario.world?.proposals?.patching ?? 2),
        options: PROPOSAL,
      },
      {
        id: 'boot.patch-queue',
        group: 'boot',
        label: 'Patch queue',
        description: 'Whether the patching application has queued patches.',
        terms: ['patchadd'],
        value: (p.queue ?? []).length > 0 ? 'queued' : 'empty',
        options: QUEUE,
      },
    ];
    return out;
  },
  set(scenario, id, value) {
    if (id === 'boot.patching-proposal') {
      const bad = checkOption(id, value, PROPOSAL);
      if (bad !== undefined) return bad;
      const n = value === '1' ? 1 : value === '3' ? 3 : 2;
      const next = withWorld(scenario, (w) => ({ ...w, proposals: { ...(w.proposals ?? {}), patching: n } }));
      return { ok: true, scenario: { ...next, services: proposal1(next.services, n === 1) } };
    }
    if (id === 'boot.patch-queue') {
      const bad = checkOption(id, value, QUEUE);
      if (bad !== undefined) return bad;
      const ids = spoolIds(scenario);
      return {
        ok: true,
        scenario: withWorld(scenario, (w) => ({ ...w, patching: { ...(w.patching ?? { spool: '/var/sadm/spool' }), queue: value === 'queued' ? ids : [] } })),
      };
    }
    return undefined;
  },
};
