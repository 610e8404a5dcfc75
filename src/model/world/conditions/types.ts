/** Shared shapes of the condition panels (re-exported by ../conditions.ts). */
import type { Scenario } from '../../scenario/types.ts';
import type { WorldSpec } from '../types.ts';

export type ConditionGroup = 'devices' | 'filesystems' | 'network' | 'repository' | 'boot' | 'services';

export interface ConditionOption {
  readonly value: string;
  readonly label: string;
  /** One sentence: what this option means on a real system. */
  readonly description?: string;
  /**
   * "next-boot": this option is not a rewrite of the scenario but the next
   * boot of this run: call nextBoot(scenario, trace.worldFinal) instead of
   * setCondition().
   */
  readonly action?: 'next-boot';
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

/** A family of world conditions: which apply to a scenario, and how to set one (undefined: not this family's id). */
export interface ConditionFamily {
  list(scenario: Scenario): ConditionDef[];
  set(scenario: Scenario, id: string, value: string): ConditionResult | undefined;
}

export function withWorld(scenario: Scenario, f: (w: WorldSpec) => WorldSpec): Scenario {
  return { ...scenario, world: f(scenario.world ?? {}) };
}

export function unknownOption(id: string, value: string, options: readonly ConditionOption[]): ConditionResult {
  return { ok: false, error: `${id}: unknown option "${value}" (expected ${options.map((o) => o.value).join(', ')})` };
}

export function checkOption(id: string, value: string, options: readonly ConditionOption[]): ConditionResult | undefined {
  return options.some((o) => o.value === value && o.action === undefined) ? undefined : unknownOption(id, value, options);
}
