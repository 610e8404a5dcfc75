import type { Scenario } from '../../model/scenario/types.ts';

/**
 * Lesson: the four dependency groupings (docs/smf-semantics.md §3.4). site/web
 * declares one dependency group of each grouping.
 */
const scenario: Scenario = {
  format: 'bootgraph/1',
  name: 'Learn SMF: the four dependency groupings',
  description: 'site/web requires site/db (require_all), either cache (require_any), site/metrics if it can run (optional_all), and that site/legacy-web is not running (exclude_all).',
  services: [
    { fmri: 'svc:/site/db', common_name: 'database', start: { duration: 600, exec: '/opt/site/bin/db' } },
    { fmri: 'svc:/site/cache-a', common_name: 'first cache', start: { duration: 200, exec: '/opt/site/bin/cache-a', exit: 1 } },
    { fmri: 'svc:/site/cache-b', common_name: 'second cache', start: { duration: 900, exec: '/opt/site/bin/cache-b' } },
    { fmri: 'svc:/site/metrics', common_name: 'metrics agent', instances: { default: { enabled: false } }, start: { exec: '/opt/site/bin/metrics' } },
    { fmri: 'svc:/site/legacy-web', common_name: 'old web server', instances: { default: { enabled: false } }, start: { exec: '/opt/site/bin/legacy-web' } },
    {
      fmri: 'svc:/site/web',
      common_name: 'web server',
      start: { duration: 300, exec: '/opt/site/bin/web' },
      dependencies: [
        { name: 'db', grouping: 'require_all', restart_on: 'none', targets: ['svc:/site/db:default'] },
        { name: 'caches', grouping: 'require_any', restart_on: 'none', targets: ['svc:/site/cache-a:default', 'svc:/site/cache-b:default'] },
        { name: 'metrics', grouping: 'optional_all', restart_on: 'none', targets: ['svc:/site/metrics:default'] },
        { name: 'legacy', grouping: 'exclude_all', restart_on: 'none', targets: ['svc:/site/legacy-web:default'] },
      ],
    },
  ],
};

export default scenario;
