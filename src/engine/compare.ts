/**
 * Comparing two boots (issue 8): the first event where two traces diverge,
 * and the per-instance outcome table (what ended in a different state, or
 * reached it at a different time). Pure: works on two traces.
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
  /** Position in the comparable event sequences where they first differ. */
  readonly position: number;
  readonly a?: BootEvent;
  readonly b?: BootEvent;
  /** The instance the divergence is about (a's, else b's). */
  readonly fmri: string;
  readonly t: number;
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

export function compareTraces(a: Trace, b: Trace): Comparison {
  const ea = bootEvents(a);
  const eb = bootEvents(b);
  let divergence: Divergence | undefined;
  const n = Math.max(ea.length, eb.length);
  for (let k = 0; k < n; k++) {
    const x = ea[k];
    const y = eb[k];
    if (x !== undefined && y !== undefined && same(x, y)) continue;
    const fmri = x?.fmri ?? y?.fmri ?? '';
    const t = Math.min(x?.t ?? Number.POSITIVE_INFINITY, y?.t ?? Number.POSITIVE_INFINITY);
    const at = (tr: Trace, ev: BootEvent | undefined): Explanation | undefined => {
      // Explained as things stand once everything at that instant has happened.
      const s = createSeeker(tr);
      const when = ev?.t ?? tr.endTime;
      return explain({ trace: tr, statuses: s.atTime(when), files: s.filesAtTime(when) }, fmri);
    };
    const explainA = at(a, x);
    const explainB = at(b, y);
    divergence = {
      position: k,
      ...(x === undefined ? {} : { a: x }),
      ...(y === undefined ? {} : { b: y }),
      fmri,
      t,
      ...(explainA === undefined ? {} : { explainA }),
      ...(explainB === undefined ? {} : { explainB }),
    };
    break;
  }
  const fa = finalStatuses(a);
  const fb = finalStatuses(b);
  const fmris = [...new Set([...a.instances.map((i) => i.fmri), ...b.instances.map((i) => i.fmri)])];
  const outcomes: OutcomeRow[] = fmris.map((fmri) => {
    const sa = fa.get(fmri);
    const sb = fb.get(fmri);
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
  return {
    ...(divergence === undefined ? {} : { divergence }),
    outcomes,
    changed: outcomes.filter((o) => o.differs !== 'none').map((o) => o.fmri),
  };
}
