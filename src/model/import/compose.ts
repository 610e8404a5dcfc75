/**
 * Builds the repository a set of manifests would produce under `svccfg
 * import`, in import order: services and instances (create_default_instance,
 * `<instance enabled=>`, general/enabled), their property groups, and the
 * `<dependent>`s placed on their targets exactly as lscf_dependent_import()
 * does (docs/smf-semantics.md §5):
 *
 * - a `<dependent name=N>` of entity E on target T is a dependency pg N on T
 *   whose only entity is E. bootgraph keeps it, as the scenario format allows,
 *   as a `dependents` entry on E; model/graph/resolve.ts turns it back into the pg on T;
 * - a target that exists nowhere becomes an empty stub, as create_entity()
 *   makes it: a service FMRI gives a service with `instances: {}`, an instance
 *   FMRI an instance with `configured: false`;
 * - if T already has a pg named N, the dependent is refused with EEXIST
 *   ("Could not create "N" dependency in T (already exists)") unless it says
 *   `override='true'`. T's own property groups count as existing first (the
 *   usual order: a target's manifest is in the repository before manifests that
 *   add dependents to it), then other dependents in import order.
 *
 * Profiles (profile.ts) are applied afterwards, then toServices() emits
 * ServiceSpecs in import order, stubs last.
 */
import type { ComposableSpec, ServiceSpec, InstanceSpec } from '../scenario/types.ts';
import { formatFmri, isValidInstanceName, isValidServiceName, parseFmri } from '../smf/fmri.ts';
import type { BundleDecl, InstanceDecl, ServiceDecl } from './bundle-types.ts';
import { at, buildEntity, emptyBuild, groupingProblems, invalidConsequence, isGrouping, isRestartOn, type EntityBuild, type PendingDependent, type PgKind } from './entity.ts';
import { groupKey, targetKey, type FindingSink, type SourcePos } from './findings.ts';

export type Origin = 'manifest' | 'stub';

export interface RepoInstance {
  readonly name: string;
  readonly fmri: string;
  readonly origin: Origin;
  readonly build: EntityBuild;
  enabled?: boolean;
  configured: boolean;
}

export interface RepoService {
  readonly name: string;
  readonly fmri: string;
  readonly origin: Origin;
  readonly build: EntityBuild;
  readonly instances: Map<string, RepoInstance>;
  /** The bundle that defined it (manifest services only). */
  readonly file?: string;
  readonly pos?: SourcePos;
}

export class Repository {
  readonly services = new Map<string, RepoService>();
  /** Where each dependency pg (and each of its entities) was written; see groupKey()/targetKey(). */
  readonly positions = new Map<string, SourcePos>();
  private readonly entities = new Map<string, EntityBuild>();
  private readonly pending: PendingDependent[] = [];

  constructor(private readonly sink: FindingSink) {}

  importManifest(bundle: BundleDecl): void {
    for (const s of bundle.services) this.importService(s, bundle.file);
  }

  private importService(decl: ServiceDecl, file: string): void {
    if (!isValidServiceName(decl.name)) {
      this.sink.warn('bad-fmri', decl.pos, `"${decl.name}" is not a valid service name (svccfg: "should be a bare service name"); the service is ignored`);
      return;
    }
    const fmri = `svc:/${decl.name}`;
    const existing = this.services.get(fmri);
    if (existing !== undefined) {
      const where = existing.pos === undefined ? 'another bundle' : at(existing.pos);
      this.sink.warn('duplicate-service', decl.pos, `${fmri} is already defined at ${where}; this second definition is ignored and the first is kept`, fmri);
      return;
    }
    const build = buildEntity(decl, fmri, false, this.sink);
    const service: RepoService = { name: decl.name, fmri, origin: 'manifest', build, instances: new Map(), file, pos: decl.pos };
    this.services.set(fmri, service);
    this.register(build);
    for (const inst of decl.instances) this.importInstance(service, inst);
  }

  private importInstance(service: RepoService, decl: InstanceDecl): void {
    if (!isValidInstanceName(decl.name)) {
      this.sink.warn('bad-fmri', decl.pos, `"${decl.name}" is not a valid instance name; the instance is ignored`, service.fmri);
      return;
    }
    const fmri = `${service.fmri}:${decl.name}`;
    if (service.instances.has(decl.name)) {
      this.sink.warn('duplicate-instance', decl.pos, `${service.fmri} already has an instance "${decl.name}"; this one is ignored and the first is kept`, fmri);
      return;
    }
    const build = buildEntity(decl, fmri, true, this.sink);
    const inst: RepoInstance = { name: decl.name, fmri, origin: 'manifest', build, configured: true };
    const enabled = this.enabledOf(decl, build, fmri);
    if (enabled === undefined) inst.configured = false;
    else inst.enabled = enabled;
    service.instances.set(decl.name, inst);
    this.register(build);
  }

