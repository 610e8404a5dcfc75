/**
 * Comparing two boots (issue 8): the first event where two traces diverge,
 * and the per-instance outcome table (what ended in a different state, or
 * reached it at a different time). Pure: works on two traces.
 *
 * The first divergence is per instance (issue 13): each instance's events
 * (state changes and method runs) are compared in order between the boots;
 * the divergence is the earliest event of one instance that has no equal
 * counterpart in the other boot, so the card names the instance whose event
 * diverges and shows that instance's event on both sides. (Comparing the two
 * boots' merged event lists position by position named whatever instance
 * happened to sit at the first unequal position, with the other boot's event
 * of another instance beside it.)
 */
import { createSeeker } from './seek.ts';
import { explain, type Explanation } from './explain.ts';
import type { InstanceStatus, Trace, TraceRecord } from './trace.ts';

/** One comparable event: a state change or a method run, in trace order. */
export interface BootEvent {
  readonly index: number;
  readonly t: number;
  readonly fmri: string;
  readonly what: string;
}

export interface Divergence {
  /** Position in the instance's own event sequence (0: its first event) where the boots first differ. */
  readonly position: number;
  readonly a?: BootEvent;
  readonly b?: BootEvent;
  /** The instance the divergence is about (a's, else b's). */
  readonly fmri: string;
  readonly t: number;
  /** Whether each boot's graph has that instance at all (option 2 adds a service the other boot does not have). */
  readonly inA: boolean;
  readonly inB: boolean;
  /** svcs -xv of that instance in each boot, at the instant of divergence. */
  readonly explainA?: Explanation;
  readonly explainB?: Explanation;
}

export interface OutcomeRow {
  readonly fmri: string;
  readonly a?: { readonly state: string; readonly since: number };
  readonly b?: { readonly state: string; readonly since: number };
  readonly differs: 'state' | 'time' | 'presence' | 'none';
}

export interface Comparison {
  readonly divergence?: Divergence;
  readonly outcomes: readonly OutcomeRow[];
  /** Instances whose rows differ (for marking Gantt rows). */
  readonly changed: readonly string[];
}

function describe(r: TraceRecord): string | undefined {
  if (r.kind === 'status') return r.from !== r.to ? `${r.from} -> ${r.to}` : undefined;
  if (r.kind === 'method') return r.phase === 'begin' ? `${r.method} method begins` : `${r.method} method exits ${String(r.exit ?? '')}${r.timedOut === true ? ' (timed out)' : ''}`;
  return undefined;
}

export function bootEvents(trace: Trace): BootEvent[] {
  const out: BootEvent[] = [];
  trace.records.forEach((r, index) => {
    if (r.kind !== 'status' && r.kind !== 'method') return;
    const what = describe(r);
    if (what !== undefined) out.push({ index, t: r.t, fmri: r.fmri, what });
  });
  return out;
}

const same = (x: BootEvent, y: BootEvent): boolean => x.t === y.t && x.fmri === y.fmri && x.what === y.what;

function finalStatuses(trace: Trace): ReadonlyMap<string, InstanceStatus> {
  return createSeeker(trace).atIndex(trace.records.length - 1);
}

function byInstance(events: readonly BootEvent[]): Map<string, BootEvent[]> {
  const out = new Map<string, BootEvent[]>();
  for (const e of events) {
    const l = out.get(e.fmri);
    if (l === undefined) out.set(e.fmri, [e]);
    else l.push(e);
  }
  return out;
}

/** The earliest event, over every instance, where the instance's event sequences in the two boots first differ. */
function firstDivergence(a: Trace, b: Trace): { fmri: string; position: number; x?: BootEvent; y?: BootEvent; t: number } | undefined {
  const ia = byInstance(bootEvents(a));
  const ib = byInstance(bootEvents(b));
  let best: { fmri: string; position: number; x?: BootEvent; y?: BootEvent; t: number; order: number } | undefined;
  for (const fmri of new Set([...ia.keys(), ...ib.keys()])) {
    const la = ia.get(fmri) ?? [];
    const lb = ib.get(fmri) ?? [];
    const n = Math.max(la.length, lb.length);
    for (let k = 0; k < n; k++) {
      const x = la[k];
      const y = lb[k];
      if (x !== undefined && y !== undefined && same(x, y)) continue;
      const t = Math.min(x?.t ?? Number.POSITIVE_INFINITY, y?.t ?? Number.POSITIVE_INFINITY);
      // Ties at one instant: the event that comes first in boot A's record order, else in B's.
      const order = x !== undefined && x.t === t ? x.index : (y?.index ?? 0) + a.records.length;
      if (best === undefined || t < best.t || (t === best.t && order < best.order)) {
        best = { fmri, position: k, ...(x === undefined ? {} : { x }), ...(y === undefined ? {} : { y }), t, order };
      }
      break;
    }
  }
  return best;
}

/**
 * How each instance ends in the two boots (the outcome rows of
 * compareTraces, without the first divergence and its explanations). The
 * final statuses may be given (a run's seeker has them), else they are
 * computed from the traces.
 */
export function compareOutcomes(a: Trace, b: Trace, finalA: ReadonlyMap<string, InstanceStatus> = finalStatuses(a), finalB: ReadonlyMap<string, InstanceStatus> = finalStatuses(b)): OutcomeRow[] {
  const fmris = [...new Set([...a.instances.map((i) => i.fmri), ...b.instances.map((i) => i.fmri)])];
  return fmris.map((fmri) => {
    const sa = finalA.get(fmri);
    const sb = finalB.get(fmri);
    const pa = sa !== undefined && sa.present ? { state: sa.state, since: sa.since } : undefined;
    const pb = sb !== undefined && sb.present ? { state: sb.state, since: sb.since } : undefined;
    let differs: OutcomeRow['differs'] = 'none';
    if ((pa === undefined) !== (pb === undefined)) differs = 'presence';
    else if (pa !== undefined && pb !== undefined) {
      if (pa.state !== pb.state) differs = 'state';
      else if (pa.since !== pb.since) differs = 'time';
    }
    return { fmri, ...(pa === undefined ? {} : { a: pa }), ...(pb === undefined ? {} : { b: pb }), differs };
  });
}

export function compareTraces(a: Trace, b: Trace): Comparison {
  let divergence: Divergence | undefined;
  const d = firstDivergence(a, b);
  if (d !== undefined) {
    const { fmri, x, y } = d;
    const at = (tr: Trace, ev: BootEvent | undefined): Explanation | undefined => {
      // Explained as things stand once everything at that instant has happened.
      const s = createSeeker(tr);
      const when = ev?.t ?? Math.min(d.t, tr.endTime);
      return explain({ trace: tr, statuses: s.atTime(when), files: s.filesAtTime(when) }, fmri);
    };
    const explainA = at(a, x);
    const explainB = at(b, y);
    divergence = {
      position: d.position,
      ...(x === undefined ? {} : { a: x }),
      ...(y === undefined ? {} : { b: y }),
      fmri,
      t: d.t,
      inA: a.instances.some((i) => i.fmri === fmri),
      inB: b.instances.some((i) => i.fmri === fmri),
      ...(explainA === undefined ? {} : { explainA }),
      ...(explainB === undefined ? {} : { explainB }),
    };
  }
  const outcomes = compareOutcomes(a, b);
  return {
    ...(divergence === undefined ? {} : { divergence }),
    outcomes,
    changed: outcomes.filter((o) => o.differs !== 'none').map((o) => o.fmri),
  };
}
