/**
 * "Next boot": the scenario of the boot after a simulated one
 * (src/scenarios/next-boot.ts: what persists on disk and in the persistent
 * repository carries over; maintenance, temporary enables and one-off boot
 * flags do not). Pure.
 */
import type { Trace } from '../engine/index.ts';
import type { Scenario } from '../model/scenario/types.ts';
import { nextBootScenario } from '../scenarios/next-boot.ts';

export type NextBoot =
  | { ok: true; scenario: Scenario; carried: readonly string[]; dropped: readonly string[] }
  | { ok: false; reason: string };

export function nextBoot(scenario: Scenario, trace: Trace): NextBoot {
  const r = nextBootScenario(scenario, trace);
  return r.ok ? { ok: true, scenario: r.scenario, carried: r.carried, dropped: r.dropped } : { ok: false, reason: `No next boot: ${r.error}.` };
}
