/**
 * The scenario of the next boot, from this boot's trace. What persists across
 * a reboot carries over: with a world, /dev links, files on disk, the
 * persistent repository's imports and the default milestone
 * (src/model/world/next-boot.ts); without one, the files that exist at the end;
 * in both, what svcadm wrote to persistent property groups (general/enabled,
 * options/milestone: src/engine/persistent-state.ts). What SMF does not keep
 * (maintenance, degraded, temporary enables and disables, `svcadm milestone`
 * without -d, boot -s / -m, this boot's timed actions) does not
 * (docs/smf-semantics.md §1.1, §10.2).
 */
import type { Scenario } from '../model/scenario/types.ts';
import { carryRepository } from '../model/scenario/carry-repository.ts';
import { nextBoot } from '../model/world/next-boot.ts';
import { parseWorldSnapshot } from '../model/world/snapshot.ts';
import { bootOptions, splitAtReboot } from '../model/scenario/reboot.ts';
import { createSeeker } from '../engine/seek.ts';
import { persistentRepository } from '../engine/persistent-state.ts';
import type { Trace } from '../engine/trace.ts';

export type NextBoot =
  | {
      ok: true;
      scenario: Scenario;
      /** The boot number of the next boot (1 = first boot). */
      number: number;
      /** What the next boot inherits from this one, one sentence each. */
      carried: readonly string[];
      /** What this boot had that the next one does not, one sentence each. */
      dropped: readonly string[];
    }
  | { ok: false; error: string };

export function nextBootScenario(scenario: Scenario, trace: Trace): NextBoot {
  let next: Scenario;
  let number: number;
  if (scenario.world !== undefined) {
    const r = nextBoot(scenario, trace.worldFinal);
    if (!r.ok) return r;
    next = r.scenario;
    number = r.scenario.world?.boot?.number ?? 2;
  } else {
    next = worldlessNextBoot(scenario, trace);
    number = Number(scenario.source?.['boot'] ?? '1') + 1;
  }
  const repo = persistentRepository(trace);
  const carried = carryRepository(next, repo);
  const lines = [...worldCarried(trace), ...carried.carried];
  // A scenario that reboots itself (`reboot`, `init 6`) goes on in the next boot:
  // the actions after the reboot, and `reboot -- <boot arguments>`.
  const split = splitAtReboot(scenario.actions ?? []);
  let scenarioNext = carried.scenario;
  if (split.end !== undefined) {
    const options = bootOptions(split.end.bootArgs);
    if (Object.keys(options).length > 0) {
      scenarioNext = { ...scenarioNext, boot: { ...(scenarioNext.boot ?? {}), ...options } };
      lines.push(`boot options from "${split.end.run}": ${split.end.bootArgs.join(' ')}`);
    }
    if (split.nextBoot.length > 0) {
      scenarioNext = { ...scenarioNext, actions: split.nextBoot };
      lines.push(`${split.nextBoot.length} action${split.nextBoot.length === 1 ? '' : 's'} after "${split.end.run}" run in this boot`);
    }
  }
  return { ok: true, scenario: scenarioNext, number, carried: lines, dropped: repo.dropped };
}

/** What the world keeps on disk that this boot made: /dev links devfsadm created, manifests committed to the persistent repository. */
function worldCarried(trace: Trace): string[] {
  const a = parseWorldSnapshot(trace.worldInitial);
  const b = parseWorldSnapshot(trace.worldFinal);
  if (!a.ok || !b.ok) return [];
  const out: string[] = [];
  const had = new Set(a.snapshot.devices.filter((d) => d.linkExists).map((d) => d.node));
  for (const d of b.snapshot.devices) if (d.linkExists && d.link !== undefined && !had.has(d.node)) out.push(`${d.link} → ${d.node} (made this boot, on disk)`);
  const committed = new Set(a.snapshot.repository.committed);
  for (const m of b.snapshot.repository.committed) if (!committed.has(m)) out.push(`${m} (imported into /etc/svc/repository.db)`);
  return out;
}

/** A scenario without a world has only its `files`: those that exist at the end of the boot carry over. */
function worldlessNextBoot(scenario: Scenario, trace: Trace): Scenario {
  const files = [...createSeeker(trace).filesAtTime(trace.endTime)].sort();
  const { actions: _actions, boot: _boot, files: _files, ...rest } = scenario;
  void _actions;
  void _boot;
  void _files;
  const { single: _s, milestone: _m, reconfigure: _r, ...kept } = scenario.boot ?? {};
  void _s;
  void _m;
  void _r;
  return {
    ...rest,
    ...(Object.keys(kept).length > 0 ? { boot: kept } : {}),
    ...(files.length > 0 ? { files } : {}),
  };
}
