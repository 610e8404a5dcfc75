/**
 * Validation of untrusted scenario JSON (files, links, the editor). Every
 * problem names the JSON path and what is wrong, so the CLI, the editor and the
 * link decoder can all say the same thing. Unknown keys are reported as
 * warnings, never silently given a meaning.
 */
import { parseFmri, isValidInstanceName, canonicalFmri } from '../smf/fmri.ts';
import { GROUPINGS, RESTART_ONS, SERVICE_MODELS } from '../smf/states.ts';
import { parseAction } from './actions.ts';
import { validateWorld } from '../world/validate.ts';
import { validateWorldScenario } from '../world/validate-scenario.ts';
import { SCENARIO_FORMAT, type Scenario } from './types.ts';
import { checkJsonShape, LIMITS, tooLong } from './limits.ts';

export interface ValidationIssue {
  /** JSON path, e.g. `$.services[3].dependencies[0].grouping`. */
  readonly path: string;
  readonly message: string;
}

export type ValidationResult =
  | { ok: true; scenario: Scenario; warnings: ValidationIssue[] }
  | { ok: false; errors: ValidationIssue[]; warnings: ValidationIssue[] };

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const TOP_KEYS = new Set([
  'format', 'name', 'description', 'milestone', 'boot', 'files', 'deathrow', 'services', 'actions', 'seed', 'jitter', 'until', 'world', 'source', 'era',
]);
const COMPOSABLE_KEYS = [
  'dependencies', 'dependents', 'model', 'start', 'stop', 'refresh', 'timeout', 'timeout_retry', 'restarter',
  'common_name', 'documentation', 'method_model', 'invalid_dependencies',
];
const SERVICE_KEYS = new Set(['fmri', 'instances', 'manifest', ...COMPOSABLE_KEYS]);
const INSTANCE_KEYS = new Set(['enabled', 'configured', ...COMPOSABLE_KEYS]);
const BOOT_KEYS = new Set(['single', 'milestone', 'reconfigure', 'verbose', 'custom_milestones']);
const PG_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.,+-]*$/;

/** The milestone spellings svc.startd and svcadm accept (§6.1–6.2), plus any FMRI. */
export const MILESTONE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  all: 'all',
  none: 'none',
  su: 'svc:/milestone/single-user:default',
  'single-user': 'svc:/milestone/single-user:default',
  s: 'svc:/milestone/single-user:default',
  mu: 'svc:/milestone/multi-user:default',
  'multi-user': 'svc:/milestone/multi-user:default',
  mus: 'svc:/milestone/multi-user-server:default',
  'multi-user-server': 'svc:/milestone/multi-user-server:default',
};

/** Resolve a milestone spelling to "all", "none" or a canonical instance FMRI; undefined if it cannot be one. */
export function resolveMilestoneName(text: string): string | undefined {
  const abbrev = MILESTONE_ABBREVIATIONS[text];
  if (abbrev !== undefined) return abbrev;
  const withScheme = text.startsWith('svc:') ? text : `svc:/${text}`;
  const p = parseFmri(withScheme);
  if (!p.ok || p.fmri.scheme !== 'svc') return undefined;
  return `svc:/${p.fmri.service}:${p.fmri.instance ?? 'default'}`;
}

