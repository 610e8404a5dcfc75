import { describe, expect, it } from 'vitest';
import { simulate } from './simulate.ts';
import { demoScenario } from '../testing/fixtures.ts';
import { listConditions, setCondition } from '../model/world/conditions.ts';
import { resolveScenario } from '../model/graph/resolve.ts';

describe('resolution is done once per services array', () => {
  it('a scenario that differs only outside its services reuses the resolved graph, with its own scenario attached', () => {
    const a = demoScenario();
    const b = { ...a, name: 'another' };
    const ra = resolveScenario(a);
    const rb = resolveScenario(b);
    expect(rb.instances).toBe(ra.instances);
    expect(rb.byFmri).toBe(ra.byFmri);
    expect(rb.scenario).toBe(b);
    expect(resolveScenario({ ...a, services: [...a.services] }).instances).not.toBe(ra.instances);
  });

  it('simulating over a reused resolution gives exactly the trace of a fresh one, for every condition', () => {
    const base = demoScenario();
    for (const def of listConditions(base)) {
      for (const o of def.options) {
        const r = setCondition(base, def.id, o.value);
        if (!r.ok) continue;
        const reused = simulate(r.scenario);
        const fresh = simulate(structuredClone(r.scenario));
        expect(JSON.stringify(reused)).toBe(JSON.stringify(fresh));
      }
    }
  });
});
