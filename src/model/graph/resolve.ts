/**
 * From a validated scenario to the repository svc.startd reads: every
 * instance's composed property groups (service-level pgs compose into each
 * instance unless the instance has a pg of the same name, smf.7), `<dependent>`
 * declarations turned into dependency pgs on their targets (§5), and stub
 * entities for absent dependent targets. Pure; no engine state.
 */
import { canonicalFmri, parseFmri } from '../smf/fmri.ts';
import type { Grouping, RestartOn, ServiceModel } from '../smf/states.ts';
import {
  DEFAULTS,
  type ComposableSpec,
  type DependencySpec,
  type ExitValue,
  type InstanceSpec,
  type MethodSpec,
  type Scenario,
} from '../scenario/types.ts';

export interface ResolvedMethod {
  readonly duration: number;
  /** One per attempt; the last one repeats. */
  readonly exits: readonly ExitValue[];
  /** ms; 0 = infinite. */
  readonly timeout: number;
  readonly exec: string;
  /** Declared in the scenario (false: the pg is absent, svc.startd treats it as success, §7.1). */
  readonly declared: boolean;
  /** Explicit `exit` given (wait-model children without one live for ever). */
  readonly exitGiven: boolean;
}

export interface ResolvedGroup {
  readonly name: string;
  readonly grouping: Grouping;
  readonly restartOn: RestartOn;
  readonly type: 'service' | 'path';
  /** Canonical FMRIs: svc:/a/b, svc:/a/b:i or file://localhost/path. */
  readonly targets: readonly string[];
  /** For pgs created by a `<dependent>`: the entity that declared it. */
  readonly declaredBy?: string;
  readonly level: 'service' | 'instance';
  /**
   * A pg an upgraded manifest removes ("before") or brings ("after"): in the
   * graph until, or from, manifest-import imports that manifest again and
   * refreshes the instance (upgrades.ts, docs/smf-semantics.md §10.4).
   */
  readonly upgrade?: { readonly manifest: string; readonly phase: 'before' | 'after' };
}

export interface ResolvedInstance {
  readonly fmri: string;
  readonly service: string;
  readonly name: string;
  /** Has general/enabled (otherwise an unconfigured vertex, §1.1). */
  readonly configured: boolean;
  readonly enabled: boolean;
  readonly model: ServiceModel;
  readonly start: ResolvedMethod;
  readonly stop: ResolvedMethod;
  readonly refresh: ResolvedMethod;
  readonly timeoutRetry: boolean;
  readonly restarter?: string;
  readonly commonName?: string;
  readonly documentation: readonly string[];
  readonly methodModel?: string;
  readonly invalid: readonly string[];
  readonly groups: readonly ResolvedGroup[];
  readonly manifest?: string;
}

export interface ResolvedService {
  readonly fmri: string;
  readonly instances: readonly string[];
  readonly stub: boolean;
}

