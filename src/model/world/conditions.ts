/**
 * The boot conditions a user can change from the panels (issue 4): each is a
 * named choice that rewrites the scenario. Every change re-simulates. The app
 * renders these generically; the world model decides which exist for a
 * scenario. Pure.
 */
import type { Scenario } from '../scenario/types.ts';
import { bootEnvConditions } from './conditions/boot-env.ts';
import { deviceConditions } from './conditions/devices.ts';
import { filesystemConditions } from './conditions/filesystems.ts';
import { networkConditions } from './conditions/network.ts';
import { patchingConditions } from './conditions/patching.ts';
import { repositoryConditions } from './conditions/repository.ts';
import { serviceConditions } from './conditions/services.ts';
import type { ConditionDef, ConditionFamily, ConditionResult } from './conditions/types.ts';

export type { ConditionDef, ConditionGroup, ConditionResult } from './conditions/types.ts';

const MILESTONE_OPTIONS = [
  { value: 'all', label: 'all', description: 'The default: every enabled service.' },
  { value: 'svc:/milestone/multi-user-server:default', label: 'multi-user-server', description: 'Run level 3.' },
  { value: 'svc:/milestone/multi-user:default', label: 'multi-user', description: 'Run level 2.' },
  { value: 'svc:/milestone/single-user:default', label: 'single-user', description: 'Run level S: only what single-user needs.' },
  { value: 'none', label: 'none', description: 'Nothing but svc.startd itself.' },
] as const;

/**
 * Milestone services the scenario defines beyond the standard three (such as
 * seed 002's milestone/patching): offered only when the scenario runs the
 * what-if svc.startd that accepts them (boot.custom_milestones, §6.1).
 */
function milestoneOptions(scenario: Scenario): { value: string; label: string; description: string }[] {
  const standard = MILESTONE_OPTIONS.map((m) => ({ value: m.value, label: m.label, description: m.description }));
  if (scenario.boot?.custom_milestones !== true) return standard;
  const known = new Set<string>(MILESTONE_OPTIONS.map((m) => m.value));
  const custom = scenario.services
    .filter((s) => s.fmri.startsWith('svc:/milestone/'))
    .flatMap((s) => Object.keys(s.instances ?? { default: {} }).map((i) => `${s.fmri}:${i}`))
    .filter((f) => !known.has(f))
    .map((f) => ({ value: f, label: f.replace(/^svc:\/milestone\//, '').replace(/:default$/, ''), description: 'A milestone this scenario adds (accepted only by the what-if svc.startd).' }));
  return [...standard.slice(0, -1), ...custom, ...standard.slice(-1)];
}

/** Conditions every scenario has: how it boots. */
export function bootConditions(scenario: Scenario): ConditionDef[] {
  const boot = scenario.boot ?? {};
  const milestones = milestoneOptions(scenario);
  const mode = boot.single === true ? 'single' : boot.milestone !== undefined ? `m:${boot.milestone}` : 'default';
  return [
    {
      id: 'boot.mode',
      group: 'boot',
      label: 'Boot command',
      description: 'How the system is booted this time: the default milestone, boot -s, or a one-off boot -m milestone=.',
      terms: ['milestone'],
      value: mode,
      options: [
        { value: 'default', label: 'boot', description: `Boot to the default milestone (${scenario.milestone ?? 'all'}).` },
        { value: 'single', label: 'boot -s', description: 'Single-user: svc.startd targets milestone/single-user and starts sulogin there.' },
        ...milestones.filter((m) => m.value !== 'all').map((m) => ({
          value: `m:${m.value}`,
          label: `boot -m milestone=${m.label}`,
          description: `For this boot only: ${m.description}`,
        })),
      ],
    },
    {
      id: 'boot.default-milestone',
      group: 'boot',
      label: 'Default milestone',
      description: 'options/milestone of svc:/system/svc/restarter:default, as set by svcadm milestone -d.',
      terms: ['milestone'],
      value: scenario.milestone ?? 'all',
      options: milestones,
    },
    {
      id: 'boot.reconfigure',
      group: 'boot',
      label: 'Reconfiguration boot',
      description: 'boot -r (or /reconfigure): system/device/local runs a full devfsadm.',
      terms: ['devfsadm'],
      value: boot.reconfigure === true ? 'yes' : 'no',
      options: [
        { value: 'no', label: 'no', description: 'An ordinary boot: system/device/local does not run devfsadm.' },
        { value: 'yes', label: 'boot -r', description: 'A reconfiguration boot (boot -r, or /reconfigure left by an upgrade): system/device/local runs the full devfsadm.' },
      ],
    },
    {
      id: 'boot.verbose',
      group: 'boot',
      label: 'Verbose boot',
      description: 'boot -m verbose: svc.startd prints "[ fmri starting ]" for each service on the console.',
      value: boot.verbose === true ? 'yes' : 'no',
      options: [
        { value: 'no', label: 'quiet', description: 'svc.startd prints only failures and milestone messages.' },
        { value: 'yes', label: 'verbose', description: 'svc.startd also prints "[ fmri starting (name) ]" as it starts each service.' },
      ],
    },
  ];
}

export function setBootCondition(scenario: Scenario, id: string, value: string): ConditionResult | undefined {
  const boot = { ...(scenario.boot ?? {}) };
  switch (id) {
    case 'boot.mode': {
      const { single: _s, milestone: _m, ...rest } = boot;
      void _s;
      void _m;
      if (value === 'default') return { ok: true, scenario: { ...scenario, boot: rest } };
      if (value === 'single') return { ok: true, scenario: { ...scenario, boot: { ...rest, single: true } } };
      if (value.startsWith('m:') && milestoneOptions(scenario).some((m) => m.value === value.slice(2))) {
        return { ok: true, scenario: { ...scenario, boot: { ...rest, milestone: value.slice(2) } } };
      }
      return { ok: false, error: `boot.mode: unknown option "${value}"` };
    }
    case 'boot.default-milestone':
      if (!milestoneOptions(scenario).some((m) => m.value === value)) return { ok: false, error: `boot.default-milestone: unknown option "${value}"` };
      return { ok: true, scenario: { ...scenario, milestone: value } };
    case 'boot.reconfigure':
    case 'boot.verbose': {
      if (value !== 'yes' && value !== 'no') return { ok: false, error: `${id}: expected yes or no, not "${value}"` };
      const key = id === 'boot.reconfigure' ? 'reconfigure' : 'verbose';
      return { ok: true, scenario: { ...scenario, boot: { ...boot, [key]: value === 'yes' } } };
    }
    default:
      return undefined;
  }
}

/** The world's condition families, in panel order. */
const FAMILIES: readonly ConditionFamily[] = [deviceConditions, filesystemConditions, networkConditions, repositoryConditions, bootEnvConditions, patchingConditions, serviceConditions];

/** Every condition the panels show for this scenario (boot controls plus the world's). */
export function listConditions(scenario: Scenario): ConditionDef[] {
  return [...bootConditions(scenario), ...FAMILIES.flatMap((f) => f.list(scenario))];
}

/**
 * Set one condition: a pure rewrite of the scenario (re-simulate to see the
 * outcome). Unknown ids and options are errors that name the condition.
 */
export function setCondition(scenario: Scenario, id: string, value: string): ConditionResult {
  const boot = setBootCondition(scenario, id, value);
  if (boot !== undefined) return boot;
  for (const f of FAMILIES) {
    const r = f.set(scenario, id, value);
    if (r !== undefined) return r;
  }
  return { ok: false, error: `unknown condition "${id}"` };
}
