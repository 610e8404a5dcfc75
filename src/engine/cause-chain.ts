/**
 * Why, all the way down (issue 13): the cause chain of a service at an
 * instant, computed from the trace and the world access log, never written
 * per scenario. Where svcs -x (explain.ts) stops at "Start method exited with
 * $SMF_EXIT_ERR_CONFIG", the chain goes on:
 *
 *   1. which service the instance waits for, by which dependency path
 *      (explain.c's causes, docs/smf-semantics.md §8.1);
 *   2. when that service's method ran and how it ended (the trace's method
 *      records, docs/smf-semantics.md §7.3);
 *   3. what the method could not read, open or do in the world (the access
 *      log, docs/access-log.md);
 *   4. which service's method created or changed that thing, and when;
 *   5. whether any dependency path orders the two (require_all, require_any
 *      or optional_all groups, docs/smf-semantics.md §3.4): if none does, the pair is an ordering
 *      hazard, drawn on the graph as a dashed edge labelled with the object.
 *
 * Chains that end in a plain dependency (an absent service), an exit code
 * the world does not explain, an administrator's action or a dependency
 * cycle say so in one step.
 */
import type { WorldAccess } from '../model/world/access.ts';
import { accessLog } from './access-log.ts';
import { analyseCauses, type CauseAnalysis } from './causes.ts';
import type { ExplainContext } from './explain.ts';
import type { ActionRecord, InstanceStatus, MethodRecord, StatusRecord, Trace, TraceInstance } from './trace.ts';
import type { ExitValue } from '../model/scenario/types.ts';

/** A thing in the world, as the access log names it. */
export interface WorldObject {
  readonly kind: WorldAccess['kind'];
  readonly name: string;
}

interface StepBase {
  /** One sentence a person reads. */
  readonly text: string;
  /** The service the step is about (selecting the step selects it). */
  readonly fmri?: string;
  /** The instant the step is about (the step can move the playhead there). */
  readonly t?: number;
}

export type CauseStep =
  /** The instance waits for a dependency that is not running. */
  | (StepBase & { readonly kind: 'waits'; readonly fmri: string; readonly on: string; readonly path: readonly string[] })
  /** It is running (nothing to explain). */
  | (StepBase & { readonly kind: 'running'; readonly fmri: string })
  /** Its start method is running now. */
  | (StepBase & { readonly kind: 'starting'; readonly fmri: string })
  /** A method run: when it ran and how it ended. */
  | (StepBase & { readonly kind: 'method'; readonly fmri: string; readonly method: MethodRecord['method']; readonly begin: number; readonly end?: number; readonly exit?: ExitValue; readonly attempt: number })
  /** What the method could not read, open or do. */
  | (StepBase & { readonly kind: 'access'; readonly fmri: string; readonly access: WorldAccess })
  /** Who created or changed that thing, and when. */
  | (StepBase & { readonly kind: 'provided'; readonly fmri?: string; readonly object: WorldObject; readonly access: WorldAccess })
  /** Nothing in this boot provides it. */
  | (StepBase & { readonly kind: 'never'; readonly object: WorldObject })
  /** Whether a dependency path orders the reader after the provider. */
  | (StepBase & { readonly kind: 'order'; readonly fmri: string; readonly provider: string; readonly ordered: boolean; readonly path?: readonly string[]; readonly object: WorldObject })
  /** A dependency on a service this graph does not have (or has not imported yet). */
  | (StepBase & { readonly kind: 'absent'; readonly fmri: string; readonly dependency: string })
  /** Disabled, or taken to maintenance, by an administrator (or its manifest). */
  | (StepBase & { readonly kind: 'admin'; readonly fmri: string; readonly command?: string })
  /** It completes a dependency cycle. */
  | (StepBase & { readonly kind: 'cycle'; readonly fmri: string; readonly cycle: readonly string[] })
  /** The method exited with a status the world model does not account for (the scenario says so). */
  | (StepBase & { readonly kind: 'exit'; readonly fmri: string })
  /** Other causes explain.c lists, one line each. */
  | (StepBase & { readonly kind: 'also'; readonly fmri: string });

/** A pair that no dependency orders: `writer` provides `object`, `reader` needs it. */
export interface OrderingHazard {
  readonly reader: string;
  readonly writer: string;
  readonly object: WorldObject;
  /** When the reader needed it and when the writer provided it. */
  readonly readAt: number;
  readonly writtenAt: number;
}

