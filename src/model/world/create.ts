/**
 * The world a scenario describes, as the engine's WorldRuntime. Without a
 * `world` section, undefined: the engine then uses the scenario's `files` and
 * its method durations and exits.
 */
import type { Scenario } from '../scenario/types.ts';
import { accessesOfChange } from './access-changes.ts';
import { WORLD_COMMAND_MODELS } from './commands/index.ts';
import { modelFor } from './methods/index.ts';
import { instancesOf } from './repository.ts';
import type { CommandResult, MethodRequest, MethodResult, WorldChange, WorldEffect, WorldRuntime } from './runtime.ts';
import { snapshotOf } from './snapshot.ts';
import { WorldState } from './state.ts';

class ModelWorld implements WorldRuntime {
  private readonly world: WorldState;
  /** Effects wait here between the method's start and its exit, keyed by the id the engine hands back. */
  private readonly effects = new Map<number, { fmri: string; run: (t: number) => WorldChange[] }>();
  private nextEffect = 1;

  constructor(scenario: Scenario) {
    this.world = new WorldState(scenario);
  }

  fileExists(path: string): boolean {
    return this.world.fileExists(path);
  }

  runMethod(req: MethodRequest): MethodResult | undefined {
    if (req.method !== 'start') return undefined;
    const model = modelFor(this.world.spec, req.fmri, req.methodModel);
    if (model === undefined) return undefined;
    const o = this.world.access.as({ t: req.t, phase: 'start', fmri: req.fmri }, () => model(this.world, req));
    const effects: WorldEffect[] = [];
    if (o.effect !== undefined) {
      const id = this.nextEffect++;
      this.effects.set(id, { fmri: req.fmri, run: o.effect });
      effects.push({ kind: 'world', id, fmri: req.fmri });
    }
    return { duration: o.duration, exit: o.exit, console: o.console ?? [], log: o.log ?? [], effects, ...(o.consoleAtStart === undefined ? {} : { consoleAtStart: o.consoleAtStart }) };
  }

  apply(effects: readonly WorldEffect[], t: number): WorldChange[] {
    const out: WorldChange[] = [];
    for (const e of effects) {
      const id = e['id'];
      if (typeof id !== 'number') continue;
      const pending = this.effects.get(id);
      if (pending === undefined) continue;
      this.effects.delete(id);
      out.push(...this.world.access.as({ t, phase: 'exit', fmri: pending.fmri }, () => this.recorded(pending.run(t))));
    }
    return out;
  }

  command(argv: readonly string[], t: number): CommandResult {
    const [cmd, ...args] = argv;
    const run = cmd === undefined ? undefined : WORLD_COMMAND_MODELS[cmd];
    if (run === undefined) return { ok: false, output: [`${cmd ?? ''}: not a command the world models`], changes: [] };
    return this.world.access.as({ t, phase: 'start', command: argv.join(' ') }, () => {
      const r = run(this.world, args, t);
      this.recorded(r.changes);
      return r;
    });
  }

  /** Log the accesses a list of changes stands for (in the current actor's name), and pass the changes on. */
  private recorded(changes: readonly WorldChange[]): WorldChange[] {
    for (const c of changes) for (const a of accessesOfChange(c)) this.world.access.record(a);
    return [...changes];
  }

  notInRepositoryAtBoot(): ReadonlySet<string> {
    const out = new Set<string>();
    for (const s of this.world.repo.absentServicesAtBoot()) for (const i of instancesOf(this.world.scenario, s)) out.add(i);
    return out;
  }

  /** §1.3: /usr/share/lib/zoneinfo is readable when svc.startd starts unless /usr is a separate filesystem. */
  timezoneKnown(): boolean {
    return !this.world.bootFilesystems().some((f) => f.spec.mountpoint === '/usr');
  }

  varWritable(): boolean {
    return this.world.writable('/var/svc/log');
  }

  /** Paths that exist when svc.startd starts (see ENGINE-REQUEST in runtime.ts). */
  initialFiles(): readonly string[] {
    return this.world.existingFiles();
  }

  snapshot(): unknown {
    return snapshotOf(this.world);
  }

  hostname(): string | undefined {
    return this.world.hostname;
  }
}

export function createWorld(scenario: Scenario): WorldRuntime | undefined {
  if (scenario.world === undefined) return undefined;
  return new ModelWorld(scenario);
}
