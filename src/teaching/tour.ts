/**
 * Tours: validation of the JSON data, the instant each step applies to in a
 * given trace, and the "try it" verdict, computed by simulating the changed
 * scenario (the answer comes from the model, never from the tour file).
 */
import { canonicalFmri } from '../model/smf/fmri.ts';
import type { Scenario } from '../model/scenario/types.ts';
import { setCondition } from '../model/world/conditions.ts';
import { createSeeker } from '../engine/seek.ts';
import { nextBootScenario } from '../scenarios/next-boot.ts';
import type { Trace } from '../engine/trace.ts';
import { hazardRemoved } from './try-hazard.ts';
import type { Tour, TourChoice, TourCondition, TourStep } from './tour-types.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const STATES = ['uninitialized', 'offline', 'online', 'degraded', 'maintenance', 'disabled'];

/** Checks a tour file; returns the problems (JSON path: message). */
export function validateTour(t: unknown): string[] {
  const out: string[] = [];
  if (!isObj(t)) return ['$: a tour must be an object'];
  for (const k of ['id', 'preset', 'title', 'summary']) if (typeof t[k] !== 'string' || (t[k] as string).length === 0) out.push(`$.${k}: required string`);
  const steps = t['steps'];
  if (!Array.isArray(steps) || steps.length < 2) return [...out, '$.steps: at least two steps'];
  const ids = new Set<string>();
  steps.forEach((s, i) => {
    const p = `$.steps[${i}]`;
    if (!isObj(s)) {
      out.push(`${p}: a step must be an object`);
      return;
    }
    if (typeof s['id'] !== 'string' || ids.has(s['id'])) out.push(`${p}.id: a unique id is required`);
    else ids.add(s['id']);
    if (typeof s['title'] !== 'string' || typeof s['text'] !== 'string') out.push(`${p}: title and text are required`);
    const h = s['highlight'];
    if (h !== undefined && (!Array.isArray(h) || h.some((x) => typeof x !== 'string' || canonicalFmri(x) === undefined))) {
      out.push(`${p}.highlight: a list of FMRIs (svc:/… or file://…)`);
    }
    const w = s['when'];
    if (!isObj(w)) out.push(`${p}.when: required`);
    else if ('at' in w) {
      if (typeof w['at'] !== 'number' || w['at'] < 0) out.push(`${p}.when.at: a non-negative time`);
    } else if ('event' in w) {
      const e = w['event'];
      if (!isObj(e) || typeof e['fmri'] !== 'string' || canonicalFmri(e['fmri']) === undefined) out.push(`${p}.when.event.fmri: an instance FMRI`);
      else if (!(typeof e['to'] === 'string' && STATES.includes(e['to'])) && !(typeof e['leaves'] === 'string' && STATES.includes(e['leaves']))) {
        out.push(`${p}.when.event: give "to" or "leaves" with a state`);
      }
    } else if (w['continue'] !== true) out.push(`${p}.when: at, event or continue`);
    const tr = s['try'];
    if (tr !== undefined) {
      if (!isObj(tr) || typeof tr['question'] !== 'string' || !Array.isArray(tr['choices']) || tr['choices'].length < 2) {
        out.push(`${p}.try: condition, question and at least two choices`);
      } else {
        if (tr['after'] !== undefined && tr['after'] !== 'next-boot') out.push(`${p}.try.after: "next-boot" or absent`);
        const choices: unknown[] = tr['choices'];
        const own = choices.map((c) => (isObj(c) ? c['condition'] : undefined));
        if (!isCondition(tr['condition']) && !own.every(isCondition)) out.push(`${p}.try: condition, question and at least two choices`);
        own.forEach((c, k) => {
          if (c !== undefined && !isCondition(c)) out.push(`${p}.try.choices[${k}].condition: an object with id and value`);
        });
      }
    }
  });
  const last = steps[steps.length - 1];
  if (!isObj(last) || last['try'] === undefined) out.push('$.steps: the last step must be a "try it" step');
  return out;
}

function isCondition(v: unknown): v is TourCondition {
  return isObj(v) && typeof v['id'] === 'string' && typeof v['value'] === 'string';
}

/** The condition a choice is played with: its own, else the step's. */
export function choiceCondition(step: TourStep, choice: number): TourCondition | undefined {
  return step.try?.choices[choice]?.condition ?? step.try?.condition;
}

/** Each choice names its own condition ("which fix removes it?"): each is judged on its own boot. */
export function perChoice(step: TourStep): boolean {
  return step.try?.choices.some((c) => c.condition !== undefined) === true;
}

