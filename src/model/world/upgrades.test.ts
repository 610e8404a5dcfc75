/**
 * resolveWithUpgrades(): an upgraded manifest's pgs (docs/smf-semantics.md
 * §10.4): the ones it removes or changes tagged "before", the ones it brings
 * "after", the rest untouched; a manifest the two-step scheme imports before
 * boot (/etc/svc/manifest) is simply the definition svc.startd reads.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario/types.ts';
import { resolveWithUpgrades } from './upgrades.ts';

const dep = (name: string, target: string, grouping: 'require_all' | 'optional_all' = 'require_all') => ({ name, grouping, restart_on: 'none' as const, targets: [target] });

function scenario(scheme: 'late' | 'two-step', vendor: 'sun' | 'third-party'): Scenario {
  return {
    format: 'bootgraph/1',
    name: 'u',
    services: [
      { fmri: 'svc:/a', dependencies: [dep('keep', 'svc:/k'), dep('change', 'svc:/c'), dep('drop', 'svc:/d')] },
      { fmri: 'svc:/k' },
      { fmri: 'svc:/c' },
      { fmri: 'svc:/d' },
      { fmri: 'svc:/n' },
    ],
    world: {
      repository: {
        scheme,
        pending: [{ path: 'a.xml', services: ['svc:/a'], vendor, upgrade: { 'svc:/a': { dependencies: [dep('keep', 'svc:/k'), dep('change', 'svc:/c', 'optional_all'), dep('new', 'svc:/n')] } } }],
      },
    },
  };
}

describe('resolveWithUpgrades (§10.4)', () => {
  it('late import: changed and dropped pgs are "before", changed and new ones "after", unchanged ones untagged', () => {
    const a = resolveWithUpgrades(scenario('late', 'third-party')).byFmri.get('svc:/a:default');
    expect(a?.groups.map((g) => [g.name, g.grouping, g.upgrade?.phase ?? '-'])).toEqual([
      ['keep', 'require_all', '-'],
      ['change', 'require_all', 'before'],
      ['drop', 'require_all', 'before'],
      ['change', 'optional_all', 'after'],
      ['new', 'require_all', 'after'],
    ]);
    expect(a?.groups.find((g) => g.upgrade !== undefined)?.upgrade?.manifest).toBe('/var/svc/manifest/a.xml');
  });

  it('two-step, Sun manifest: step one imported it before boot, so only the new definition exists', () => {
    const a = resolveWithUpgrades(scenario('two-step', 'sun')).byFmri.get('svc:/a:default');
    expect(a?.groups.map((g) => [g.name, g.grouping, g.upgrade?.phase ?? '-'])).toEqual([
      ['keep', 'require_all', '-'],
      ['change', 'optional_all', '-'],
      ['new', 'require_all', '-'],
    ]);
  });

  it('two-step, third-party manifest: still under /var/svc/manifest, imported by step two', () => {
    const a = resolveWithUpgrades(scenario('two-step', 'third-party')).byFmri.get('svc:/a:default');
    expect(a?.groups.filter((g) => g.upgrade?.phase === 'after').map((g) => g.name)).toEqual(['change', 'new']);
  });
});
