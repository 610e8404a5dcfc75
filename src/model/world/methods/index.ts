/**
 * Which model acts for which start method: the instance's `method_model`, or
 * else its FMRI (svc:/network/physical:default → net-physical). Instances
 * with no model keep the scenario's duration and exit.
 */
import type { WorldSpec } from '../types.ts';
import { bootArchive } from './boot-archive.ts';
import { devicesLocal } from './devices-local.ts';
import { earlyDevlinks } from './early-devlinks.ts';
import { fsLocal } from './fs-local.ts';
import { fsMinimal } from './fs-minimal.ts';
import { fsRoot } from './fs-root.ts';
import { fsUsr } from './fs-usr.ts';
import { identityNode } from './identity-node.ts';
import { manifestImport } from './manifest-import.ts';
import { metainit } from './metainit.ts';
import { milestoneRc } from './milestone-rc.ts';
import { netPhysical } from './net-physical.ts';
import { patching } from './patching.ts';
import { siteMethod } from './site.ts';
import { sysevent } from './sysevent.ts';
import type { MethodModel } from './types.ts';
import { zones } from './zones.ts';

export const METHOD_MODELS: Readonly<Record<string, MethodModel>> = {
  'fs-root': fsRoot,
  'boot-archive': bootArchive,
  'fs-usr': fsUsr,
  'devices-local': devicesLocal,
  'fs-minimal': fsMinimal,
  'fs-local': fsLocal,
  'net-physical': netPhysical,
  'identity-node': identityNode,
  'manifest-import': manifestImport,
  sysevent,
  metainit,
  'milestone-rc': milestoneRc,
  zones,
  'early-devlinks': earlyDevlinks,
  patching,
};

/** The default model of the real services, by instance FMRI. */
export const MODEL_BY_FMRI: Readonly<Record<string, string>> = {
  'svc:/system/filesystem/root:default': 'fs-root',
  'svc:/system/boot-archive:default': 'boot-archive',
  'svc:/system/filesystem/usr:default': 'fs-usr',
  'svc:/system/device/local:default': 'devices-local',
  'svc:/system/filesystem/minimal:default': 'fs-minimal',
  'svc:/system/filesystem/local:default': 'fs-local',
  'svc:/network/physical:default': 'net-physical',
  'svc:/system/identity:node': 'identity-node',
  'svc:/system/manifest-import:default': 'manifest-import',
  'svc:/system/sysevent:default': 'sysevent',
  'svc:/system/metainit:default': 'metainit',
  'svc:/milestone/single-user:default': 'milestone-rc',
  'svc:/milestone/multi-user:default': 'milestone-rc',
  'svc:/milestone/multi-user-server:default': 'milestone-rc',
  'svc:/system/zones:default': 'zones',
  'svc:/system/device/early-devlinks:default': 'early-devlinks',
};

export function modelNames(): string[] {
  return [...Object.keys(METHOD_MODELS), 'site'];
}

/** The start-method model for an instance, if any. */
export function modelFor(world: WorldSpec, fmri: string, methodModel: string | undefined): MethodModel | undefined {
  const site = world.site_methods?.find((m) => m.fmri === fmri);
  if (site !== undefined && (methodModel === undefined || methodModel === 'site')) return siteMethod(site);
  const name = methodModel ?? MODEL_BY_FMRI[fmri];
  return name === undefined ? undefined : METHOD_MODELS[name];
}
