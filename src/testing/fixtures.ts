/**
 * Scenarios and traces for unit tests (never imported by the app).
 */
import { simulate, type Trace } from '../engine/index.ts';
import { validateScenario } from '../model/scenario/validate.ts';
import type { Scenario } from '../model/scenario/types.ts';
import demo from '../scenarios/presets/demo-restart-on.ts';
import failingJson from '../../e2e/fixtures/failing-boot.json';

export function failingBootScenario(): Scenario {
  const v = validateScenario(failingJson);
  if (!v.ok) throw new Error(`fixture invalid: ${v.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
  return v.scenario;
}

export function demoScenario(): Scenario {
  return demo;
}

const cache = new Map<string, Trace>();

export function demoTrace(): Trace {
  const hit = cache.get('demo');
  if (hit !== undefined) return hit;
  const t = simulate(demo);
  cache.set('demo', t);
  return t;
}

export function failingTrace(): Trace {
  const hit = cache.get('failing');
  if (hit !== undefined) return hit;
  const t = simulate(failingBootScenario());
  cache.set('failing', t);
  return t;
}
