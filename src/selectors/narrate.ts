/**
 * Sentences about a trace: one line per record (the event list), and short
 * announcements of what changed between two instants (the aria-live region).
 * Pure; every string is plain text rendered by React as text.
 */
import { stateLabel, type InstanceStatus, type Trace, type TraceRecord } from '../engine/index.ts';
import { shortFmri } from '../model/smf/fmri.ts';
import { STATE_META, visualState, type VisualState } from './visual-state.ts';

export type RecordTone = 'neutral' | 'good' | 'bad' | 'warn' | 'info';

export interface RecordLine {
  readonly subject?: string;
  readonly text: string;
  readonly tone: RecordTone;
}

function label(state: string, next: string): string {
  return next === 'none' ? state : `${state}*`;
}

export function describeRecord(r: TraceRecord): RecordLine {
  switch (r.kind) {
    case 'status': {
      const to = label(r.to, r.next);
      const tone: RecordTone = r.to === 'maintenance' ? 'bad' : r.to === 'online' && r.next === 'none' ? 'good' : r.to === 'degraded' ? 'warn' : 'neutral';
      return { subject: r.fmri, text: `${label(r.from, r.fromNext)} → ${to}  (${r.reason})`, tone };
    }
    case 'method': {
      if (r.phase === 'begin') {
        return { subject: r.fmri, text: `${r.method} method begins: ${r.exec}${r.attempt > 1 ? ` (attempt ${r.attempt})` : ''}`, tone: 'info' };
      }
      if (r.timedOut === true) return { subject: r.fmri, text: `${r.method} method timed out`, tone: 'bad' };
      const ok = r.exit === 0 || r.exit === undefined;
      const exit = r.exit === undefined ? '' : typeof r.exit === 'number' ? `exit ${r.exit}` : r.exit;
      return { subject: r.fmri, text: `${r.method} method ${ok ? 'exited' : 'failed'}${exit === '' ? '' : ` (${exit})`}${r.duration === undefined ? '' : ` after ${r.duration} ms`}`, tone: ok ? 'neutral' : 'bad' };
    }
    case 'action':
      return { text: `# ${r.command}${r.ok ? '' : `  → ${r.output.join(' ') || 'failed'}`}`, tone: r.ok ? 'info' : 'bad' };
    case 'world':
      return { text: r.change.summary, tone: 'info' };
    case 'milestone':
      return { subject: r.milestone, text: r.reached ? 'milestone reached' : 'milestone not reached', tone: r.reached ? 'good' : 'warn' };
  }
}

export interface StateChange {
  readonly fmri: string;
  readonly from: VisualState;
  readonly to: VisualState;
}

/** Instances whose visual state differs between two instants, in trace order. */
export function stateChanges(trace: Trace, before: ReadonlyMap<string, InstanceStatus>, after: ReadonlyMap<string, InstanceStatus>): StateChange[] {
  const out: StateChange[] = [];
  for (const i of trace.instances) {
    const a = visualState(before.get(i.fmri));
    const b = visualState(after.get(i.fmri));
    if (a !== b) out.push({ fmri: i.fmri, from: a, to: b });
  }
  return out;
}

/** One polite sentence for a screen reader; lists at most `max` changes. */
export function announceChanges(changes: readonly StateChange[], max = 3): string {
  if (changes.length === 0) return '';
  const shown = changes.slice(0, max).map((c) => `${shortFmri(c.fmri)} ${STATE_META[c.to].label}`);
  const more = changes.length - shown.length;
  return `${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}.`;
}

/** svcs' label for a status, "absent" for one not in the repository. */
export function svcsLabel(s: InstanceStatus | undefined): string {
  return s === undefined ? 'absent' : stateLabel(s);
}
