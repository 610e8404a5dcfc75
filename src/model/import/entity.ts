/**
 * One service or instance declaration → the ComposableSpec fields it sets
 * (docs/smf-semantics.md §1, §7), plus what composition needs to know: its property
 * group names (for EEXIST and duplicates), the `<dependent>`s it declares, and
 * where each dependency was written (for lint messages).
 */
import type { DependencySpec, MethodSpec } from '../scenario/types.ts';
import { GROUPINGS, RESTART_ONS, type Grouping, type RestartOn, type ServiceModel } from '../smf/states.ts';
import { formatFmri, parseFmri } from '../smf/fmri.ts';
import type { DependencyDecl, DependentDecl, EntityDecl, MethodDecl, PropertyGroupDecl } from './bundle-types.ts';
import type { FindingSink, SourcePos } from './findings.ts';

/** svc.startd's own instance: naming it as general/restarter means "no delegated restarter" (§1.1). */
export const STARTD_FMRI = 'svc:/system/svc/restarter:default';

/** Property group names as svc.configd accepts them (and as the scenario validator checks). */
const PG_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.,+-]*$/;

export type PgKind = 'dependency' | 'method' | 'property_group' | 'dependent';

export interface PgRecord {
  readonly kind: PgKind;
  readonly pos: SourcePos;
  /** For a pg created by a `<dependent>`: the entity that declared it. */
  readonly declaredBy?: string;
}

/** A `<dependent>` with a usable name, waiting to be placed on its target (compose.ts). */
export interface PendingDependent {
  readonly decl: DependentDecl;
  readonly name: string;
  /** FMRI of the declaring service or instance: the entity the target will depend on. */
  readonly declaredBy: string;
}

export interface EntityBuild {
  readonly fmri: string;
  readonly dependencies: DependencySpec[];
  model?: ServiceModel;
  start?: MethodSpec;
  stop?: MethodSpec;
  refresh?: MethodSpec;
  /** Some method here has timeout_seconds 0 or -1 (infinite, §7.2). */
  infiniteTimeout: boolean;
  timeout_retry?: boolean;
  restarter?: string;
  common_name?: string;
  readonly documentation: string[];
  /** Lines for ComposableSpec.invalid_dependencies. */
  readonly invalid: string[];
  /** Every property group on this entity, by name (its own, then those `<dependent>`s create here). */
  readonly pgs: Map<string, PgRecord>;
  readonly pendingDependents: PendingDependent[];
  /** `<dependent>`s of this entity that were placed, in the order placed. */
  readonly dependents: { name: string; grouping: Grouping; restart_on: RestartOn; target: string }[];
  /** general/enabled from a property_group (instances only). */
  enabledFromGeneral?: boolean;
  /** Where each dependency entity was written. */
  readonly targetPositions: { readonly name: string; readonly target: string; readonly pos: SourcePos }[];
}

export function emptyBuild(fmri: string): EntityBuild {
  return {
    fmri,
    dependencies: [],
    infiniteTimeout: false,
    documentation: [],
    invalid: [],
    pgs: new Map(),
    pendingDependents: [],
    dependents: [],
    targetPositions: [],
  };
}

/** What svc.startd does with an instance whose dependency pg it cannot use (§1.2). */
export function invalidConsequence(fmri: string): string {
  return `svc.startd sends ${subjectOf(fmri)} to maintenance as invalid_dependency ("Has invalid dependency.", SMF-8000-JA)`;
}

type InvalidCode = 'unknown-grouping' | 'unknown-restart-on' | 'unknown-dependency-type' | 'bad-fmri' | 'scheme-mismatch' | 'bad-value';

/** Who goes to maintenance when `fmri`'s dependency pg is invalid: the instance, or every instance of the service. */
export function subjectOf(fmri: string): string {
  const p = parseFmri(fmri);
  return p.ok && p.fmri.scheme === 'svc' && p.fmri.instance === undefined ? `every instance of ${fmri}` : fmri;
}

