import type { Scenario } from '../../model/scenario/types.ts';

/**
 * Lesson: restart_on (docs/smf-semantics.md §4). An administrator restarts
 * site/db, then it dumps core: which dependents stop with it depends on the
 * restart_on of their dependency.
 */
const scenario: Scenario = {
  format: 'bootgraph/1',
  name: 'Learn SMF: restart_on',
  description: 'site/db is restarted by an administrator at 3 s and dumps core at 7 s. site/app (restart_on error), site/cache (restart_on restart) and site/report (restart_on none) depend on it.',
  services: [
    { fmri: 'svc:/site/db', common_name: 'database', start: { duration: 500, exec: '/opt/site/bin/db' } },
    {
      fmri: 'svc:/site/app',
      common_name: 'application server',
      start: { duration: 300, exec: '/opt/site/bin/app' },
      dependencies: [{ name: 'db', grouping: 'require_all', restart_on: 'error', targets: ['svc:/site/db:default'] }],
    },
    {
      fmri: 'svc:/site/cache',
      common_name: 'cache',
      start: { duration: 200, exec: '/opt/site/bin/cache' },
      dependencies: [{ name: 'db', grouping: 'require_all', restart_on: 'restart', targets: ['svc:/site/db:default'] }],
    },
    {
      fmri: 'svc:/site/report',
      common_name: 'report generator',
      start: { duration: 200, exec: '/opt/site/bin/report' },
      dependencies: [{ name: 'db', grouping: 'require_all', restart_on: 'none', targets: ['svc:/site/db:default'] }],
    },
  ],
  actions: [
    { at: 3000, run: 'svcadm restart svc:/site/db:default' },
    { at: 7000, run: 'fault svc:/site/db:default core' },
  ],
};

export default scenario;
