/**
 * For tests only: a trace and the statuses of one instant, written down
 * directly (no simulation), so that svcs -x's rules can be tested on any
 * combination of states, and on graphs far larger than a boot of them would
 * be quick to simulate.
 */
import type { Grouping, InstanceState, NextState } from '../../model/smf/states.ts';
import { TRACE_FORMAT, type InstanceStatus, type Trace, type TraceGroup, type TraceInstance } from '../trace.ts';

export interface SyntheticInstance {
  readonly fmri: string;
  readonly state: InstanceState;
  readonly next?: NextState;
  readonly enabled?: boolean;
  /** Not in the repository at this instant. */
  readonly absent?: boolean;
  readonly aux?: InstanceStatus['aux'];
  readonly groups?: readonly { readonly grouping: Grouping; readonly targets: readonly string[]; readonly type?: 'service' | 'path' }[];
  readonly restarter?: string;
}

export interface SyntheticInstant {
  readonly trace: Trace;
  readonly statuses: ReadonlyMap<string, InstanceStatus>;
  readonly files: ReadonlySet<string>;
}

export function syntheticInstant(list: readonly SyntheticInstance[], files: readonly string[] = []): SyntheticInstant {
  const instances: TraceInstance[] = [];
  const statuses = new Map<string, InstanceStatus>();
  for (const x of list) {
    const cut = x.fmri.lastIndexOf(':');
    const service = x.fmri.slice(0, cut);
    const groups: TraceGroup[] = (x.groups ?? []).map((g, k) => ({ name: `g${k}`, grouping: g.grouping, restartOn: 'none', type: g.type ?? 'service', targets: g.targets }));
    const status: InstanceStatus = {
      state: x.state,
      next: x.next ?? 'none',
      aux: x.aux ?? (x.state === 'maintenance' ? 'method_failed' : 'none'),
      since: 0,
      enabled: x.enabled ?? x.state !== 'disabled',
      temporary: false,
      configured: x.absent !== true,
      present: x.absent !== true,
    };
    instances.push({
      fmri: x.fmri, service, name: x.fmri.slice(cut + 1), model: 'transient', groups, documentation: [], startExec: ':true',
      ...(x.restarter === undefined ? {} : { restarter: x.restarter }), initial: status,
    });
    statuses.set(x.fmri, status);
  }
  const trace: Trace = {
    format: TRACE_FORMAT, scenarioName: 'synthetic', era: '2025', milestone: 'all', instances, services: [...new Set(instances.map((i) => i.service))],
    files: [], initialFiles: files, records: [], console: [], logs: [], endTime: 0, quiescent: true, diagnostics: [], worldInitial: undefined, worldFinal: undefined,
  };
  return { trace, statuses, files: new Set(files) };
}