export interface CauseChain {
  readonly fmri: string;
  readonly at: number;
  readonly state: string;
  readonly steps: readonly CauseStep[];
  readonly hazards: readonly OrderingHazard[];
  /** The chain in one line: its last step's words, or how it ends. */
  readonly summary: string;
}

/** Seconds as the transport shows them: "0.1 s", "5.35 s". */
export function seconds(ms: number): string {
  const s = (ms / 1000).toFixed(3).replace(/0+$/, '').replace(/\.$/, '.0');
  return `${s} s`;
}

const RUNNING = (s: InstanceStatus | undefined): boolean => s !== undefined && (s.state === 'online' || s.state === 'degraded');

/** "is in maintenance", "is running (an exclusion)", "is offline: it needs svc:/x, which this graph does not have". */
function stateWords(a: CauseAnalysis, trace: Trace, fmri: string): string {
  const s = a.statusOf(fmri);
  if (s === undefined) return 'is not in the repository';
  if (RUNNING(s)) return 'is running (an exclusion)';
  if (s.state === 'maintenance') return 'is in maintenance';
  if (s.state === 'offline' && s.next !== 'none') return 'is starting';
  if (s.state === 'offline') {
    const bad = a.badDependencies(fmri);
    if (bad.length > 0) return `is offline: it needs ${bad.join(', ')}, which ${bad.length === 1 ? 'is' : 'are'} ${bad.every((d) => !known(trace, d)) ? 'not in this graph' : 'absent'}`;
  }
  return `is ${s.state}`;
}

/** An FMRI this graph has (as an instance or a service), whether or not it is in the repository now. */
function known(trace: Trace, fmri: string): boolean {
  return trace.instances.some((i) => i.fmri === fmri || i.service === fmri);
}

function exitWords(exit: ExitValue | undefined): string {
  if (exit === undefined) return 'is still running';
  if (exit === 0) return 'exited 0';
  if (exit === 96) return 'exited 96 ($SMF_EXIT_ERR_CONFIG)';
  if (exit === 95) return 'exited 95 ($SMF_EXIT_ERR_FATAL)';
  if (exit === 97) return 'exited 97 ($SMF_EXIT_MON_DEGRADE)';
  if (typeof exit === 'number') return `exited ${exit}`;
  if (exit === 'timeout') return 'timed out';
  return `died on ${exit}`;
}

const OBJECT_WORDS: Record<WorldAccess['kind'], string> = {
  path: '', devlink: '', device: '', mount: 'the mount ', datalink: 'the datalink ', interface: 'the interface ',
  'ipmp-group': 'the IPMP group ', address: 'the address ', repository: 'the repository entry ', daemon: 'the daemon ', setting: 'the setting ',
};

export function objectWords(o: WorldObject): string {
  return `${OBJECT_WORDS[o.kind]}${o.name}`;
}

function accessWords(a: WorldAccess): string {
  const who = a.program ?? 'the method';
  const what = objectWords(a);
  const err = a.error === undefined ? '' : ` (${a.error})`;
  const at = ` at ${seconds(a.t)}`;
  switch (a.op) {
    case 'read':
      return a.kind === 'repository' ? `${who} needed ${a.name} in the repository${at}; it was not there yet` : `${who} could not read ${what}${at}${err}`;
    case 'open':
      if (a.kind === 'mount') return `${who} needed ${a.name} mounted read-write${a.detail === undefined ? '' : ` ${a.detail}`}${at}; it was ${a.error === 'ENOENT' ? 'not mounted' : 'read-only'}`;
      return `${who} could not open ${what}${at}${err}`;
    case 'create':
      return `${who} could not create ${what}${at}${err}`;
    case 'remove':
      return `${who} could not remove ${what}${at}${err}`;
    case 'mount':
      return `${who} could not mount ${a.detail ?? 'the filesystem'} on ${a.name}${at}${err}: a condition of this machine, not of the boot order`;
    case 'unmount':
      return `${who} could not unmount ${a.name}${at}${err}`;
    case 'change':
      if (a.error === 'fsck failed') return `fsck could not repair ${a.name}${at}, so it was not remounted read-write: a condition of this machine, not of the boot order`;
      return `${who} could not change ${what}${a.detail === undefined ? '' : ` (${a.detail})`}${at}${err}`;
  }
}

