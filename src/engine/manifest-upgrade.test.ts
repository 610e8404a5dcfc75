/**
 * Seed 003's missing moves (docs/seeds/003_4d3f5a16761acb21.txt): a manifest
 * an upgrade changed is imported again by manifest-import and svccfg import
 * refreshes the instance, so its new dependencies reach the running graph
 * then and not before; site profiles are applied after the manifests
 * (docs/smf-semantics.md §10.4; refresh_vertex(): §1.1, §1.2; §10.2 for what
 * persists).
 */
import { describe, expect, it } from 'vitest';
import type { Scenario, ServiceSpec } from '../model/scenario/types.ts';
import type { PendingManifest, ProfileSpec } from '../model/world/types.ts';
import { nextBoot } from '../model/world/next-boot.ts';
import { createSeeker } from './seek.ts';
import { simulate } from './simulate.ts';
import type { Trace } from './trace.ts';

const APP = 'svc:/site/app:default';
const DB = 'svc:/site/db:default';
const EXTRA = 'svc:/site/extra:default';

function scenario(opts: { scheme?: 'late' | 'two-step'; vendor?: 'sun' | 'third-party'; dbNeedsApp?: boolean; profile?: ProfileSpec; actions?: Scenario['actions'] }): Scenario {
  const upgrade: PendingManifest = {
    path: 'site/app.xml',
    services: ['svc:/site/app'],
    vendor: opts.vendor ?? 'third-party',
    upgrade: { 'svc:/site/app': { dependencies: [{ name: 'db', grouping: 'require_all', restart_on: 'restart', targets: ['svc:/site/db'] }] } },
  };
  const services: ServiceSpec[] = [
    { fmri: 'svc:/system/manifest-import', start: { duration: 500 } },
    { fmri: 'svc:/site/db', start: { duration: 300 }, ...(opts.dbNeedsApp === true ? { dependencies: [{ name: 'app', grouping: 'require_all', restart_on: 'none', targets: ['svc:/site/app'] }] } : {}) },
    { fmri: 'svc:/site/app', start: { duration: 200 } },
    { fmri: 'svc:/site/extra', instances: { default: { enabled: false } } },
  ];
  return {
    format: 'bootgraph/1',
    name: 'upgrade',
    era: '2009',
    services,
    world: { repository: { scheme: opts.scheme ?? 'late', pending: [upgrade], ...(opts.profile === undefined ? {} : { profiles: [opts.profile] }) } },
    ...(opts.actions === undefined ? {} : { actions: opts.actions }),
  };
}

const entered = (t: Trace, fmri: string, to: string): number[] => t.records.filter((r) => r.kind === 'status' && r.fmri === fmri && r.to === to && r.from !== to).map((r) => r.t);
const final = (t: Trace, fmri: string) => createSeeker(t).atIndex(t.records.length - 1).get(fmri);
const worldSummaries = (t: Trace) => t.records.flatMap((r) => (r.kind === 'world' ? [`${r.t} ${r.change.summary}`] : []));

describe('an upgraded manifest (§10.4: imported again because its hash changed; svccfg import refreshes the instance)', () => {
  it('the instance runs with its old definition until manifest-import, then refresh_vertex() reads the new dependency', () => {
    // db is restarted twice: before the import (app does not depend on it yet) and after (restart_on restart now applies).
    const t = simulate(scenario({ actions: [{ at: 600, run: `svcadm restart ${DB}` }, { at: 5000, run: `svcadm restart ${DB}` }] }));
    expect(entered(t, APP, 'online')[0]).toBe(200); // before db (300): no dependency on it at boot
    expect(worldSummaries(t)).toContain('800 /var/svc/manifest/site/app.xml imported again (an upgrade changed it): svc:/site/app updated; svccfg refreshes svc:/site/app:default');
    expect(t.logs.filter((l) => l.fmri === APP && l.t === 800).map((l) => l.text)).toContain('[ Jan  6 20:16:20 Rereading configuration. ]');
    // The restart at 600 leaves app alone; the one at 5000 takes it offline with db (dependency_activity).
    expect(t.records.flatMap((r) => (r.kind === 'status' && r.fmri === APP && r.to === 'offline' && r.from === 'online' ? [[r.t, r.reason]] : []))).toEqual([[5020, 'dependency_activity']]);
    // The trace keeps the pgs the repository holds at the end.
    expect(t.instances.find((i) => i.fmri === APP)?.groups.map((g) => g.targets)).toEqual([['svc:/site/db']]);
  });

  it('a running instance whose new dependency is not satisfied is not stopped (refresh_vertex() only starts if satisfied)', () => {
    const t = simulate(scenario({ actions: [{ at: 700, run: `svcadm disable ${DB}` }] }));
    expect(final(t, DB)?.state).toBe('disabled');
    expect(final(t, APP)?.state).toBe('online');
    expect(entered(t, APP, 'offline').filter((x) => x > 0)).toEqual([]);
  });

  it('a dependency cycle the new manifest makes sends the instance to maintenance at the refresh (the cycle check of §1.2)', () => {
    const t = simulate(scenario({ dbNeedsApp: true }));
    expect(final(t, APP)).toMatchObject({ state: 'maintenance', aux: 'dependency_cycle' });
    expect(entered(t, APP, 'maintenance')).toEqual([800]);
  });

  it('two-step scheme: a Sun manifest under /etc/svc/manifest is imported by step one before any service starts, so the new definition is read at boot', () => {
    const t = simulate(scenario({ scheme: 'two-step', vendor: 'sun' }));
    expect(entered(t, APP, 'online')[0]).toBeGreaterThan(entered(t, DB, 'online')[0] ?? Infinity);
    expect(worldSummaries(t).some((s) => s.includes('imported again'))).toBe(false);
  });
});

describe('site profiles (§10.4 step 3: svccfg apply after the manifests; general/enabled persists, §10.2)', () => {
  it('manifest-import applies /var/svc/profile/site.xml: the instance is enabled then, persistently', () => {
    const t = simulate(scenario({ profile: { path: '/var/svc/profile/site.xml', enable: [EXTRA] } }));
    expect(worldSummaries(t)).toContain('800 svccfg apply /var/svc/profile/site.xml: svc:/site/extra:default enabled (general/enabled, persistent)');
    expect(entered(t, EXTRA, 'online')).toEqual([900]);
    expect(final(t, EXTRA)).toMatchObject({ enabled: true, temporary: false });
  });

  it('an applied profile is not applied again', () => {
    const t = simulate(scenario({ profile: { path: '/var/svc/profile/site.xml', enable: [EXTRA], applied: true } }));
    expect(worldSummaries(t).some((s) => s.includes('svccfg apply'))).toBe(false);
    expect(final(t, EXTRA)?.state).toBe('disabled');
  });

  it('two-step scheme: a profile under /etc/svc/profile is applied by step one, before any service starts; the next boot keeps its write', () => {
    const s = scenario({ scheme: 'two-step', profile: { path: '/etc/svc/profile/site/extra.xml', enable: [EXTRA] } });
    const t = simulate(s);
    expect(entered(t, EXTRA, 'online')[0]).toBeLessThan(800);
    expect(worldSummaries(t).some((x) => x.includes('svccfg apply'))).toBe(false);
    const n = nextBoot(s, t.worldFinal);
    if (!n.ok) throw new Error(n.error);
    expect(n.scenario.world?.repository?.profiles?.[0]?.applied).toBe(true);
    expect(final(simulate(n.scenario), EXTRA)?.state).toBe('online');
  });
});
