/**
 * What the simulation worker does with a message (run-worker.ts wires it to
 * the worker's global scope; tests call it directly): keep the last few base
 * scenarios it was sent, and derive runs over them with its own simulator,
 * each answered with its indexes (prepareToSend) so the page only receives them
 * (and builds the dependency index, cheaper than receiving it).
 */
import type { Scenario } from '../../model/scenario/types.ts';
import { deriveTraces, prepareToSend } from '../derive-run.ts';
import { createSimulator } from '../simulator.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

const BASES_KEPT = 4;

export function createWorkerHandler(): (m: ToWorker) => FromWorker {
  const bases = new Map<number, Scenario>();
  const sim = createSimulator();
  return (m) => {
    if (m.base !== undefined) {
      bases.delete(m.baseKey);
      bases.set(m.baseKey, m.base);
      while (bases.size > BASES_KEPT) {
        const oldest = bases.keys().next().value;
        if (oldest === undefined) break;
        bases.delete(oldest);
      }
    }
    const base = bases.get(m.baseKey);
    if (base === undefined) return { type: 'need-base', id: m.id };
    try {
      const derived = deriveTraces(base, m.request, sim);
      return { type: 'derived', id: m.id, derived, prepared: prepareToSend(derived.trace) };
    } catch (err) {
      return { type: 'failed', id: m.id, message: err instanceof Error ? err.message : String(err) };
    }
  };
}
