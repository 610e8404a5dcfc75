/** The world access log's model API (access.ts, access-changes.ts). */
import { describe, expect, it } from 'vitest';
import { accessesBy, accessesTo, AccessLog, isProvide, isUse, parseAccessLog } from './access.ts';
import { accessesOfChange } from './access-changes.ts';

describe('AccessLog', () => {
  it('records nothing outside a method run or command (world set-up is nobody\'s access)', () => {
    const log = new AccessLog();
    log.read('path', '/etc/nodename', true);
    expect(log.entries()).toEqual([]);
  });

  it('stamps each access with the actor: instance, instant and phase; seq counts from 0', () => {
    const log = new AccessLog();
    log.as({ t: 100, phase: 'start', fmri: 'svc:/a:default' }, () => {
      log.open('devlink', '/dev/ipmpstub', false);
      log.read('path', '/etc/hostname.bge0', true);
    });
    log.as({ t: 900, phase: 'exit', fmri: 'svc:/b:default' }, () => log.record({ op: 'create', kind: 'devlink', name: '/dev/ipmpstub', ok: true }));
    expect(log.entries()).toEqual([
      { seq: 0, t: 100, fmri: 'svc:/a:default', phase: 'start', op: 'open', kind: 'devlink', name: '/dev/ipmpstub', ok: false, error: 'ENOENT' },
      { seq: 1, t: 100, fmri: 'svc:/a:default', phase: 'start', op: 'read', kind: 'path', name: '/etc/hostname.bge0', ok: true },
      { seq: 2, t: 900, fmri: 'svc:/b:default', phase: 'exit', op: 'create', kind: 'devlink', name: '/dev/ipmpstub', ok: true },
    ]);
  });

  it('a command is its own actor; nested actors restore the outer one', () => {
    const log = new AccessLog();
    log.as({ t: 5, phase: 'start', command: 'touch /x' }, () => {
      log.as({ t: 5, phase: 'exit', fmri: 'svc:/inner:default' }, () => log.read('path', '/y', true));
      log.record({ op: 'create', kind: 'path', name: '/x', ok: true });
    });
    expect(log.entries().map((a) => [a.fmri, a.command, a.name])).toEqual([['svc:/inner:default', undefined, '/y'], [undefined, 'touch /x', '/x']]);
  });

  it('the same access repeated by the same actor at the same instant is logged once', () => {
    const log = new AccessLog();
    log.as({ t: 1, phase: 'start', fmri: 'svc:/a:default' }, () => {
      log.open('devlink', '/dev/ipmpstub', false);
      log.open('devlink', '/dev/ipmpstub', false);
    });
    expect(log.entries()).toHaveLength(1);
  });

  it('queries: by object, by instance; uses and provisions', () => {
    const log = new AccessLog();
    log.as({ t: 1, phase: 'start', fmri: 'svc:/a:default' }, () => log.open('devlink', '/dev/x', false));
    log.as({ t: 2, phase: 'exit', fmri: 'svc:/b:default' }, () => log.record({ op: 'create', kind: 'devlink', name: '/dev/x', ok: true }));
    log.as({ t: 3, phase: 'exit', fmri: 'svc:/b:default' }, () => log.record({ op: 'create', kind: 'devlink', name: '/dev/y', ok: false, error: 'EROFS' }));
    const all = log.entries();
    expect(accessesTo(all, 'devlink', '/dev/x').map((a) => a.fmri)).toEqual(['svc:/a:default', 'svc:/b:default']);
    expect(accessesBy(all, 'svc:/b:default').map((a) => a.name)).toEqual(['/dev/x', '/dev/y']);
    expect(all.map(isUse)).toEqual([true, false, false]);
    expect(all.map(isProvide)).toEqual([false, true, false]);
  });
});

