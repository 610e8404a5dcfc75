import { describe, expect, it } from 'vitest';
import { bootScenario } from '../engine/explore.ts';
import { simulate } from '../engine/simulate.ts';
import { setCondition } from '../model/world/conditions.ts';
import { findPreset } from '../scenarios/catalog.ts';
import race from '../scenarios/presets/demo-race-on-a-file.ts';
import { hazardDiff } from './hazard-diff.ts';

const KEYGEN = 'svc:/site/keygen:default';
const APP = 'svc:/site/app:default';

/** When site/keygen finished writing the key and when site/app first began: the race itself, read from the trace. */
function race1(seed: number): { keyAt: number; readAt: number } {
  const t = simulate(bootScenario(race, seed, 0.5));
  const at = (fmri: string, phase: 'begin' | 'end'): number => t.records.find((r) => r.kind === 'method' && r.fmri === fmri && r.method === 'start' && r.phase === phase)?.t ?? Number.NaN;
  return { keyAt: at(KEYGEN, 'end'), readAt: at(APP, 'begin') };
}

describe('hazardDiff (issue 17)', () => {
  it('two boots of the racing demo that end differently took the key file hazard in opposite orders', () => {
    // Seeds 1 and 5: the first boot of each outcome class (npm run simulate -- demo-race-on-a-file --explore 200).
    const one = race1(1);
    const five = race1(5);
    expect(one.keyAt).toBeLessThanOrEqual(one.readAt);
    expect(five.keyAt).toBeGreaterThan(five.readAt);
    const rows = hazardDiff(simulate(bootScenario(race, 1, 0.5)), simulate(bootScenario(race, 5, 0.5)));
    expect(rows.map((r) => [r.object, r.a?.right, r.b?.right, r.a?.order, r.b?.order])).toEqual([['/etc/site/app.key', true, false, 'writer-first', 'reader-first']]);
  });

  it('the flagship against option 1: the hazard on /dev/ipmpstub is in A only; a boot against itself differs in nothing', async () => {
    const base = await findPreset('clearview-ipmp-first-boot')?.load();
    if (base === undefined) throw new Error('flagship');
    const fixed = setCondition(base, 'devices.libdlpi-fallback', 'yes');
    if (!fixed.ok) throw new Error(fixed.error);
    const a = simulate(base);
    const rows = hazardDiff(a, simulate(fixed.scenario));
    expect(rows.map((r) => [r.object, r.a?.reader.fmri, r.a?.writer.fmri, r.b])).toEqual([['/dev/ipmpstub', 'svc:/network/physical:default', 'svc:/system/device/local:default', undefined]]);
    expect(hazardDiff(a, a)).toEqual([]);
  });
});
