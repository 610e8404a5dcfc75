/**
 * The SMF repository as the world sees it (docs/smf-semantics.md §10): what is in
 * /etc/svc/repository.db (persistent), what an import put only into the
 * volatile copy under /etc/svc/volatile, and which manifests are on disk but
 * not yet imported. A service that is not in the repository does not exist for
 * svc.startd (absent, §10.5) until manifest-import brings it in.
 *
 * Late one-step import (the scheme seed 003 describes as current):
 * system/manifest-import imports /var/svc/manifest once / is writable and /var
 * is mounted. Proposed two-step import: step one imports /etc/svc/manifest into
 * the volatile repository before any service starts; step two (run by
 * system/manifest-import) commits it to the persistent repository, makes a
 * compatibility link for each manifest, and imports what third parties
 * deliver into /var/svc/manifest.
 */
import type { DependentSpec, Scenario, ServiceSpec } from '../scenario/types.ts';
import type { ImportScheme, PendingManifest, ProfileSpec, RepositorySpec } from './types.ts';

export function manifestDir(scheme: ImportScheme, m: PendingManifest): string {
  if (scheme === 'two-step' && (m.vendor ?? 'sun') === 'sun') return '/etc/svc/manifest';
  return '/var/svc/manifest';
}

export function manifestPath(scheme: ImportScheme, m: PendingManifest): string {
  return `${manifestDir(scheme, m)}/${m.path.replace(/^\/+/, '')}`;
}

/** Is this pending manifest in the repository before the first service starts? (Only step one of the two-step scheme imports that early.) */
export function importedBeforeBoot(scheme: ImportScheme, m: PendingManifest): boolean {
  return manifestDir(scheme, m) === '/etc/svc/manifest';
}

export function instancesOf(scenario: Scenario, serviceFmri: string): string[] {
  const s = scenario.services.find((x) => x.fmri === serviceFmri);
  if (s === undefined) return [];
  return Object.keys(s.instances ?? { default: {} }).map((i) => `${serviceFmri}:${i}`);
}

export class RepositoryState {
  readonly scheme: ImportScheme;
  readonly pending: readonly PendingManifest[];
  readonly notInstalled: ReadonlySet<string>;
  /** Service FMRIs imported into the volatile repository this boot (step one) and not yet committed. */
  readonly volatile = new Set<string>();
  /** Manifests (paths) whose services reached the persistent repository this boot. */
  readonly committed = new Set<string>();
  /** Manifests (paths) imported this boot, by either step. */
  readonly imported = new Set<string>();
  /** Compatibility links step two made under /var/svc/manifest. */
  readonly compatLinks = new Set<string>();
  /** Site profiles on disk, and those applied (at an earlier boot, before this one started, or by manifest-import now). */
  readonly profiles: readonly ProfileSpec[];
  readonly appliedProfiles = new Set<string>();

  constructor(spec: RepositorySpec | undefined) {
    this.scheme = spec?.scheme ?? 'late';
    this.pending = spec?.pending ?? [];
    this.notInstalled = new Set(spec?.not_installed ?? []);
    this.profiles = spec?.profiles ?? [];
    for (const p of this.profiles) if (p.applied === true || (this.scheme === 'two-step' && p.path.startsWith('/etc/svc/profile/'))) this.appliedProfiles.add(p.path);
    for (const m of this.pending) {
      if (importedBeforeBoot(this.scheme, m)) {
        this.imported.add(m.path);
        for (const s of m.services) this.volatile.add(s);
      }
    }
  }

  /** Profiles manifest-import applies now (step 3 of §10.4): on disk and visible, not applied yet. */
  profilesToApply(): ProfileSpec[] {
    return this.profiles.filter((p) => !this.appliedProfiles.has(p.path));
  }

  /** Service FMRIs that are not in the repository when svc.startd starts. */
  absentServicesAtBoot(): Set<string> {
    const out = new Set(this.notInstalled);
    // An upgraded manifest's services are in the repository already, with their old definition.
    for (const m of this.pending) if (!importedBeforeBoot(this.scheme, m) && m.upgrade === undefined) for (const s of m.services) out.add(s);
    return out;
  }

  isPresent(serviceFmri: string): boolean {
    if (this.notInstalled.has(serviceFmri)) return false;
    const m = this.pending.find((p) => p.services.includes(serviceFmri));
    return m === undefined || m.upgrade !== undefined || this.imported.has(m.path);
  }

  /** Manifests a late import (or step two) would import now: on disk under /var/svc/manifest, not yet imported (new, or changed by an upgrade: their hash differs). */
  toImportFromVar(): PendingManifest[] {
    return this.pending.filter((m) => !this.imported.has(m.path) && manifestDir(this.scheme, m) === '/var/svc/manifest');
  }
}

/**
 * `<dependent>` declarations stay on the service that declares them: the
 * engine adds them to their targets only when that service is in the
 * repository (at boot, or when manifest-import imports it; docs/smf-semantics.md
 * §5, §10.5). A scenario saved by an earlier version may still carry
 * `held_dependents` in a pending manifest: they are put back on their services
 * here, and the field dropped. Idempotent.
 */
export function settleRepository(scenario: Scenario): Scenario {
  const repo = scenario.world?.repository;
  if (repo?.pending === undefined || !repo.pending.some((m) => m.held_dependents !== undefined)) return scenario;
  let services = scenario.services;
  const pending = repo.pending.map((m) => {
    if (m.held_dependents === undefined) return m;
    services = releaseHeld(services, m);
    const { held_dependents: _h, ...rest } = m;
    void _h;
    return rest;
  });
  return { ...scenario, services, world: { ...scenario.world, repository: { ...repo, pending } } };
}

/** Put a manifest's held dependents back on its services (it has reached the persistent repository). */
export function releaseHeld(services: readonly ServiceSpec[], m: PendingManifest): ServiceSpec[] {
  let held: Record<string, readonly DependentSpec[]> = { ...(m.held_dependents ?? {}) };
  return services.map((s) => {
    if (!m.services.includes(s.fmri)) return s;
    const r = restoreDependents(s, held);
    held = r.held;
    return r.service;
  });
}

function restoreDependents(svc: ServiceSpec, held: Record<string, readonly DependentSpec[]>): { service: ServiceSpec; held: Record<string, readonly DependentSpec[]> } {
  let service = svc;
  const out = { ...held };
  const own = out[svc.fmri];
  if (own !== undefined) {
    service = { ...service, dependents: [...(service.dependents ?? []), ...own] };
    delete out[svc.fmri];
  }
  for (const key of Object.keys(out)) {
    if (!key.startsWith(`${svc.fmri}:`)) continue;
    const name = key.slice(svc.fmri.length + 1);
    const deps = out[key];
    const inst = service.instances?.[name];
    if (deps === undefined || inst === undefined) continue;
    service = { ...service, instances: { ...service.instances, [name]: { ...inst, dependents: [...(inst.dependents ?? []), ...deps] } } };
    delete out[key];
  }
  return { service, held: out };
}
