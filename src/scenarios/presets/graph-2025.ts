/**
 * The real 2025 boot graph (illumos-gate today), as the manifest importer
 * writes it to fixtures/graphs/illumos-2025.json. Loaded lazily (it is
 * large) and validated like any other scenario file.
 */
import { validateScenario } from '../../model/scenario/validate.ts';
import type { Scenario } from '../../model/scenario/types.ts';

export async function loadGraph2025(): Promise<Scenario> {
  const mod: { default: unknown } = await import('../../../fixtures/graphs/illumos-2025.json');
  const v = validateScenario(mod.default);
  if (!v.ok) {
    const first = v.errors[0];
    throw new Error(`fixtures/graphs/illumos-2025.json: ${first?.path ?? '$'}: ${first?.message ?? 'invalid scenario'}`);
  }
  return v.scenario;
}
