import type { Scenario } from '../../model/scenario/types.ts';

/**
 * Lesson: file (path) dependencies (docs/smf-semantics.md §3.3). A dependency
 * on file://localhost/path is satisfied when the file exists.
 */
const scenario: Scenario = {
  format: 'bootgraph/1',
  name: 'Learn SMF: file dependencies',
  description: 'site/mailer requires /etc/mail/site.cf, which exists. site/app requires /etc/app/app.conf, which does not; the administrator creates it at 4 s and runs svcadm refresh at 6 s.',
  files: ['/etc/mail/site.cf'],
  services: [
    {
      fmri: 'svc:/site/mailer',
      common_name: 'mail transfer agent',
      start: { duration: 300, exec: '/opt/site/bin/mailer' },
      dependencies: [{ name: 'config', grouping: 'require_all', restart_on: 'none', targets: ['file://localhost/etc/mail/site.cf'] }],
    },
    {
      fmri: 'svc:/site/app',
      common_name: 'application server',
      start: { duration: 300, exec: '/opt/site/bin/app' },
      dependencies: [{ name: 'config', grouping: 'require_all', restart_on: 'none', targets: ['file://localhost/etc/app/app.conf'] }],
    },
    {
      fmri: 'svc:/site/web',
      common_name: 'web server',
      start: { duration: 200, exec: '/opt/site/bin/web' },
      dependencies: [{ name: 'app', grouping: 'require_all', restart_on: 'none', targets: ['svc:/site/app:default'] }],
    },
  ],
  actions: [
    { at: 4000, run: 'touch /etc/app/app.conf' },
    { at: 6000, run: 'svcadm refresh svc:/site/app:default' },
  ],
};

export default scenario;
