/**
 * Rule 3 of issue 2: restart_on and stop propagation by severity
 * (docs/smf-semantics.md §4.1–§4.4), and rule 4: <dependent> declarations.
 */
import { describe, expect, it } from 'vitest';
import { dep, entered, final, run, starts, svc } from './testing/scenario-builder.ts';
import type { RestartOn } from '../model/smf/states.ts';

function crash(restartOn: RestartOn, fault: string): ReturnType<typeof run> {
  return run(
    [
      svc('svc:/db', { start: { duration: 100 } }),
      svc('svc:/app', { dependencies: [dep('db', 'require_all', ['svc:/db:default'], restartOn)], start: { duration: 50 } }),
    ],
    { actions: [{ at: 1000, run: fault }] },
  );
}

describe('§4.3 the smf.7 table: which events stop a running dependent', () => {
  const table: [RestartOn, string, boolean][] = [
    // stop due to error (RERR_FAULT): a core dump
    ['none', 'fault svc:/db:default core', false],
    ['error', 'fault svc:/db:default core', true],
    ['restart', 'fault svc:/db:default core', true],
    ['refresh', 'fault svc:/db:default core', true],
    // non-error stop (RERR_RESTART): svcadm restart
    ['none', 'svcadm restart svc:/db:default', false],
    ['error', 'svcadm restart svc:/db:default', false],
    ['restart', 'svcadm restart svc:/db:default', true],
    ['refresh', 'svcadm restart svc:/db:default', true],
    // refresh (RERR_REFRESH)
    ['none', 'svcadm refresh svc:/db:default', false],
    ['error', 'svcadm refresh svc:/db:default', false],
    ['restart', 'svcadm refresh svc:/db:default', false],
    ['refresh', 'svcadm refresh svc:/db:default', true],
  ];
  for (const [restartOn, action, stopped] of table) {
    it(`restart_on=${restartOn}, "${action}": dependent ${stopped ? 'is stopped and restarted' : 'keeps running'}`, () => {
      const t = crash(restartOn, action);
      const appOnline = entered(t, 'svc:/app', 'online');
      if (stopped) {
        expect(entered(t, 'svc:/app', 'offline').filter((x) => x >= 1000).length).toBe(1);
        expect(appOnline.length).toBe(2);
      } else {
        expect(appOnline).toEqual([150]);
      }
      expect(final(t, 'svc:/app').state).toBe('online');
    });
  }

  it('a dependent whose restart_on did not trigger keeps running while its require_all dependency is offline', () => {
    const t = run(
      [
        svc('svc:/db', { start: { duration: 100 } }),
        svc('svc:/app', { dependencies: [dep('db', 'require_all', ['svc:/db:default'], 'none')] }),
      ],
      { actions: [{ at: 1000, run: 'svcadm disable svc:/db:default' }] },
    );
    expect(final(t, 'svc:/db').state).toBe('disabled');
    expect(final(t, 'svc:/app').state).toBe('online');
  });

  it('a stopped dependent is restarted when its dependency comes back', () => {
    const t = crash('error', 'fault svc:/db:default signal');
    expect(starts(t, 'svc:/app')).toEqual([100, 1110]);
  });

  it('stops propagate level by level: a dependent of a dependent is stopped too when its restart_on allows', () => {
    const t = run(
      [
        svc('svc:/a', { start: { duration: 10 } }),
        svc('svc:/b', { dependencies: [dep('a', 'require_all', ['svc:/a:default'], 'restart')] }),
        svc('svc:/c', { dependencies: [dep('b', 'require_all', ['svc:/b:default'], 'restart')] }),
        svc('svc:/d', { dependencies: [dep('b', 'require_all', ['svc:/b:default'], 'none')] }),
      ],
      { actions: [{ at: 1000, run: 'svcadm restart svc:/a:default' }] },
    );
    expect(entered(t, 'svc:/b', 'online').length).toBe(2);
    expect(entered(t, 'svc:/c', 'online').length).toBe(2);
    expect(entered(t, 'svc:/d', 'online').length).toBe(1);
  });

  it('2025: a running dependent with an optional_all restart group is restarted when the member changes (illumos 7267)', () => {
    // Enabling slow at 1000 ms: slow enters offline → PROPAGATE_SAT → propagate_start() sets
    // err = restart_on (restart) at the group → the running app gets STOP_RESET; it then waits
    // for the enabled, offline slow (optional_all) and starts when slow is online at 1100 ms.
    const services = [
      svc('svc:/slow', { instances: { default: { enabled: false } } }),
      svc('svc:/app', { dependencies: [dep('s', 'optional_all', ['svc:/slow:default'], 'restart')] }),
    ];
    const actions = [{ at: 1000, run: 'svcadm enable svc:/slow:default' }];
    const now = run(services, { actions });
    expect(entered(now, 'svc:/app', 'offline').filter((x) => x > 0)).toEqual([1010]);
    expect(entered(now, 'svc:/app', 'online')).toEqual([100, 1200]);
    const then = run(services, { actions, era: '2009' });
    expect(entered(then, 'svc:/app', 'online')).toEqual([100]);
  });
});

describe('§5 <dependent> becomes a dependency pg on its target', () => {
  it('the target waits for the declaring service', () => {
    const t = run([
      svc('svc:/milestone/single-user', {}),
      svc('svc:/system/sysevent', {
        start: { duration: 400 },
        dependents: [{ name: 'syseventd_single-user', grouping: 'require_all', restart_on: 'none', target: 'svc:/milestone/single-user' }],
      }),
    ]);
    expect(starts(t, 'svc:/milestone/single-user')).toEqual([400]);
    const su = t.instances.find((i) => i.fmri === 'svc:/milestone/single-user:default');
    expect(su?.groups.find((g) => g.name === 'syseventd_single-user')?.targets).toEqual(['svc:/system/sysevent']);
  });

  it('an absent target is created as an unconfigured stub', () => {
    const t = run([
      svc('svc:/x', { dependents: [{ name: 'x_stub', grouping: 'optional_all', restart_on: 'none', target: 'svc:/stub/target:default' }] }),
    ]);
    const stub = t.instances.find((i) => i.fmri === 'svc:/stub/target:default');
    expect(stub?.initial.configured).toBe(false);
    expect(final(t, 'svc:/x').state).toBe('online');
  });

  it('a name collision with an existing pg is refused (EEXIST) and reported', () => {
    const t = run([
      svc('svc:/t', { dependencies: [dep('dup', 'require_all', ['svc:/a:default'])] }),
      svc('svc:/a'),
      svc('svc:/b', { dependents: [{ name: 'dup', grouping: 'require_all', restart_on: 'none', target: 'svc:/t' }] }),
    ]);
    expect(t.diagnostics.some((d) => d.includes('Could not create "dup" dependency in svc:/t (already exists)'))).toBe(true);
  });
});
