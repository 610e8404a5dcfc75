/**
 * The app's problem list (issue 13): exactly what svcs -x lists (explain.c's
 * global causes, explain.ts, docs/smf-semantics.md §8.1), most impact first, in
 * three groups a person can read:
 *
 * - failures: what went wrong in this boot;
 * - starting: instances in transition (offline with a next_state, "Start
 *   method is running."). svcs -x lists them, but they are not problems yet;
 * - disabled: instances disabled by their configuration (not enabled) that
 *   svcs -x lists because a dependent waits for their service (add_causes()
 *   lists every cause it merges), such as network/physical:nwam;
 * - expected: causes that a healthy boot of the same graph has too: an
 *   instance whose only reason is a dependency on a service this graph does
 *   not contain at all (the absent services of a manifest corpus, such as
 *   sysidtool:net, dbus or seaport in the 2009 one). Computed from the graph,
 *   never listed per scenario.
 */
import { analyseCauses } from './causes.ts';
import { explainAll, type ExplainContext, type Explanation } from './explain.ts';
import type { Trace } from './trace.ts';

export interface ProblemGroups {
  /** Every instance svcs -x lists, in its order. */
  readonly all: readonly Explanation[];
  readonly failures: readonly Explanation[];
  readonly starting: readonly Explanation[];
  readonly disabled: readonly Explanation[];
  readonly expected: readonly Explanation[];
  /** The services the expected ones wait for, which this graph does not contain (sorted). */
  readonly missingFromGraph: readonly string[];
  /** How many other services wait behind the expected ones (the union of their svcs -xv Impact lists, less the expected ones themselves). */
  readonly behindExpected: number;
}

const memo = new WeakMap<object, { trace: Trace; groups: ProblemGroups }>();

const namesOf = new WeakMap<Trace, ReadonlySet<string>>();

/** Does this graph contain `fmri` (an instance or service of the scenario), imported or not? */
function inGraph(trace: Trace, fmri: string): boolean {
  let names = namesOf.get(trace);
  if (names === undefined) {
    const all = new Set<string>();
    for (const i of trace.instances) {
      all.add(i.fmri);
      all.add(i.service);
    }
    names = all;
    namesOf.set(trace, names);
  }
  return names.has(fmri);
}

export function problemGroups(ctx: ExplainContext): ProblemGroups {
  const hit = memo.get(ctx.statuses);
  if (hit !== undefined && hit.trace === ctx.trace) return hit.groups;
  const all = explainAll(ctx);
  const failures: Explanation[] = [];
  const starting: Explanation[] = [];
  const disabled: Explanation[] = [];
  const expected: Explanation[] = [];
  const missing = new Set<string>();
  for (const e of all) {
    const s = ctx.statuses.get(e.fmri);
    if (s !== undefined && s.next !== 'none') {
      starting.push(e);
      continue;
    }
    if (s?.state === 'disabled' && !s.enabled) {
      disabled.push(e);
      continue;
    }
    const absentOnly = e.reasons.length > 0 && e.reasons.every((r) => r.code === 'SMF-8000-E2' && !r.cause.startsWith('file:') && !inGraph(ctx.trace, r.cause));
    if (s?.state === 'offline' && absentOnly) {
      expected.push(e);
      for (const r of e.reasons) missing.add(r.cause);
    } else failures.push(e);
  }
  const listed = new Set(expected.map((e) => e.fmri));
  let behindExpected = 0;
  if (expected.length > 0) for (const f of analyseCauses(ctx).impactUnion([...listed])) if (!listed.has(f)) behindExpected++;
  const groups: ProblemGroups = { all, failures, starting, disabled, expected, missingFromGraph: [...missing].sort(), behindExpected };
  memo.set(ctx.statuses, { trace: ctx.trace, groups });
  return groups;
}
