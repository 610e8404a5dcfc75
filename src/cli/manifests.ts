/**
 * `--manifests` for the simulate CLI: import SMF bundles with the importer
 * (src/model/import), return the scenario and the lint findings as lines for
 * stderr. Unusable input (unreadable paths, nothing imported) is an InputError
 * (exit 2); warnings alone never fail.
 */
import type { Scenario } from '../model/scenario/types.ts';
import { importBundles, formatFinding } from '../model/import/bundle.ts';
import { ImportInputError, readBundleFiles } from './import.ts';
import { InputError } from './load-scenario.ts';

export function loadManifestScenario(paths: readonly string[], profiles: readonly string[], name: string | undefined): { scenario: Scenario; warnings: string[] } {
  let files: ReturnType<typeof readBundleFiles>;
  try {
    files = readBundleFiles(paths, profiles);
  } catch (e) {
    if (e instanceof ImportInputError) throw new InputError(e.message);
    throw e;
  }
  const result = importBundles(files.manifests, { profiles: files.profiles, ...(name === undefined ? {} : { name }) });
  const warnings = [...files.oversized, ...result.findings].map(formatFinding);
  if (result.scenario === undefined) throw new InputError(`--manifests: nothing to simulate: ${result.unusable ?? 'no usable manifests'}`);
  return { scenario: result.scenario, warnings };
}