export function isGrouping(v: string | undefined): v is Grouping {
  return (GROUPINGS as readonly (string | undefined)[]).includes(v);
}

export function isRestartOn(v: string | undefined): v is RestartOn {
  return (RESTART_ONS as readonly (string | undefined)[]).includes(v);
}

/**
 * Problems svc.startd has with a grouping/restart_on pair (libscf.c:
 * depgroup_read_grouping(), depgroup_read_restart()), as invalid_dependencies lines.
 */
export function groupingProblems(grouping: string | undefined, restartOn: string | undefined): { code: InvalidCode; line: string; detail: string }[] {
  const out: { code: InvalidCode; line: string; detail: string }[] = [];
  if (grouping === undefined) out.push({ code: 'unknown-grouping', line: 'no grouping', detail: 'has no grouping attribute' });
  else if (!isGrouping(grouping)) {
    out.push({
      code: 'unknown-grouping',
      line: `unknown grouping "${grouping}"`,
      detail: `has unknown grouping "${grouping}" (expected require_all, require_any, optional_all or exclude_all)`,
    });
  }
  if (restartOn === undefined) out.push({ code: 'unknown-restart-on', line: 'no restart_on', detail: 'has no restart_on attribute' });
  else if (!isRestartOn(restartOn)) {
    out.push({
      code: 'unknown-restart-on',
      line: `unknown restart_on "${restartOn}"`,
      detail: `has unknown restart_on "${restartOn}" (expected none, error, restart or refresh)`,
    });
  }
  return out;
}

/** Build one entity. `isInstance` decides whether general/enabled is read. */
export function buildEntity(decl: EntityDecl, fmri: string, isInstance: boolean, sink: FindingSink): EntityBuild {
  const b = emptyBuild(fmri);
  const dependentNames = new Set<string>();
  for (const m of decl.members) {
    if (m.name === undefined || m.name.length === 0) {
      const what = m.kind === 'method' ? 'exec_method' : m.kind;
      sink.warn('missing-attribute', m.pos, `<${what}> has no name attribute; svccfg cannot create it, so it is ignored`, fmri);
      continue;
    }
    if (m.delete) continue; // delete='true': svccfg deletes the pg rather than creating it (§5).
    if (m.kind === 'dependent') {
      const clash = b.pgs.get(m.name);
      if (clash !== undefined) {
        sink.warn(
          'duplicate-pg',
          m.pos,
          `${fmri} has both a property group and a <dependent> named "${m.name}" (the first at ${at(clash.pos)}); ` +
            'svccfg refuses the dependent ("Property group and dependent of entity have same name"), so it is ignored',
          fmri,
        );
      } else if (!PG_NAME.test(m.name)) {
        sink.warn('bad-value', m.pos, `dependent "${m.name}" is not a valid property group name (letters, digits, _ . , + - only); svccfg cannot create it, so it is ignored`, fmri);
      } else if (dependentNames.has(m.name)) {
        sink.warn('duplicate-pg', m.pos, `${fmri} declares two <dependent>s named "${m.name}"; the first is kept`, fmri);
      } else {
        dependentNames.add(m.name);
        b.pendingDependents.push({ decl: m, name: m.name, declaredBy: fmri });
      }
      continue;
    }
    const first = b.pgs.get(m.name);
    if (first !== undefined) {
      sink.warn(
        'duplicate-pg',
        m.pos,
        `${fmri} already has a property group named "${m.name}" (declared at ${at(first.pos)}); property group names are unique per entity, so this <${elementName(m.kind)}> is ignored and the first is kept`,
        fmri,
      );
      continue;
    }
    b.pgs.set(m.name, { kind: m.kind, pos: m.pos });
    if (m.kind === 'dependency') addDependency(b, m, m.name, sink);
    else if (m.kind === 'method') addMethod(b, m, m.name, sink);
    else addPropertyGroup(b, m, m.name, isInstance, sink);
  }
  if (decl.restarter !== undefined) setRestarter(b, decl.restarter.value, decl.restarter.pos, sink);
  if (decl.commonName !== undefined && decl.commonName.length > 0) b.common_name = decl.commonName;
  b.documentation.push(...decl.documentation);
  return b;
}

