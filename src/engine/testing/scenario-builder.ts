/**
 * Tiny helpers for engine tests: build a scenario from a compact description
 * and query a trace. Used only by tests.
 */
import type { DependencySpec, Scenario, ServiceSpec } from '../../model/scenario/types.ts';
import type { Grouping, RestartOn } from '../../model/smf/states.ts';
import { simulate } from '../simulate.ts';
import { createSeeker } from '../seek.ts';
import type { InstanceStatus, Trace } from '../trace.ts';

export function dep(name: string, grouping: Grouping, targets: string[], restart_on: RestartOn = 'none'): DependencySpec {
  return { name, grouping, restart_on, targets };
}

export function svc(fmri: string, extra: Partial<ServiceSpec> = {}): ServiceSpec {
  return { fmri, ...extra };
}

export function scenario(services: ServiceSpec[], extra: Partial<Scenario> = {}): Scenario {
  return { format: 'bootgraph/1', name: 'test', services, ...extra };
}

export function run(services: ServiceSpec[], extra: Partial<Scenario> = {}): Trace {
  return simulate(scenario(services, extra));
}

/** Final status of an instance (":default" appended when no instance is given). */
export function final(trace: Trace, fmri: string): InstanceStatus {
  const f = fmri.includes(':', 5) ? fmri : `${fmri}:default`;
  const s = createSeeker(trace).atIndex(trace.records.length - 1).get(f);
  if (s === undefined) throw new Error(`no instance ${f} in trace`);
  return s;
}

/** Times at which the instance entered `state`. */
export function entered(trace: Trace, fmri: string, state: string): number[] {
  const f = fmri.includes(':', 5) ? fmri : `${fmri}:default`;
  return trace.records.filter((r) => r.kind === 'status' && r.fmri === f && r.to === state && r.from !== state).map((r) => r.t);
}

/** Times at which the instance's start method began. */
export function starts(trace: Trace, fmri: string): number[] {
  const f = fmri.includes(':', 5) ? fmri : `${fmri}:default`;
  return trace.records.filter((r) => r.kind === 'method' && r.fmri === f && r.method === 'start' && r.phase === 'begin').map((r) => r.t);
}
