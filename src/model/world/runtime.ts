/**
 * The port between svc.startd and the world its methods act on. The engine
 * asks it whether a file exists (file:// dependencies, §3.3), how a method run
 * turns out, and applies a method's effects when it exits. The default world
 * (a scenario without `world`) knows only `files` and lets the scenario's
 * durations and exits decide.
 */
import type { ExitValue } from '../scenario/types.ts';

export interface MethodRequest {
  readonly fmri: string;
  readonly method: 'start' | 'stop' | 'refresh';
  /** 1 for the first attempt of this method in this boot. */
  readonly attempt: number;
  readonly t: number;
  readonly exec: string;
  readonly methodModel?: string;
  /**
   * The milestone svc.startd is headed for when the method runs ("all",
   * "none" or an FMRI): what a method that inspects the current milestone
   * sees (svcprop -p options_ovr/milestone, then options/milestone, §6.2).
   */
  readonly milestone?: string;
}

export interface MethodResult {
  readonly duration: number;
  readonly exit: ExitValue;
  /** Lines the method writes to /dev/msglog (the console), shown when it exits. */
  readonly console: readonly string[];
  /** Lines it writes to the console as soon as it starts. */
  readonly consoleAtStart?: readonly string[];
  /** Lines the method writes to stdout/stderr (its service log). */
  readonly log: readonly string[];
  /** Applied when the method exits. */
  readonly effects: readonly WorldEffect[];
}

/** An opaque change the world model knows how to apply. */
export interface WorldEffect {
  readonly kind: string;
  readonly [key: string]: unknown;
}

/** A recorded change of the world, for the trace, the panels and file:// checks. */
export interface WorldChange {
  readonly kind: string;
  /** One line a person reads, e.g. "/dev/ipmpstub created by devfsadm". */
  readonly summary: string;
  /** For file changes: the path and whether it now exists. */
  readonly path?: string;
  readonly exists?: boolean;
  /** For repository imports: instance FMRIs that now exist in the repository. */
  readonly imported?: readonly string[];
  readonly [key: string]: unknown;
}

export interface CommandResult {
  readonly ok: boolean;
  readonly output: readonly string[];
  readonly changes: readonly WorldChange[];
}

export interface WorldRuntime {
  fileExists(path: string): boolean;
  runMethod(req: MethodRequest): MethodResult | undefined;
  apply(effects: readonly WorldEffect[], t: number): WorldChange[];
  command(argv: readonly string[], t: number): CommandResult;
  /** Instance FMRIs that are not in the repository when svc.startd starts (§10.5). */
  notInRepositoryAtBoot(): ReadonlySet<string>;
  /** Whether svc.startd can write the syslog/console path yet (§1.3: /usr/share/lib/zoneinfo). */
  timezoneKnown(): boolean;
  /** Whether /var/svc/log is writable (else logs go to /etc/svc/volatile, §1.2). */
  varWritable(): boolean;
  /** Serialisable state, for the panels. */
  snapshot(): unknown;
  /** The node name syslogd stamps its lines with (uname -S, set by system/identity:node); undefined: not known. */
  hostname?(): string | undefined;
  /**
   * Every path that exists when svc.startd starts (the world's namespace, not
   * just the scenario's `files`). ENGINE-REQUEST: Startd.run() should use
   * `this.world.initialFiles?.() ?? scenario.files ?? []` for trace.initialFiles, so
   * that explain's file checks (seek.filesAtTime) see /dev links and files on
   * mounted filesystems.
   */
  initialFiles?(): readonly string[];
}

/** The world of a scenario without `world`: the `files` list, nothing else. */
export class FilesOnlyWorld implements WorldRuntime {
  private readonly files: Set<string>;
  constructor(files: readonly string[]) {
    this.files = new Set(files);
  }
  fileExists(path: string): boolean {
    return this.files.has(path);
  }
  runMethod(): MethodResult | undefined {
    return undefined;
  }
  apply(): WorldChange[] {
    return [];
  }
  command(argv: readonly string[]): CommandResult {
    const [cmd, ...args] = argv;
    if (cmd === 'touch' || cmd === 'rm') {
      const changes: WorldChange[] = [];
      for (const p of args) {
        if (!p.startsWith('/')) return { ok: false, output: [`${cmd}: ${p}: not an absolute path`], changes: [] };
        if (cmd === 'touch') this.files.add(p);
        else this.files.delete(p);
        changes.push({ kind: 'file', path: p, exists: cmd === 'touch', summary: `${p} ${cmd === 'touch' ? 'created' : 'removed'}` });
      }
      return { ok: true, output: [], changes };
    }
    return { ok: false, output: [`${cmd ?? ''}: not available in a scenario without a world`], changes: [] };
  }
  notInRepositoryAtBoot(): ReadonlySet<string> {
    return new Set();
  }
  timezoneKnown(): boolean {
    return true;
  }
  varWritable(): boolean {
    return true;
  }
  snapshot(): unknown {
    return { files: [...this.files].sort() };
  }
}
