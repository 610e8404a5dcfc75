/**
 * `svcs -x` / `svcs -xv` at any instant: an independent re-implementation of
 * explain.c's cause analysis (docs/smf-semantics.md §8), run over the statuses a
 * trace gives for that instant. Like the real one it reads the repository
 * (dependency groups, states), not svc.startd's internal graph, so it can
 * disagree with svc.startd in the documented places (§12.10).
 */
import { shortFmri } from '../model/smf/fmri.ts';
import { isRunning } from '../model/smf/states.ts';
import type { ExitValue } from '../model/scenario/types.ts';
import { ctimeString } from './console-text.ts';
import type { InstanceStatus, Trace, TraceInstance } from './trace.ts';

export interface ExplainReason {
  /** The diagnosis code, e.g. "SMF-8000-KS". */
  readonly code: string;
  /** The Reason line(s) without the "Reason: " label. */
  readonly text: string;
  /** -v: this instance, then each hop down to the cause. */
  readonly path?: readonly string[];
  /** The root cause this reason names (an instance FMRI, or the absent FMRI or file). */
  readonly cause: string;
}

export interface Explanation {
  readonly fmri: string;
  readonly commonName?: string;
  readonly state: string;
  readonly since: number;
  readonly reasons: readonly ExplainReason[];
  /** Root causes (instances, or absent FMRIs/files), in the order svcs -x finds them. */
  readonly rootCauses: readonly string[];
  /** Dependents that are not running because of this instance (svcs -xv's Impact list). */
  readonly impact: readonly string[];
  readonly seeAlso: readonly string[];
  /** The `svcs -x <fmri>` text. */
  readonly text: string;
  /** The `svcs -xv <fmri>` text. */
  readonly verbose: string;
  /** For dependency_cycle: the cycle spelled out. */
  readonly cycle?: readonly string[];
}

export interface ExplainContext {
  readonly trace: Trace;
  readonly statuses: ReadonlyMap<string, InstanceStatus>;
  readonly files: ReadonlySet<string>;
}

type Cause = { kind: 'instance'; fmri: string; path: string[] } | { kind: 'absent'; fmri: string; path: string[] };

const SIGNALS: Record<string, number> = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGEMT: 7, SIGFPE: 8, SIGKILL: 9, SIGBUS: 10,
  SIGSEGV: 11, SIGSYS: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15,
};

class Analyzer {
  private readonly insts: Map<string, TraceInstance>;
  private readonly byService = new Map<string, TraceInstance[]>();
  private readonly memo = new Map<string, Cause[]>();
  private readonly inProgress = new Set<string>();
  readonly cycles = new Map<string, string[]>();

  constructor(readonly ctx: ExplainContext) {
    this.insts = new Map(ctx.trace.instances.map((i) => [i.fmri, i]));
    for (const i of ctx.trace.instances) {
      const list = this.byService.get(i.service) ?? [];
      list.push(i);
      this.byService.set(i.service, list);
    }
  }

  status(fmri: string): InstanceStatus | undefined {
    const s = this.ctx.statuses.get(fmri);
    if (s === undefined || !s.present) return undefined;
    return s;
  }

  /** An FMRI that names nothing in the repository at this instant. */
  missing(fmri: string): boolean {
    if (fmri.startsWith('file:')) return false;
    const inst = this.insts.get(fmri);
    if (inst !== undefined) {
      const s = this.status(fmri);
      return s === undefined || !s.configured;
    }
    const svc = this.byService.get(fmri);
    return svc === undefined || svc.every((i) => this.missing(i.fmri));
  }

  running(fmri: string): boolean {
    const s = this.status(fmri);
    return s !== undefined && s.configured && isRunning(s.state);
  }

  /** determine_causes(): the root causes of `fmri` not running. */
  causes(fmri: string): Cause[] {
    const hit = this.memo.get(fmri);
    if (hit !== undefined) return hit;
    if (this.inProgress.has(fmri)) {
      this.cycles.set(fmri, [...this.inProgress, fmri]);
      return [];
    }
    this.inProgress.add(fmri);
    const result = this.computeCauses(fmri);
    this.inProgress.delete(fmri);
    this.memo.set(fmri, result);
    return result;
  }

