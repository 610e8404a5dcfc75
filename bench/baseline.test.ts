import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSeeker } from '../src/engine/seek.ts';
import { simulate } from '../src/engine/simulate.ts';
import type { Scenario } from '../src/model/scenario/types.ts';
import { validateScenario } from '../src/model/scenario/validate.ts';
import { baselineBoot } from './baseline.ts';
import { generateLayered } from './generate.ts';

function engineView(s: Scenario): { online: string[]; statusRecords: number } {
  const t = simulate(s);
  const online = [...createSeeker(t).atIndex(t.records.length - 1)].filter(([, st]) => st.state === 'online').map(([f]) => f).sort();
  return { online, statusRecords: t.records.filter((r) => r.kind === 'status').length };
}

function fixture(name: string): Scenario {
  const v = validateScenario(JSON.parse(readFileSync(`fixtures/graphs/${name}.json`, 'utf8')) as unknown);
  if (!v.ok) throw new Error(`fixture ${name}`);
  return v.scenario;
}

describe('the benchmark baseline simulates the same graph as the engine', () => {
  it('generated graphs with every grouping: the same instances come up, with one record per state change as the engine makes', () => {
    for (const n of [50, 300]) {
      const s = generateLayered(n);
      const b = baselineBoot(s);
      const e = engineView(s);
      expect([...b.online].sort()).toEqual(e.online);
      expect(b.records.length).toBe(e.statusRecords);
    }
  });

  it('the illumos 2009 and 2025 graphs: instances resolved as the engine resolves them, the same set online at the end', () => {
    for (const name of ['illumos-2009', 'illumos-2025']) {
      const s = fixture(name);
      const b = baselineBoot(s);
      const e = engineView(s);
      expect([...b.online].sort()).toEqual(e.online);
      // Within a few records of the engine's (it also records restarter-side changes a fault-free loop does not make).
      expect(Math.abs(b.records.length - e.statusRecords)).toBeLessThanOrEqual(0.05 * e.statusRecords);
    }
  });
});
