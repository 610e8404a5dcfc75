/**
 * Seed 003: manifests an upgrade changed (not just new ones), and site
 * profiles. docs/smf-semantics.md §10.4: manifest-import imports again only
 * the manifests whose hash changed; svccfg import refreshes the instances it
 * changed, so their new dependencies reach the running graph then (through
 * refresh_vertex(), §1.1: a dependency edit takes effect when the running
 * snapshot is retaken); it then applies the site profiles.
 *
 * resolveWithUpgrades() resolves a scenario with both definitions of an
 * upgraded service: the pgs the new manifest removes are tagged "before",
 * those it brings "after"; the engine keeps one side in the graph or the
 * other depending on whether the manifest has been imported again. A manifest
 * the two-step scheme's first step imports before any service starts (it is
 * under /etc/svc/manifest) needs no tags: the new definition is the one
 * svc.startd reads. Likewise a profile under /etc/svc/profile in that scheme
 * is applied before the first service starts.
 */
import { resolveScenario, type ResolvedGroup, type ResolvedInstance, type ResolvedScenario } from '../graph/resolve.ts';
import { canonicalFmri } from '../smf/fmri.ts';
import type { Scenario, ServiceSpec } from '../scenario/types.ts';
import { importedBeforeBoot, manifestPath } from './repository.ts';
import type { ImportScheme, PendingManifest, ProfileSpec } from './types.ts';

export function upgradedManifests(scenario: Scenario): PendingManifest[] {
  return (scenario.world?.repository?.pending ?? []).filter((m) => m.upgrade !== undefined);
}

/** Profiles svc.startd finds applied when it starts: the two-step scheme's /etc/svc/profile, applied by step one. */
export function profileAppliedBeforeBoot(scheme: ImportScheme, p: ProfileSpec): boolean {
  return scheme === 'two-step' && p.path.startsWith('/etc/svc/profile/');
}

/** The services as the upgraded manifests define them (all of them, or only those imported before boot). */
export function servicesAfterUpgrade(scenario: Scenario, which: (m: PendingManifest) => boolean): readonly ServiceSpec[] {
  const ups = upgradedManifests(scenario).filter(which);
  if (ups.length === 0) return scenario.services;
  return scenario.services.map((s) => {
    const fmri = canonicalFmri(s.fmri) ?? s.fmri;
    for (const m of ups) {
      const u = m.upgrade?.[fmri] ?? m.upgrade?.[s.fmri];
      if (u !== undefined) return { ...s, dependencies: u.dependencies };
    }
    return s;
  });
}

const MERGED = new WeakMap<Scenario, ResolvedScenario>();

export function resolveWithUpgrades(scenario: Scenario): ResolvedScenario {
  const hit = MERGED.get(scenario);
  if (hit !== undefined) return hit;
  const ups = upgradedManifests(scenario);
  const scheme = scenario.world?.repository?.scheme ?? 'late';
  const early = (m: PendingManifest): boolean => importedBeforeBoot(scheme, m);
  // What svc.startd reads at boot: the old definitions, except what step one already imported.
  const atBoot = ups.some(early) ? { ...scenario, services: servicesAfterUpgrade(scenario, early) } : scenario;
  const base = withEarlyProfiles(resolveScenario(atBoot), scenario, scheme);
  const late = ups.filter((m) => !early(m));
  if (late.length === 0) {
    MERGED.set(scenario, base);
    return base;
  }
  const after = resolveScenario({ ...scenario, services: servicesAfterUpgrade(scenario, () => true) });
  const manifestOf = new Map<string, string>();
  for (const m of late) for (const svc of Object.keys(m.upgrade ?? {})) manifestOf.set(canonicalFmri(svc) ?? svc, manifestPath(scheme, m));
  const instances = base.instances.map((i): ResolvedInstance => {
    const manifest = manifestOf.get(i.service);
    const next = after.byFmri.get(i.fmri);
    if (manifest === undefined || next === undefined) return i;
    return { ...i, groups: mergeGroups(i.groups, next.groups, manifest) };
  });
  const out: ResolvedScenario = { ...base, instances, byFmri: new Map(instances.map((i) => [i.fmri, i])) };
  MERGED.set(scenario, out);
  return out;
}

/** Step one of the two-step scheme applies /etc/svc/profile before any service starts: general/enabled as the profiles say. */
function withEarlyProfiles(base: ResolvedScenario, scenario: Scenario, scheme: ImportScheme): ResolvedScenario {
  const profiles = (scenario.world?.repository?.profiles ?? []).filter((p) => p.applied !== true && profileAppliedBeforeBoot(scheme, p));
  if (profiles.length === 0) return { ...base, scenario };
  const enabled = new Map<string, boolean>();
  for (const p of profiles) {
    for (const f of p.enable ?? []) enabled.set(canonicalFmri(f) ?? f, true);
    for (const f of p.disable ?? []) enabled.set(canonicalFmri(f) ?? f, false);
  }
  const instances = base.instances.map((i) => {
    const v = enabled.get(i.fmri);
    return v === undefined ? i : { ...i, enabled: v, configured: true };
  });
  return { ...base, scenario, instances, byFmri: new Map(instances.map((i) => [i.fmri, i])) };
}

/** The service's own service-level pgs that changed: old ones "before", new ones "after"; the rest as they are. */
function mergeGroups(old: readonly ResolvedGroup[], next: readonly ResolvedGroup[], manifest: string): ResolvedGroup[] {
  const own = (g: ResolvedGroup): boolean => g.level === 'service' && g.declaredBy === undefined;
  const same = (a: ResolvedGroup, b: ResolvedGroup): boolean =>
    a.name === b.name && a.grouping === b.grouping && a.restartOn === b.restartOn && a.type === b.type && a.targets.length === b.targets.length && a.targets.every((t, k) => t === b.targets[k]);
  const out: ResolvedGroup[] = [];
  for (const g of old) {
    if (!own(g) || next.some((n) => own(n) && same(g, n))) out.push(g);
    else out.push({ ...g, upgrade: { manifest, phase: 'before' } });
  }
  for (const n of next) if (own(n) && !old.some((g) => own(g) && same(g, n))) out.push({ ...n, upgrade: { manifest, phase: 'after' } });
  return out;
}