export interface ResolvedScenario {
  readonly scenario: Scenario;
  readonly services: readonly ResolvedService[];
  /** In repository order: scenario service order, then instance order as written. */
  readonly instances: readonly ResolvedInstance[];
  readonly byFmri: ReadonlyMap<string, ResolvedInstance>;
  /** Problems svccfg import would report (e.g. the `<dependent>` EEXIST case). */
  readonly diagnostics: readonly string[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface MutableEntity {
  readonly fmri: string;
  spec: ComposableSpec;
  /** Extra pgs added by `<dependent>` elements of other entities. */
  readonly addedGroups: ResolvedGroup[];
}

interface MutableService extends MutableEntity {
  readonly instances: Map<string, MutableEntity & { instanceSpec: InstanceSpec }>;
  readonly stub: boolean;
  readonly manifest?: string;
}

function resolveMethod(m: MethodSpec | undefined, kind: 'start' | 'stop' | 'refresh', fallbackTimeout: number, basename: string): ResolvedMethod {
  // start and stop default to a method that succeeds after the default duration;
  // refresh defaults to absent ("No 'refresh' method defined. Treating as :true.").
  const declared = m === undefined ? kind !== 'refresh' : m.missing !== true;
  // Without an exec, a start method reads like a method script named after the service, and stop is :kill.
  const exec = m?.exec ?? (kind === 'refresh' ? ':true' : kind === 'stop' ? ':kill' : `/lib/svc/method/${basename}`);
  const isTrue = exec === ':true';
  const defaultDuration = isTrue ? 0 : kind === 'start' ? DEFAULTS.startDuration : kind === 'stop' ? DEFAULTS.stopDuration : DEFAULTS.refreshDuration;
  const exitRaw = m?.exit;
  const exits: readonly ExitValue[] = exitRaw === undefined ? [DEFAULTS.exit] : Array.isArray(exitRaw) ? (exitRaw as readonly ExitValue[]) : [exitRaw as ExitValue];
  return {
    duration: m?.duration ?? defaultDuration,
    exits: exits.length > 0 ? exits : [DEFAULTS.exit],
    timeout: m?.timeout ?? fallbackTimeout,
    exec,
    declared,
    exitGiven: exitRaw !== undefined,
  };
}

function basename(serviceFmri: string): string {
  return serviceFmri.slice(serviceFmri.lastIndexOf('/') + 1);
}

function toGroup(d: DependencySpec, level: 'service' | 'instance'): ResolvedGroup | string {
  const targets: string[] = [];
  for (const t of d.targets) {
    const c = canonicalFmri(t);
    if (c === undefined) return `dependency "${d.name}" has invalid FMRI "${t}"`;
    targets.push(c);
  }
  const first = targets[0];
  const type = d.type ?? (first !== undefined && first.startsWith('file:') ? 'path' : 'service');
  return { name: d.name, grouping: d.grouping, restartOn: d.restart_on, type, targets, level };
}

/** A level's dependency pgs, by name (a later level hides an earlier one of the same name); bad FMRIs go to `invalid`. */
function addGroups(byName: Map<string, ResolvedGroup>, invalid: string[], deps: readonly DependencySpec[] | undefined, level: 'service' | 'instance'): void {
  if (deps === undefined) return;
  for (const d of deps) {
    const g = toGroup(d, level);
    if (typeof g === 'string') invalid.push(g);
    else byName.set(d.name, g);
  }
}

/** Compose the service's spec with an instance's: the instance wins field by field (smf.7 composition). */
function compose(svc: ComposableSpec, inst: ComposableSpec): ComposableSpec {
  return {
    dependencies: inst.dependencies ?? svc.dependencies,
    dependents: inst.dependents ?? svc.dependents,
    model: inst.model ?? svc.model,
    start: inst.start ?? svc.start,
    stop: inst.stop ?? svc.stop,
    refresh: inst.refresh ?? svc.refresh,
    timeout: inst.timeout ?? svc.timeout,
    timeout_retry: inst.timeout_retry ?? svc.timeout_retry,
    restarter: inst.restarter ?? svc.restarter,
    common_name: inst.common_name ?? svc.common_name,
    documentation: inst.documentation ?? svc.documentation,
    method_model: inst.method_model ?? svc.method_model,
  };
}

type Resolved = Omit<ResolvedScenario, 'scenario'>;

/**
 * Resolution depends only on the services, so it is done once per services
 * array: a condition that changes only the world (devices, file systems,
 * timings) simulates again over the graph already resolved (issue 16).
 */
const RESOLVED = new WeakMap<Scenario['services'], Resolved>();

export function resolveScenario(scenario: Scenario): ResolvedScenario {
  let core = RESOLVED.get(scenario.services);
  if (core === undefined) {
    core = resolveServices(scenario);
    RESOLVED.set(scenario.services, core);
  }
  return { ...core, scenario };
}

function resolveServices(scenario: Scenario): Resolved {
  const diagnostics: string[] = [];
  const services = new Map<string, MutableService>();

  for (const s of scenario.services) {
    const fmri = canonicalFmri(s.fmri) ?? s.fmri;
    const instances = new Map<string, MutableEntity & { instanceSpec: InstanceSpec }>();
    const instSpecs = s.instances ?? { default: {} };
    for (const [name, spec] of Object.entries(instSpecs)) {
      instances.set(name, { fmri: `${fmri}:${name}`, spec, instanceSpec: spec, addedGroups: [] });
    }
    services.set(fmri, { fmri, spec: s, addedGroups: [], instances, stub: false, ...(s.manifest === undefined ? {} : { manifest: s.manifest }) });
  }

  // <dependent> elements (§5), in declaration order: service-level first, then instances.
  const declarations: { declarer: string; spec: ComposableSpec; level: 'service' | 'instance' }[] = [];
  for (const svc of services.values()) {
    declarations.push({ declarer: svc.fmri, spec: svc.spec, level: 'service' });
    for (const inst of svc.instances.values()) declarations.push({ declarer: inst.fmri, spec: inst.instanceSpec, level: 'instance' });
  }
  for (const { declarer, spec } of declarations) {
    for (const dep of spec.dependents ?? []) {
      const p = parseFmri(dep.target);
      if (!p.ok || p.fmri.scheme !== 'svc') {
        diagnostics.push(`${declarer}: dependent "${dep.name}" has invalid target "${dep.target}"`);
        continue;
      }
      const targetSvcFmri = `svc:/${p.fmri.service}`;
      let targetSvc = services.get(targetSvcFmri);
      if (targetSvc === undefined) {
        // lscf_dependent_import() creates the absent target as an empty entity.
        targetSvc = { fmri: targetSvcFmri, spec: {}, addedGroups: [], instances: new Map(), stub: true };
        services.set(targetSvcFmri, targetSvc);
      }
      let entity: MutableEntity = targetSvc;
      let level: 'service' | 'instance' = 'service';
      if (p.fmri.instance !== undefined) {
        let inst = targetSvc.instances.get(p.fmri.instance);
        if (inst === undefined) {
          const stubSpec: InstanceSpec = { configured: false };
          inst = { fmri: `${targetSvcFmri}:${p.fmri.instance}`, spec: stubSpec, instanceSpec: stubSpec, addedGroups: [] };
          targetSvc.instances.set(p.fmri.instance, inst);
        }
        entity = inst;
        level = 'instance';
      }
      const existing = new Set([...(entity.spec.dependencies ?? []).map((d) => d.name), ...entity.addedGroups.map((g) => g.name)]);
      if (existing.has(dep.name)) {
        diagnostics.push(`Could not create "${dep.name}" dependency in ${entity.fmri} (already exists); declared by ${declarer}`);
        continue;
      }
      entity.addedGroups.push({
        name: dep.name,
        grouping: dep.grouping,
        restartOn: dep.restart_on,
        type: 'service',
        targets: [declarer],
        declaredBy: declarer,
        level,
      });
    }
  }

  const resolvedServices: ResolvedService[] = [];
  const instances: ResolvedInstance[] = [];
  for (const svc of services.values()) {
    resolvedServices.push({ fmri: svc.fmri, instances: [...svc.instances.values()].map((i) => i.fmri), stub: svc.stub });
    const svcSpec = svc.spec;
    for (const [name, inst] of svc.instances) {
      const spec = compose(svcSpec, inst.instanceSpec);
      const timeout = spec.timeout ?? DEFAULTS.timeout;
      // Per-pg-name composition: instance pgs hide service pgs of the same name.
      const byName = new Map<string, ResolvedGroup>();
      const invalid: string[] = [...(svcSpec.invalid_dependencies ?? []), ...(inst.instanceSpec.invalid_dependencies ?? [])];
      addGroups(byName, invalid, svcSpec.dependencies, 'service');
      for (const g of svc.addedGroups) byName.set(g.name, g);
      addGroups(byName, invalid, inst.instanceSpec.dependencies, 'instance');
      for (const g of inst.addedGroups) byName.set(g.name, g);
      const restarter = spec.restarter === undefined ? undefined : canonicalFmri(spec.restarter);
      const base = basename(svc.fmri);
      // Optional fields are set only when present (exactOptional-style records);
      // assigned rather than spread, which is several times cheaper per instance.
      const ri: Mutable<ResolvedInstance> = {
        fmri: inst.fmri,
        service: svc.fmri,
        name,
        configured: inst.instanceSpec.configured !== false && !(svc.stub && inst.instanceSpec.configured === undefined),
        enabled: inst.instanceSpec.enabled ?? DEFAULTS.enabled,
        model: spec.model ?? DEFAULTS.model,
        start: resolveMethod(spec.start, 'start', timeout, base),
        stop: resolveMethod(spec.stop, 'stop', timeout, base),
        refresh: resolveMethod(spec.refresh, 'refresh', timeout, base),
        timeoutRetry: spec.timeout_retry ?? true,
        documentation: spec.documentation ?? [],
        invalid,
        groups: [...byName.values()],
      };
      if (restarter !== undefined && restarter !== 'svc:/system/svc/restarter:default') ri.restarter = restarter;
      if (spec.common_name !== undefined) ri.commonName = spec.common_name;
      if (spec.method_model !== undefined) ri.methodModel = spec.method_model;
      if (svc.manifest !== undefined) ri.manifest = svc.manifest;
      instances.push(ri);
    }
  }
  return {
    services: resolvedServices,
    instances,
    byFmri: new Map(instances.map((i) => [i.fmri, i])),
    diagnostics,
  };
}
