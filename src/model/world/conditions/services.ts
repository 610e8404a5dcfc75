/**
 * "What if" conditions on the services themselves, for small graphs (the
 * lessons, hand-written scenarios): how a start method exits, the grouping
 * and restart_on of each dependency, whether a file a dependency names
 * exists, and whether an svcadm enable/disable in the scenario is temporary
 * (-t). Listed only for scenarios of at most SMALL_GRAPH services without a
 * world (on a big or world-driven graph the world's own conditions say what
 * changes); set on any scenario, so links and tours work everywhere. Pure.
 *
 * The semantics each option changes are the engine's: groupings §3.4,
 * restart_on §4, method exits and retries §7.3, file dependencies §3.3,
 * svcadm -t §9, §10.2 (docs/smf-semantics.md).
 */
import type { ActionSpec, DependencySpec, ExitValue, MethodSpec, Scenario, ServiceSpec } from '../../scenario/types.ts';
import { GROUPINGS, RESTART_ONS as RESTART_ON } from '../../smf/states.ts';
import { splitWords } from '../../scenario/actions.ts';
import { checkOption, type ConditionDef, type ConditionFamily, type ConditionOption, type ConditionResult } from './types.ts';

/** At most this many services: a graph small enough to offer a knob per service. */
export const SMALL_GRAPH = 12;

const START = 'service.start:';
const GROUPING = 'dependency.grouping:';
const RESTART = 'dependency.restart_on:';
const FILE = 'file:';
const ACTION = 'action.temporary:';

const START_OPTIONS: readonly ConditionOption[] = [
  { value: 'ok', label: 'exits 0', description: 'The start method succeeds (SMF_EXIT_OK): the instance goes online.' },
  { value: 'fails-once', label: 'fails once', description: 'The first attempt exits 1, the retry exits 0: svc.startd retries a failed start method.' },
  { value: 'fails', label: 'always exits 1', description: 'Every attempt exits 1: after three failed attempts svc.startd gives up and the instance goes to maintenance.' },
  { value: 'hangs', label: 'hangs', description: 'The start method never exits: svc.startd kills it at the method timeout.' },
];

const TEMPORARY_OPTIONS: readonly ConditionOption[] = [
  { value: 'persistent', label: 'persistent', description: 'svcadm without -t writes general/enabled: the change survives a reboot.' },
  { value: 'temporary', label: 'svcadm -t', description: 'svcadm -t writes general_ovr/enabled, which svc.startd deletes at boot: the change lasts until the next reboot.' },
];

const GROUPING_TEXT: Record<string, string> = {
  require_all: 'Every target must be online (or degraded).',
  require_any: 'At least one target must be online (or degraded).',
  optional_all: 'Every target that can come up must be up; disabled or absent targets are skipped.',
  exclude_all: 'No target may be enabled and running.',
};

const RESTART_TEXT: Record<string, string> = {
  none: 'Never stopped when the target stops.',
  error: 'Stopped and restarted when the target stops because of an error (a core dump, a hardware error).',
  restart: 'Also stopped and restarted when the target is restarted by an administrator.',
  refresh: 'Also stopped and restarted when the target is refreshed.',
};

/** The dependencies a scenario declares, with the FMRI that declares them (the service, or one instance). */
function declaredDependencies(scenario: Scenario): { owner: string; dep: DependencySpec }[] {
  const out: { owner: string; dep: DependencySpec }[] = [];
  for (const s of scenario.services) {
    for (const d of s.dependencies ?? []) out.push({ owner: s.fmri, dep: d });
    for (const [name, inst] of Object.entries(s.instances ?? {})) for (const d of inst.dependencies ?? []) out.push({ owner: `${s.fmri}:${name}`, dep: d });
  }
  return out;
}

function instanceFmris(s: ServiceSpec): string[] {
  return Object.keys(s.instances ?? { default: {} }).map((i) => `${s.fmri}:${i}`);
}

function filePaths(scenario: Scenario): string[] {
  const paths = new Set<string>();
  for (const { dep } of declaredDependencies(scenario)) {
    for (const t of dep.targets) if (t.startsWith('file://localhost/')) paths.add(t.slice('file://localhost'.length));
  }
  return [...paths].sort();
}

function startOf(scenario: Scenario, fmri: string): MethodSpec | undefined {
  for (const s of scenario.services) {
    if (!fmri.startsWith(`${s.fmri}:`)) continue;
    const inst = s.instances?.[fmri.slice(s.fmri.length + 1)];
    return inst?.start ?? s.start;
  }
  return undefined;
}

