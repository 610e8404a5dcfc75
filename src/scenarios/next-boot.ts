/**
 * The scenario of the next boot, from this boot's trace: what persists across
 * a reboot (/dev links, files on disk, the persistent repository, the default
 * milestone) carries over from the world at the end of this boot; what SMF
 * does not keep (maintenance, temporary enables, boot -s) does not
 * (src/model/world/next-boot.ts).
 */
import type { Scenario } from '../model/scenario/types.ts';
import { nextBoot } from '../model/world/next-boot.ts';
import type { Trace } from '../engine/trace.ts';

export type NextBoot = { ok: true; scenario: Scenario } | { ok: false; error: string };

export function nextBootScenario(scenario: Scenario, trace: Trace): NextBoot {
  const r = nextBoot(scenario, trace.worldFinal);
  return r.ok ? { ok: true, scenario: r.scenario } : { ok: false, error: r.error };
}
