/**
 * `<dependent>` and `delete='true'`, docs/smf-semantics.md §5: a `<dependent name=N>`
 * of E on T means T has a dependency pg N whose only entity is E; a target that
 * exists nowhere is created as an empty stub; `delete='true'` means the pg is
 * deleted, not created. The real cases come from the committed graph of the
 * current tree (fixtures/graphs/illumos-2025.json, which the fixtures test
 * proves equal to a fresh import of the corpus).
 */
import { describe, expect, it } from 'vitest';
import type { Scenario, ServiceSpec } from '../scenario/types.ts';
import { importBundles, type BundleSource } from './bundle.ts';
import { resolveScenario, type ResolvedGroup } from '../graph/resolve.ts';
import graph2025Text from '../../../fixtures/graphs/illumos-2025.json?raw';
import missingTargetXml from '../../../fixtures/bad/missing-target.xml?raw';

const graph2025 = JSON.parse(graph2025Text) as Scenario;
const resolved2025 = resolveScenario(graph2025);

function svc(s: Scenario, fmri: string): ServiceSpec {
  const found = s.services.find((x) => x.fmri === fmri);
  if (found === undefined) throw new Error(`${fmri} not in scenario`);
  return found;
}

/** The dependency pgs svc.startd reads for an instance, as the engine composes them (model/graph/resolve.ts). */
function groupsOf(s: Scenario, instance: string): readonly ResolvedGroup[] {
  return resolveScenario(s).byFmri.get(instance)?.groups ?? [];
}

function group(instance: string, name: string): ResolvedGroup | undefined {
  return resolved2025.byFmri.get(instance)?.groups.find((g) => g.name === name);
}

describe("system/sysevent's <dependent> on milestone/single-user", () => {
  it('gives single-user a require_all group "syseventd_single-user" on svc:/system/sysevent', () => {
    // On the service svc:/milestone/single-user (level "service"), so composed into every instance of it.
    expect(group('svc:/milestone/single-user:default', 'syseventd_single-user')).toEqual({
      name: 'syseventd_single-user',
      grouping: 'require_all',
      restartOn: 'none',
      type: 'service',
      targets: ['svc:/system/sysevent'],
      declaredBy: 'svc:/system/sysevent',
      level: 'service',
    });
  });

  it('is kept as a dependents entry on sysevent, not copied into single-user', () => {
    expect(svc(graph2025, 'svc:/system/sysevent').dependents).toContainEqual({
      name: 'syseventd_single-user',
      grouping: 'require_all',
      restart_on: 'none',
      target: 'svc:/milestone/single-user',
    });
    expect(svc(graph2025, 'svc:/milestone/single-user').dependencies?.map((d) => d.name)).not.toContain('syseventd_single-user');
  });

  it('makes single-user wait for exactly the groups docs/boot-graph.md §1.1 lists', () => {
    const all = resolved2025.byFmri.get('svc:/milestone/single-user:default')?.groups ?? [];
    const by = (grouping: string): string[] => all.filter((g) => g.grouping === grouping).flatMap((g) => g.targets).sort();
    expect(by('require_all')).toEqual([
      'svc:/milestone/devices',
      'svc:/system/filesystem/minimal',
      'svc:/system/identity:node',
      'svc:/system/manifest-import',
      'svc:/system/sysevent',
    ]);
    expect(by('require_any')).toEqual(['svc:/network/loopback']);
    expect(by('optional_all')).toEqual(['svc:/milestone/network', 'svc:/system/cryptosvc', 'svc:/system/keymap']);
  });
});

