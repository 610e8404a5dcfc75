import type { Scenario } from '../../model/scenario/types.ts';

/**
 * Lesson: delegated restarters (docs/smf-semantics.md §1.2). An inetd service
 * names network/inetd as its restarter: svc.startd does not start it,
 * inetd does, and the restarter is an implicit require_all dependency.
 */
const scenario: Scenario = {
  format: 'bootgraph/1',
  name: 'Learn SMF: delegated restarters (inetd)',
  description: 'network/telnet and network/finger are inetd services: their restarter is network/inetd, not svc.startd. They cannot come online before inetd does.',
  services: [
    { fmri: 'svc:/network/loopback', common_name: 'loopback network interface', model: 'transient', start: { duration: 200, exec: '/lib/svc/method/net-loopback' } },
    {
      fmri: 'svc:/network/inetd',
      common_name: 'inetd',
      start: { duration: 800, exec: '/lib/svc/method/inetd-start' },
      dependencies: [{ name: 'loopback', grouping: 'require_all', restart_on: 'none', targets: ['svc:/network/loopback:default'] }],
    },
    { fmri: 'svc:/network/telnet', common_name: 'Telnet server', restarter: 'svc:/network/inetd:default', start: { exec: '/usr/sbin/in.telnetd' } },
    { fmri: 'svc:/network/finger', common_name: 'finger daemon', restarter: 'svc:/network/inetd:default', start: { exec: '/usr/sbin/in.fingerd' } },
    {
      fmri: 'svc:/site/web',
      common_name: 'web server',
      start: { duration: 300, exec: '/opt/site/bin/web' },
      dependencies: [{ name: 'loopback', grouping: 'require_all', restart_on: 'none', targets: ['svc:/network/loopback:default'] }],
    },
  ],
};

export default scenario;
