import type { Scenario } from '../../model/scenario/types.ts';

/**
 * Lesson: dependency cycles (docs/smf-semantics.md §1.2). Three services that
 * require each other in a ring can never start; svc.startd finds the cycle
 * and says so.
 */
const scenario: Scenario = {
  format: 'bootgraph/1',
  name: 'Learn SMF: dependency cycles',
  description: 'site/auth requires site/directory, which requires site/audit, which (by a mistake in its manifest) requires site/auth. site/portal requires site/auth; site/static has no dependencies.',
  services: [
    {
      fmri: 'svc:/site/auth',
      common_name: 'authentication',
      start: { duration: 200, exec: '/opt/site/bin/auth' },
      dependencies: [{ name: 'directory', grouping: 'require_all', restart_on: 'none', targets: ['svc:/site/directory:default'] }],
    },
    {
      fmri: 'svc:/site/directory',
      common_name: 'directory server',
      start: { duration: 300, exec: '/opt/site/bin/directory' },
      dependencies: [{ name: 'audit', grouping: 'require_all', restart_on: 'none', targets: ['svc:/site/audit:default'] }],
    },
    {
      fmri: 'svc:/site/audit',
      common_name: 'audit logger',
      start: { duration: 200, exec: '/opt/site/bin/audit' },
      dependencies: [{ name: 'auth', grouping: 'require_all', restart_on: 'none', targets: ['svc:/site/auth:default'] }],
    },
    {
      fmri: 'svc:/site/portal',
      common_name: 'web portal',
      start: { duration: 300, exec: '/opt/site/bin/portal' },
      dependencies: [{ name: 'auth', grouping: 'require_all', restart_on: 'none', targets: ['svc:/site/auth:default'] }],
    },
    { fmri: 'svc:/site/static', common_name: 'static web server', start: { duration: 300, exec: '/opt/site/bin/static' } },
  ],
};

export default scenario;
