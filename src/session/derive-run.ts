/**
 * Everything the views show is derived from the session document and the
 * base scenario, in three steps. deriveTraces: the effective scenario for the
 * chosen boot and its trace (the engine's, never edited). prepareRun: the
 * indexes the graph, inspector and timeline need (dependencies, the graph
 * model, start/ready instants, quiet instances, the story, the timeline's rows). Both are plain data, so the
 * simulation worker does both and sends them together (issue 16: the page
 * receives a run ready to show instead of assembling it). assembleRun, on the
 * main thread: a seeker for time travel (closures, so it cannot cross), over
 * the prepared indexes or, for a run simulated here, indexes built here;
 * memoised per trace.
 */
import { createSeeker, type Seeker, type Trace } from '../engine/index.ts';
import type { Scenario } from '../model/scenario/types.ts';
import { listConditions, type ConditionDef } from '../model/world/conditions.ts';
import { buildGraphModel, type GraphModel } from '../graph-view/model.ts';
import { storyOf, type Story } from '../graph-view/story.ts';
import { runTimes, type RunTimes } from '../selectors/critical-chain.ts';
import { ganttRows, quietInstances, type GanttRow } from '../selectors/gantt.ts';
import { buildDependencyIndex, type DependencyIndex } from '../selectors/dependencies.ts';
import { applyConditions, applyInterventions } from './effective-scenario.ts';
import { nextBoot } from './next-boot.ts';
import { interventionsForBoot, type SessionDocument } from './document.ts';
import { createSimulator, type Simulator } from './simulator.ts';

/** The part of the document that decides the trace, given the base scenario. */
export type RunRequest = Pick<SessionDocument, 'conditions' | 'interventions' | 'boot' | 'timing'>;

/** What the simulation produces for a document: plain data (structured-cloneable). */
export interface Derived {
  /** The scenario simulated for the boot shown. */
  readonly scenario: Scenario;
  readonly trace: Trace;
  /** The panels, with the values in effect. */
  readonly conditions: readonly ConditionDef[];
  readonly errors: readonly string[];
  /** The boot shown (0-based); lower than asked when a next boot is not available. */
  readonly boot: number;
  /** For a boot after a reboot: what it inherited from the boot before (docs/smf-semantics.md §1.1, §10.2). */
  readonly carried?: readonly string[];
  /** ... and what it did not (temporary enables/disables, maintenance). */
  readonly dropped?: readonly string[];
  /** Why there is no next boot after this one, if there is none. */
  readonly nextBootBlocked?: string;
  /** Wall time spent simulating (ms), for the status line and benchmarks. */
  readonly simulateMs: number;
}

/** The indexes of a run that are plain data (structured-cloneable): made where the trace is made. */
export interface Prepared {
  readonly index: DependencyIndex;
  readonly model: GraphModel;
  readonly times: RunTimes;
  /** Instances that stay disabled/uninitialized/absent all boot. */
  readonly quiet: ReadonlySet<string>;
  /** The services the scenario is about (failed, their causes and chain, milestones): drawn first (story.ts). */
  readonly story: Story;
  /** The timeline's rows: each instance's states as bars over the boot (selectors/gantt.ts). */
  readonly gantt: readonly GanttRow[];
}

/**
 * The indexes that cross from the simulation worker: all but the dependency index. Receiving that index cost more
 * than building it (1,000 generated services: 1.4 MB of Maps, 26–46 ms to deserialize against 1–2 ms to build from
 * the trace; BENCHMARKS.md "Session 5: receiving a run"), so the page builds it (completePrepared).
 */
export type PreparedAcross = Omit<Prepared, 'index'>;

/**
 * A later answer of the run store's engine: the derived run and, from the
 * simulation worker, its indexes but the dependency index (the trace and the
 * indexes cross in one message, so they share the trace's objects).
 */
export interface DerivedRun {
  readonly derived: Derived;
  readonly prepared?: PreparedAcross;
}

