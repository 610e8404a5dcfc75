/** Bad worlds and bad world actions give clear errors with JSON paths. */
import { describe, expect, it } from 'vitest';
import { validateWorld } from './validate.ts';
import { validateWorldScenario } from './validate-scenario.ts';

const paths = (issues: readonly { path: string }[]): string[] => issues.map((i) => i.path);

describe('validateWorld', () => {
  it('accepts a full, correct world', () => {
    expect(
      validateWorld(
        {
          nodename: 'myhost',
          boot: { number: 2, after: 'upgrade', be: 'be1' },
          filesystems: [{ mountpoint: '/', type: 'zfs', device: 'rpool/ROOT/be1', be: 'be1', files: ['/etc/passwd'] }],
          symlinks: { '/var/mail': '/var/shared/mail' },
          devices: [{ node: '/devices/pseudo/dlpistub@0:ipmpstub', link: '/dev/ipmpstub', link_on_disk: true }],
          network: { ipmp: 'clearview', nics: [{ name: 'bge0', ap_id: 'pci0:slot1' }], hosts: { a: '10.0.0.1' }, interfaces: [{ name: 'bge0', hostname: 'a up' }, { name: 'ipmp0', hostname: 'ipmp' }] },
          repository: { scheme: 'two-step', pending: [{ path: 'network/dlmgmt.xml', services: ['svc:/network/datalink-management'], vendor: 'sun' }], not_installed: ['svc:/system/metainit'] },
          proposals: { libdlpi_devices_fallback: true, patching: 2 },
          site_methods: [{ fmri: 'svc:/site/a:default', writes: ['/var/log/a'] }],
          packages: { p: ['/usr/bin/p'] },
          patching: { spool: '/export/patches', queue: ['1-01'] },
        },
        '$.world',
      ),
    ).toEqual([]);
  });

  it('names the path and the expected values of an unknown option', () => {
    const issues = validateWorld({ network: { ipmp: 'sometimes' }, repository: { scheme: 'eventually' } }, '$.world');
    expect(issues).toEqual([
      { path: '$.world.network.ipmp', message: 'unknown ipmp the string "sometimes" (expected pre-clearview, clearview, libipadm)' },
      { path: '$.world.repository.scheme', message: 'unknown scheme the string "eventually" (expected late, two-step)' },
    ]);
  });

  it('reports wrong shapes field by field', () => {
    const issues = validateWorld(
      {
        boot: { number: 0 },
        filesystems: [{ mountpoint: 'var', type: 'ext4' }],
        devices: [{ node: '/dev/ipmpstub', link_on_disk: true }],
        network: { nics: [{ name: 'eth' }], interfaces: [{ name: 'bge7', dhcp: 'yes' }] },
        proposals: { patching: 4 },
        colour: 'blue',
      },
      '$.world',
    );
    expect(paths(issues)).toEqual([
      '$.world.colour',
      '$.world.boot.number',
      '$.world.filesystems[0].mountpoint',
      '$.world.filesystems[0].type',
      '$.world.filesystems[0].device',
      '$.world.devices[0].node',
      '$.world.devices[0].link_on_disk',
      '$.world.network.nics[0].name',
      '$.world.network.interfaces[0].dhcp',
      '$.world.network.interfaces[0].name',
      '$.world.proposals.patching',
    ]);
    expect(issues.find((i) => i.path === '$.world.network.interfaces[0].name')?.message).toMatch(/no NIC "bge7"/);
  });

  it('a boot environment no filesystem belongs to', () => {
    expect(validateWorld({ boot: { be: 'nope' }, filesystems: [{ mountpoint: '/', type: 'zfs', device: 'r', be: 'be1' }] }, '$.world')).toEqual([
      { path: '$.world.boot.be', message: 'no filesystem belongs to boot environment "nope" (known: be1)' },
    ]);
  });

  it('a world that is not an object', () => {
    expect(validateWorld([], '$.world')).toEqual([{ path: '$.world', message: '"world" must be an object, not a list' }]);
  });
});

