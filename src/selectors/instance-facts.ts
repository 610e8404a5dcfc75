/**
 * What the inspector shows about one instance at one instant: `svcs -l`
 * facts, its state history and its log. Pure.
 */
import type { InstanceStatus, LogLine, StatusRecord, Trace } from '../engine/index.ts';
import type { DependencyIndex } from './dependencies.ts';
import { svcsLabel } from './narrate.ts';
import { visualState, type VisualState } from './visual-state.ts';

export interface TargetFact {
  readonly id: string;
  readonly label: string;
  readonly state: VisualState | 'file-present' | 'file-missing';
  /** A service target expanded to its instances. */
  readonly via?: string;
}

export interface GroupFact {
  readonly name: string;
  readonly grouping: string;
  readonly restartOn: string;
  readonly targets: readonly TargetFact[];
  readonly restarter: boolean;
}

export function filePathOf(fmri: string): string {
  return fmri.replace(/^file:\/\/[^/]*/, '');
}

export function dependencyFacts(
  index: DependencyIndex,
  fmri: string,
  statuses: ReadonlyMap<string, InstanceStatus>,
  files: ReadonlySet<string>,
): GroupFact[] {
  return (index.deps.get(fmri) ?? []).map((g) => {
    const targets: TargetFact[] = [];
    for (const t of g.targets) {
      if (t.kind === 'file') {
        const exists = files.has(filePathOf(t.declared));
        targets.push({ id: t.declared, label: exists ? 'present' : 'absent', state: exists ? 'file-present' : 'file-missing' });
      } else if (t.instances.length === 0) {
        targets.push({ id: t.declared, label: 'absent', state: 'absent' });
      } else {
        for (const x of t.instances) {
          const s = statuses.get(x);
          targets.push({ id: x, label: svcsLabel(s), state: visualState(s), ...(t.kind === 'service' ? { via: t.declared } : {}) });
        }
      }
    }
    return { name: g.name, grouping: g.grouping, restartOn: g.restartOn, targets, restarter: g.restarter === true };
  });
}

export interface DependentFact {
  readonly fmri: string;
  readonly group: string;
  readonly grouping: string;
  readonly restartOn: string;
  readonly label: string;
  readonly state: VisualState;
}

export function dependentFacts(index: DependencyIndex, fmri: string, statuses: ReadonlyMap<string, InstanceStatus>): DependentFact[] {
  const inst = index.instances.get(fmri);
  const refs = [...(index.dependents.get(fmri) ?? [])];
  // A dependent that names the whole service also depends on this instance; de-duplicate.
  if (inst !== undefined) for (const r of index.dependents.get(inst.service) ?? []) if (!refs.some((x) => x.fmri === r.fmri)) refs.push(r);
  return refs.map((r) => {
    const s = statuses.get(r.fmri);
    return { ...r, label: svcsLabel(s), state: visualState(s) };
  });
}

export interface HistoryEntry {
  readonly index: number;
  readonly t: number;
  readonly from: string;
  readonly to: string;
  readonly reason: string;
  readonly state: VisualState;
}

/** Every status record of the instance (state or next-state changes), with its record index. */
export function stateHistory(trace: Trace, fmri: string): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  trace.records.forEach((r, index) => {
    if (r.kind !== 'status' || r.fmri !== fmri) return;
    const sr: StatusRecord = r;
    out.push({
      index,
      t: sr.t,
      from: sr.fromNext === 'none' ? sr.from : `${sr.from}*`,
      to: sr.next === 'none' ? sr.to : `${sr.to}*`,
      reason: sr.reason,
      state: visualState(sr.status),
    });
  });
  return out;
}

export function logUpTo(trace: Trace, fmri: string, t: number): LogLine[] {
  return trace.logs.filter((l) => l.fmri === fmri && l.t <= t);
}