function elementName(kind: PgKind): string {
  return kind === 'method' ? 'exec_method' : kind;
}

export function at(p: SourcePos): string {
  return `${p.file}:${p.line}`;
}

function addDependency(b: EntityBuild, d: DependencyDecl, name: string, sink: FindingSink): void {
  const invalid = (code: InvalidCode, line: string, message: string, where: SourcePos = d.pos): void => {
    b.invalid.push(`dependency "${name}": ${line}`);
    sink.warn(code, where, `dependency "${name}" ${message}; ${invalidConsequence(b.fmri)}`, b.fmri);
  };
  if (!PG_NAME.test(name)) {
    invalid('bad-value', `"${name}" is not a valid property group name`, `is not a valid property group name (letters, digits, _ . , + - only)`);
    return;
  }
  let ok = true;
  for (const p of groupingProblems(d.grouping, d.restartOn)) {
    invalid(p.code, p.line, p.detail);
    ok = false;
  }
  const type = d.type;
  if (type !== 'service' && type !== 'path') {
    invalid(
      'unknown-dependency-type',
      type === undefined ? 'no type' : `unknown type "${type}"`,
      type === undefined ? 'has no type attribute (service or path)' : `has unknown type "${type}" (expected service or path)`,
    );
    ok = false;
  }
  if (d.entities.length === 0) {
    sink.warn(
      'empty-dependency',
      d.pos,
      `dependency "${name}" names no <service_fmri>; svc.startd treats an empty group as satisfied, so it has no effect and is left out`,
      b.fmri,
    );
    return;
  }
  const targets: string[] = [];
  for (const e of d.entities) {
    const p = parseFmri(e.value);
    if (!p.ok) {
      invalid('bad-fmri', `"${e.value}" is not a valid FMRI`, `names "${e.value}", which is not a valid FMRI (${p.error})`, e.pos);
      ok = false;
      continue;
    }
    if (type === 'service' && p.fmri.scheme === 'file') {
      invalid('scheme-mismatch', `file FMRI "${e.value}" in a type="service" group`, `has type="service" but names the file ${e.value}; only a type="path" group may hold file:// FMRIs (EINVAL)`, e.pos);
      ok = false;
      continue;
    }
    if (type === 'path' && p.fmri.scheme === 'svc') {
      invalid('scheme-mismatch', `service FMRI "${e.value}" in a type="path" group`, `has type="path" but names the service ${e.value}; only a type="service" group may hold svc:/ FMRIs (EINVAL)`, e.pos);
      ok = false;
      continue;
    }
    const canonical = formatFmri(p.fmri);
    targets.push(canonical);
    b.targetPositions.push({ name, target: canonical, pos: e.pos });
  }
  if (!ok || !isGrouping(d.grouping) || !isRestartOn(d.restartOn) || (type !== 'service' && type !== 'path')) return;
  b.dependencies.push({ name, grouping: d.grouping, restart_on: d.restartOn, targets, type });
}

/** timeout_seconds → ms; 0 and -1 (and any negative, which strtoull wraps to huge) mean infinite (§7.2). */
function methodTimeout(raw: string | undefined): number | 'infinite' | undefined {
  if (raw === undefined) return undefined;
  const t = raw.trim();
  if (!/^-?\d+$/.test(t)) return undefined;
  const n = Number(t);
  return n <= 0 ? 'infinite' : n * 1000;
}