  private computeCauses(fmri: string): Cause[] {
    const s = this.status(fmri);
    const self: Cause[] = [{ kind: 'instance', fmri, path: [fmri] }];
    if (s === undefined) return self;
    if (s.state !== 'offline' || s.next !== 'none') return self;
    const inst = this.insts.get(fmri);
    if (inst === undefined) return self;
    const found: Cause[] = [];
    const bad: Cause[] = [];
    const viaInstance = (target: string): void => {
      for (const c of this.causes(target)) found.push({ ...c, path: [fmri, ...c.path] });
    };
    for (const g of inst.groups) {
      if (g.type === 'path') {
        const paths = g.targets.map((t) => ({ t, exists: this.ctx.files.has(t.replace(/^file:\/\/[^/]*/, '')) }));
        if (g.grouping === 'require_all' || g.grouping === 'optional_all') {
          for (const p of paths) if (!p.exists) bad.push({ kind: 'absent', fmri: p.t, path: [fmri] });
        } else if (g.grouping === 'require_any') {
          if (!paths.some((p) => p.exists)) for (const p of paths) bad.push({ kind: 'absent', fmri: p.t, path: [fmri] });
        } else {
          for (const p of paths) if (p.exists) bad.push({ kind: 'absent', fmri: p.t, path: [fmri] });
        }
        continue;
      }
      switch (g.grouping) {
        case 'require_all':
          for (const t of g.targets) {
            if (this.missing(t)) {
              bad.push({ kind: 'absent', fmri: t, path: [fmri] });
              continue;
            }
            if (this.insts.has(t)) {
              if (!this.running(t)) viaInstance(t);
            } else {
              const members = (this.byService.get(t) ?? []).filter((m) => !this.missing(m.fmri));
              if (!members.some((m) => this.running(m.fmri))) for (const m of members) viaInstance(m.fmri);
            }
          }
          break;
        case 'require_any': {
          const members = this.expand(g.targets);
          if (members.some((m) => !this.missing(m) && this.running(m))) break;
          for (const t of g.targets) if (this.missing(t)) bad.push({ kind: 'absent', fmri: t, path: [fmri] });
          for (const m of members) if (!this.missing(m)) viaInstance(m);
          break;
        }
        case 'optional_all':
          for (const m of this.expand(g.targets)) {
            if (this.missing(m)) continue;
            const ms = this.status(m);
            if (ms !== undefined && ms.enabled && !isRunning(ms.state) && ms.state !== 'maintenance') viaInstance(m);
          }
          break;
        case 'exclude_all':
          for (const m of this.expand(g.targets)) {
            if (this.running(m)) found.push({ kind: 'instance', fmri: m, path: [fmri, m] });
          }
          break;
      }
    }
    if (found.length === 0 && bad.length === 0) {
      const r = inst.restarter;
      if (r !== undefined && !this.running(r)) {
        for (const c of this.causes(r)) found.push({ ...c, path: [fmri, ...c.path] });
      }
    }
    if (bad.length > 0) return dedupe([...bad, ...found]);
    if (found.length === 0) return self;
    return dedupe(found);
  }

  private expand(targets: readonly string[]): string[] {
    const out: string[] = [];
    for (const t of targets) {
      if (this.insts.has(t)) out.push(t);
      else {
        const members = this.byService.get(t);
        if (members === undefined) out.push(t);
        else for (const m of members) out.push(m.fmri);
      }
    }
    return out;
  }

  /** Is `fmri` on svcs -x's global list (a root cause worth printing)? */
  isGlobal(fmri: string): boolean {
    const s = this.status(fmri);
    if (s === undefined || !s.configured) return false;
    switch (s.state) {
      case 'online':
      case 'uninitialized':
        return false;
      case 'degraded':
      case 'maintenance':
        return true;
      case 'disabled':
        return s.enabled;
      case 'offline': {
        if (s.next !== 'none') return true;
        const c = this.causes(fmri);
        return c.some((x) => x.kind === 'absent' || x.fmri === fmri);
      }
    }
  }

  impact(target: string): string[] {
    const out: string[] = [];
    for (const i of this.ctx.trace.instances) {
      if (i.fmri === target || this.running(i.fmri)) continue;
      const s = this.status(i.fmri);
      if (s === undefined || !s.configured || s.state !== 'offline' || s.next !== 'none') continue;
      if (this.causes(i.fmri).some((c) => c.fmri === target)) out.push(i.fmri);
    }
    return out;
  }
}

function dedupe(cs: Cause[]): Cause[] {
  const seen = new Set<string>();
  const out: Cause[] = [];
  for (const c of cs) {
    if (seen.has(c.fmri)) continue;
    seen.add(c.fmri);
    out.push(c);
  }
  return out;
}

function exitPhrase(ws: ExitValue | undefined): string | undefined {
  if (ws === undefined) return undefined;
  if (ws === 96) return 'exited with $SMF_EXIT_ERR_CONFIG';
  if (ws === 95) return 'exited with $SMF_EXIT_ERR_FATAL';
  if (ws === 97) return 'exited with $SMF_EXIT_MON_DEGRADE';
  if (typeof ws === 'number') return `exited with status ${ws}`;
  if (ws === 'timeout') return `died on SIGKILL (9)`;
  const n = SIGNALS[ws];
  return n === undefined ? `died on ${ws}` : `died on ${ws} (${n})`;
}