  /** general/enabled as svccfg writes it; undefined when the instance has none (unconfigured, §1.1). */
  private enabledOf(decl: InstanceDecl, build: EntityBuild, fmri: string): boolean | undefined {
    // lxml_get_default_instance(): enabled is true only if the attribute says exactly "true".
    if (decl.createdByDefault) return decl.enabled === 'true';
    if (decl.enabled === 'true' || decl.enabled === 'false') return decl.enabled === 'true';
    if (decl.enabled !== undefined) {
      this.sink.warn('bad-value', decl.pos, `instance "${decl.name}" has enabled="${decl.enabled}" (expected true or false); svccfg rejects it ("Invalid enabled value")`, fmri);
    }
    if (build.enabledFromGeneral !== undefined) return build.enabledFromGeneral;
    this.sink.warn(
      'unconfigured-instance',
      decl.pos,
      `instance "${decl.name}" has no enabled attribute and no general/enabled property, so svc.startd never configures ${fmri} and shows it as absent ` +
        `(svccfg import also requires enabled= on an <instance> in a manifest)`,
      fmri,
    );
    return undefined;
  }

  private register(build: EntityBuild): void {
    this.entities.set(build.fmri, build);
    this.pending.push(...build.pendingDependents);
    for (const d of build.dependencies) {
      const rec = build.pgs.get(d.name);
      if (rec !== undefined) this.positions.set(groupKey(build.fmri, d.name), rec.pos);
    }
    for (const t of build.targetPositions) this.positions.set(targetKey(build.fmri, t.name, t.target), t.pos);
  }

  /** Place every pending `<dependent>` on its target, in import order (§5). */
  placeDependents(): void {
    for (const p of this.pending) this.placeDependent(p);
    this.pending.length = 0;
  }

  private placeDependent(p: PendingDependent): void {
    const { decl, name, declaredBy } = p;
    const owner = this.entities.get(declaredBy);
    if (owner === undefined) return;
    if (decl.target === undefined) {
      this.sink.warn('missing-attribute', decl.pos, `dependent "${name}" has no <service_fmri value=...> naming its target; ignored`, declaredBy);
      return;
    }
    const parsed = parseFmri(decl.target.value);
    if (!parsed.ok) {
      this.sink.warn('bad-fmri', decl.target.pos, `dependent "${name}" targets "${decl.target.value}", which is not a valid FMRI (${parsed.error}); svccfg cannot create the dependency, so it is ignored`, declaredBy);
      return;
    }
    if (parsed.fmri.scheme !== 'svc') {
      this.sink.warn('bad-fmri', decl.target.pos, `dependent "${name}" targets the file ${decl.target.value}; a dependent must name a service or an instance, so it is ignored`, declaredBy);
      return;
    }
    const target = formatFmri(parsed.fmri);
    const holder = this.findOrCreate(parsed.fmri.service, parsed.fmri.instance, name, declaredBy, decl.pos);
    const existing = holder.pgs.get(name);
    if (existing !== undefined) {
      if (!(decl.override && this.replace(holder, name, existing.kind, existing.declaredBy))) {
        const first =
          existing.kind === 'dependent'
            ? `the <dependent> "${name}" of ${existing.declaredBy ?? 'another entity'} (${at(existing.pos)}) created it first`
            : `${target} declares that property group itself (${at(existing.pos)})`;
        this.sink.warn(
          'dependent-exists',
          decl.pos,
          `Could not create "${name}" dependency in ${target} (already exists): ${first}; this <dependent> of ${declaredBy} is ignored and the first is kept`,
          declaredBy,
        );
        return;
      }
    }
    holder.pgs.set(name, { kind: 'dependent', pos: decl.pos, declaredBy });
    const problems = groupingProblems(decl.grouping, decl.restartOn);
    if (problems.length > 0 || !isGrouping(decl.grouping) || !isRestartOn(decl.restartOn)) {
      for (const pr of problems) {
        holder.invalid.push(`dependency "${name}" (from a <dependent> of ${declaredBy}): ${pr.line}`);
        this.sink.warn(pr.code, decl.pos, `dependent "${name}" ${pr.detail}; the dependency it creates on ${target} is invalid, so ${invalidConsequence(target)}`, declaredBy);
      }
      return;
    }
    owner.dependents.push({ name, grouping: decl.grouping, restart_on: decl.restartOn, target });
    this.positions.set(groupKey(target, name), decl.pos);
    this.positions.set(targetKey(target, name, declaredBy), decl.pos);
  }

