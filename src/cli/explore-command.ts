/** The CLI's timing options: --explore <N>, --jitter <factor>, --seed <n> (issue 17). */
import { checkParams, EXPLORE_DEFAULTS, explore } from '../engine/explore.ts';
import { describeHazardFact, describeMixedFact } from '../engine/hazard-text.ts';
import { hazardFacts } from '../engine/hazards.ts';
import type { Scenario } from '../model/scenario/types.ts';
import { flag, UsageError, type ParsedArgs } from './args.ts';
import { explorationJson, renderExploration } from './explore-output.ts';

export interface TimingArgs {
  readonly explore?: number;
  readonly jitter?: number;
  readonly seed?: number;
}

function integer(name: string, text: string | undefined, what: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) throw new UsageError(`${name} must be ${what}, not "${text}"`);
  return Number(text);
}

export function timingArgs(args: ParsedArgs): TimingArgs {
  const explore = integer('--explore', flag(args, '--explore'), 'a number of boots');
  const seed = integer('--seed', flag(args, '--seed'), 'a whole number');
  const jitterText = flag(args, '--jitter');
  let jitter: number | undefined;
  if (jitterText !== undefined) {
    jitter = /^\d*\.?\d+$/.test(jitterText) ? Number(jitterText) : Number.NaN;
    if (!(jitter >= 0 && jitter < 1)) throw new UsageError(`--jitter must be a factor in [0, 1) (durations × [1 − factor, 1 + factor)), not "${jitterText}"`);
  }
  if (explore !== undefined) {
    const bad = checkParams({ boots: explore, jitter: jitter ?? EXPLORE_DEFAULTS.jitter, baseSeed: seed ?? EXPLORE_DEFAULTS.baseSeed });
    if (bad !== undefined) throw new UsageError(`--explore: ${bad}`);
  }
  return { ...(explore === undefined ? {} : { explore }), ...(jitter === undefined ? {} : { jitter }), ...(seed === undefined ? {} : { seed }) };
}

export function runExplore(scenario: Scenario, boots: number, jitter: number | undefined, seed: number | undefined, format: 'svcs' | 'json', replay: string): string {
  const e = explore(scenario, { boots, jitter: jitter ?? scenario.jitter ?? EXPLORE_DEFAULTS.jitter, baseSeed: seed ?? EXPLORE_DEFAULTS.baseSeed }, hazardFacts);
  return format === 'json' ? `${JSON.stringify(explorationJson(e), null, 2)}\n` : renderExploration(e, replay, describeHazardFact, describeMixedFact);
}
