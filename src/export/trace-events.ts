/**
 * The boot as Chrome/Perfetto trace-event JSON (the "JSON Array/Object
 * Format" that ui.perfetto.dev and chrome://tracing open): one track (a
 * thread of one process) per instance, named by its FMRI and sorted in the
 * order instances first leave their initial state; each method run is a
 * complete span ("ph": "X") on its instance's track; each change of state is
 * an instant ("ph": "i") on that track; the administrator's commands and the
 * milestones are on a track of their own, console lines on another.
 * Simulated milliseconds become trace microseconds. Pure: from the trace only.
 */
import type { Trace, MethodRecord } from '../engine/trace.ts';

export interface TraceEvent {
  readonly name: string;
  readonly ph: 'M' | 'X' | 'i';
  readonly pid: number;
  readonly tid: number;
  readonly ts?: number;
  readonly dur?: number;
  readonly cat?: string;
  /** Instant scope: thread. */
  readonly s?: 't' | 'p' | 'g';
  readonly args?: Readonly<Record<string, string | number | boolean>>;
}

export interface TraceEventFile {
  readonly traceEvents: readonly TraceEvent[];
  readonly displayTimeUnit: 'ms';
  readonly otherData: Readonly<Record<string, string>>;
}

const PID = 1;
/** Tracks that are not instances. */
const ADMIN_TID = 1;
const CONSOLE_TID = 2;
const FIRST_INSTANCE_TID = 10;

const us = (ms: number): number => Math.round(ms * 1000);

/** Instances in the order they first change state (then the ones that never do, by FMRI). */
function trackOrder(trace: Trace): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of trace.records) {
    if ((r.kind === 'status' || r.kind === 'method') && !seen.has(r.fmri)) {
      seen.add(r.fmri);
      out.push(r.fmri);
    }
  }
  for (const i of [...trace.instances].sort((a, b) => a.fmri.localeCompare(b.fmri))) {
    if (!seen.has(i.fmri)) {
      seen.add(i.fmri);
      out.push(i.fmri);
    }
  }
  return out;
}

function meta(name: string, tid: number, args: Record<string, string | number>): TraceEvent {
  return { name, ph: 'M', pid: PID, tid, args };
}

export function traceEvents(trace: Trace): TraceEventFile {
  const order = trackOrder(trace);
  const tid = new Map(order.map((f, k) => [f, FIRST_INSTANCE_TID + k]));
  const events: TraceEvent[] = [
    meta('process_name', 0, { name: `bootgraph: ${trace.scenarioName}` }),
    meta('thread_name', ADMIN_TID, { name: 'svcadm, faults and milestones' }),
    meta('thread_sort_index', ADMIN_TID, { sort_index: 0 }),
    meta('thread_name', CONSOLE_TID, { name: 'console' }),
    meta('thread_sort_index', CONSOLE_TID, { sort_index: 1 }),
  ];
  const common = new Map(trace.instances.map((i) => [i.fmri, i.commonName]));
  order.forEach((fmri, k) => {
    const t = FIRST_INSTANCE_TID + k;
    const name = common.get(fmri);
    events.push(meta('thread_name', t, { name: name === undefined ? fmri : `${fmri} (${name})` }));
    events.push(meta('thread_sort_index', t, { sort_index: k + 2 }));
  });
  const open = new Map<string, MethodRecord>();
  const key = (r: MethodRecord): string => `${r.fmri}\u0000${r.method}\u0000${r.attempt}`;
  const span = (begin: MethodRecord, endT: number, end: MethodRecord | undefined): TraceEvent => ({
    name: begin.method,
    cat: 'method',
    ph: 'X',
    pid: PID,
    tid: tid.get(begin.fmri) ?? FIRST_INSTANCE_TID,
    ts: us(begin.t),
    dur: us(endT - begin.t),
    args: {
      exec: begin.exec,
      attempt: begin.attempt,
      ...(end?.exit === undefined ? {} : { exit: String(end.exit) }),
      ...(end?.timedOut === true ? { timedOut: true } : {}),
      ...(end === undefined ? { unfinished: true } : {}),
    },
  });
  for (const r of trace.records) {
    switch (r.kind) {
      case 'method':
        if (r.phase === 'begin') open.set(key(r), r);
        else {
          const begin = open.get(key(r));
          if (begin !== undefined) {
            open.delete(key(r));
            events.push(span(begin, r.t, r));
          }
        }
        break;
      case 'status':
        if (r.from === r.to && r.fromNext === r.next) break;
        events.push({
          name: r.next === 'none' ? r.to : `${r.to} → ${r.next}`,
          cat: 'state',
          ph: 'i',
          s: 't',
          pid: PID,
          tid: tid.get(r.fmri) ?? FIRST_INSTANCE_TID,
          ts: us(r.t),
          args: { from: r.from, to: r.to, next: r.next, reason: r.reason },
        });
        break;
      case 'action':
        events.push({ name: r.command, cat: 'action', ph: 'i', s: 't', pid: PID, tid: ADMIN_TID, ts: us(r.t), args: { ok: r.ok, output: r.output.join('\n') } });
        break;
      case 'milestone':
        events.push({ name: `milestone ${r.milestone}${r.reached ? ' reached' : ''}`, cat: 'milestone', ph: 'i', s: 'p', pid: PID, tid: ADMIN_TID, ts: us(r.t), args: { milestone: r.milestone, reached: r.reached } });
        break;
      case 'world':
        break;
    }
  }
  for (const begin of open.values()) events.push(span(begin, trace.endTime, undefined));
  for (const c of trace.console) {
    events.push({ name: c.text, cat: 'console', ph: 'i', s: 't', pid: PID, tid: CONSOLE_TID, ts: us(c.t), args: { source: c.source, ...(c.fmri === undefined ? {} : { fmri: c.fmri }) } });
  }
  return {
    traceEvents: events,
    displayTimeUnit: 'ms',
    otherData: { generator: 'bootgraph', scenario: trace.scenarioName, era: trace.era, milestone: trace.milestone, format: trace.format },
  };
}

export function traceEventsText(trace: Trace): string {
  return `${JSON.stringify(traceEvents(trace))}\n`;
}
