import type { Scenario } from '../../model/scenario/types.ts';

/**
 * Lesson: milestones and svcadm milestone (docs/smf-semantics.md §6). A milestone
 * is a service that only groups dependencies; the system boots to one, and
 * svcadm milestone moves it to another.
 */
const scenario: Scenario = {
  format: 'bootgraph/1',
  name: 'Learn SMF: milestones',
  description: 'The system boots to all. At 5 s an administrator runs svcadm milestone single-user: what single-user does not need is stopped. At 9 s svcadm milestone all brings it back.',
  services: [
    { fmri: 'svc:/system/filesystem/root', common_name: 'root file system mount', model: 'transient', start: { duration: 300, exec: '/lib/svc/method/fs-root' } },
    {
      fmri: 'svc:/milestone/single-user',
      common_name: 'single-user milestone',
      model: 'transient',
      start: { exec: ':true', duration: 10 },
      dependencies: [{ name: 'root', grouping: 'require_all', restart_on: 'none', targets: ['svc:/system/filesystem/root:default'] }],
    },
    {
      fmri: 'svc:/system/system-log',
      common_name: 'system log',
      start: { duration: 200, exec: '/lib/svc/method/system-log' },
      dependencies: [{ name: 'single-user', grouping: 'require_all', restart_on: 'none', targets: ['svc:/milestone/single-user:default'] }],
    },
    {
      fmri: 'svc:/milestone/multi-user',
      common_name: 'multi-user milestone',
      model: 'transient',
      start: { exec: ':true', duration: 10 },
      dependencies: [
        { name: 'single-user', grouping: 'require_all', restart_on: 'none', targets: ['svc:/milestone/single-user:default'] },
        { name: 'syslog', grouping: 'optional_all', restart_on: 'none', targets: ['svc:/system/system-log:default'] },
      ],
    },
    {
      fmri: 'svc:/site/web',
      common_name: 'web server',
      start: { duration: 400, exec: '/opt/site/bin/web' },
      dependencies: [{ name: 'multi-user', grouping: 'require_all', restart_on: 'none', targets: ['svc:/milestone/multi-user:default'] }],
    },
  ],
  actions: [
    { at: 5000, run: 'svcadm milestone svc:/milestone/single-user:default' },
    { at: 9000, run: 'svcadm milestone all' },
  ],
};

export default scenario;