function addMethod(b: EntityBuild, m: MethodDecl, name: string, sink: FindingSink): void {
  if (name !== 'start' && name !== 'stop' && name !== 'refresh') return; // e.g. inetd_start: not svc.startd's business.
  if (m.type !== undefined && m.type !== 'method') return; // type='monitor' methods are not run by svc.startd.
  const spec: { exec?: string; timeout?: number; duration?: number } = {};
  if (m.exec === undefined) {
    sink.warn('missing-attribute', m.pos, `exec_method "${name}" has no exec attribute; svc.startd treats a method without exec as succeeding at once`, b.fmri);
    spec.duration = 0;
  } else spec.exec = m.exec;
  const timeout = methodTimeout(m.timeoutSeconds);
  if (timeout === 'infinite') {
    spec.timeout = 0;
    b.infiniteTimeout = true;
  } else if (timeout !== undefined) spec.timeout = timeout;
  else if (m.timeoutSeconds === undefined) {
    sink.warn('missing-attribute', m.pos, `exec_method "${name}" has no timeout_seconds (the DTD requires it); treated as infinite`, b.fmri);
    spec.timeout = 0;
    b.infiniteTimeout = true;
  } else {
    sink.warn('bad-value', m.pos, `exec_method "${name}" has timeout_seconds="${m.timeoutSeconds}", which is not a whole number (svccfg import rejects it); bootgraph's default method timeout applies`, b.fmri);
  }
  // Scripts cannot run here: every method succeeds after the scenario default duration; `:true` takes no time.
  if (m.exec !== undefined && m.exec.trim() === ':true') spec.duration = 0;
  b[name] = spec;
}

function addPropertyGroup(b: EntityBuild, pg: PropertyGroupDecl, name: string, isInstance: boolean, sink: FindingSink): void {
  if (name === 'startd') {
    for (const p of pg.properties) {
      if (p.name === 'duration') {
        const v = p.value.trim();
        if (v === 'transient') b.model = 'transient';
        else if (v === 'child') b.model = 'wait';
        else {
          b.model = 'contract';
          if (v !== 'contract') {
            sink.warn('bad-value', p.pos, `startd/duration "${p.value}" is not transient, child or contract; svc.startd treats it as contract`, b.fmri);
          }
        }
      } else if (p.name === 'timeout_retry') {
        const v = parseBoolean(p.value);
        if (v === undefined) sink.warn('bad-value', p.pos, `startd/timeout_retry "${p.value}" is not true or false; ignored`, b.fmri);
        else b.timeout_retry = v;
      }
    }
    return;
  }
  if (name !== 'general') return;
  for (const p of pg.properties) {
    if (p.name === 'startd_duration') {
      sink.warn(
        'ignored-property',
        p.pos,
        `general/startd_duration="${p.value}" is ignored: svc.startd reads only startd/duration (docs/smf-semantics.md §7.4), so this is a contract service; ` +
          `use <property_group name='startd' type='framework'><propval name='duration' type='astring' value='${p.value}'/></property_group> if ${p.value} was meant`,
        b.fmri,
      );
    } else if (p.name === 'enabled') {
      const v = parseBoolean(p.value);
      if (!isInstance) {
        sink.warn('ignored-property', p.pos, 'general/enabled on a service is not read by svc.startd (only an instance\'s general/enabled is); ignored', b.fmri);
      } else if (v === undefined) {
        sink.warn('bad-value', p.pos, `general/enabled "${p.value}" is not true or false; ignored`, b.fmri);
      } else b.enabledFromGeneral = v;
    }
  }
}

function parseBoolean(v: string): boolean | undefined {
  const t = v.trim();
  if (t === 'true' || t === '1') return true;
  if (t === 'false' || t === '0') return false;
  return undefined;
}

function setRestarter(b: EntityBuild, value: string, pos: SourcePos, sink: FindingSink): void {
  const p = parseFmri(value);
  if (!p.ok || p.fmri.scheme !== 'svc') {
    sink.warn('bad-fmri', pos, `restarter "${value}" is not a service instance FMRI${p.ok ? '' : ` (${p.error})`}; ignored`, b.fmri);
    return;
  }
  if (p.fmri.instance === undefined) {
    sink.warn('bad-fmri', pos, `restarter "${value}" names a service, not an instance; svc.startd needs a restarter instance (invalid_restarter); ignored`, b.fmri);
    return;
  }
  const fmri = formatFmri(p.fmri);
  if (fmri !== STARTD_FMRI) b.restarter = fmri;
}
