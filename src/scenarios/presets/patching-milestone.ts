/**
 * Seed 002_7f05ea57cebde0ad.txt (the patching-milestone proposal): a new
 * milestone/patching that depends on a patching service, which depends on
 * milestone/single-user and system/filesystem/local. The application queued a
 * patch, stashed the default milestone ("all") and set milestone/patching as
 * the default, so this boot brings up only what patching needs; the service
 * applies the patch and restores the default milestone.
 *
 * What-if: the real svc.startd accepts only the standard milestones
 * (docs/smf-semantics.md §6.1, dgraph_set_milestone()); this scenario runs the
 * svc.startd the proposal needs (boot.custom_milestones).
 */
import type { Scenario, ServiceSpec } from '../../model/scenario/types.ts';
import { PATCHING_MILESTONE } from '../../model/world/methods/patching.ts';
import { loadGraph2009 } from './graph-2009.ts';
import { nevadaWorld, UFS_ROOT } from './nevada-2009.ts';

export const SEED_002 = '002_7f05ea57cebde0ad.txt';
export const PATCHING_SERVICE = 'svc:/system/patching';
export const NO_DEPS_SERVICE = 'svc:/site/agent';
export const PATCH_ID = '118855-36';

export const PATCHING_SERVICES: readonly ServiceSpec[] = [
  {
    fmri: 'svc:/milestone/patching',
    common_name: 'patching milestone (proposed)',
    model: 'transient',
    start: { exec: ':true', duration: 0 },
    stop: { exec: ':true', duration: 0 },
    dependencies: [{ name: 'patching', grouping: 'require_all', restart_on: 'none', targets: [PATCHING_SERVICE] }],
  },
  {
    fmri: PATCHING_SERVICE,
    common_name: 'apply queued patches (proposed)',
    model: 'transient',
    method_model: 'patching',
    start: { exec: '/lib/svc/method/svc-patching' },
    stop: { exec: ':true', duration: 0 },
    dependencies: [
      { name: 'single-user', grouping: 'require_all', restart_on: 'none', targets: ['svc:/milestone/single-user'] },
      { name: 'filesystem-local', grouping: 'require_all', restart_on: 'none', targets: ['svc:/system/filesystem/local'] },
    ],
  },
  {
    fmri: NO_DEPS_SERVICE,
    common_name: 'a site agent with no dependencies',
    start: { exec: '/opt/site/bin/agent', duration: 150 },
    dependents: [{ name: 'agent_multi-user-server', grouping: 'optional_all', restart_on: 'none', target: 'svc:/milestone/multi-user-server' }],
  },
];

export async function patchingMilestone(): Promise<Scenario> {
  const graph = await loadGraph2009();
  return {
    ...graph,
    name: 'Patching milestone',
    description:
      'The patching-milestone proposal (seed 002) with svc.startd accepting a custom milestone (a what-if: the real one accepts only ' +
      'single-user, multi-user and multi-user-server). The default milestone is milestone/patching, so only single-user, ' +
      'system/filesystem/local and the patching service come up; the patch (on /export, which fs/local mounts) is applied and the ' +
      'stashed default milestone restored. Boot to all instead and site/agent, which has no dependencies, starts at the very beginning.',
    milestone: PATCHING_MILESTONE,
    boot: { custom_milestones: true },
    services: [...graph.services, ...PATCHING_SERVICES],
    world: nevadaWorld({
      filesystems: [UFS_ROOT, { mountpoint: '/export', type: 'ufs', device: '/dev/dsk/c0t1d0s7', files: [`/export/patches/${PATCH_ID}`] }],
      patching: { spool: '/export/patches', queue: [PATCH_ID], stashed_milestone: 'all' },
      proposals: { patching: 2 },
    }),
    source: { ...(graph.source ?? {}), preset: 'patching-milestone', seed: SEED_002 },
  };
}

export default patchingMilestone;
