/**
 * The boot as a Gantt chart (systemd-analyze plot for SMF): one row per
 * instance, one bar per stretch of time in one visual state, markers where a
 * method failed. Computed once per trace. Pure.
 */
import type { InstanceStatus, Trace } from '../engine/index.ts';
import { shortFmri } from '../model/smf/fmri.ts';
import { visualState, type VisualState } from './visual-state.ts';

export interface GanttBar {
  readonly start: number;
  /** Exclusive; for the last bar, the trace's end (the state continues). */
  readonly end: number;
  readonly kind: VisualState;
  /** The last bar of the row: the state holds past the end of the trace. */
  readonly open: boolean;
}

export interface GanttMarker {
  readonly t: number;
  readonly kind: 'fail' | 'fault' | 'admin';
  readonly text: string;
}

export interface GanttRow {
  readonly fmri: string;
  readonly bars: readonly GanttBar[];
  readonly markers: readonly GanttMarker[];
  /** When its first start method began (Infinity if it never started): the sort key. */
  readonly firstStart: number;
  /** Never did anything in this boot (disabled, or uninitialized, throughout). */
  readonly idle: boolean;
}

const QUIET: ReadonlySet<VisualState> = new Set(['disabled', 'uninitialized', 'absent']);

export function ganttRows(trace: Trace): GanttRow[] {
  const byFmri = new Map<string, { t: number; s: InstanceStatus }[]>();
  const markers = new Map<string, GanttMarker[]>();
  for (const i of trace.instances) {
    byFmri.set(i.fmri, [{ t: 0, s: i.initial }]);
    markers.set(i.fmri, []);
  }
  for (const r of trace.records) {
    if (r.kind === 'status') {
      byFmri.get(r.fmri)?.push({ t: r.t, s: r.status });
      if (r.reason.startsWith('ct_ev_') && r.from === r.to && r.fromNext === 'none') {
        markers.get(r.fmri)?.push({ t: r.t, kind: 'fault', text: `contract event ${r.reason}` });
      }
    } else if (r.kind === 'method' && r.phase === 'end' && (r.timedOut === true || (r.exit !== undefined && r.exit !== 0))) {
      const why = r.timedOut === true ? 'timed out' : `exit ${String(r.exit)}`;
      markers.get(r.fmri)?.push({ t: r.t, kind: 'fail', text: `${r.method} method failed (${why})` });
    } else if (r.kind === 'action') {
      const words = new Set(r.command.split(/\s+/));
      for (const i of trace.instances) {
        if (words.has(i.fmri) || words.has(shortFmri(i.fmri)) || words.has(i.service)) {
          markers.get(i.fmri)?.push({ t: r.t, kind: 'admin', text: r.command });
        }
      }
    }
  }
  const end = trace.endTime;
  const rows: GanttRow[] = [];
  for (const i of trace.instances) {
    const points = byFmri.get(i.fmri) ?? [];
    const bars: GanttBar[] = [];
    let firstStart = Infinity;
    for (let k = 0; k < points.length; k++) {
      const p = points[k];
      if (p === undefined) continue;
      const kind = visualState(p.s);
      if (kind === 'starting' && p.t < firstStart) firstStart = p.t;
      const nextT = points[k + 1]?.t;
      const stop = nextT ?? Math.max(end, p.t);
      const last = bars[bars.length - 1];
      if (last !== undefined && last.kind === kind) {
        bars[bars.length - 1] = { ...last, end: stop, open: nextT === undefined };
      } else if (stop > p.t || nextT === undefined) {
        bars.push({ start: p.t, end: stop, kind, open: nextT === undefined });
      }
    }
    const ms = (markers.get(i.fmri) ?? []).sort((a, b) => a.t - b.t);
    const idle = bars.every((b) => QUIET.has(b.kind)) && ms.length === 0;
    rows.push({ fmri: i.fmri, bars, markers: ms, firstStart, idle });
  }
  return rows.sort((a, b) => a.firstStart - b.firstStart || a.fmri.localeCompare(b.fmri));
}

/** The bar of a row covering instant t (the open last bar covers everything after it). */
export function barAt(row: GanttRow, t: number): GanttBar | undefined {
  for (const b of row.bars) if (t >= b.start && (t < b.end || b.open)) return b;
  return undefined;
}

/** "Nice" tick spacing for a time axis of `span` ms with about `target` ticks. */
export function axisTicks(span: number, target = 8): number[] {
  if (span <= 0) return [0];
  const raw = span / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let t = 0; t <= span + 1e-9; t += step) out.push(Math.round(t));
  return out;
}

/** Instances that stay disabled, uninitialized or absent for the whole boot (nothing to watch). */
export function quietInstances(trace: Trace): Set<string> {
  const quiet = new Set<string>();
  for (const i of trace.instances) if (QUIET.has(visualState(i.initial))) quiet.add(i.fmri);
  for (const r of trace.records) if (r.kind === 'status' && !QUIET.has(visualState(r.status))) quiet.delete(r.fmri);
  return quiet;
}
