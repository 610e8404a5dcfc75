/**
 * The SMF manifest importer's entry point: service bundles (manifests, then
 * profiles) → a "bootgraph/1" scenario plus findings.
 *
 * What is decided here, so every caller (CLI, the app's Import button, the
 * fixture builder) behaves the same:
 *
 * - bundles are imported in the order given (a directory's files sorted by
 *   path by the caller), then document order; services come out in that order,
 *   stub services created for `<dependent>` targets last;
 * - service-level fields stay on the ServiceSpec and instance-level ones on the
 *   InstanceSpec; the scenario format composes them by property group name
 *   (model/graph/resolve.ts composes them as svc.startd does);
 * - `<dependent>`s are kept as `dependents` on the declaring entity; stubs are
 *   created for targets that exist nowhere (see compose.ts);
 * - every method is assumed to succeed: `:true` methods take 0 ms, every other
 *   method the scenario default (start 100 ms, stop and refresh 10 ms); the
 *   exec string is kept for display; timeout_seconds × 1000 becomes the method
 *   timeout, with 0 meaning infinite;
 * - a bundle of type profile among the manifests is read but not applied
 *   (pass it in `profiles` to apply it); profiles apply in the order given;
 * - every file a `type='path'` dependency names is listed in `files` (it exists
 *   at boot), as on an installed system and as docs/boot-graph.md's analysis
 *   assumes, unless `filesPresent: false`.
 *
 * A bundle that cannot be parsed is an error finding and the others still
 * import. `scenario` is undefined only when no manifest could be read; then
 * `unusable` says why.
 */
import { SCENARIO_FORMAT, type Scenario, type ServiceSpec } from '../scenario/types.ts';
import { parseFmri } from '../smf/fmri.ts';
import { readBundle, type BundleSource } from './bundle-reader.ts';
import { Repository } from './compose.ts';
import { FindingSink, type Finding } from './findings.ts';
import { lintScenario } from './lint.ts';
import { applyProfile } from './profile.ts';

export type { BundleSource } from './bundle-reader.ts';
export type { Finding } from './findings.ts';
export { formatFinding, countByCode } from './findings.ts';

export interface ImportOptions {
  /** Scenario name; default "Imported from <first file>". */
  readonly name?: string;
  readonly description?: string;
  /** Profiles to apply after the manifests, in this order (svccfg apply). */
  readonly profiles?: readonly BundleSource[];
  readonly era?: '2009' | '2025';
  /** Scenario `source`; default names the importer and counts the bundles. */
  readonly source?: Readonly<Record<string, string>>;
  /** List the files path dependencies name as existing at boot (default true). */
  readonly filesPresent?: boolean;
}

export interface ImportStats {
  /** Bundles parsed successfully (manifests, profiles and unapplied profiles). */
  readonly bundles: number;
  readonly manifests: number;
  /** Profiles applied. */
  readonly profiles: number;
  /** Services the manifests define. */
  readonly services: number;
  /** Stub services created for `<dependent>` targets. */
  readonly stubs: number;
  readonly instances: number;
  readonly errors: number;
  readonly warnings: number;
}

export interface ImportResult {
  readonly scenario?: Scenario;
  readonly findings: readonly Finding[];
  readonly stats: ImportStats;
  /** Why there is no scenario, in one sentence. */
  readonly unusable?: string;
}

export function importBundles(manifests: readonly BundleSource[], options: ImportOptions = {}): ImportResult {
  const sink = new FindingSink();
  try {
    return run(manifests, options, sink);
  } catch (e) {
    sink.error('internal', manifests[0]?.path ?? '(import)', `bootgraph's importer failed (a bug, please report it): ${e instanceof Error ? e.message : String(e)}`);
    return { findings: sink.findings, stats: emptyStats(sink.findings), unusable: 'the importer failed; see the error above' };
  }
}

