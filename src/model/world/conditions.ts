/**
 * The boot conditions a user can change from the panels (issue 4): each is a
 * named choice that rewrites the scenario. Every change re-simulates. The app
 * renders these generically; the world model decides which exist for a
 * scenario. Pure.
 */
import type { Scenario } from '../scenario/types.ts';

export type ConditionGroup = 'devices' | 'filesystems' | 'network' | 'repository' | 'boot';

export interface ConditionOption {
  readonly value: string;
  readonly label: string;
  /** One sentence: what this option means on a real system. */
  readonly description?: string;
}

export interface ConditionDef {
  readonly id: string;
  readonly group: ConditionGroup;
  readonly label: string;
  readonly description: string;
  readonly options: readonly ConditionOption[];
  /** The option in effect for this scenario. */
  readonly value: string;
  /** SMF or Solaris terms the glossary can explain (e.g. "devfsadm", "milestone"). */
  readonly terms?: readonly string[];
}

export type ConditionResult = { ok: true; scenario: Scenario } | { ok: false; error: string };

const MILESTONE_OPTIONS = [
  { value: 'all', label: 'all', description: 'The default: every enabled service.' },
  { value: 'svc:/milestone/multi-user-server:default', label: 'multi-user-server', description: 'Run level 3.' },
  { value: 'svc:/milestone/multi-user:default', label: 'multi-user', description: 'Run level 2.' },
  { value: 'svc:/milestone/single-user:default', label: 'single-user', description: 'Run level S: only what single-user needs.' },
  { value: 'none', label: 'none', description: 'Nothing but svc.startd itself.' },
] as const;

/** Conditions every scenario has: how it boots. */
export function bootConditions(scenario: Scenario): ConditionDef[] {
  const boot = scenario.boot ?? {};
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
        ...MILESTONE_OPTIONS.filter((m) => m.value !== 'all').map((m) => ({
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
      options: MILESTONE_OPTIONS.map((m) => ({ value: m.value, label: m.label, description: m.description })),
    },
    {
      id: 'boot.reconfigure',
      group: 'boot',
      label: 'Reconfiguration boot',
      description: 'boot -r (or /reconfigure): system/device/local runs a full devfsadm.',
      terms: ['devfsadm'],
      value: boot.reconfigure === true ? 'yes' : 'no',
      options: [
        { value: 'no', label: 'no' },
        { value: 'yes', label: 'boot -r' },
      ],
    },
    {
      id: 'boot.verbose',
      group: 'boot',
      label: 'Verbose boot',
      description: 'boot -m verbose: svc.startd prints "[ fmri starting ]" for each service on the console.',
      value: boot.verbose === true ? 'yes' : 'no',
      options: [
        { value: 'no', label: 'quiet' },
        { value: 'yes', label: 'verbose' },
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
      if (value.startsWith('m:')) return { ok: true, scenario: { ...scenario, boot: { ...rest, milestone: value.slice(2) } } };
      return { ok: false, error: `boot.mode: unknown option "${value}"` };
    }
    case 'boot.default-milestone':
      if (!MILESTONE_OPTIONS.some((m) => m.value === value)) return { ok: false, error: `boot.default-milestone: unknown option "${value}"` };
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

/** Every condition the panels show for this scenario (boot controls plus the world's). */
export function listConditions(scenario: Scenario): ConditionDef[] {
  return bootConditions(scenario);
}

export function setCondition(scenario: Scenario, id: string, value: string): ConditionResult {
  const boot = setBootCondition(scenario, id, value);
  if (boot !== undefined) return boot;
  return { ok: false, error: `unknown condition "${id}"` };
}
