/**
 * A guided tour laid over a trace (issue 8): the instant each step shows
 * (the model's stepInstants), what it highlights, the commands that ran at
 * that instant, when playback reaches the next step, and, for the "try it"
 * step, when and how the changed boot answers the question. Pure.
 */
import { createSeeker, explain, type Trace } from '../engine/index.ts';
import { canonicalFmri, shortFmri } from '../model/smf/fmri.ts';
import { stepInstants } from '../teaching/tour.ts';
import type { Tour, TourExpectation, TourStep } from '../teaching/tour-types.ts';
import { hazardOutcome } from './hazard-outcome.ts';
import { formatTime } from './playhead.ts';

export type StepKind = 'at' | 'event' | 'continue';

export interface CommandAt {
  readonly command: string;
  readonly ok: boolean;
  readonly output: readonly string[];
}

export interface StepPlan {
  readonly index: number;
  readonly step: TourStep;
  readonly kind: StepKind;
  /** The instant the step shows (simulated ms). */
  readonly instant: number;
  /** Canonical FMRIs (instances and file:// resources) the step points at. */
  readonly highlight: readonly string[];
  /** Commands of the scenario that ran at exactly this instant (their output is part of the story). */
  readonly commands: readonly CommandAt[];
}

export interface TourPlan {
  readonly tour: Tour;
  readonly steps: readonly StepPlan[];
}

export function stepKind(step: TourStep): StepKind {
  return 'at' in step.when ? 'at' : 'event' in step.when ? 'event' : 'continue';
}

export function planTour(tour: Tour, trace: Trace): TourPlan {
  const instants = stepInstants(tour, trace);
  const steps = tour.steps.map((step, index): StepPlan => {
    const kind = stepKind(step);
    const instant = instants[index] ?? 0;
    const previous = index > 0 ? instants[index - 1] : undefined;
    // A Continue step stays at the previous step's instant: its commands were shown there.
    const fresh = kind !== 'continue' || previous === undefined || previous !== instant;
    const commands: CommandAt[] = [];
    if (fresh) {
      for (const r of trace.records) if (r.kind === 'action' && r.t === instant) commands.push({ command: r.command, ok: r.ok, output: r.output });
    }
    return { index, step, kind, instant, highlight: (step.highlight ?? []).map((h) => canonicalFmri(h) ?? h), commands };
  });
  return { tour, steps };
}

/**
 * While playing from `from` to `to`, the step playback arrives at: the next
 * step, if it is not a Continue step (those wait for a click) and its
 * instant lies in (from, to]. Undefined if none.
 */
export function stepReached(plan: TourPlan, current: number, from: number, to: number): number | undefined {
  const next = plan.steps[current + 1];
  if (next === undefined || next.kind === 'continue') return undefined;
  return next.instant > from && next.instant <= to ? next.index : undefined;
}

/** The graph ids a step lights: its highlights, or for the "try it" step the service its question is about. */
export function stepSpotlight(plan: StepPlan): readonly string[] {
  if (plan.highlight.length > 0) return plan.highlight;
  const first = plan.step.try?.choices[0]?.expect;
  if (first !== undefined && 'fmri' in first) return [canonicalFmri(first.fmri) ?? first.fmri];
  return [];
}

export interface TryOutcome {
  /** The choice the changed boot makes true (-1: none, a broken tour). */
  readonly correct: number;
  /** The instant the changed boot has answered the question (the verdict is shown from then on). */
  readonly revealAt: number;
  /** The service the answer is about, to select. */
  readonly fmri?: string;
  /** One line: what happens in the changed boot, from the model. */
  readonly line: string;
}

function expectationOf(step: TourStep, correct: number): TourExpectation | undefined {
  const choices = step.try?.choices ?? [];
  return (choices[correct] ?? choices[0])?.expect;
}

/**
 * What the changed boot answers. `original` is the tour's own boot: the
 * verdict waits at least until the moment the original boot settled the
 * same question (a service that is disabled from the start in the changed
 * boot is revealed when the original would have started it, or at the end).
 * With per-choice conditions, `changed` is the boot of choice `played`.
 */
export function tryOutcome(step: TourStep, right: readonly boolean[], changed: Trace, original: Trace, played?: number): TryOutcome {
  const correct = right.indexOf(true);
  // Per-choice conditions: `changed` is the boot of the choice played, described by that choice's expectation.
  const e = expectationOf(step, played ?? correct);
  const end = changed.endTime;
  if (e === undefined) return { correct, revealAt: end, line: 'This step has no question.' };
  if ('hazard' in e) return { correct, ...hazardOutcome(e.hazard, changed, original) };
  if ('restarted' in e) {
    const fmri = canonicalFmri(e.fmri) ?? e.fmri;
    const stop = changed.records.find((r) => r.kind === 'status' && r.fmri === fmri && (r.from === 'online' || r.from === 'degraded') && r.to !== 'online' && r.to !== 'degraded');
    if (stop === undefined || stop.kind !== 'status') return { correct, revealAt: end, fmri, line: `${shortFmri(fmri)} keeps running through the changed boot.` };
    return { correct, revealAt: Math.min(end, stop.t), fmri, line: `${shortFmri(fmri)} is stopped at ${formatTime(stop.t)} (${stop.reason}).` };
  }
  if ('fmri' in e && e.at !== undefined) {
    const fmri = canonicalFmri(e.fmri) ?? e.fmri;
    const at = Math.min(end, e.at);
    const st = createSeeker(changed).atTime(at).get(fmri);
    return { correct, revealAt: at, fmri, line: `${shortFmri(fmri)} is ${st?.present === true ? st.state : 'not in the repository'} at ${formatTime(at)} in the changed boot.` };
  }
  if ('fmri' in e) {
    const fmri = canonicalFmri(e.fmri) ?? e.fmri;
    const last = createSeeker(changed).atIndex(changed.records.length - 1).get(fmri);
    const before = createSeeker(original).atIndex(original.records.length - 1).get(fmri);
    const since = last?.since ?? 0;
    const revealAt = Math.min(end, Math.max(since, before?.since ?? 0));
    if (last === undefined || !last.present) return { correct, revealAt, fmri, line: `${shortFmri(fmri)} is not in the repository in the changed boot.` };
    const s = createSeeker(changed);
    const ex = explain({ trace: changed, statuses: s.atTime(end), files: s.filesAtTime(end) }, fmri);
    const why = last.state === 'online' || last.state === 'degraded' ? '' : ex?.reasons[0]?.text.replace(/\s+/g, ' ').trim() ?? '';
    const when = since > 0 ? ` at ${formatTime(since)}` : ' from the start';
    return { correct, revealAt, fmri, line: `${shortFmri(fmri)} ends ${last.state}${when}${why === '' ? '.' : `: ${why}`}` };
  }
  if ('action' in e) {
    const a = changed.records.find((r) => r.kind === 'action' && r.command === e.action);
    if (a === undefined || a.kind !== 'action') return { correct, revealAt: end, line: `${e.action} does not run in the changed boot.` };
    const said = a.output[0];
    return {
      correct,
      revealAt: Math.min(end, a.t),
      line: `${a.command} ${a.ok ? 'succeeds' : 'is refused'} at ${formatTime(a.t)}${said === undefined ? '.' : `: ${said}`}`,
    };
  }
  const exists = createSeeker(changed).filesAtTime(end).has(e.file);
  return { correct, revealAt: end, line: `${e.file} ${exists ? 'exists' : 'does not exist'} at the end of the changed boot.` };
}
