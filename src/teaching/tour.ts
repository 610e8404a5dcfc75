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
import type { Tour, TourChoice, TourStep } from './tour-types.ts';

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
      if (!isObj(tr) || !isObj(tr['condition']) || typeof tr['question'] !== 'string' || !Array.isArray(tr['choices']) || tr['choices'].length < 2) {
        out.push(`${p}.try: condition, question and at least two choices`);
      } else if (tr['after'] !== undefined && tr['after'] !== 'next-boot') out.push(`${p}.try.after: "next-boot" or absent`);
    }
  });
  const last = steps[steps.length - 1];
  if (!isObj(last) || last['try'] === undefined) out.push('$.steps: the last step must be a "try it" step');
  return out;
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

export interface TryVerdict {
  readonly ok: true;
  /** For each choice: whether it is what happens in the changed boot. */
  readonly right: readonly boolean[];
  readonly scenario: Scenario;
  readonly trace: Trace;
}

/** Simulate the "try it" change (with the caller's simulator) and say which predictions come true. */
export function evaluateTry(scenario: Scenario, step: TourStep, simulate: (changed: Scenario) => Trace): TryVerdict | { ok: false; error: string } {
  const tr = step.try;
  if (tr === undefined) return { ok: false, error: `step ${step.id} is not a "try it" step` };
  const changed = setCondition(scenario, tr.condition.id, tr.condition.value);
  if (!changed.ok) return { ok: false, error: changed.error };
  let judged = changed.scenario;
  let trace = simulate(judged);
  if (tr.after === 'next-boot') {
    const next = nextBootScenario(judged, trace);
    if (!next.ok) return { ok: false, error: next.error };
    judged = next.scenario;
    trace = simulate(judged);
  }
  const right = tr.choices.map((c) => holds(trace, c));
  return { ok: true, right, scenario: judged, trace };
}

function holds(trace: Trace, c: TourChoice): boolean {
  const e = c.expect;
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