function run(manifests: readonly BundleSource[], options: ImportOptions, sink: FindingSink): ImportResult {
  const repo = new Repository(sink);
  let bundles = 0;
  let manifestCount = 0;
  let unappliedProfiles = 0;
  for (const source of manifests) {
    const bundle = readBundle(source, sink);
    if (bundle === undefined) continue;
    bundles++;
    if (bundle.type === 'profile') {
      unappliedProfiles++;
      sink.warn('profile-not-applied', source.path, 'this bundle is a profile (type="profile"); it was read but not applied; pass it as a profile (--profile) to apply it');
      continue;
    }
    manifestCount++;
    repo.importManifest(bundle);
  }
  repo.placeDependents();
  let profiles = 0;
  for (const source of options.profiles ?? []) {
    const bundle = readBundle(source, sink);
    if (bundle === undefined) continue;
    bundles++;
    if (bundle.type !== 'profile') {
      sink.warn('bad-value', source.path, `this bundle is a ${bundle.type}, not a profile; only its instances' enabled values are applied, as a profile's would be`);
    }
    profiles++;
    applyProfile(repo, bundle, sink);
  }

  if (manifestCount === 0) {
    const unusable =
      manifests.length === 0
        ? 'no service bundles were given'
        : bundles === 0
          ? manifests.length === 1
            ? 'the file could not be read as a service bundle'
            : `none of the ${manifests.length} files could be read as a service bundle`
          : unappliedProfiles > 0
            ? 'there are no manifests to import, only profiles'
            : 'there are no manifests to import';
    return { findings: sink.findings, stats: { ...emptyStats(sink.findings), bundles, profiles }, unusable };
  }

  const services = repo.toServices();
  const files = options.filesPresent === false ? [] : pathTargets(services);
  const scenario: Scenario = {
    format: SCENARIO_FORMAT,
    name: options.name ?? defaultName(manifests),
    ...(options.description === undefined ? {} : { description: options.description }),
    ...(options.era === undefined ? {} : { era: options.era }),
    ...(files.length === 0 ? {} : { files }),
    services,
    source: options.source ?? defaultSource(manifestCount, options.profiles ?? []),
  };
  sink.findings.push(...lintScenario(scenario, { locate: (key) => repo.positions.get(key) }));

  const stubs = [...repo.services.values()].filter((s) => s.origin === 'stub').length;
  const instances = [...repo.services.values()].reduce((n, s) => n + [...s.instances.values()].filter((i) => i.origin === 'manifest').length, 0);
  return {
    scenario,
    findings: sink.findings,
    stats: {
      bundles,
      manifests: manifestCount,
      profiles,
      services: services.length - stubs,
      stubs,
      instances,
      errors: count(sink.findings, 'error'),
      warnings: count(sink.findings, 'warning'),
    },
  };
}

/** Every path a file:// dependency names, sorted. */
function pathTargets(services: readonly ServiceSpec[]): string[] {
  const paths = new Set<string>();
  const add = (deps: ServiceSpec['dependencies']): void => {
    for (const d of deps ?? []) {
      for (const t of d.targets) {
        const p = parseFmri(t);
        if (p.ok && p.fmri.scheme === 'file') paths.add(p.fmri.path);
      }
    }
  };
  for (const s of services) {
    add(s.dependencies);
    for (const i of Object.values(s.instances ?? {})) add(i.dependencies);
  }
  return [...paths].sort();
}

function count(findings: readonly Finding[], severity: Finding['severity']): number {
  return findings.filter((f) => f.severity === severity).length;
}

function emptyStats(findings: readonly Finding[]): ImportStats {
  return { bundles: 0, manifests: 0, profiles: 0, services: 0, stubs: 0, instances: 0, errors: count(findings, 'error'), warnings: count(findings, 'warning') };
}

function defaultName(manifests: readonly BundleSource[]): string {
  const first = manifests[0]?.path ?? 'manifests';
  return manifests.length > 1 ? `Imported from ${first} and ${manifests.length - 1} more` : `Imported from ${first}`;
}

function defaultSource(manifests: number, profiles: readonly BundleSource[]): Record<string, string> {
  const source: Record<string, string> = { importer: 'bootgraph SMF manifest importer', manifests: String(manifests) };
  if (profiles.length > 0) source['profiles'] = profiles.map((p) => p.path).join(', ');
  return source;
}
