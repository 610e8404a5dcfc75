/**
 * Models usr/src/cmd/svc/startd/startd.c.
 *
 * svc.startd (startd.c: main(), startup()): the graph engine (graph.c, transition.c)
 * around the restarter machine (restarter.machine.ts), driven by a virtual clock. One
 * scheduler, no actors, no real timers: events are (time, seq) entries in a binary
 * heap, so the same scenario always gives the same trace.
 *
 * Section numbers (§) refer to docs/smf-semantics.md unless another file is named.
 */
import { type ResolvedInstance } from '../model/graph/resolve.ts';
import { type Scenario } from '../model/scenario/types.ts';
import { parseAction } from '../model/scenario/actions.ts';
import { splitAtReboot } from '../model/scenario/reboot.ts';
import { VertexKind } from './graph.ts';
import { dependencySatisfied } from './satisfiability.ts';
import { TRACE_FORMAT, type InstanceStatus, type Trace, type TraceInstance } from './trace.ts';
import { MAX_RECORDS, RECORDS_PER_INSTANCE } from './startd-constants.ts';
import { StartdAdmin } from './admin-svcadm.ts';
import type { SimulateOptions, Work } from './startd-recording.ts';

export class Startd extends StartdAdmin {
  run(): Trace {
    const worldInitial = this.world.snapshot();
    const initialFiles = this.world.initialFiles?.() ?? this.resolved.scenario.files ?? [];
    this.createInstances();
    this.setInitialMilestone();
    this.populateGraph();
    this.loadComplete = true;
    this.scheduleActions();
    this.checkCanComeUp();
    this.loop();
    return this.buildTrace(worldInitial, initialFiles);
  }

  protected loop(): void {
    const maxRecords = MAX_RECORDS + RECORDS_PER_INSTANCE * this.instances.length;
    for (;;) {
      const next = this.queue.peekTime();
      if (next === undefined) break;
      if (next > this.until) {
        this.truncated = true;
        break;
      }
      if (this.records.length > maxRecords) {
        this.truncated = true;
        this.diagnostics.push(
          `stopped after ${maxRecords} trace records at t=${this.now} ms: the scenario does not settle (the limit is ${MAX_RECORDS} + ${RECORDS_PER_INSTANCE} per instance)`,
        );
        break;
      }
      const item = this.queue.pop();
      if (item === undefined) break;
      this.now = item.time;
      this.process(item.value);
      // graph_transition_sulogin(): judged once the instant's events have settled, so that
      // the enablings a milestone change just queued are not mistaken for a dead end.
      const upcoming = this.queue.peekTime();
      if (upcoming === undefined || upcoming > this.now) {
        this.checkCanComeUp();
        this.checkShutdownDone();
      }
    }
  }

  protected process(w: Work): void {
    switch (w.kind) {
      case 'event':
        this.deliver(w.inst, w.type, w.reason, w.rerr);
        return;
      case 'methodDone':
        this.methodDone(w);
        return;
      case 'childExit':
        this.childExit(w.inst, w.token, w.exit);
        return;
      case 'fork':
        if (w.token === w.inst.methodToken && w.inst.leaf === 'offline.starting') this.forkChild(w.inst);
        return;
      case 'action':
        this.runAction(w.run, w.parsed);
        return;
    }
  }

  protected scheduleActions(): void {
    // Actions after a reboot (or halt) belong to the next boot (scenarios/next-boot.ts).
    splitAtReboot(this.scenario.actions ?? []).thisBoot.forEach((a, index) => {
      const parsed = parseAction(a.run);
      if (!parsed.ok) {
        this.diagnostics.push(`action ${index} ("${a.run}"): ${parsed.error}`);
        return;
      }
      this.queue.push(a.at, { kind: 'action', index, at: a.at, run: a.run, parsed: parsed.action });
    });
  }

  protected buildTrace(worldInitial: unknown, initialFiles: readonly string[]): Trace {
    const notYet = this.world.notInRepositoryAtBoot();
    const instances: TraceInstance[] = this.resolved.instances.map((r: ResolvedInstance) => ({
      fmri: r.fmri,
      service: r.service,
      name: r.name,
      ...(r.commonName === undefined ? {} : { commonName: r.commonName }),
      model: r.model,
      // An upgraded manifest's pgs as the repository holds them at the end (upgrades.ts).
      groups: r.groups.filter((g) => this.groupInRepository(g)).map((g) => ({
        name: g.name, grouping: g.grouping, restartOn: g.restartOn, type: g.type, targets: g.targets,
        ...(g.declaredBy === undefined ? {} : { declaredBy: g.declaredBy }),
      })),
      documentation: r.documentation,
      ...(r.restarter === undefined ? {} : { restarter: r.restarter }),
      startExec: r.start.exec,
      ...(r.manifest === undefined ? {} : { manifest: r.manifest }),
      initial: this.initialStatus(r, notYet),
    }));
    const files = this.graph.vertices.filter((v) => v.kind === VertexKind.File).map((v) => v.name);
    return {
      format: TRACE_FORMAT,
      scenarioName: this.scenario.name,
      era: this.era,
      milestone: this.bootMilestone,
      instances,
      services: this.resolved.services.map((s) => s.fmri),
      files,
      initialFiles,
      records: this.records,
      console: this.consoleLines,
      logs: this.logLines,
      endTime: this.truncated ? Math.min(this.until, this.now) : this.now,
      quiescent: !this.truncated,
      diagnostics: this.diagnostics,
      worldInitial,
      worldFinal: this.world.snapshot(),
    };
  }

  protected initialStatus(r: ResolvedInstance, notYet: ReadonlySet<string>): InstanceStatus {
    const i = this.byFmri.get(r.fmri);
    return {
      state: 'uninitialized',
      next: 'none',
      aux: 'none',
      since: 0,
      enabled: r.enabled,
      temporary: false,
      configured: r.configured && !(i?.deathrow ?? false) && !notYet.has(r.fmri),
      present: !notYet.has(r.fmri),
    };
  }
}

export function simulateStartd(scenario: Scenario, options: SimulateOptions = {}): Trace {
  return new Startd(scenario, options).run();
}

export { dependencySatisfied };
export type { SimulateOptions };