export interface Run extends Derived, Prepared {
  readonly base: Scenario;
  readonly seeker: Seeker;
}

/** Simulates other documents over a base, here and now (the run store's derive: the Compare view, tours). */
export interface Deriver {
  derive(base: Scenario, request: RunRequest): Run;
}

export function deriveTraces(base: Scenario, doc: RunRequest, sim: Simulator): Derived {
  // A perturbed boot (issue 17): the scenario's seed and jitter replaced, as the timing explorer boots it.
  const timed = doc.timing === undefined ? base : { ...base, seed: doc.timing.seed, jitter: doc.timing.jitter };
  const conditioned = applyConditions(timed, doc.conditions);
  const errors = [...conditioned.errors];
  let scenario = conditioned.scenario;
  let boot = 0;
  let simulateMs = 0;
  let nextBootBlocked: string | undefined;
  let inherited: { carried: readonly string[]; dropped: readonly string[] } | undefined;
  for (; boot < doc.boot; boot++) {
    const applied = applyInterventions(scenario, interventionsForBoot(doc.interventions, boot));
    const s = sim.run(applied.scenario);
    simulateMs += s.ms;
    const next = nextBoot(applied.scenario, s.trace);
    if (!next.ok) {
      nextBootBlocked = next.reason;
      break;
    }
    scenario = next.scenario;
    inherited = { carried: next.carried, dropped: next.dropped };
  }
  const applied = applyInterventions(scenario, interventionsForBoot(doc.interventions, boot));
  errors.push(...applied.errors);
  const s = sim.run(applied.scenario);
  simulateMs += s.ms;
  if (nextBootBlocked === undefined) {
    const probe = nextBoot(applied.scenario, s.trace);
    if (!probe.ok) nextBootBlocked = probe.reason;
  }
  return {
    scenario: applied.scenario,
    trace: s.trace,
    conditions: listConditions(conditioned.scenario),
    errors,
    boot,
    ...(inherited === undefined || boot === 0 ? {} : inherited),
    ...(nextBootBlocked === undefined ? {} : { nextBootBlocked }),
    simulateMs,
  };
}

export function prepareRun(trace: Trace): Prepared {
  const index = buildDependencyIndex(trace);
  return { index, model: buildGraphModel(trace, index), times: runTimes(trace), quiet: quietInstances(trace), story: storyOf(trace), gantt: ganttRows(trace) };
}

/** What the simulation worker sends with a trace (PreparedAcross): prepareRun without the dependency index. */
export function prepareToSend(trace: Trace): PreparedAcross {
  const { index: _built, ...across } = prepareRun(trace);
  return across;
}

/** The worker's indexes completed on the page: the dependency index built from the trace (the one that crossed). */
export function completePrepared(trace: Trace, across: PreparedAcross): Prepared {
  return { index: buildDependencyIndex(trace), ...across };
}

interface Statics extends Prepared {
  readonly seeker: Seeker;
}

const STATIC = new WeakMap<Trace, Statics>();

function staticsOf(trace: Trace, prepared: PreparedAcross | undefined): Statics {
  const hit = STATIC.get(trace);
  if (hit !== undefined) return hit;
  const out: Statics = { ...(prepared === undefined ? prepareRun(trace) : completePrepared(trace, prepared)), seeker: createSeeker(trace) };
  STATIC.set(trace, out);
  return out;
}

/** The run the views show: over indexes prepared with the trace (the worker's answer), or built here. */
export function assembleRun(base: Scenario, derived: Derived, prepared?: PreparedAcross): Run {
  return { ...derived, base, ...staticsOf(derived.trace, prepared) };
}

let scratch: Simulator | undefined;

/** One-shot derivation (tests, scripts): a private simulator unless one is given. */
export function deriveRun(base: Scenario, doc: RunRequest, sim?: Simulator): Run {
  scratch ??= createSimulator();
  return assembleRun(base, deriveTraces(base, doc, sim ?? scratch));
}
