/**
 * Every panel option of every seed preset: setting it is accepted, reads back
 * as the option set (the value is derived from the world, not stored beside
 * it), and the scenario still simulates to quiescence. The outcomes each option
 * should have are asserted in presets/*.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../engine/simulate.ts';
import { listConditions, setCondition } from '../model/world/conditions.ts';
import { presets } from './catalog.ts';

const ENGINE_ONLY = new Set(['boot.mode', 'boot.verbose']);

describe('every panel option of every seed preset', () => {
  for (const p of presets().filter((x) => x.group === 'seed')) {
    it(p.id, async () => {
      const base = await p.load();
      const defs = listConditions(base).filter((c) => !ENGINE_ONLY.has(c.id));
      expect(defs.length).toBeGreaterThan(5);
      for (const c of defs) {
        for (const o of c.options) {
          if (o.action !== undefined || o.value === c.value) continue;
          const r = setCondition(base, c.id, o.value);
          if (!r.ok) throw new Error(`${c.id}=${o.value}: ${r.error}`);
          expect(listConditions(r.scenario).find((x) => x.id === c.id)?.value, `${c.id}=${o.value}`).toBe(o.value);
          const t = simulate(r.scenario);
          expect(t.quiescent, `${c.id}=${o.value}`).toBe(true);
        }
      }
    });
  }
});