describe('a <dependent> whose target exists nowhere', () => {
  const r = importBundles([{ path: 'missing-target.xml', text: missingTargetXml }]);
  const s = r.scenario;

  it('creates an empty stub: a service with no instances, or an unconfigured instance', () => {
    expect(s?.services.slice(1)).toEqual([
      { fmri: 'svc:/site/backup', instances: {} },
      { fmri: 'svc:/site/monitor', instances: { agent: { configured: false } } },
    ]);
  });

  it('still places the dependency on the stub (§5), where it is never evaluated', () => {
    if (s === undefined) throw new Error('no scenario');
    expect(groupsOf(s, 'svc:/site/monitor:agent')).toEqual([
      { name: 'app_monitor', grouping: 'require_all', restartOn: 'restart', type: 'service', targets: ['svc:/site/app'], declaredBy: 'svc:/site/app', level: 'instance' },
    ]);
    expect(resolveScenario(s).byFmri.get('svc:/site/monitor:agent')?.configured).toBe(false);
    expect(resolveScenario(s).diagnostics).toEqual([]);
    expect(r.findings.filter((f) => f.code === 'dependent-stub').map((f) => f.message)).toEqual([
      'dependent "app_backup" targets svc:/site/backup, which no imported manifest defines; svccfg creates it as an empty entity without general/enabled, ' +
        'so svc:/site/backup is shown as absent and this dependency on svc:/site/app is never evaluated',
      'dependent "app_monitor" targets svc:/site/monitor:agent, which no imported manifest defines; svccfg creates it as an empty entity without general/enabled, ' +
        'so svc:/site/monitor:agent is shown as absent and this dependency on svc:/site/app is never evaluated',
    ]);
  });

  it('adds an unconfigured instance to a service that exists but lacks that instance', () => {
    const r2 = importBundles([
      {
        path: 'i.xml',
        text: `<service_bundle type='manifest' name='t'>
  <service name='t/host' type='service' version='1'><create_default_instance enabled='true'/></service>
  <service name='t/guest' type='service' version='1'><create_default_instance enabled='true'/>
    <dependent name='guest' grouping='optional_all' restart_on='none'><service_fmri value='svc:/t/host:extra'/></dependent></service>
</service_bundle>`,
      },
    ]);
    expect(r2.scenario?.services[0]?.instances).toEqual({ default: { enabled: true }, extra: { configured: false } });
  });

  it('matches what svccfg creates for the real corpus: dlmgmt.xml and dscp.xml name targets nothing defines', () => {
    expect(svc(graph2025, 'svc:/system/install-discovery')).toEqual({ fmri: 'svc:/system/install-discovery', instances: {} });
    expect(svc(graph2025, 'svc:/network/ntp')).toEqual({ fmri: 'svc:/network/ntp', instances: { default: { configured: false } } });
  });
});

describe("delete='true'", () => {
  it("deletes inetd-upgrade's \"network\" dependency instead of creating it", () => {
    const upgrade = svc(graph2025, 'svc:/network/inetd-upgrade');
    expect(upgrade.dependencies?.map((d) => d.name)).toEqual(['filesystem', 'name-services']);
    expect(group('svc:/network/inetd-upgrade:default', 'network')).toBeUndefined();
  });

  // The two manifests reduced to the groups that matter (usr/src/cmd/cmd-inet/usr.lib/inetd/{inetd-upgrade,inetd}.xml).
  const inetd = (deleteAttr: string): BundleSource[] => [
    {
      path: 'inetd-upgrade.xml',
      text: `<service_bundle type='manifest' name='SUNWcsr:inetd-upgrade'>
<service name='network/inetd-upgrade' type='service' version='1'>
  <create_default_instance enabled='true'/>
  <dependency name='network' grouping='require_all' restart_on='error' type='service'${deleteAttr}>
    <service_fmri value='svc:/network/inetd'/>
  </dependency>
</service></service_bundle>`,
    },
    {
      path: 'inetd.xml',
      text: `<service_bundle type='manifest' name='SUNWcsr:inetd'>
<service name='network/inetd' type='restarter' version='1'>
  <create_default_instance enabled='true'/>
  <dependency name='upgrade' grouping='optional_all' restart_on='none' type='service'>
    <service_fmri value='svc:/network/inetd-upgrade'/>
  </dependency>
</service></service_bundle>`,
    },
  ];

  it('is what prevents the cycle with inetd\'s optional_all on inetd-upgrade (§5)', () => {
    expect(importBundles(inetd(" delete='true'")).findings).toEqual([]);
    expect(importBundles(inetd('')).findings.map((f) => f.message.split(';')[0])).toEqual([
      'dependency cycle: svc:/network/inetd-upgrade:default requires svc:/network/inetd, svc:/network/inetd:default requires svc:/network/inetd-upgrade (optional_all)',
    ]);
  });

  it('on a <dependent> creates nothing on the target, and no stub', () => {
    const r = importBundles([
      {
        path: 'd.xml',
        text: `<service_bundle type='manifest' name='t'><service name='t/a' type='service' version='1'><create_default_instance enabled='true'/>
  <dependent name='gone' grouping='require_all' restart_on='none' delete='true'><service_fmri value='svc:/t/nowhere'/></dependent></service></service_bundle>`,
      },
    ]);
    expect(r.scenario?.services.map((x) => x.fmri)).toEqual(['svc:/t/a']);
    expect(r.scenario?.services[0]?.dependents).toBeUndefined();
    expect(r.findings).toEqual([]);
  });
});