function startValue(m: MethodSpec | undefined): string {
  const exit: ExitValue | readonly ExitValue[] = m?.exit ?? 0;
  const list: readonly ExitValue[] = Array.isArray(exit) ? exit : [exit as ExitValue];
  if (list.every((x) => x === 0)) return 'ok';
  if (list.every((x) => x === 'timeout')) return 'hangs';
  if (list.length === 2 && list[0] === 1 && list[1] === 0) return 'fails-once';
  if (list.every((x) => x === 1)) return 'fails';
  return 'as-written';
}

function describeExits(m: MethodSpec | undefined): string {
  const exit = m?.exit ?? 0;
  const list = Array.isArray(exit) ? exit : [exit];
  return `exits ${list.join(', then ')}`;
}

function startExit(value: string): ExitValue | readonly ExitValue[] | undefined {
  switch (value) {
    case 'ok':
      return 0;
    case 'fails-once':
      return [1, 0];
    case 'fails':
      return 1;
    case 'hangs':
      return 'timeout';
    default:
      return undefined;
  }
}

/** svcadm enable/disable actions, by index in scenario.actions. */
function adminActions(scenario: Scenario): { index: number; action: ActionSpec; words: string[] }[] {
  const out: { index: number; action: ActionSpec; words: string[] }[] = [];
  (scenario.actions ?? []).forEach((action, index) => {
    const words = splitWords(action.run.trim());
    if (words === undefined || words[0] !== 'svcadm' || (words[1] !== 'enable' && words[1] !== 'disable')) return;
    out.push({ index, action, words });
  });
  return out;
}

const isTemporary = (words: readonly string[]): boolean => words.slice(2).some((w) => /^-[a-z]*t[a-z]*$/.test(w));

function withTemporary(words: readonly string[], temporary: boolean): string {
  const [cmd = 'svcadm', verb = 'disable', ...rest] = words;
  const flags = rest.filter((w) => w.startsWith('-') && w !== '-').map((w) => w.replace(/t/g, '')).filter((w) => w !== '-');
  const operands = rest.filter((w) => !(w.startsWith('-') && w !== '-'));
  const quoted = operands.map((w) => (/\s/.test(w) ? `"${w}"` : w));
  return [cmd, verb, ...(temporary ? ['-t'] : []), ...flags, ...quoted].join(' ');
}

function list(scenario: Scenario): ConditionDef[] {
  if (scenario.world !== undefined || scenario.services.length > SMALL_GRAPH) return [];
  const out: ConditionDef[] = [];
  for (const s of scenario.services) {
    for (const fmri of instanceFmris(s)) {
      const m = startOf(scenario, fmri);
      const value = startValue(m);
      out.push({
        id: `${START}${fmri}`,
        group: 'services',
        label: `${fmri.replace(/^svc:\//, '')}: start method`,
        description: 'How this instance\'s start method exits on each attempt.',
        terms: ['maintenance'],
        value,
        options: value === 'as-written' ? [{ value, label: describeExits(m), description: 'As the scenario is written.' }, ...START_OPTIONS] : START_OPTIONS,
      });
    }
  }
  for (const { owner, dep } of declaredDependencies(scenario)) {
    const where = `${owner.replace(/^svc:\//, '')} → ${dep.name}`;
    out.push({
      id: `${GROUPING}${owner}#${dep.name}`,
      group: 'services',
      label: `${where}: grouping`,
      description: 'How the targets of this dependency group must be for the dependent to start.',
      terms: [dep.grouping],
      value: dep.grouping,
      options: GROUPINGS.map((g) => ({ value: g, label: g, description: GROUPING_TEXT[g] ?? g })),
    });
    out.push({
      id: `${RESTART}${owner}#${dep.name}`,
      group: 'services',
      label: `${where}: restart_on`,
      description: 'Which stops of a target stop (and restart) the dependent.',
      terms: ['restart_on'],
      value: dep.restart_on,
      options: RESTART_ON.map((r) => ({ value: r, label: r, description: RESTART_TEXT[r] ?? r })),
    });
  }
  const present = new Set(scenario.files ?? []);
  for (const path of filePaths(scenario)) {
    out.push({
      id: `${FILE}${path}`,
      group: 'services',
      label: `${path}`,
      description: 'Whether this file exists when svc.startd evaluates the dependencies that name it.',
      terms: ['file dependency'],
      value: present.has(path) ? 'present' : 'absent',
      options: [
        { value: 'present', label: 'exists', description: `${path} exists at boot.` },
        { value: 'absent', label: 'missing', description: `${path} does not exist at boot.` },
      ],
    });
  }
  for (const { index, action, words } of adminActions(scenario)) {
    out.push({
      id: `${ACTION}${index}`,
      group: 'services',
      label: `At ${action.at / 1000} s: svcadm ${words[1] ?? ''}`,
      description: `The command "${action.run}": persistent, or temporary (-t) until the next boot.`,
      terms: ['svcadm'],
      value: isTemporary(words) ? 'temporary' : 'persistent',
      options: TEMPORARY_OPTIONS,
    });
  }
  return out;
}