describe('parseAccessLog', () => {
  it('accepts a log and an absent one', () => {
    const log = new AccessLog();
    log.as({ t: 1, phase: 'start', fmri: 'svc:/a:default' }, () => log.read('path', '/x', true, { detail: 'd' }));
    expect(parseAccessLog(JSON.parse(JSON.stringify(log.entries())))).toEqual({ ok: true, log: log.entries() });
    expect(parseAccessLog(undefined)).toEqual({ ok: true, log: [] });
  });

  it.each([
    [{}, 'must be a list'],
    [[1], 'must be an object'],
    [[{ seq: 0, t: 'x', op: 'read', kind: 'path', name: '/', ok: true, phase: 'start' }], 'numeric seq and t'],
    [[{ seq: 0, t: 1, op: 'eat', kind: 'path', name: '/', ok: true, phase: 'start' }], 'op is not'],
    [[{ seq: 0, t: 1, op: 'read', kind: 'cake', name: '/', ok: true, phase: 'start' }], 'kind is not'],
    [[{ seq: 0, t: 1, op: 'read', kind: 'path', ok: true, phase: 'start' }], 'needs name and ok'],
    [[{ seq: 0, t: 1, op: 'read', kind: 'path', name: '/', ok: true, phase: 'later' }], 'phase must be'],
    [[{ seq: 0, t: 1, op: 'read', kind: 'path', name: '/', ok: true, phase: 'start', fmri: 3 }], 'fmri must be a string'],
  ])('refuses %j with a message', (input, message) => {
    const r = parseAccessLog(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(message);
  });
});

describe('accessesOfChange: a world change is an access too', () => {
  it.each([
    [{ kind: 'devlink', path: '/dev/ipmpstub', exists: true, summary: 's' }, [{ op: 'create', kind: 'devlink', name: '/dev/ipmpstub' }]],
    [{ kind: 'file', path: '/x', exists: false, summary: 's' }, [{ op: 'remove', kind: 'path', name: '/x' }]],
    [{ kind: 'file', path: '/var/x', exists: false, summary: 's', via: 'mount' }, [{ op: 'change', kind: 'path', name: '/var/x' }]],
    [{ kind: 'mount', mountpoint: '/var', summary: 's', readOnly: false }, [{ op: 'mount', kind: 'mount', name: '/var' }]],
    [{ kind: 'mount', mountpoint: '/', summary: 's', readOnly: false, remount: true }, [{ op: 'change', kind: 'mount', name: '/', detail: 'read-write' }]],
    [{ kind: 'mount', mountpoint: '/a', summary: 's', mounted: false }, [{ op: 'unmount', kind: 'mount', name: '/a' }]],
    [{ kind: 'interface', interface: 'ipmp0', ipmp: true, group: 'ipmp0', summary: 's' }, [{ op: 'create', kind: 'interface', name: 'ipmp0' }, { op: 'create', kind: 'ipmp-group', name: 'ipmp0' }]],
    [{ kind: 'interface', interface: 'bge0', summary: 'bge0 unplumbed' }, [{ op: 'remove', kind: 'interface', name: 'bge0' }]],
    [{ kind: 'address', address: '10.0.0.1', summary: 's' }, [{ op: 'change', kind: 'address', name: '10.0.0.1' }]],
    [{ kind: 'nic', nic: 'hme0', summary: 's' }, [{ op: 'change', kind: 'datalink', name: 'hme0' }]],
    [{ kind: 'repository', manifest: 'm.xml', services: ['svc:/a', 'svc:/b'], summary: 's' }, [{ op: 'create', kind: 'repository', name: 'svc:/a' }, { op: 'create', kind: 'repository', name: 'svc:/b' }]],
    [{ kind: 'repository', manifest: 'm.xml', summary: 's' }, [{ op: 'change', kind: 'repository', name: 'm.xml' }]],
    [{ kind: 'daemon', daemon: 'devfsadmd', summary: 's' }, [{ op: 'create', kind: 'daemon', name: 'devfsadmd' }]],
    [{ kind: 'hostname', summary: 's' }, [{ op: 'change', kind: 'setting', name: 'nodename' }]],
    [{ kind: 'svcadm', command: 'svcadm milestone -d all', summary: 's' }, [{ op: 'change', kind: 'repository', name: 'options/milestone' }]],
    [{ kind: 'something-else', summary: 's' }, []],
  ])('%j', (change, expected) => {
    expect(accessesOfChange(change)).toEqual(expected.map((e) => expect.objectContaining({ ...e, ok: true })));
  });
});
