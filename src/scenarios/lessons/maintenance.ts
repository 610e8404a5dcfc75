import type { Scenario } from '../../model/scenario/types.ts';

/**
 * Lesson: maintenance, retries and svcadm clear (docs/smf-semantics.md §7, §9).
 * site/db's start method fails three times; svc.startd gives up and puts it
 * in maintenance; an administrator fixes the cause and runs svcadm clear.
 */
const scenario: Scenario = {
  format: 'bootgraph/1',
  name: 'Learn SMF: maintenance and svcadm clear',
  description: 'site/db\'s start method exits 1 three times (a bad configuration): svc.startd retries, then puts it in maintenance and site/app waits. At 8 s the administrator, having fixed it, runs svcadm clear.',
  services: [
    { fmri: 'svc:/site/db', common_name: 'database', start: { duration: 400, exec: '/opt/site/bin/db', exit: [1, 1, 1, 0] } },
    {
      fmri: 'svc:/site/app',
      common_name: 'application server',
      start: { duration: 300, exec: '/opt/site/bin/app' },
      dependencies: [{ name: 'db', grouping: 'require_all', restart_on: 'error', targets: ['svc:/site/db:default'] }],
    },
    { fmri: 'svc:/site/monitor', common_name: 'monitor', start: { duration: 200, exec: '/opt/site/bin/monitor' } },
  ],
  actions: [{ at: 8000, run: 'svcadm clear svc:/site/db:default' }],
};

export default scenario;