/** determine_summary(). */
export function summary(s: InstanceStatus, hasMissingDeps: boolean): string {
  switch (s.state) {
    case 'online':
    case 'degraded':
      return 'is running.';
    case 'uninitialized':
      return 'is uninitialized.';
    case 'disabled':
      return s.temporary ? 'is temporarily disabled.' : 'is disabled.';
    case 'offline':
      if (hasMissingDeps) return 'has missing dependencies.';
      return s.next === 'online' ? 'is starting.' : 'is offline.';
    case 'maintenance':
      switch (s.aux) {
        case 'administrative_request':
          return 'was taken down for maintenace by an administrator.';
        case 'dependency_cycle':
          return 'completed a dependency cycle.';
        case 'fault_threshold_reached':
          return 'is not running because a method failed repeatedly.';
        case 'invalid_dependency':
          return 'has an invalid dependency.';
        case 'invalid_restarter':
          return 'has an invalid restarter.';
        case 'method_failed':
          return 'is not running because a method failed.';
        case 'none':
          return 'is not running for an unknown reason.';
        case 'restarting_too_quickly':
          return 'was restarting too quickly.';
        default:
          return 'requires maintenance.';
      }
  }
}

/** The Reason line and code for an instance that is its own cause (print_reasons()). */
function ownReason(fmri: string, s: InstanceStatus, era: '2009' | '2025'): { code: string; text: string } {
  const restarter = 'svc:/system/svc/restarter:default';
  switch (s.state) {
    case 'uninitialized':
      return { code: 'SMF-8000-4D', text: `Restarter ${restarter} has not initialized service state.` };
    case 'disabled':
      if (s.temporary) return { code: 'SMF-8000-1S', text: `Temporarily disabled by an administrator${s.comment === undefined ? '.' : `: ${s.comment}`}` };
      return { code: 'SMF-8000-05', text: `Disabled by an administrator${s.comment === undefined ? '.' : `: ${s.comment}`}` };
    case 'offline':
      if (s.next === 'online') return { code: 'SMF-8000-C4', text: 'Start method is running.' };
      if (s.next !== 'none') return { code: 'SMF-8000-PH', text: `Transitioning to state ${s.next}.` };
      return { code: 'SMF-8000-AR', text: 'Unknown.' };
    case 'degraded':
      if (s.aux === 'administrative_request') return { code: 'SMF-8000-DX', text: 'Degraded by an administrator.' };
      if (s.aux === 'method_failed' && era === '2025') return { code: 'SMF-8000-KS', text: 'Start method exited with $SMF_EXIT_MON_DEGRADE.' };
      return { code: 'SMF-8000-AR', text: 'Unknown.' };
    case 'online':
      return { code: '', text: '' };
    case 'maintenance':
      switch (s.aux) {
        case 'administrative_request':
          return { code: 'SMF-8000-63', text: 'Maintenance requested by an administrator.' };
        case 'dependency_cycle':
          return { code: 'SMF-8000-HP', text: 'Completes a dependency cycle.' };
        case 'fault_threshold_reached': {
          const p = exitPhrase(s.waitStatus);
          return p === undefined ? { code: 'SMF-8000-8Q', text: 'Method failed repeatedly.' } : { code: 'SMF-8000-KS', text: `Start method failed repeatedly, last ${p}.` };
        }
        case 'method_failed': {
          const p = exitPhrase(s.waitStatus);
          return p === undefined ? { code: 'SMF-8000-8Q', text: 'Method failed.' } : { code: 'SMF-8000-KS', text: `Start method ${p}.` };
        }
        case 'invalid_dependency':
          return { code: 'SMF-8000-JA', text: 'Has invalid dependency.' };
        case 'invalid_restarter':
          return { code: 'SMF-8000-2A', text: `Restarter "${restarter}" is invalid.` };
        case 'restarting_too_quickly':
          return { code: 'SMF-8000-L5', text: 'Restarting too quickly.' };
        case 'none':
          return { code: 'SMF-8000-9C', text: `Restarter ${restarter} gave no explanation.` };
        default:
          return { code: 'SMF-8000-AR', text: 'Unknown.' };
      }
  }
  void fmri;
}

function wrapReason(text: string): string {
  // "If "Reason: Service svc:/%s:%s %s" would be longer than 80 characters, it is split."
  if (!text.startsWith('Service ') || `Reason: ${text}`.length <= 80) return text;
  const cut = text.indexOf(' ', 'Service '.length);
  return cut < 0 ? text : `${text.slice(0, cut)}\n        ${text.slice(cut + 1)}`;
}

export function explain(ctx: ExplainContext, fmri: string): Explanation | undefined {
  const a = new Analyzer(ctx);
  return explainWith(a, fmri);
}

