/**
 * Rule 6 of issue 2: milestones (docs/smf-semantics.md §6).
 */
import { describe, expect, it } from 'vitest';
import { dep, final, run, starts, svc } from './testing/scenario-builder.ts';
import type { ServiceSpec } from '../model/scenario/types.ts';

const SU = 'svc:/milestone/single-user';
const MU = 'svc:/milestone/multi-user';
const MUS = 'svc:/milestone/multi-user-server';

function system(): ServiceSpec[] {
  return [
    svc('svc:/system/filesystem/root'),
    svc('svc:/system/cron', { instances: { default: { enabled: false } } }),
    svc(SU, { dependencies: [dep('root', 'require_all', ['svc:/system/filesystem/root:default']), dep('opt', 'optional_all', ['svc:/system/keymap:default'])] }),
    svc('svc:/system/keymap', { instances: { default: { enabled: false } } }),
    svc('svc:/system/filesystem/local', { dependencies: [dep('su', 'require_all', [`${SU}:default`])] }),
    svc(MU, { dependencies: [dep('su', 'require_all', [`${SU}:default`]), dep('local', 'require_all', ['svc:/system/filesystem/local:default'])] }),
    svc('svc:/network/ssh', { dependencies: [dep('fs', 'require_all', ['svc:/system/filesystem/local:default'])] }),
    svc(MUS, { dependencies: [dep('mu', 'require_all', [`${MU}:default`]), dep('ssh', 'optional_all', ['svc:/network/ssh:default'])] }),
    svc('svc:/site/nodeps'),
  ];
}

describe('§6.2–§6.4 booting to a milestone', () => {
  it('milestone all: every enabled instance, and a service with no dependencies starts at the very beginning', () => {
    const t = run(system());
    expect(final(t, MUS).state).toBe('online');
    expect(starts(t, 'svc:/site/nodeps')).toEqual([0]);
  });

  it('single-user: instances outside the subgraph are temporarily disabled (SMF-8000-1S)', () => {
    const t = run(system(), { milestone: 'single-user' });
    expect(final(t, SU).state).toBe('online');
    const ssh = final(t, 'svc:/network/ssh');
    expect(ssh.state).toBe('disabled');
    expect(ssh.temporary).toBe(true);
    expect(final(t, 'svc:/site/nodeps').state).toBe('disabled');
    expect(final(t, MU).state).toBe('disabled');
    expect(t.console.map((c) => c.text)).toContain('Booting to milestone "milestone/single-user:default".');
  });

  it('the subgraph includes require_all targets even when disabled, but not disabled optional_all targets', () => {
    const t = run(system(), { milestone: 'single-user' });
    // keymap is disabled and only reachable through optional_all: not in the subgraph,
    // so it gets the temporary override (disabled, temporary=false since it is persistently disabled too).
    expect(final(t, 'svc:/system/keymap').state).toBe('disabled');
    expect(final(t, 'svc:/system/filesystem/root').state).toBe('online');
  });

  it('multi-user-server pulls in optional_all dependencies that are enabled', () => {
    const t = run(system(), { milestone: 'multi-user-server' });
    expect(final(t, 'svc:/network/ssh').state).toBe('online');
    expect(final(t, 'svc:/site/nodeps').state).toBe('disabled');
  });

  it('none: everything is temporarily disabled', () => {
    const t = run(system(), { milestone: 'none' });
    expect(final(t, 'svc:/system/filesystem/root').state).toBe('disabled');
    expect(final(t, SU).state).toBe('disabled');
  });

  it('boot -s wins over a boot -m milestone= and prints SINGLE USER MODE when single-user is online', () => {
    const t = run(system(), { boot: { single: true, milestone: 'all' } });
    expect(t.milestone).toBe(`${SU}:default`);
    expect(final(t, MU).state).toBe('disabled');
    expect(t.console.map((c) => c.text)).toContain('SINGLE USER MODE');
  });

  it('boot -m milestone=mu uses the abbreviation; an invalid option value is ignored', () => {
    expect(run(system(), { boot: { milestone: 'mu' } }).milestone).toBe(`${MU}:default`);
    const bad = run(system(), { boot: { milestone: 'svc:/site/nodeps:default' } });
    expect(bad.milestone).toBe('all');
    expect(bad.console.some((c) => c.text.includes('Requested milestone "svc:/site/nodeps:default" is invalid.  Reverting to "all".'))).toBe(true);
  });

  it('a custom milestone is rejected by svc.startd, unless the what-if of seed 002 is on', () => {
    const services = [...system(), svc('svc:/milestone/patching', { dependencies: [dep('su', 'require_all', [`${SU}:default`])] })];
    expect(run(services, { milestone: 'svc:/milestone/patching:default' }).milestone).toBe('all');
    const custom = run(services, { milestone: 'svc:/milestone/patching:default', boot: { custom_milestones: true } });
    expect(custom.milestone).toBe('svc:/milestone/patching:default');
    expect(final(custom, 'svc:/milestone/patching').state).toBe('online');
    expect(final(custom, MU).state).toBe('disabled');
  });

  it('svcadm milestone at run time brings non-subgraph services down leaf-first, and "all" brings them back', () => {
    const t = run(system(), {
      actions: [
        { at: 5000, run: 'svcadm milestone single-user' },
        { at: 10000, run: 'svcadm milestone all' },
      ],
    });
    const mid = (fmri: string): string => {
      const r = [...t.records].reverse().find((x) => x.kind === 'status' && x.fmri === `${fmri}:default` && x.t < 10000);
      return r?.kind === 'status' ? r.to : '';
    };
    expect(mid('svc:/network/ssh')).toBe('disabled');
    expect(mid(MUS)).toBe('disabled');
    expect(mid(SU)).toBe('online');
    expect(final(t, MUS).state).toBe('online');
    expect(final(t, 'svc:/network/ssh').state).toBe('online');
  });
});
