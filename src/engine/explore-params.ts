/**
 * The timing explorer's parameters (issue 17) and their limits: the CLI, the
 * Explore panel and share links check them here (no engine code is pulled in).
 */
import { DEFAULTS } from '../model/scenario/types.ts';

export interface ExploreParams {
  /** How many boots (N). */
  readonly boots: number;
  /** Durations are scaled by × [1 − jitter, 1 + jitter); in [0, 1). */
  readonly jitter: number;
  /** Boot k uses seed base + k. */
  readonly baseSeed: number;
}

export const EXPLORE_DEFAULTS: ExploreParams = { boots: 200, jitter: DEFAULTS.jitter, baseSeed: 1 };
/** More boots than this are refused (a typo such as 2000000 would otherwise run for an hour). */
export const MAX_EXPLORE_BOOTS = 100_000;

export function checkParams(p: ExploreParams): string | undefined {
  if (!Number.isSafeInteger(p.boots) || p.boots < 1 || p.boots > MAX_EXPLORE_BOOTS) return `the number of boots must be a whole number from 1 to ${MAX_EXPLORE_BOOTS}, not ${String(p.boots)}`;
  if (!Number.isFinite(p.jitter) || p.jitter < 0 || p.jitter >= 1) return `the jitter must be a number in [0, 1) (durations × [1 − jitter, 1 + jitter)), not ${String(p.jitter)}`;
  if (!Number.isSafeInteger(p.baseSeed) || !Number.isSafeInteger(p.baseSeed + p.boots)) return `the base seed must be a whole number, not ${String(p.baseSeed)}`;
  return undefined;
}
