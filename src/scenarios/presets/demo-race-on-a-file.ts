import type { Scenario } from '../../model/scenario/types.ts';

/**
 * Two services racing on a file (issue 17): site/keygen writes
 * /etc/site/app.key; site/app reads it when its start method runs. Nothing
 * orders site/app after site/keygen: site/app waits only for site/fetch. With
 * the modelled durations site/keygen wins by 200 ms and every boot works; with
 * durations perturbed (the timing explorer, or a scenario `seed`) site/fetch
 * sometimes finishes first, site/app finds no key, and it fails.
 */
const scenario: Scenario = {
  format: 'bootgraph/1',
  name: 'Two services racing on a file',
  description:
    'site/keygen writes /etc/site/app.key; site/app reads it when it starts, but depends only on site/fetch, not on site/keygen. ' +
    'With the modelled durations keygen finishes first and the boot works; perturb the durations (Explore timing) and some boots leave site/app in maintenance.',
  services: [
    { fmri: 'svc:/site/net', common_name: 'site network', model: 'transient', start: { exec: '/lib/svc/method/site-net', duration: 300 } },
    {
      fmri: 'svc:/site/keygen',
      common_name: 'generate the application key',
      model: 'transient',
      start: { exec: '/opt/site/bin/keygen' },
      dependencies: [{ name: 'net', grouping: 'require_all', restart_on: 'none', targets: ['svc:/site/net'] }],
    },
    {
      fmri: 'svc:/site/fetch',
      common_name: 'fetch the application bundle',
      model: 'transient',
      start: { exec: '/opt/site/bin/fetch', duration: 2400 },
      dependencies: [{ name: 'net', grouping: 'require_all', restart_on: 'none', targets: ['svc:/site/net'] }],
    },
    {
      fmri: 'svc:/site/app',
      common_name: 'application server',
      start: { exec: '/opt/site/bin/app-start' },
      dependencies: [{ name: 'bundle', grouping: 'require_all', restart_on: 'none', targets: ['svc:/site/fetch'] }],
    },
  ],
  world: {
    filesystems: [{ mountpoint: '/', type: 'zfs', device: 'rpool/ROOT/be1' }],
    site_methods: [
      { fmri: 'svc:/site/keygen:default', writes: ['/etc/site/app.key'], duration: 2000 },
      { fmri: 'svc:/site/app:default', reads: ['/etc/site/app.key'], duration: 100 },
    ],
  },
  source: { preset: 'demo-race-on-a-file' },
};

export default scenario;