function provideWords(a: WorldAccess, object: WorldObject): string {
  const by = a.program === undefined ? '' : ` by ${a.program}`;
  const where = a.fmri !== undefined ? ` in ${a.fmri}` : a.command !== undefined ? ` (the administrator ran ${a.command})` : '';
  switch (a.op) {
    case 'create':
      return `${objectWords(object)} was created at ${seconds(a.t)}${by}${where}`;
    case 'mount':
      return `${a.name} was mounted at ${seconds(a.t)}${by}${where}`;
    default:
      if (a.kind === 'mount' && a.detail === 'read-write') return `${a.name} became read-write at ${seconds(a.t)}${by}${where}`;
      if (a.kind === 'path' && object.kind === 'path') return `${object.name} appeared at ${seconds(a.t)}${where}: ${a.detail ?? 'its filesystem was mounted'}`;
      return `${objectWords(object)} was changed at ${seconds(a.t)}${by}${where}`;
  }
}

/** The access that would have satisfied a failed one: the same object, created, mounted or changed by another actor. */
function providerOf(log: readonly WorldAccess[], failed: WorldAccess): WorldAccess | undefined {
  const wanted = (a: WorldAccess): boolean => {
    if (!a.ok || a.seq === failed.seq || (a.fmri !== undefined && a.fmri === failed.fmri)) return false;
    if (a.kind !== failed.kind || a.name !== failed.name) return false;
    if (failed.kind === 'mount' && failed.op === 'open') return (a.op === 'change' && a.detail === 'read-write') || a.op === 'mount';
    return a.op === 'create' || a.op === 'mount' || a.op === 'change';
  };
  // The first provision after the failure, else the last one before it (it was undone since).
  let before: WorldAccess | undefined;
  for (const a of log) {
    if (!wanted(a)) continue;
    if (a.seq > failed.seq) return a;
    before = a;
  }
  return before;
}

/** Does `from` depend on `to` through require_all/require_any/optional_all groups (a path svc.startd waits along, §3.4)? BFS, O(V + E). */
export function dependencyPath(trace: Trace, from: string, to: string): string[] | undefined {
  const byFmri = new Map<string, TraceInstance>();
  const byService = new Map<string, string[]>();
  for (const i of trace.instances) {
    byFmri.set(i.fmri, i);
    const l = byService.get(i.service);
    if (l === undefined) byService.set(i.service, [i.fmri]);
    else l.push(i.fmri);
  }
  const parent = new Map<string, string>();
  const queue: string[] = [from];
  parent.set(from, from);
  for (let k = 0; k < queue.length; k++) {
    const v = queue[k] ?? '';
    if (v === to) {
      const path: string[] = [];
      for (let x = v; ; ) {
        path.push(x);
        const p = parent.get(x);
        if (p === undefined || p === x) break;
        x = p;
      }
      return path.reverse();
    }
    for (const g of byFmri.get(v)?.groups ?? []) {
      if (g.type !== 'service' || g.grouping === 'exclude_all') continue;
      for (const t of g.targets) {
        for (const w of byFmri.has(t) ? [t] : (byService.get(t) ?? [])) {
          if (parent.has(w)) continue;
          parent.set(w, v);
          queue.push(w);
        }
      }
    }
  }
  return undefined;
}

/** The method runs of an instance up to instant t, in order (begin with its end, if it ended by t). */
function methodRuns(trace: Trace, fmri: string, t: number): { begin: MethodRecord; end?: MethodRecord }[] {
  const out: { begin: MethodRecord; end?: MethodRecord }[] = [];
  for (const r of trace.records) {
    if (r.t > t) break;
    if (r.kind !== 'method' || r.fmri !== fmri || r.method !== 'start') continue;
    if (r.phase === 'begin') out.push({ begin: r });
    else {
      const last = out[out.length - 1];
      if (last !== undefined && last.end === undefined) last.end = r;
    }
  }
  return out;
}

/** The status record that put an instance in its state at t. */
function lastStatus(trace: Trace, fmri: string, t: number): StatusRecord | undefined {
  let found: StatusRecord | undefined;
  for (const r of trace.records) {
    if (r.t > t) break;
    if (r.kind === 'status' && r.fmri === fmri && r.from !== r.to) found = r;
  }
  return found;
}

