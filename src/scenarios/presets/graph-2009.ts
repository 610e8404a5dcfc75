/**
 * The real 2009 boot graph (illumos-gate e11c3f44f5, the Clearview IPMP
 * putback), as the manifest importer writes it to
 * fixtures/graphs/illumos-2009.json, validated like any other scenario file.
 * Imported statically: the presets that use it are lazy chunks already, and
 * a static import lets the bundler fetch the graph together with the preset
 * instead of after it (no request waterfall on a cold load).
 */
import graph2009 from '../../../fixtures/graphs/illumos-2009.json';
import { validateScenario } from '../../model/scenario/validate.ts';
import type { Scenario } from '../../model/scenario/types.ts';

export async function loadGraph2009(): Promise<Scenario> {
  const v = validateScenario(graph2009 as unknown);
  if (!v.ok) {
    const first = v.errors[0];
    throw new Error(`fixtures/graphs/illumos-2009.json: ${first?.path ?? '$'}: ${first?.message ?? 'invalid scenario'}`);
  }
  return v.scenario;
}
