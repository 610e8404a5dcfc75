/**
 * `--manifests` for the simulate CLI: import SMF bundles with the importer
 * (src/model/import), print lint findings, return the scenario.
 */
import type { Scenario } from '../model/scenario/types.ts';
import { InputError } from './load-scenario.ts';

export function loadManifestScenario(paths: readonly string[], profiles: readonly string[], name: string | undefined): { scenario: Scenario; warnings: string[] } {
  void paths;
  void profiles;
  void name;
  throw new InputError('--manifests: the manifest importer is not available in this build');
}