/** The administrator's last command naming this instance, at or before t. */
function actionBefore(trace: Trace, t: number, fmri: string): ActionRecord | undefined {
  const short = fmri.replace(/^svc:\//, '').replace(/:default$/, '');
  let found: ActionRecord | undefined;
  for (const r of trace.records) {
    if (r.t > t) break;
    if (r.kind === 'action' && r.ok && /^svcadm\b/.test(r.command) && (r.command.includes(fmri) || r.command.split(/\s+/).includes(short))) found = r;
  }
  return found;
}

interface Builder {
  readonly steps: CauseStep[];
  readonly hazards: OrderingHazard[];
}

/** Why a service that is its own cause is in its state: method, world, provider, order. */
function ownChain(ctx: ExplainContext, a: CauseAnalysis, fmri: string, t: number, b: Builder): void {
  const { trace } = ctx;
  const s = a.statusOf(fmri);
  if (s === undefined) return;
  if (RUNNING(s) && s.state !== 'degraded') {
    b.steps.push({ kind: 'running', fmri, t: s.since, text: `${fmri} is running (online since ${seconds(s.since)}).` });
    return;
  }
  if (s.state === 'maintenance' && s.aux === 'dependency_cycle') {
    const cycle = s.cycle ?? [fmri];
    b.steps.push({ kind: 'cycle', fmri, cycle, t: s.since, text: `${fmri} completes a dependency cycle: ${cycle.join(' → ')}; svc.startd put it in maintenance at ${seconds(s.since)}.` });
    return;
  }
  if (s.state === 'disabled' || (s.state === 'maintenance' && (s.aux === 'administrative_request' || s.aux === 'service_request'))) {
    const rec = lastStatus(trace, fmri, t);
    const act = rec === undefined ? undefined : actionBefore(trace, rec.t, fmri);
    const what = s.state === 'disabled' ? 'disabled' : 'in maintenance';
    const text = act !== undefined
      ? `${fmri} is ${what}: the administrator ran ${act.command} at ${seconds(act.t)}.`
      : s.state === 'disabled' && !s.enabled
        ? `${fmri} is disabled: it is not enabled (general/enabled is false), so svc.startd never starts it.`
        : `${fmri} is ${what} (${s.aux}).`;
    b.steps.push({ kind: 'admin', fmri, ...(act === undefined ? {} : { command: act.command, t: act.t }), text });
    return;
  }
  if (s.state === 'offline' && s.next !== 'none') {
    const run = methodRuns(trace, fmri, t).at(-1);
    const since = run?.begin.t ?? s.since;
    b.steps.push({ kind: 'starting', fmri, t: since, text: `${fmri} is starting: its start method has been running since ${seconds(since)}.` });
    return;
  }
  if (s.state === 'uninitialized') {
    b.steps.push({ kind: 'starting', fmri, t: s.since, text: `${fmri} is not initialized yet: svc.startd has not read it into its graph.` });
    return;
  }
  if (s.state === 'offline') {
    // Its own cause while offline and settled: missing dependencies, or nothing explain.c can name.
    const bad = a.badDependencies(fmri);
    for (const d of bad) {
      b.steps.push({
        kind: 'absent', fmri, dependency: d,
        text: d.startsWith('file:')
          ? `${fmri} waits for the file ${d}, which does not exist.`
          : known(trace, d) ? `${fmri} waits for ${d}, which is not in the repository at ${seconds(t)}.` : `${fmri} waits for ${d}, which this graph does not have (not in its manifests).`,
      });
    }
    if (bad.length === 0) b.steps.push({ kind: 'exit', fmri, text: `${fmri} is offline and svcs -x can name no cause.` });
    return;
  }
  // maintenance (method failed, restarting too quickly, …) or degraded.
  const runs = methodRuns(trace, fmri, t);
  const run = [...runs].reverse().find((r) => r.end !== undefined && r.end.exit !== 0) ?? runs.at(-1);
  if (run === undefined) {
    b.steps.push({ kind: 'exit', fmri, t: s.since, text: `${fmri} is in ${s.state} (${s.aux}) since ${seconds(s.since)}.` });
    return;
  }
  const end = run.end;
  const tries = runs.length > 1 ? ` (attempt ${run.begin.attempt} of ${runs.length})` : '';
  b.steps.push({
    kind: 'method', fmri, method: 'start', begin: run.begin.t, attempt: run.begin.attempt,
    ...(end === undefined ? {} : { end: end.t, ...(end.exit === undefined ? {} : { exit: end.exit }) }), t: run.begin.t,
    text: `${fmri}'s start method ran ${end === undefined ? `from ${seconds(run.begin.t)}` : `${seconds(run.begin.t).replace(/ s$/, '')}–${seconds(end.t)}`} and ${exitWords(end?.exit)}${tries}.`,
  });
  const log = accessLog(trace);
  const endT = end?.t ?? t;
  const failed = log.filter((x) => x.fmri === fmri && !x.ok && x.fallback === undefined && x.t >= run.begin.t && x.t <= endT);
  if (failed.length === 0) {
    b.steps.push({ kind: 'exit', fmri, text: log.length === 0 ? `Nothing models this method's work in the world: the scenario gives this exit status.` : `The world model records nothing this method could not do: the exit status is the scenario's.` });
    return;
  }
  for (const f of failed) {
    b.steps.push({ kind: 'access', fmri, access: f, t: f.t, text: `${accessWords(f)}.` });
    const object: WorldObject = { kind: f.kind, name: f.name };
    if (f.op !== 'read' && f.op !== 'open') continue; // the method itself failed to do it (a mount, fsck): a condition of the world
    const p = providerOf(log, f);
    if (p === undefined) {
      b.steps.push({ kind: 'never', object, text: `Nothing creates ${objectWords(object)} in this boot.` });
      continue;
    }
    b.steps.push({ kind: 'provided', object, access: p, t: p.t, ...(p.fmri === undefined ? {} : { fmri: p.fmri }), text: `${provideWords(p, object)}.` });
    if (p.fmri === undefined) continue;
    const path = dependencyPath(trace, fmri, p.fmri);
    if (path === undefined) {
      b.steps.push({ kind: 'order', fmri, provider: p.fmri, ordered: false, object, text: `No dependency orders ${fmri} after ${p.fmri}: an ordering hazard on ${objectWords(object)}.` });
      b.hazards.push({ reader: fmri, writer: p.fmri, object, readAt: f.t, writtenAt: p.t });
    } else {
      b.steps.push({ kind: 'order', fmri, provider: p.fmri, ordered: true, path, object, text: `${fmri} does depend on ${p.fmri} (${path.join(' → ')}), yet ran before it provided ${objectWords(object)}.` });
    }
  }
}

/**
 * The cause chain of `fmri` at the instant `ctx` describes (statuses and
 * files of that instant; the access log and method records of the whole
 * trace up to then, and who provides what later in the boot).
 */
export function causeChain(ctx: ExplainContext, fmri: string, at: number): CauseChain | undefined {
  const a = analyseCauses(ctx);
  const s = ctx.statuses.get(fmri);
  if (a.indexOf(fmri) === undefined || s === undefined) return undefined;
  const b: Builder = { steps: [], hazards: [] };
  if (!a.isLoaded(fmri)) {
    b.steps.push({ kind: 'absent', fmri, dependency: fmri, text: `${fmri} is not in the repository at ${seconds(at)}: its manifest has not been imported.` });
  } else {
    const causes = a.causesOf(fmri).filter((c) => c.fmri !== fmri);
    if (causes.length === 0 || !(s.state === 'offline' && s.next === 'none')) ownChain(ctx, a, fmri, at, b);
    else {
      // Follow the cause that failed first (maintenance, degraded), else the first one explain.c lists.
      const rank = (c: { fmri: string }): number => {
        const cs = a.statusOf(c.fmri);
        return cs?.state === 'maintenance' ? 0 : cs?.state === 'offline' ? 1 : 2;
      };
      const main = [...causes].sort((x, y) => rank(x) - rank(y))[0];
      for (const bad of a.badDependencies(fmri)) {
        b.steps.push({ kind: 'absent', fmri, dependency: bad, text: known(ctx.trace, bad) ? `${fmri} also waits for ${bad}, which is not in the repository at ${seconds(at)}.` : `${fmri} also waits for ${bad}, which this graph does not have.` });
      }
      if (main !== undefined) {
        const how = stateWords(a, ctx.trace, main.fmri);
        b.steps.unshift({ kind: 'waits', fmri, on: main.fmri, path: main.path, t: s.since, text: `${fmri} waits for ${main.fmri}, which ${how}${main.path.length > 2 ? ` (${main.path.join(' → ')})` : ''}.` });
        ownChain(ctx, a, main.fmri, at, b);
      }
      for (const c of causes) {
        if (c === main) continue;
        b.steps.push({ kind: 'also', fmri: c.fmri, text: `It also waits for ${c.fmri}, which ${stateWords(a, ctx.trace, c.fmri)}.` });
      }
    }
  }
  const last = [...b.steps].reverse().find((x) => x.kind !== 'also' && x.kind !== 'absent') ?? b.steps[0];
  return { fmri, at, state: s.state, steps: b.steps, hazards: b.hazards, summary: last?.text ?? '' };
}
