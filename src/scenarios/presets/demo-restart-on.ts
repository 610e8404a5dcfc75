import type { Scenario } from '../../model/scenario/types.ts';

/**
 * A small hand-written scenario for restart_on (docs/smf-semantics.md §4): the
 * database's processes dump core at 5 s; dependents with restart_on error or
 * stronger are stopped and restarted, the one with none keeps running.
 */
const scenario: Scenario = {
  format: 'bootgraph/1',
  name: 'restart_on in action',
  description: 'site/db dumps core at 5 s. site/app (restart_on error) restarts with it; site/report (restart_on none) keeps running; site/cache (restart_on restart) restarts too.',
  services: [
    { fmri: 'svc:/site/net', common_name: 'site network', start: { duration: 300, exec: '/lib/svc/method/site-net' }, model: 'transient' },
    {
      fmri: 'svc:/site/db',
      common_name: 'database',
      dependencies: [{ name: 'net', grouping: 'require_all', restart_on: 'none', targets: ['svc:/site/net'] }],
      start: { duration: 800, exec: '/opt/db/bin/db-start' },
    },
    {
      fmri: 'svc:/site/app',
      common_name: 'application server',
      dependencies: [{ name: 'db', grouping: 'require_all', restart_on: 'error', targets: ['svc:/site/db:default'] }],
      start: { duration: 400, exec: '/opt/app/bin/app-start' },
    },
    {
      fmri: 'svc:/site/report',
      common_name: 'nightly report',
      dependencies: [{ name: 'db', grouping: 'require_all', restart_on: 'none', targets: ['svc:/site/db:default'] }],
      start: { duration: 200, exec: '/opt/report/bin/report' },
    },
    {
      fmri: 'svc:/site/cache',
      common_name: 'cache',
      dependencies: [{ name: 'db', grouping: 'require_all', restart_on: 'restart', targets: ['svc:/site/db:default'] }],
      start: { duration: 250, exec: '/opt/cache/bin/cache' },
    },
  ],
  actions: [{ at: 5000, run: 'fault svc:/site/db:default core' }],
};

export default scenario;
