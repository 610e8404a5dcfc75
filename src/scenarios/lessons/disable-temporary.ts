import type { Scenario } from '../../model/scenario/types.ts';

/**
 * Lesson: svcadm disable and disable -t across a reboot (docs/smf-semantics.md
 * §9): -t writes general_ovr/enabled, which svc.startd deletes at boot;
 * without -t, general/enabled is changed for good.
 */
const scenario: Scenario = {
  format: 'bootgraph/1',
  name: 'Learn SMF: svcadm disable and disable -t',
  description: 'At 3 s the administrator runs svcadm disable -t site/web for maintenance work, and at 5 s svcadm disable site/ftp for good. Compare with the next boot.',
  services: [
    { fmri: 'svc:/site/app', common_name: 'application server', start: { duration: 400, exec: '/opt/site/bin/app' } },
    {
      fmri: 'svc:/site/web',
      common_name: 'web server',
      start: { duration: 300, exec: '/opt/site/bin/web' },
      dependencies: [{ name: 'app', grouping: 'require_all', restart_on: 'none', targets: ['svc:/site/app:default'] }],
    },
    { fmri: 'svc:/site/ftp', common_name: 'FTP server', start: { duration: 200, exec: '/opt/site/bin/ftp' } },
  ],
  actions: [
    { at: 3000, run: 'svcadm disable -t svc:/site/web:default' },
    { at: 5000, run: 'svcadm disable svc:/site/ftp:default' },
  ],
};

export default scenario;