/** The instant each step shows: event steps find their first event at or after the previous step's instant. */
export function stepInstants(tour: Tour, trace: Trace): number[] {
  const out: number[] = [];
  let prev = 0;
  for (const step of tour.steps) {
    let t = prev;
    const w = step.when;
    if ('at' in w) t = w.at;
    else if ('event' in w) {
      const { fmri, to, leaves } = w.event;
      const canon = canonicalFmri(fmri) ?? fmri;
      const r = trace.records.find(
        (x) => x.kind === 'status' && x.fmri === canon && x.t >= prev && x.from !== x.to && (to === undefined || x.to === to) && (leaves === undefined || x.from === leaves),
      );
      t = r?.t ?? trace.endTime;
    }
    out.push(t);
    prev = t;
  }
  return out;
}

export interface ChoiceBoot {
  readonly scenario: Scenario;
  readonly trace: Trace;
}

export interface TryVerdict {
  readonly ok: true;
  /** For each choice: whether it is what happens in the changed boot (its own boot, for per-choice conditions). */
  readonly right: readonly boolean[];
  readonly scenario: Scenario;
  readonly trace: Trace;
  /** Per-choice conditions: each choice's boot, by choice index (`scenario`/`trace` are the first right one's). */
  readonly boots?: readonly ChoiceBoot[];
}

/** Simulate the "try it" change (with the caller's simulator) and say which predictions come true. */
export function evaluateTry(scenario: Scenario, step: TourStep, simulate: (changed: Scenario) => Trace): TryVerdict | { ok: false; error: string } {
  const tr = step.try;
  if (tr === undefined) return { ok: false, error: `step ${step.id} is not a "try it" step` };
  if (perChoice(step)) return evaluateChoices(scenario, step, simulate);
  if (tr.condition === undefined) return { ok: false, error: `step ${step.id} has no condition to change` };
  const boot = changedBoot(scenario, step, tr.condition, simulate);
  if (!boot.ok) return boot;
  const right = tr.choices.map((c) => holds(boot.trace, c));
  return { ok: true, right, scenario: boot.scenario, trace: boot.trace };
}

/** The boot a "try it" judges: the scenario with the condition set, or (after: next-boot) the boot after it. */
function changedBoot(scenario: Scenario, step: TourStep, condition: TourCondition, simulate: (changed: Scenario) => Trace): ({ ok: true } & ChoiceBoot) | { ok: false; error: string } {
  const changed = setCondition(scenario, condition.id, condition.value);
  if (!changed.ok) return { ok: false, error: changed.error };
  let judged = changed.scenario;
  let trace = simulate(judged);
  if (step.try?.after === 'next-boot') {
    const next = nextBootScenario(judged, trace);
    if (!next.ok) return { ok: false, error: next.error };
    judged = next.scenario;
    trace = simulate(judged);
  }
  return { ok: true, scenario: judged, trace };
}

/** Per-choice conditions: boot each choice's change and judge the choice on its own boot. */
function evaluateChoices(scenario: Scenario, step: TourStep, simulate: (changed: Scenario) => Trace): TryVerdict | { ok: false; error: string } {
  const boots: ChoiceBoot[] = [];
  const right: boolean[] = [];
  const choices = step.try?.choices ?? [];
  for (let k = 0; k < choices.length; k++) {
    const c = choiceCondition(step, k);
    const choice = choices[k];
    if (c === undefined || choice === undefined) return { ok: false, error: `step ${step.id}: choice ${k + 1} has no condition to change` };
    const boot = changedBoot(scenario, step, c, simulate);
    if (!boot.ok) return boot;
    boots.push({ scenario: boot.scenario, trace: boot.trace });
    right.push(holds(boot.trace, choice));
  }
  const shown = boots[Math.max(0, right.indexOf(true))] ?? boots[0];
  if (shown === undefined) return { ok: false, error: `step ${step.id} has no choices` };
  return { ok: true, right, scenario: shown.scenario, trace: shown.trace, boots };
}

function holds(trace: Trace, c: TourChoice): boolean {
  const e = c.expect;
  if ('hazard' in e) return hazardRemoved(trace, e.hazard).removed === e.removed;
  if ('restarted' in e) {
    const fmri = canonicalFmri(e.fmri) ?? e.fmri;
    const left = trace.records.some((r) => r.kind === 'status' && r.fmri === fmri && (r.from === 'online' || r.from === 'degraded') && r.to !== 'online' && r.to !== 'degraded');
    return left === e.restarted;
  }
  if ('fmri' in e) {
    const seeker = createSeeker(trace);
    const statuses = e.at === undefined ? seeker.atIndex(trace.records.length - 1) : seeker.atTime(e.at);
    const s = statuses.get(canonicalFmri(e.fmri) ?? e.fmri);
    return s !== undefined && s.state === e.state;
  }
  if ('action' in e) {
    const a = trace.records.find((r) => r.kind === 'action' && r.command === e.action);
    return a !== undefined && a.kind === 'action' && a.ok === e.ok;
  }
  return createSeeker(trace).filesAtTime(trace.endTime).has(e.file) === e.exists;
}
