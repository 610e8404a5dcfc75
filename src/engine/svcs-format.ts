/**
 * `svcs -a`-style listings of a trace at an instant. STIME is the simulated
 * time the instance entered its state.
 */
import type { InstanceStatus, Trace } from './trace.ts';

export function formatStime(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(s < 10 ? 3 : 2)}s`;
  const m = Math.floor(s / 60);
  return `${m}m${(s - m * 60).toFixed(1).padStart(4, '0')}s`;
}

/** svcs shows "offline*" while a transition is in progress (svcs.c sprint_state()). */
export function stateLabel(s: InstanceStatus): string {
  if (!s.present) return 'absent';
  return s.next === 'none' ? s.state : `${s.state}*`;
}

export function formatSvcsTable(trace: Trace, statuses: ReadonlyMap<string, InstanceStatus>): string {
  const rows = trace.instances
    .map((i) => ({ fmri: i.fmri, s: statuses.get(i.fmri) ?? i.initial }))
    .filter((r) => r.s.present)
    .sort((a, b) => a.s.since - b.s.since || a.fmri.localeCompare(b.fmri));
  const lines = [`${'STATE'.padEnd(14)}${'STIME'.padStart(10)}    FMRI`];
  for (const r of rows) lines.push(`${stateLabel(r.s).padEnd(14)}${formatStime(r.s.since).padStart(10)}    ${r.fmri}`);
  return lines.join('\n');
}