function explainWith(a: Analyzer, fmri: string): Explanation | undefined {
  const ctx = a.ctx;
  const inst = ctx.trace.instances.find((i) => i.fmri === fmri);
  const s = ctx.statuses.get(fmri);
  if (inst === undefined || s === undefined) return undefined;
  const era = ctx.trace.era;
  const base = era === '2009' ? 'http://sun.com/msg/' : 'http://illumos.org/msg/';
  const reasons: ExplainReason[] = [];
  const causes = s.present && s.configured ? a.causes(fmri) : [];
  const hasMissing = causes.some((c) => c.kind === 'absent');
  if (!s.present || !s.configured) {
    reasons.push({ code: 'SMF-8000-4D', text: `Restarter svc:/system/svc/restarter:default has not initialized service state.`, cause: fmri });
  } else if (s.state === 'offline' && s.next === 'none' && !(causes.length === 1 && causes[0]?.fmri === fmri)) {
    for (const c of causes) {
      if (c.kind === 'absent') {
        reasons.push({ code: 'SMF-8000-E2', text: `Dependency ${c.fmri} is absent.`, path: c.path, cause: c.fmri });
        continue;
      }
      const cs = a.status(c.fmri);
      if (cs === undefined) continue;
      if (isRunning(cs.state)) {
        reasons.push({ code: 'SMF-8000-FJ', text: `Service ${c.fmri} is running.`, path: c.path, cause: c.fmri });
      } else {
        const cMissing = a.causes(c.fmri).some((x) => x.kind === 'absent');
        reasons.push({ code: 'SMF-8000-GE', text: wrapReason(`Service ${c.fmri} ${summary(cs, cMissing)}`), path: c.path, cause: c.fmri });
      }
    }
  } else if (s.state !== 'online') {
    const r = ownReason(fmri, s, era);
    reasons.push({ code: r.code, text: r.text, cause: fmri });
  }
  const impact = a.impact(fmri);
  const seeAlso: string[] = [];
  for (const r of reasons) if (r.code !== '' && !seeAlso.includes(`${base}${r.code}`)) seeAlso.push(`${base}${r.code}`);
  const docs = inst.documentation;
  const logs: string[] = s.logfile === undefined ? [] : [s.logfile];
  const running = isRunning(s.state);
  // print_service(): "%s (%s)" with the template's common name, or "?" when there is none (§8.2).
  const header = `${fmri} (${inst.commonName ?? '?'})`;
  const since = ctimeString(era, s.since);
  const render = (verbose: boolean): string => {
    const lines: string[] = [header, ` State: ${s.state} since ${since}`];
    for (const r of reasons) {
      if (r.text !== '') lines.push(`Reason: ${r.text}`);
      if (r.code !== '') lines.push(`   See: ${base}${r.code}`);
      if (verbose && r.path !== undefined && r.path.length > 1) {
        lines.push(`  Path: ${r.path[0] ?? fmri}`);
        r.path.slice(1).forEach((hop, k) => lines.push(`${' '.repeat(8 + 2 * (k + 1))}${hop}`));
      }
    }
    for (const d of docs) {
      const m = /^(.+)\((\w+)\)$/.exec(d);
      lines.push(verbose && m !== null ? `   See: man -M /usr/share/man -s ${m[2] ?? ''} ${m[1] ?? ''}` : `   See: ${d}`);
    }
    for (const l of logs) lines.push(`   See: ${l}`);
    if (impact.length === 0) lines.push(running ? 'Impact: None.' : 'Impact: This service is not running.');
    else if (!verbose) {
      lines.push(impact.length === 1
        ? 'Impact: 1 dependent service is not running.  (Use -v for list.)'
        : `Impact: ${impact.length} dependent services are not running.  (Use -v for list.)`);
    } else {
      lines.push(impact.length === 1 ? 'Impact: 1 dependent service is not running:' : `Impact: ${impact.length} dependent services are not running:`);
      for (const d of impact) lines.push(`        ${d}`);
    }
    return lines.join('\n');
  };
  void hasMissing;
  return {
    fmri,
    ...(inst.commonName === undefined ? {} : { commonName: inst.commonName }),
    state: s.state,
    since: s.since,
    reasons,
    rootCauses: causes.map((c) => c.fmri),
    impact,
    seeAlso,
    text: render(false),
    verbose: render(true),
    ...(s.cycle === undefined ? {} : { cycle: s.cycle }),
  };
}

/** `svcs -x` with no operands: every root cause, most impact first (impact_compar()). */
export function explainAll(ctx: ExplainContext): Explanation[] {
  const a = new Analyzer(ctx);
  const out: Explanation[] = [];
  for (const i of ctx.trace.instances) {
    if (!a.isGlobal(i.fmri)) continue;
    const e = explainWith(a, i.fmri);
    if (e !== undefined) out.push(e);
  }
  return out.sort((x, y) => y.impact.length - x.impact.length);
}

export { shortFmri };
