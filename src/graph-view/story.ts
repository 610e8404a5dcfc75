/**
 * The services a scenario is about, computed from its trace (never written
 * per scenario): what a first look at the graph must show, labelled, while
 * the rest is summarised in groups (grouping.ts).
 *
 * - failed: every instance that entered maintenance or degraded at some
 *   instant of the boot (docs/smf-semantics.md §7.3: a method failure or a
 *   restarter's give-up), and every instance knocked from online back to
 *   offline after it got there (propagate_stop, §4.3);
 * - causes: the root causes `svcs -x` names for the failed instances at the
 *   end of the trace (explain.ts, docs/smf-semantics.md §8), and the services
 *   a failed method's cause chain names as providing, too late, what it could
 *   not open (cause-chain.ts, docs/access-log.md: system/device/local for the
 *   flagship's /dev/ipmpstub), so an ordering hazard is drawn between two
 *   services on screen;
 * - chain: the instances on each `svcs -xv` path from a milestone that did
 *   not come online down to one of those causes (why the milestone waits);
 * - milestones: every milestone instance (the stages of the boot).
 *
 * `priority` orders them for the camera when not everything fits at a
 * legible zoom: failed and causes first, then the chain, then milestones. Pure.
 */
import { causeChain } from '../engine/cause-chain.ts';
import { createSeeker, explain, type Trace } from '../engine/index.ts';
import { isMilestone } from './model.ts';

export interface Story {
  readonly failed: ReadonlySet<string>;
  readonly causes: ReadonlySet<string>;
  readonly chain: ReadonlySet<string>;
  readonly milestones: ReadonlySet<string>;
  /** Every id above, in priority order (failed, causes, chain, milestones), without repeats. */
  readonly priority: readonly string[];
  /** The same ids as a set. */
  readonly all: ReadonlySet<string>;
}

const FAILED = new Set(['maintenance', 'degraded']);

/** Instances that failed at some instant of the boot, or left online after reaching it. */
export function failedInstances(trace: Trace): Set<string> {
  const failed = new Set<string>();
  const wasOnline = new Set<string>();
  for (const i of trace.instances) if (FAILED.has(i.initial.state)) failed.add(i.fmri);
  for (const r of trace.records) {
    if (r.kind !== 'status') continue;
    if (FAILED.has(r.to)) failed.add(r.fmri);
    if (r.to === 'online') wasOnline.add(r.fmri);
    // Knocked back to offline (a dependency restarted or failed: restart_on); a disable is the administrator's choice.
    else if (r.from === 'online' && r.to === 'offline' && wasOnline.has(r.fmri)) failed.add(r.fmri);
  }
  return failed;
}

export function storyOf(trace: Trace): Story {
  const failed = failedInstances(trace);
  const seeker = createSeeker(trace);
  const ctx = { trace, statuses: seeker.atIndex(trace.records.length - 1), files: seeker.filesAtTime(trace.endTime) };
  const causes = new Set<string>();
  for (const f of failed) {
    const e = explain(ctx, f);
    for (const c of e?.rootCauses ?? []) if (c !== f) causes.add(c);
    for (const step of causeChain(ctx, f, trace.endTime)?.steps ?? []) if (step.kind === 'provided' && step.fmri !== undefined && step.fmri !== f) causes.add(step.fmri);
  }
  const milestones = new Set(trace.instances.filter((i) => isMilestone(i.fmri)).map((i) => i.fmri));
  const culprits = new Set([...failed, ...causes]);
  const chain = new Set<string>();
  for (const m of milestones) {
    const s = ctx.statuses.get(m);
    if (s === undefined || s.state === 'online' || s.state === 'disabled') continue;
    for (const r of explain(ctx, m)?.reasons ?? []) {
      if (!culprits.has(r.cause)) continue;
      for (const hop of r.path ?? []) if (!culprits.has(hop) && !milestones.has(hop)) chain.add(hop);
    }
  }
  const priority: string[] = [];
  const all = new Set<string>();
  for (const set of [failed, causes, chain, milestones]) {
    for (const id of set) {
      if (all.has(id)) continue;
      all.add(id);
      priority.push(id);
    }
  }
  return { failed, causes, chain, milestones, priority, all };
}
