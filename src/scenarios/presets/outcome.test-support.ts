/**
 * Queries over a trace for the preset tests (used only by *.test.ts files).
 * Kept here rather than in src/engine/testing because they read the world's
 * records and snapshot too.
 */
import { createSeeker } from '../../engine/seek.ts';
import { explain, type Explanation } from '../../engine/explain.ts';
import { simulate } from '../../engine/simulate.ts';
import type { InstanceStatus, Trace, WorldRecord } from '../../engine/trace.ts';
import type { Scenario } from '../../model/scenario/types.ts';
import { setCondition } from '../../model/world/conditions.ts';
import { nextBoot } from '../../model/world/next-boot.ts';
import { parseWorldSnapshot, type WorldSnapshot } from '../../model/world/snapshot.ts';

export function set(s: Scenario, id: string, value: string): Scenario {
  const r = setCondition(s, id, value);
  if (!r.ok) throw new Error(r.error);
  return r.scenario;
}

export class Run {
  readonly trace: Trace;
  private readonly finals: ReadonlyMap<string, InstanceStatus>;
  constructor(readonly scenario: Scenario) {
    this.trace = simulate(scenario);
    this.finals = createSeeker(this.trace).atIndex(this.trace.records.length - 1);
  }
  final(fmri: string): InstanceStatus {
    const s = this.finals.get(fmri);
    if (s === undefined) throw new Error(`no instance ${fmri}`);
    return s;
  }
  state(fmri: string): string {
    return this.final(fmri).state;
  }
  /** When the start method of `fmri` began (first attempt). */
  started(fmri: string): number {
    const r = this.trace.records.find((x) => x.kind === 'method' && x.fmri === fmri && x.method === 'start' && x.phase === 'begin');
    if (r === undefined) throw new Error(`${fmri} never started`);
    return r.t;
  }
  hasStarted(fmri: string): boolean {
    return this.trace.records.some((x) => x.kind === 'method' && x.fmri === fmri && x.method === 'start' && x.phase === 'begin');
  }
  /** When `fmri` first entered `state`. */
  entered(fmri: string, state: string): number {
    const r = this.trace.records.find((x) => x.kind === 'status' && x.fmri === fmri && x.to === state && x.from !== state);
    if (r === undefined) throw new Error(`${fmri} never entered ${state}`);
    return r.t;
  }
  console(): string[] {
    return this.trace.console.map((c) => c.text);
  }
  log(fmri: string): string[] {
    return this.trace.logs.filter((l) => l.fmri === fmri).map((l) => l.text);
  }
  world(): WorldRecord[] {
    return this.trace.records.filter((r): r is WorldRecord => r.kind === 'world');
  }
  actions(): { t: number; command: string; ok: boolean; output: readonly string[] }[] {
    return this.trace.records.flatMap((r) => (r.kind === 'action' ? [{ t: r.t, command: r.command, ok: r.ok, output: r.output }] : []));
  }
  snapshot(): WorldSnapshot {
    const p = parseWorldSnapshot(this.trace.worldFinal);
    if (!p.ok) throw new Error(p.error);
    return p.snapshot;
  }
  explain(fmri: string): Explanation {
    const seeker = createSeeker(this.trace);
    const e = explain({ trace: this.trace, statuses: seeker.atIndex(this.trace.records.length - 1), files: seeker.filesAtTime(this.trace.endTime) }, fmri);
    if (e === undefined) throw new Error(`cannot explain ${fmri}`);
    return e;
  }
  next(): Scenario {
    const r = nextBoot(this.scenario, this.trace.worldFinal);
    if (!r.ok) throw new Error(r.error);
    return r.scenario;
  }
  /** Where an address is up now (undefined: nowhere). */
  hostOf(addr: string): string | undefined {
    return this.snapshot().network.interfaces.find((i) => i.addresses.some((a) => a.address === addr && a.up))?.name;
  }
}
