/**
 * The real 2009 boot graph (illumos-gate e11c3f44f5, the Clearview IPMP
 * putback), as the manifest importer writes it to
 * fixtures/graphs/illumos-2009.json. Loaded lazily (it is large) and
 * validated like any other scenario file.
 */
import { validateScenario } from '../../model/scenario/validate.ts';
import type { Scenario } from '../../model/scenario/types.ts';

export async function loadGraph2009(): Promise<Scenario> {
  const mod: { default: unknown } = await import('../../../fixtures/graphs/illumos-2009.json');
  const v = validateScenario(mod.default);
  if (!v.ok) {
    const first = v.errors[0];
    throw new Error(`fixtures/graphs/illumos-2009.json: ${first?.path ?? '$'}: ${first?.message ?? 'invalid scenario'}`);
  }
  return v.scenario;
}
