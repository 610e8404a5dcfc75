/**
 * `svcs -x` / `svcs -xv` at any instant: an independent re-implementation of
 * explain.c (docs/smf-semantics.md §8), run over the statuses a trace gives for
 * that instant. Like the real one it reads the repository (dependency
 * groups, states), not svc.startd's internal graph, so it can disagree with
 * svc.startd in the documented places (§12.10). The cause analysis itself
 * (determine_causes() for the whole graph, without recursion, O(V + E),
 * once per instant) is causes.ts; this file prints it (print_service(),
 * print_reasons(), print_dependency_reasons()).
 */
import { shortFmri } from '../model/smf/fmri.ts';
import { isRunning } from '../model/smf/states.ts';
import type { ExitValue } from '../model/scenario/types.ts';
import { eraRules, type EraRules } from '../model/smf/era-rules.ts';
import { ctimeString } from './console-text.ts';
import { analyseCauses, type CauseAnalysis } from './causes.ts';
import type { InstanceStatus, Trace } from './trace.ts';

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
  /** Dependents that are not running because of this instance (svcs -xv's Impact list; made when read). */
  readonly impact: readonly string[];
  /** How many: impact.length, known without making the list. */
  readonly impactCount: number;
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

const SIGNALS: Record<string, number> = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGEMT: 7, SIGFPE: 8, SIGKILL: 9, SIGBUS: 10,
  SIGSEGV: 11, SIGSYS: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15,
};

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
function ownReason(s: InstanceStatus, rules: EraRules, restarter: string, restarterRunning: boolean): { code: string; text: string } {
  switch (s.state) {
    case 'uninitialized':
      if (!restarterRunning) return { code: 'SMF-8000-5H', text: `Restarter ${restarter} is not running.` };
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
      // A start method's exit 97 is a degraded reason only where degraded is implemented (7711, §11).
      if (s.aux === 'method_failed' && rules.degraded) return { code: 'SMF-8000-KS', text: 'Start method exited with $SMF_EXIT_MON_DEGRADE.' };
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
}

function wrapReason(text: string): string {
  // "If "Reason: Service svc:/%s:%s %s" would be longer than 80 characters, it is split."
  if (!text.startsWith('Service ') || `Reason: ${text}`.length <= 80) return text;
  const cut = text.indexOf(' ', 'Service '.length);
  return cut < 0 ? text : `${text.slice(0, cut)}\n        ${text.slice(cut + 1)}`;
}

const STARTD = 'svc:/system/svc/restarter:default';

/** Hops of a -v path printed in full at each end; a longer path elides its middle (below). */
const PATH_HOPS_SHOWN = 32;

/**
 * -v's "  Path:" lines: each hop indented two more (print_dependency_reasons()).
 * svcs prints every hop, indented further each time; a path of thousands of
 * hops would be gigabytes of spaces, so the middle of a path longer than
 * 2 × PATH_HOPS_SHOWN hops is one "… N more hops …" line (the reason's
 * `path` keeps every hop).
 */
function pathLines(path: readonly string[]): string[] {
  const out = [`  Path: ${path[0] ?? ''}`];
  const hops = path.slice(1);
  const hop = (depth: number, text: string): string => `${' '.repeat(8 + 2 * depth)}${text}`;
  if (hops.length <= 2 * PATH_HOPS_SHOWN) {
    hops.forEach((h, k) => out.push(hop(k + 1, h)));
    return out;
  }
  hops.slice(0, PATH_HOPS_SHOWN).forEach((h, k) => out.push(hop(k + 1, h)));
  out.push(hop(PATH_HOPS_SHOWN + 1, `… ${hops.length - 2 * PATH_HOPS_SHOWN} more hops …`));
  hops.slice(-PATH_HOPS_SHOWN).forEach((h, k) => out.push(hop(PATH_HOPS_SHOWN + 2 + k, h)));
  return out;
}

/** `svcs -x <fmri>` at the instant the context describes (undefined: no such instance). */
export function explain(ctx: ExplainContext, fmri: string): Explanation | undefined {
  const a = analyseCauses(ctx);
  return explainWith(a, fmri, a.impactCount(fmri));
}

/** print_dependency_reasons(): an offline instance whose dependencies hold it back. */
function dependencyReasons(a: CauseAnalysis, fmri: string, restarter: string): ExplainReason[] {
  const bad = a.badDependencies(fmri);
  const causes = a.causesOf(fmri);
  const only = causes[0];
  if (bad.length === 0 && causes.length === 1 && only !== undefined && only.fmri === fmri) {
    switch (a.restarterBad(fmri)) {
      case 'invalid':
        return [{ code: 'SMF-8000-2A', text: `Restarter "${restarter}" is invalid.`, cause: fmri }];
      case 'absent':
        return [{ code: 'SMF-8000-3P', text: `Restarter "${restarter}" does not exist.`, cause: fmri }];
      case 'none':
        return [{ code: 'SMF-8000-AR', text: 'Unknown.', cause: fmri }];
    }
  }
  const out: ExplainReason[] = bad.map((b) => ({ code: 'SMF-8000-E2', text: `Dependency ${b} is absent.`, path: [fmri], cause: b }));
  for (const c of causes) {
    if (c.fmri === fmri) break; // "spp != NULL && spp->svcp != svcp"
    const cs = a.statusOf(c.fmri);
    if (cs === undefined) continue;
    if (isRunning(cs.state)) out.push({ code: 'SMF-8000-FJ', text: `Service ${c.fmri} is running.`, path: c.path, cause: c.fmri });
    else out.push({ code: 'SMF-8000-GE', text: wrapReason(`Service ${c.fmri} ${summary(cs, a.badDependencies(c.fmri).length > 0)}`), path: c.path, cause: c.fmri });
  }
  return out;
}

function explainWith(a: CauseAnalysis, fmri: string, counted: number): Explanation | undefined {
  const ctx = a.ctx;
  const k = a.indexOf(fmri);
  const inst = k === undefined ? undefined : a.instances[k];
  const s = ctx.statuses.get(fmri);
  if (inst === undefined || s === undefined) return undefined;
  const era = ctx.trace.era;
  const rules = eraRules(era);
  // explain.c's default message base differs by era (§11, era-rules.ts).
  const base = rules.messageBase;
  const restarter = inst.restarter ?? STARTD;
  const restarterStatus = inst.restarter === undefined ? undefined : a.statusOf(inst.restarter);
  const restarterRunning = inst.restarter === undefined || (restarterStatus !== undefined && isRunning(restarterStatus.state));
  const loaded = a.isLoaded(fmri);
  let reasons: ExplainReason[] = [];
  if (!loaded) {
    reasons = [{ code: 'SMF-8000-4D', text: `Restarter ${restarter} has not initialized service state.`, cause: fmri }];
  } else if (s.state === 'offline' && s.next === 'none') {
    reasons = dependencyReasons(a, fmri, restarter);
  } else if (s.state !== 'online') {
    const r = ownReason(s, rules, restarter, restarterRunning);
    reasons = [{ code: r.code, text: r.text, cause: fmri }];
  }
  const causes = loaded ? a.causesOf(fmri) : [];
  const impactCount = loaded ? counted : 0;
  let impactList: readonly string[] | undefined;
  const impact = (): readonly string[] => (impactList ??= loaded ? a.impactOf(fmri) : []);
  const seeAlso: string[] = [];
  for (const r of reasons) if (r.code !== '' && !seeAlso.includes(`${base}${r.code}`)) seeAlso.push(`${base}${r.code}`);
  const docs = inst.documentation;
  const logs: string[] = s.logfile === undefined ? [] : [s.logfile];
  const running = isRunning(s.state);
  // print_service(): "%s (%s)" with the template's common name, or "?" when there is none (§8.2).
  const header = `${fmri} (${inst.commonName ?? '?'})`;
  const since = ctimeString(era, s.since);
  let plainText: string | undefined;
  let verboseText: string | undefined;
  const render = (verbose: boolean): string => {
    const lines: string[] = [header, ` State: ${s.state} since ${since}`];
    for (const r of reasons) {
      if (r.text !== '') lines.push(`Reason: ${r.text}`);
      if (r.code !== '') lines.push(`   See: ${base}${r.code}`);
      if (verbose && r.path !== undefined && r.path.length > 1) lines.push(...pathLines(r.path));
    }
    for (const d of docs) {
      const m = /^(.+)\((\w+)\)$/.exec(d);
      lines.push(verbose && m !== null ? `   See: man -M /usr/share/man -s ${m[2] ?? ''} ${m[1] ?? ''}` : `   See: ${d}`);
    }
    for (const l of logs) lines.push(`   See: ${l}`);
    if (impactCount === 0) lines.push(running ? 'Impact: None.' : 'Impact: This service is not running.');
    else if (!verbose) {
      lines.push(impactCount === 1
        ? 'Impact: 1 dependent service is not running.  (Use -v for list.)'
        : `Impact: ${impactCount} dependent services are not running.  (Use -v for list.)`);
    } else {
      lines.push(impactCount === 1 ? 'Impact: 1 dependent service is not running:' : `Impact: ${impactCount} dependent services are not running:`);
      for (const d of impact()) lines.push(`        ${d}`);
    }
    return lines.join('\n');
  };
  return {
    fmri,
    ...(inst.commonName === undefined ? {} : { commonName: inst.commonName }),
    state: s.state,
    since: s.since,
    reasons,
    rootCauses: causes.map((c) => c.fmri),
    // The list, the text and svcs -xv's text are made when read: svcs -x at an
    // instant mid-way through a big boot has thousands of causes, each holding
    // back thousands of dependents, and a screen shows a few of them.
    get impact(): readonly string[] {
      return impact();
    },
    impactCount,
    seeAlso,
    get text(): string {
      plainText ??= render(false);
      return plainText;
    },
    get verbose(): string {
      verboseText ??= render(true);
      return verboseText;
    },
    ...(s.cycle === undefined ? {} : { cycle: s.cycle }),
  };
}

/**
 * `svcs -x` with no operands: every instance on explain.c's global cause
 * list (g_causes), most impact first (impact_compar(); ties keep the list's
 * order).
 */
export function explainAll(ctx: ExplainContext): Explanation[] {
  const a = analyseCauses(ctx);
  const global = a.globalCauses();
  const counts = a.impactCounts(global);
  const out: Explanation[] = [];
  global.forEach((f, k) => {
    const e = explainWith(a, f, counts[k] ?? 0);
    if (e !== undefined) out.push(e);
  });
  return out.sort((x, y) => y.impactCount - x.impactCount);
}

/** Dependency cycles explain.c runs into at this instant ("Dependency cycle detected:"), each around to its first instance. */
export function explainCycles(ctx: ExplainContext): readonly (readonly string[])[] {
  return analyseCauses(ctx).cycles;
}

export { shortFmri };