describe('validateWorldScenario (actions and services against the world)', () => {
  const base = {
    format: 'bootgraph/1',
    name: 't',
    services: [{ fmri: 'svc:/a', method_model: 'net-physcal' }],
    world: { network: { nics: [{ name: 'hme0', ap_id: 'pci1:slot1' }, { name: 'hme1' }] }, packages: { tools: ['/usr/bin/t'] }, site_methods: [{ fmri: 'svc:/b:default' }] },
    actions: [
      { at: 1, run: 'cfgadm -c unconfigure hme9' },
      { at: 2, run: 'cfgadm -c configure pci1:slot1' },
      { at: 3, run: 'cfgadm -x hme0' },
      { at: 4, run: 'pkg install nothing' },
    ],
  };

  it('a NIC that does not exist in an action', () => {
    const issues = validateWorldScenario(base);
    expect(issues).toContainEqual({ path: '$.actions[0].run', message: 'cfgadm: no NIC or attachment point "hme9" in $.world.network.nics (known: hme0, pci1:slot1, hme1)' });
    expect(paths(issues)).not.toContain('$.actions[1].run');
    expect(issues.find((i) => i.path === '$.actions[2].run')?.message).toMatch(/illegal option/);
    expect(issues).toContainEqual({ path: '$.actions[3].run', message: 'pkg: no package "nothing" in $.world.packages (known: tools)' });
  });

  it('an unknown method model and a site method for an instance that does not exist', () => {
    const issues = validateWorldScenario(base);
    expect(issues.find((i) => i.path === '$.services[0].method_model')?.message).toMatch(/unknown method model "net-physcal"/);
    expect(issues).toContainEqual({ path: '$.world.site_methods[0].fmri', message: 'no instance svc:/b:default among the scenario\'s services' });
  });

  it('cfgadm without a world', () => {
    expect(validateWorldScenario({ services: [], actions: [{ at: 0, run: 'cfgadm -c configure hme0' }] })).toEqual([
      { path: '$.actions[0].run', message: 'cfgadm needs a "world" with network.nics to act on' },
    ]);
  });

  it('ifconfig and if_mpadm without a network, and if_mpadm without -d or -r (seed 001 run-time moves)', () => {
    expect(validateWorldScenario({ services: [], actions: [{ at: 0, run: 'ifconfig bge0 plumb' }, { at: 1, run: 'if_mpadm -x bge0' }, { at: 2, run: 'if_mpadm -d bge0' }] })).toEqual([
      { path: '$.actions[0].run', message: 'ifconfig needs a "world" with a network (nics, interfaces) to act on' },
      { path: '$.actions[1].run', message: 'usage: if_mpadm -d|-r <interface>' },
      { path: '$.actions[2].run', message: 'if_mpadm needs a "world" with a network (nics, interfaces) to act on' },
    ]);
  });

  it('seed 003: an upgraded manifest names one of its services and gives dependencies; a profile names instances (docs/smf-semantics.md §10.4)', () => {
    const issues = validateWorld(
      {
        repository: {
          pending: [{ path: 'a.xml', services: ['svc:/a'], upgrade: { 'svc:/b': { dependencies: [{ name: 'x', grouping: 'require_all', restart_on: 'none', targets: [] }] } } }],
          profiles: [{ path: '/var/svc/profile/site.xml', enable: ['svc:/a'], colour: 1 }],
        },
      },
      '$.world',
    );
    expect(issues).toContainEqual({ path: '$.world.repository.pending[0].upgrade["svc:/b"]', message: 'the upgraded service svc:/b must be one of this manifest\'s "services"' });
    expect(issues).toContainEqual({ path: '$.world.repository.pending[0].upgrade["svc:/b"].dependencies[0].targets', message: '"targets" must be a non-empty list of FMRIs' });
    expect(issues).toContainEqual({ path: '$.world.repository.profiles[0].enable[0]', message: 'must be an instance FMRI such as "svc:/network/ntp:default", not the string "svc:/a"' });
    expect(issues.some((i) => i.path === '$.world.repository.profiles[0].colour')).toBe(true);
  });
});