class Checker {
  readonly errors: ValidationIssue[] = [];
  readonly warnings: ValidationIssue[] = [];
  error(path: string, message: string): void {
    if (this.errors.length < 200) this.errors.push({ path, message });
  }
  warn(path: string, message: string): void {
    if (this.warnings.length < 200) this.warnings.push({ path, message });
  }
  unknownKeys(o: Obj, allowed: Set<string>, path: string): void {
    for (const k of Object.keys(o)) {
      if (!allowed.has(k)) this.warn(`${path}.${k}`, `unknown field "${k}" is ignored`);
    }
  }
  /** A string field, at most `max` characters (issue 15: field lengths are bounded). */
  str(o: Obj, key: string, path: string, required: boolean, max: number = LIMITS.string): string | undefined {
    const v = o[key];
    if (v === undefined) {
      if (required) this.error(`${path}.${key}`, `"${key}" is required`);
      return undefined;
    }
    if (typeof v !== 'string') {
      this.error(`${path}.${key}`, `"${key}" must be a string, not ${describe(v)}`);
      return undefined;
    }
    if (v.length > max) {
      this.error(`${path}.${key}`, tooLong(`"${key}"`, v.length, max));
      return undefined;
    }
    return v;
  }
  bool(o: Obj, key: string, path: string): void {
    const v = o[key];
    if (v !== undefined && typeof v !== 'boolean') this.error(`${path}.${key}`, `"${key}" must be true or false, not ${describe(v)}`);
  }
  nonNegative(o: Obj, key: string, path: string, what = 'a duration in simulated milliseconds'): void {
    const v = o[key];
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.error(`${path}.${key}`, `"${key}" must be ${what}, not ${describe(v)}`);
    } else if (v < 0) {
      this.error(`${path}.${key}`, `"${key}" must not be negative (got ${v})`);
    }
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v);
  return `${typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`}`;
}

export function validateScenario(input: unknown): ValidationResult {
  const c = new Checker();
  if (!isObj(input)) {
    c.error('$', `a scenario must be a JSON object, not ${describe(input)}`);
    return { ok: false, errors: c.errors, warnings: c.warnings };
  }
  // Sizes first, without recursion: nothing below (nor JSON.stringify when saving) meets a hostile shape.
  const shape = checkJsonShape(input);
  if (shape !== undefined) {
    c.error(shape.path, shape.message);
    return { ok: false, errors: c.errors, warnings: c.warnings };
  }
  const format = input['format'];
  if (format !== SCENARIO_FORMAT) {
    if (typeof format === 'string' && /^bootgraph\/\d+$/.test(format)) {
      c.error('$.format', `this file is in format "${format}", newer than this bootgraph understands ("${SCENARIO_FORMAT}"); open it with a newer version`);
    } else {
      c.error('$.format', `"format" must be "${SCENARIO_FORMAT}"${format === undefined ? '' : `, not ${describe(format)}`}`);
    }
    return { ok: false, errors: c.errors, warnings: c.warnings };
  }
  c.unknownKeys(input, TOP_KEYS, '$');
  c.str(input, 'name', '$', true, LIMITS.name);
  c.str(input, 'description', '$', false, LIMITS.description);
  const era = input['era'];
  if (era !== undefined && era !== '2009' && era !== '2025') c.error('$.era', `"era" must be "2009" or "2025", not ${describe(era)}`);
  const milestone = c.str(input, 'milestone', '$', false);
  if (milestone !== undefined && resolveMilestoneName(milestone) === undefined) {
    c.error('$.milestone', `"${milestone}" is not a milestone (use all, none, single-user, multi-user, multi-user-server or a milestone FMRI)`);
  }
  checkBoot(c, input['boot']);
  checkPathList(c, input['files'], '$.files');
  checkFmriList(c, input['deathrow'], '$.deathrow');
  if (input['seed'] !== undefined && !Number.isSafeInteger(input['seed'])) c.error('$.seed', `"seed" must be an integer, not ${describe(input['seed'])}`);
  const jitter = input['jitter'];
  if (jitter !== undefined && !(typeof jitter === 'number' && Number.isFinite(jitter) && jitter >= 0 && jitter < 1)) {
    c.error('$.jitter', `"jitter" must be a number in [0, 1) (durations are scaled by ×[1 − jitter, 1 + jitter)), not ${describe(jitter)}`);
  }
  c.nonNegative(input, 'until', '$');
  const source = input['source'];
  if (source !== undefined && (!isObj(source) || Object.values(source).some((x) => typeof x !== 'string'))) c.error('$.source', '"source" must be an object of strings');
  const services = input['services'];
  const serviceFmris = new Set<string>();
  if (!Array.isArray(services)) {
    c.error('$.services', `"services" must be a list${services === undefined ? ' and is required' : `, not ${describe(services)}`}`);
  } else if (services.length > LIMITS.services) {
    c.error('$.services', `${services.length.toLocaleString('en-US')} services are more than bootgraph simulates (${LIMITS.services.toLocaleString('en-US')})`);
  } else {
    services.forEach((s, i) => checkService(c, s, `$.services[${i}]`, serviceFmris));
  }
  checkActions(c, input['actions']);
  if (input['world'] !== undefined) {
    for (const issue of validateWorld(input['world'], '$.world')) c.error(issue.path, issue.message);
  }
  // Cross-checks with the world: NICs named by cfgadm actions, method models, site methods.
  if (c.errors.length === 0) for (const issue of validateWorldScenario(input)) c.error(issue.path, issue.message);
  if (c.errors.length > 0) return { ok: false, errors: c.errors, warnings: c.warnings };
  // Every check above guarantees the shape of Scenario; this is the one place the cast is justified.
  return { ok: true, scenario: input as unknown as Scenario, warnings: c.warnings };
}

function checkBoot(c: Checker, boot: unknown): void {
  if (boot === undefined) return;
  if (!isObj(boot)) {
    c.error('$.boot', `"boot" must be an object, not ${describe(boot)}`);
    return;
  }
  c.unknownKeys(boot, BOOT_KEYS, '$.boot');
  for (const k of ['single', 'reconfigure', 'verbose', 'custom_milestones']) c.bool(boot, k, '$.boot');
  const m = c.str(boot, 'milestone', '$.boot', false);
  if (m !== undefined && resolveMilestoneName(m) === undefined) c.error('$.boot.milestone', `"${m}" is not a milestone`);
}

function checkPathList(c: Checker, v: unknown, path: string): void {
  if (v === undefined) return;
  if (!Array.isArray(v)) {
    c.error(path, `must be a list of absolute paths, not ${describe(v)}`);
    return;
  }
  v.forEach((p, i) => {
    if (typeof p !== 'string' || !p.startsWith('/')) c.error(`${path}[${i}]`, `must be an absolute path such as "/dev/ipmpstub", not ${describe(p)}`);
    else if (p.length > LIMITS.fmri) c.error(`${path}[${i}]`, tooLong('the path', p.length, LIMITS.fmri));
  });
}

function checkFmriList(c: Checker, v: unknown, path: string): void {
  if (v === undefined) return;
  if (!Array.isArray(v)) {
    c.error(path, `must be a list of FMRIs, not ${describe(v)}`);
    return;
  }
  v.forEach((f, i) => {
    if (typeof f === 'string' && f.length > LIMITS.fmri) c.error(`${path}[${i}]`, tooLong('the FMRI', f.length, LIMITS.fmri));
    else if (typeof f !== 'string' || canonicalFmri(f) === undefined) c.error(`${path}[${i}]`, `${describe(f)} is not a service FMRI`);
  });
}

function checkService(c: Checker, s: unknown, path: string, seen: Set<string>): void {
  if (!isObj(s)) {
    c.error(path, `a service must be an object, not ${describe(s)}`);
    return;
  }
  c.unknownKeys(s, SERVICE_KEYS, path);
  const fmri = c.str(s, 'fmri', path, true, LIMITS.fmri);
  if (fmri !== undefined) {
    const p = parseFmri(fmri);
    if (!p.ok) c.error(`${path}.fmri`, p.error);
    else if (p.fmri.scheme !== 'svc') c.error(`${path}.fmri`, `"${fmri}" is a file, not a service`);
    else if (p.fmri.instance !== undefined) {
      c.error(`${path}.fmri`, `"${fmri}" names an instance; give the service FMRI (svc:/${p.fmri.service}) and put "${p.fmri.instance}" under "instances"`);
    } else {
      const key = `svc:/${p.fmri.service}`;
      if (seen.has(key)) c.error(`${path}.fmri`, `service ${key} is declared twice`);
      seen.add(key);
    }
  }
  checkComposable(c, s, path);
  const instances = s['instances'];
  if (instances === undefined) return;
  if (!isObj(instances)) {
    c.error(`${path}.instances`, `"instances" must be an object keyed by instance name, not ${describe(instances)}`);
    return;
  }
  for (const [name, inst] of Object.entries(instances)) {
    const ipath = `${path}.instances.${name}`;
    if (!isValidInstanceName(name)) c.error(ipath, `"${name}" is not a valid instance name`);
    if (!isObj(inst)) {
      c.error(ipath, `an instance must be an object, not ${describe(inst)}`);
      continue;
    }
    c.unknownKeys(inst, INSTANCE_KEYS, ipath);
    c.bool(inst, 'enabled', ipath);
    c.bool(inst, 'configured', ipath);
    checkComposable(c, inst, ipath);
  }
}

function checkComposable(c: Checker, o: Obj, path: string): void {
  const model = o['model'];
  if (model !== undefined && !(SERVICE_MODELS as readonly unknown[]).includes(model)) {
    c.error(`${path}.model`, `unknown model ${describe(model)} (expected transient, contract or wait)`);
  }
  for (const m of ['start', 'stop', 'refresh']) checkMethod(c, o[m], `${path}.${m}`);
  c.nonNegative(o, 'timeout', path, 'a timeout in simulated milliseconds (0 = infinite)');
  c.bool(o, 'timeout_retry', path);
  c.str(o, 'common_name', path, false);
  c.str(o, 'method_model', path, false);
  const restarter = c.str(o, 'restarter', path, false, LIMITS.fmri);
  if (restarter !== undefined) {
    const p = parseFmri(restarter);
    if (!p.ok || p.fmri.scheme !== 'svc' || p.fmri.instance === undefined) {
      c.error(`${path}.restarter`, `"${restarter}" is not a restarter instance FMRI`);
    }
  }
  for (const key of ['documentation', 'invalid_dependencies']) {
    const list = o[key];
    if (list !== undefined && (!Array.isArray(list) || list.some((x) => typeof x !== 'string'))) {
      c.error(`${path}.${key}`, `"${key}" must be a list of strings`);
    } else if (Array.isArray(list) && list.some((x) => typeof x === 'string' && x.length > LIMITS.string)) {
      c.error(`${path}.${key}`, tooLong(`an entry of "${key}"`, list.reduce((m: number, x) => Math.max(m, String(x).length), 0), LIMITS.string));
    }
  }
  const deps = o['dependencies'];
  if (deps !== undefined) {
    if (!Array.isArray(deps)) c.error(`${path}.dependencies`, `"dependencies" must be a list, not ${describe(deps)}`);
    else {
      const names = new Set<string>();
      deps.forEach((d, i) => checkDependency(c, d, `${path}.dependencies[${i}]`, names));
    }
  }
  const dependents = o['dependents'];
  if (dependents !== undefined) {
    if (!Array.isArray(dependents)) c.error(`${path}.dependents`, `"dependents" must be a list, not ${describe(dependents)}`);
    else dependents.forEach((d, i) => checkDependent(c, d, `${path}.dependents[${i}]`));
  }
}

function checkGroupingAndRestart(c: Checker, d: Obj, path: string): void {
  const g = d['grouping'];
  if (g === undefined) c.error(`${path}.grouping`, '"grouping" is required');
  else if (!(GROUPINGS as readonly unknown[]).includes(g)) {
    c.error(`${path}.grouping`, `unknown grouping ${describe(g)} (expected require_all, require_any, optional_all or exclude_all)`);
  }
  const r = d['restart_on'];
  if (r === undefined) c.error(`${path}.restart_on`, '"restart_on" is required');
  else if (!(RESTART_ONS as readonly unknown[]).includes(r)) {
    c.error(`${path}.restart_on`, `unknown restart_on ${describe(r)} (expected none, error, restart or refresh)`);
  }
}

function checkDependency(c: Checker, d: unknown, path: string, names: Set<string>): void {
  if (!isObj(d)) {
    c.error(path, `a dependency must be an object, not ${describe(d)}`);
    return;
  }
  c.unknownKeys(d, new Set(['name', 'grouping', 'restart_on', 'targets', 'type']), path);
  const name = c.str(d, 'name', path, true);
  if (name !== undefined) {
    if (!PG_NAME.test(name)) c.error(`${path}.name`, `"${name}" is not a valid property group name`);
    if (names.has(name)) c.error(`${path}.name`, `a second dependency named "${name}" (property group names are unique)`);
    names.add(name);
  }
  checkGroupingAndRestart(c, d, path);
  const type = d['type'];
  if (type !== undefined && type !== 'service' && type !== 'path') c.error(`${path}.type`, `"type" must be "service" or "path", not ${describe(type)}`);
  const targets = d['targets'];
  if (!Array.isArray(targets) || targets.length === 0) {
    c.error(`${path}.targets`, `"targets" must be a non-empty list of FMRIs`);
    return;
  }
  let schemes = new Set<string>();
  targets.forEach((t, i) => {
    if (typeof t !== 'string') {
      c.error(`${path}.targets[${i}]`, `must be an FMRI string, not ${describe(t)}`);
      return;
    }
    if (t.length > LIMITS.fmri) {
      c.error(`${path}.targets[${i}]`, tooLong('the FMRI', t.length, LIMITS.fmri));
      return;
    }
    const p = parseFmri(t);
    if (!p.ok) c.error(`${path}.targets[${i}]`, p.error);
    else schemes = schemes.add(p.fmri.scheme);
  });
  if (schemes.size > 1) c.error(`${path}.targets`, 'a dependency group holds either svc:/ FMRIs (type service) or file:// FMRIs (type path), not both');
  const only = [...schemes][0];
  if (type === 'service' && only === 'file') c.error(`${path}.type`, 'type "service" cannot hold file:// targets');
  if (type === 'path' && only === 'svc') c.error(`${path}.type`, 'type "path" cannot hold svc:/ targets');
}

function checkDependent(c: Checker, d: unknown, path: string): void {
  if (!isObj(d)) {
    c.error(path, `a dependent must be an object, not ${describe(d)}`);
    return;
  }
  c.unknownKeys(d, new Set(['name', 'grouping', 'restart_on', 'target']), path);
  const name = c.str(d, 'name', path, true);
  if (name !== undefined && !PG_NAME.test(name)) c.error(`${path}.name`, `"${name}" is not a valid property group name`);
  checkGroupingAndRestart(c, d, path);
  const target = c.str(d, 'target', path, true, LIMITS.fmri);
  if (target !== undefined) {
    const p = parseFmri(target);
    if (!p.ok) c.error(`${path}.target`, p.error);
    else if (p.fmri.scheme !== 'svc') c.error(`${path}.target`, 'a dependent must name a service or instance');
  }
}

function checkMethod(c: Checker, m: unknown, path: string): void {
  if (m === undefined) return;
  if (!isObj(m)) {
    c.error(path, `a method must be an object, not ${describe(m)}`);
    return;
  }
  c.unknownKeys(m, new Set(['duration', 'exit', 'timeout', 'exec', 'missing']), path);
  c.bool(m, 'missing', path);
  c.nonNegative(m, 'duration', path);
  c.nonNegative(m, 'timeout', path, 'a timeout in simulated milliseconds (0 = infinite)');
  c.str(m, 'exec', path, false, LIMITS.command);
  const exit = m['exit'];
  if (exit === undefined) return;
  const values = Array.isArray(exit) ? exit : [exit];
  if (Array.isArray(exit) && exit.length === 0) c.error(`${path}.exit`, 'an exit list must not be empty');
  values.forEach((e, i) => {
    const p = Array.isArray(exit) ? `${path}.exit[${i}]` : `${path}.exit`;
    if (typeof e === 'number') {
      if (!Number.isInteger(e) || e < 0 || e > 255) c.error(p, `exit status must be an integer 0–255, not ${e}`);
    } else if (typeof e === 'string') {
      if (e !== 'timeout' && !/^SIG[A-Z0-9]+$/.test(e)) c.error(p, `exit must be a status, "timeout" or a signal such as "SIGSEGV", not ${describe(e)}`);
    } else c.error(p, `exit must be a status, "timeout" or a signal name, not ${describe(e)}`);
  });
}

function checkActions(c: Checker, actions: unknown): void {
  if (actions === undefined) return;
  if (!Array.isArray(actions)) {
    c.error('$.actions', `"actions" must be a list, not ${describe(actions)}`);
    return;
  }
  actions.forEach((a, i) => {
    const path = `$.actions[${i}]`;
    if (!isObj(a)) {
      c.error(path, `an action must be an object like {"at": 5000, "run": "svcadm restart svc:/x:default"}, not ${describe(a)}`);
      return;
    }
    c.unknownKeys(a, new Set(['at', 'run']), path);
    if (typeof a['at'] !== 'number' || !Number.isFinite(a['at']) || a['at'] < 0) c.error(`${path}.at`, '"at" must be a non-negative time in simulated milliseconds');
    const run = c.str(a, 'run', path, true, LIMITS.command);
    if (run !== undefined) {
      const parsed = parseAction(run);
      if (!parsed.ok) c.error(`${path}.run`, parsed.error);
    }
  });
}