  /** `override='true'`: the new dependent replaces an existing dependency pg of the same name. */
  private replace(holder: EntityBuild, name: string, kind: PgKind, declaredBy: string | undefined): boolean {
    if (kind === 'dependency') {
      const i = holder.dependencies.findIndex((d) => d.name === name);
      if (i >= 0) holder.dependencies.splice(i, 1);
      return true;
    }
    if (kind === 'dependent' && declaredBy !== undefined) {
      const previous = this.entities.get(declaredBy);
      if (previous !== undefined) {
        const i = previous.dependents.findIndex((d) => d.name === name && this.entities.get(d.target) === holder);
        if (i >= 0) previous.dependents.splice(i, 1);
      }
      return true;
    }
    return false;
  }

  /** The target entity, created as an empty stub (no general/enabled) if nothing defines it. */
  private findOrCreate(serviceName: string, instanceName: string | undefined, name: string, declaredBy: string, pos: SourcePos): EntityBuild {
    const sfmri = `svc:/${serviceName}`;
    let service = this.services.get(sfmri);
    const target = instanceName === undefined ? sfmri : `${sfmri}:${instanceName}`;
    const note = (): void =>
      this.sink.warn(
        'dependent-stub',
        pos,
        `dependent "${name}" targets ${target}, which no imported manifest defines; svccfg creates it as an empty entity without general/enabled, ` +
          `so ${target} is shown as absent and this dependency on ${declaredBy} is never evaluated`,
        declaredBy,
      );
    if (service === undefined) {
      service = { name: serviceName, fmri: sfmri, origin: 'stub', build: emptyBuild(sfmri), instances: new Map() };
      this.services.set(sfmri, service);
      this.entities.set(sfmri, service.build);
      note();
      if (instanceName === undefined) return service.build;
    } else if (instanceName === undefined) return service.build;
    const inst = service.instances.get(instanceName);
    if (inst !== undefined) return inst.build;
    const ifmri = `${sfmri}:${instanceName}`;
    const stub: RepoInstance = { name: instanceName, fmri: ifmri, origin: 'stub', build: emptyBuild(ifmri), configured: false };
    service.instances.set(instanceName, stub);
    this.entities.set(ifmri, stub.build);
    if (service.origin === 'manifest') note();
    return stub.build;
  }

  /** The ServiceSpecs, in import order (stubs after the services manifests define). */
  toServices(): ServiceSpec[] {
    const out: ServiceSpec[] = [];
    for (const s of this.services.values()) out.push(serviceSpec(s));
    return out;
  }
}

function serviceSpec(s: RepoService): ServiceSpec {
  const declared = [...s.instances.values()].filter((i) => i.origin === 'manifest');
  const infinite = s.build.infiniteTimeout || declared.some((i) => i.build.infiniteTimeout);
  const instances: Record<string, InstanceSpec> = {};
  for (const i of s.instances.values()) {
    instances[i.name] = {
      ...(i.configured ? { enabled: i.enabled ?? false } : { configured: false }),
      ...composable(i.build, false),
    };
  }
  const service = composable(s.build, infinite);
  // No start or stop exec_method at either level: the pg is absent, which svc.startd treats as an immediate success (§7.1).
  if (s.origin === 'manifest') {
    for (const kind of ['start', 'stop'] as const) {
      if (s.build[kind] === undefined && declared.some((i) => i.build[kind] === undefined)) service[kind] = { missing: true };
    }
  }
  return {
    fmri: s.fmri,
    ...(s.file === undefined ? {} : { manifest: s.file }),
    ...service,
    instances,
  };
}

/** ComposableSpec, writable while it is assembled. */
type Composable = { -readonly [K in keyof ComposableSpec]: ComposableSpec[K] };

/**
 * The fields an entity sets, in a fixed order. `infiniteDefault` sets the
 * service-level `timeout: 0` so that a method whose own timeout is 0 (meaning
 * "the service-level timeout" in the scenario format) is infinite, as
 * timeout_seconds 0 / -1 is in SMF.
 */
function composable(b: EntityBuild, infiniteDefault: boolean): Composable {
  const c: Composable = {};
  if (b.common_name !== undefined) c.common_name = b.common_name;
  if (b.documentation.length > 0) c.documentation = [...b.documentation];
  if (b.model !== undefined) c.model = b.model;
  if (infiniteDefault) c.timeout = 0;
  if (b.timeout_retry !== undefined) c.timeout_retry = b.timeout_retry;
  if (b.restarter !== undefined) c.restarter = b.restarter;
  if (b.start !== undefined) c.start = b.start;
  if (b.stop !== undefined) c.stop = b.stop;
  if (b.refresh !== undefined) c.refresh = b.refresh;
  if (b.dependencies.length > 0) c.dependencies = [...b.dependencies];
  if (b.dependents.length > 0) c.dependents = [...b.dependents];
  if (b.invalid.length > 0) c.invalid_dependencies = [...b.invalid];
  return c;
}
