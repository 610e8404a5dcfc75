/**
 * Everything the views show is derived from the session document and the
 * base scenario: the effective scenario for the chosen boot, its trace (the
 * engine's, never edited), a seeker for time travel, and the static indexes
 * the graph and inspector need. Memoised by content so re-simulating the
 * same scenario (e.g. toggling a condition back) costs nothing.
 */
import { createSeeker, simulate, type Seeker, type Trace } from '../engine/index.ts';
import type { Scenario } from '../model/scenario/types.ts';
import { listConditions, type ConditionDef } from '../model/world/conditions.ts';
import { buildGraphModel, type GraphModel } from '../graph-view/model.ts';
import { runTimes, type RunTimes } from '../selectors/critical-chain.ts';
import { quietInstances } from '../selectors/gantt.ts';
import { buildDependencyIndex, type DependencyIndex } from '../selectors/dependencies.ts';
import { applyConditions, applyInterventions } from './effective-scenario.ts';
import { nextBoot } from './next-boot.ts';
import { interventionsForBoot, type SessionDocument } from './document.ts';

export interface Run {
  readonly base: Scenario;
  /** The scenario simulated for the boot shown. */
  readonly scenario: Scenario;
  readonly trace: Trace;
  readonly seeker: Seeker;
  readonly index: DependencyIndex;
  readonly model: GraphModel;
  readonly times: RunTimes;
  /** Instances that stay disabled/uninitialized/absent all boot. */
  readonly quiet: ReadonlySet<string>;
  /** The panels, with the values in effect. */
  readonly conditions: readonly ConditionDef[];
  readonly errors: readonly string[];
  /** The boot shown (0-based); lower than asked when a next boot is not available. */
  readonly boot: number;
  /** Why there is no next boot after this one, if there is none. */
  readonly nextBootBlocked?: string;
  /** Wall time spent simulating (ms), for the status line and benchmarks. */
  readonly simulateMs: number;
}

interface Simulated {
  readonly trace: Trace;
  readonly ms: number;
}

const TRACE_CACHE = new Map<string, Simulated>();
const CACHE_SIZE = 12;

function simulateCached(scenario: Scenario, now: () => number): Simulated {
  const key = JSON.stringify(scenario);
  const hit = TRACE_CACHE.get(key);
  if (hit !== undefined) {
    TRACE_CACHE.delete(key);
    TRACE_CACHE.set(key, hit);
    return { trace: hit.trace, ms: 0 };
  }
  const started = now();
  const trace = simulate(scenario);
  const out = { trace, ms: now() - started };
  TRACE_CACHE.set(key, out);
  while (TRACE_CACHE.size > CACHE_SIZE) {
    const oldest = TRACE_CACHE.keys().next().value;
    if (oldest === undefined) break;
    TRACE_CACHE.delete(oldest);
  }
  return out;
}

interface Statics {
  readonly seeker: Seeker;
  readonly index: DependencyIndex;
  readonly model: GraphModel;
  readonly times: RunTimes;
  readonly quiet: ReadonlySet<string>;
}

const STATIC = new WeakMap<Trace, Statics>();

function staticsOf(trace: Trace): Statics {
  const hit = STATIC.get(trace);
  if (hit !== undefined) return hit;
  const index = buildDependencyIndex(trace);
  const out: Statics = { seeker: createSeeker(trace), index, model: buildGraphModel(trace, index), times: runTimes(trace), quiet: quietInstances(trace) };
  STATIC.set(trace, out);
  return out;
}

export function deriveRun(base: Scenario, doc: Pick<SessionDocument, 'conditions' | 'interventions' | 'boot'>, now: () => number = () => performance.now()): Run {
  const conditioned = applyConditions(base, doc.conditions);
  const errors = [...conditioned.errors];
  let scenario = conditioned.scenario;
  let boot = 0;
  let simulateMs = 0;
  let nextBootBlocked: string | undefined;
  for (; boot < doc.boot; boot++) {
    const applied = applyInterventions(scenario, interventionsForBoot(doc.interventions, boot));
    const sim = simulateCached(applied.scenario, now);
    simulateMs += sim.ms;
    const next = nextBoot(applied.scenario, sim.trace);
    if (!next.ok) {
      nextBootBlocked = next.reason;
      break;
    }
    scenario = next.scenario;
  }
  const applied = applyInterventions(scenario, interventionsForBoot(doc.interventions, boot));
  errors.push(...applied.errors);
  const sim = simulateCached(applied.scenario, now);
  simulateMs += sim.ms;
  const trace = sim.trace;
  if (nextBootBlocked === undefined) {
    const probe = nextBoot(applied.scenario, trace);
    if (!probe.ok) nextBootBlocked = probe.reason;
  }
  return {
    base,
    scenario: applied.scenario,
    trace,
    ...staticsOf(trace),
    conditions: listConditions(conditioned.scenario),
    errors,
    boot,
    ...(nextBootBlocked === undefined ? {} : { nextBootBlocked }),
    simulateMs,
  };
}
