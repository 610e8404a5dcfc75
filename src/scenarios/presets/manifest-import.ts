/**
 * Seed 003_4d3f5a16761acb21.txt (the manifest-import proposal): the first
 * boot after an upgrade that delivers network/datalink-management (dlmgmt)
 * and a third-party service. In the late one-step scheme both manifests sit
 * in /var/svc/manifest and their services are absent until
 * system/manifest-import runs, after / is writable and /var is mounted; by
 * then network/physical has run on this reconfiguration boot without dlmgmtd.
 * In the proposed two-step scheme dlmgmt's manifest is in /etc/svc/manifest
 * and step one imports it before any service starts.
 *
 * The upgrade also changed a manifest already installed (site/reporter.xml:
 * the reporting job now requires the inventory agent): the reporter starts
 * with its old definition, and when manifest-import imports the changed file
 * again svccfg refreshes it, so the new dependency reaches the running graph
 * only then (the seed's "changes during upgrade made after the service has
 * started"). And manifest-import applies the site profile
 * /var/svc/profile/site.xml after the manifests: ntp enabled, sendmail
 * disabled, persistently (docs/smf-semantics.md §10.4).
 */
import type { Scenario, ServiceSpec } from '../../model/scenario/types.ts';
import { settleRepository } from '../../model/world/repository.ts';
import { loadGraph2009 } from './graph-2009.ts';
import { nevadaWorld } from './nevada-2009.ts';

export const SEED_003 = '003_4d3f5a16761acb21.txt';
export const DLMGMT = 'svc:/network/datalink-management';
export const THIRD_PARTY = 'svc:/site/inventory';

const MINIMAL = { name: 'minimal', grouping: 'require_all', restart_on: 'none', targets: ['svc:/system/filesystem/minimal'] } as const;

const THIRD_PARTY_SERVICE: ServiceSpec = {
  fmri: THIRD_PARTY,
  common_name: 'a third-party inventory agent',
  manifest: '/var/svc/manifest/site/inventory.xml',
  start: { exec: '/opt/inventory/bin/agent', duration: 200 },
  dependencies: [MINIMAL],
};

export const REPORTER = 'svc:/site/reporter';

const REPORTER_SERVICE: ServiceSpec = {
  fmri: REPORTER,
  common_name: 'a site reporting job',
  manifest: '/var/svc/manifest/site/reporter.xml',
  start: { exec: '/opt/site/bin/report', duration: 200 },
  dependencies: [MINIMAL],
};

export async function manifestImport(): Promise<Scenario> {
  const graph = await loadGraph2009();
  const scenario: Scenario = {
    ...graph,
    name: 'Manifest import: late vs two-step',
    description:
      'The first boot after an upgrade that delivers network/datalink-management and a third-party service (seed 003). Late ' +
      'one-step import: both are absent until system/manifest-import runs after / is writable and /var is mounted, so ' +
      'network/physical runs on this reconfiguration boot without dlmgmtd and fails ("The network/datalink-management service ' +
      'did not come online."). Switch to the proposed two-step import and datalink-management is there from the start. ' +
      'The upgrade also changed site/reporter.xml (the reporter now requires the inventory agent): the reporter runs with its ' +
      'old definition until manifest-import imports the changed manifest again and refreshes it. Then the site profile ' +
      'site.xml is applied: ntp enabled, sendmail disabled.',
    boot: { reconfigure: true },
    services: [...graph.services, THIRD_PARTY_SERVICE, REPORTER_SERVICE],
    world: nevadaWorld({
      boot: { number: 1, after: 'upgrade' },
      repository: {
        scheme: 'late',
        pending: [
          { path: 'network/dlmgmt.xml', services: [DLMGMT], vendor: 'sun' },
          { path: 'site/inventory.xml', services: [THIRD_PARTY], vendor: 'third-party' },
          {
            path: 'site/reporter.xml',
            services: [REPORTER],
            vendor: 'third-party',
            upgrade: { [REPORTER]: { dependencies: [MINIMAL, { name: 'inventory', grouping: 'require_all', restart_on: 'restart', targets: [THIRD_PARTY] }] } },
          },
        ],
        profiles: [{ path: '/var/svc/profile/site.xml', enable: ['svc:/network/ntp:default'], disable: ['svc:/network/smtp:sendmail'] }],
      },
    }),
    source: { ...(graph.source ?? {}), preset: 'manifest-import', seed: SEED_003 },
  };
  return settleRepository(scenario);
}

export default manifestImport;