function mapServices(scenario: Scenario, owner: string, f: (d: ComposablePart) => ComposablePart): Scenario | undefined {
  let found = false;
  const services = scenario.services.map((s) => {
    if (s.fmri === owner) {
      found = true;
      return { ...s, ...f(s) };
    }
    if (!owner.startsWith(`${s.fmri}:`)) return s;
    const name = owner.slice(s.fmri.length + 1);
    const inst = s.instances?.[name];
    if (inst === undefined) {
      // The default instance of a service written without instances.
      if (s.instances !== undefined || name !== 'default') return s;
      found = true;
      return { ...s, instances: { default: f({}) } };
    }
    found = true;
    return { ...s, instances: { ...s.instances, [name]: { ...inst, ...f(inst) } } };
  });
  return found ? { ...scenario, services } : undefined;
}

interface ComposablePart {
  readonly dependencies?: readonly DependencySpec[];
  readonly start?: MethodSpec;
}

function setDependency(scenario: Scenario, id: string, rest: string, value: string, key: 'grouping' | 'restart_on'): ConditionResult {
  const hash = rest.lastIndexOf('#');
  const owner = rest.slice(0, hash);
  const name = rest.slice(hash + 1);
  const allowed: readonly string[] = key === 'grouping' ? GROUPINGS : RESTART_ON;
  if (!allowed.includes(value)) return { ok: false, error: `${id}: unknown option "${value}" (expected ${allowed.join(', ')})` };
  let seen = false;
  const next = hash < 0 ? undefined : mapServices(scenario, owner, (part) => {
    const deps = part.dependencies;
    if (deps === undefined || !deps.some((d) => d.name === name)) return part;
    seen = true;
    return { ...part, dependencies: deps.map((d) => (d.name === name ? { ...d, [key]: value } : d)) };
  });
  if (next === undefined || !seen) return { ok: false, error: `${id}: the scenario has no dependency "${name}" declared by ${owner}` };
  return { ok: true, scenario: next };
}

function set(scenario: Scenario, id: string, value: string): ConditionResult | undefined {
  if (id.startsWith(START)) {
    const fmri = id.slice(START.length);
    const m = startOf(scenario, fmri);
    if (m === undefined && !scenario.services.some((s) => instanceFmris(s).includes(fmri))) return { ok: false, error: `${id}: no instance ${fmri} in this scenario` };
    if (value === 'as-written' && startValue(m) === 'as-written') return { ok: true, scenario };
    const exit = startExit(value);
    if (exit === undefined) return checkOption(id, value, START_OPTIONS) ?? { ok: false, error: `${id}: unknown option "${value}"` };
    const next = mapServices(scenario, fmri, (part) => ({ ...part, start: { ...(m ?? {}), exit } }));
    return next === undefined ? { ok: false, error: `${id}: no instance ${fmri} in this scenario` } : { ok: true, scenario: next };
  }
  if (id.startsWith(GROUPING)) return setDependency(scenario, id, id.slice(GROUPING.length), value, 'grouping');
  if (id.startsWith(RESTART)) return setDependency(scenario, id, id.slice(RESTART.length), value, 'restart_on');
  if (id.startsWith(FILE)) {
    const path = id.slice(FILE.length);
    if (!filePaths(scenario).includes(path)) return { ok: false, error: `${id}: no dependency of this scenario names file://localhost${path}` };
    if (value !== 'present' && value !== 'absent') return { ok: false, error: `${id}: expected present or absent, not "${value}"` };
    const files = (scenario.files ?? []).filter((f) => f !== path);
    return { ok: true, scenario: { ...scenario, files: value === 'present' ? [...files, path] : files } };
  }
  if (id.startsWith(ACTION)) {
    const index = Number(id.slice(ACTION.length));
    const hit = adminActions(scenario).find((a) => a.index === index);
    if (hit === undefined) return { ok: false, error: `${id}: action ${id.slice(ACTION.length)} of this scenario is not an svcadm enable or disable` };
    const bad = checkOption(id, value, TEMPORARY_OPTIONS);
    if (bad !== undefined) return bad;
    const actions = (scenario.actions ?? []).map((a, i) => (i === index ? { ...a, run: withTemporary(hit.words, value === 'temporary') } : a));
    return { ok: true, scenario: { ...scenario, actions } };
  }
  return undefined;
}

export const serviceConditions: ConditionFamily = { list, set };
