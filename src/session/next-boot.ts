/**
 * "Next boot": the scenario of the boot after a simulated one. A scenario
 * with a world reboots through the world model (nextBootScenario: /dev links,
 * the persistent repository and files on disk persist; maintenance,
 * temporary enables and one-off boot flags do not). A scenario without a
 * world has only its `files`: those that exist at the end of the boot carry
 * over, and this boot's timed actions do not. Pure.
 */
import type { Trace } from '../engine/index.ts';
import { createSeeker } from '../engine/index.ts';
import type { Scenario } from '../model/scenario/types.ts';
import { nextBootScenario } from '../scenarios/next-boot.ts';

export type NextBoot = { ok: true; scenario: Scenario } | { ok: false; reason: string };

export function nextBoot(scenario: Scenario, trace: Trace): NextBoot {
  if (scenario.world !== undefined) {
    const r = nextBootScenario(scenario, trace);
    return r.ok ? r : { ok: false, reason: `No next boot: ${r.error}.` };
  }
  const files = [...createSeeker(trace).filesAtTime(trace.endTime)].sort();
  const { actions: _actions, boot: _boot, ...rest } = scenario;
  void _actions;
  void _boot;
  const { single: _s, milestone: _m, reconfigure: _r, ...kept } = scenario.boot ?? {};
  void _s;
  void _m;
  void _r;
  return {
    ok: true,
    scenario: {
      ...rest,
      ...(Object.keys(kept).length > 0 ? { boot: kept } : {}),
      ...(files.length > 0 ? { files } : {}),
    },
  };
}
