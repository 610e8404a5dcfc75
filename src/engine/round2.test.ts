/**
 * Issue 14, behaviours 2, 3, 4, 7 and 8: each against the illumos-gate rule it
 * follows (section numbers of docs/smf-semantics.md).
 */
import { describe, expect, it } from 'vitest';
import { dep, entered, final, run, starts, svc } from './testing/scenario-builder.ts';
import type { ServiceSpec } from '../model/scenario/types.ts';
import { createSeeker } from './seek.ts';
import { explain } from './explain.ts';

const SU = 'svc:/milestone/single-user';
const CLOGIN = 'svc:/system/console-login';
const MI = 'svc:/system/manifest-import';
const STARTD = 'svc:/system/svc/restarter:default';
const SULOGIN = 'Console login service(s) cannot run';

function consoleText(t: ReturnType<typeof run>): string {
  return t.console.map((c) => c.text).join('\n');
}

/** A whole system in miniature: svc.startd's own instance, manifest-import, single-user, console-login, multi-user. */
function system(extra: ServiceSpec[] = []): ServiceSpec[] {
  return [
    svc('svc:/system/svc/restarter'),
    svc('svc:/system/filesystem/root'),
    svc(MI, { dependencies: [dep('fs', 'require_all', ['svc:/system/filesystem/root:default'])] }),
    svc(SU, { dependencies: [dep('manifests', 'require_all', [`${MI}:default`])] }),
    svc('svc:/system/utmp', { dependencies: [dep('su', 'require_all', [`${SU}:default`])] }),
    svc(CLOGIN, { dependencies: [dep('su', 'require_all', [`${SU}:default`]), dep('utmp', 'require_all', ['svc:/system/utmp:default'])] }),
    svc('svc:/milestone/multi-user', { dependencies: [dep('su', 'require_all', [`${SU}:default`])] }),
    ...extra,
  ];
}

describe('behaviour 2: svcadm clear on an instance that completes a dependency cycle (§1.2, §2.3)', () => {
  const cycle = [
    svc('svc:/a', { dependencies: [dep('b', 'require_all', ['svc:/b:default'])] }),
    svc('svc:/b', { dependencies: [dep('a', 'require_all', ['svc:/a:default'])] }),
  ];

  it('re-reads its dependencies on the way out of maintenance and goes straight back while the cycle exists', () => {
    const t = run(cycle, { actions: [{ at: 1000, run: 'svcadm clear svc:/b:default' }] });
    const b = final(t, 'svc:/b');
    expect(b.state).toBe('maintenance');
    expect(b.aux).toBe('dependency_cycle');
    expect(entered(t, 'svc:/b', 'maintenance')).toEqual([0, 1000]);
    expect(entered(t, 'svc:/b', 'uninitialized')).toEqual([1000]);
    // Neither member of the cycle ever comes online.
    expect(starts(t, 'svc:/a')).toEqual([]);
    expect(starts(t, 'svc:/b')).toEqual([]);
    expect(final(t, 'svc:/a').state).toBe('offline');
  });

  it('once the cycle is gone (the other member deleted from the graph by a disable is not enough; a non-cycle clear starts it)', () => {
    const t = run([svc('svc:/x', { start: { exit: 95 } })], {
      actions: [{ at: 1000, run: 'svcadm clear svc:/x:default' }],
    });
    // An ordinary maintenance leaves through uninitialized and offline and is started again.
    expect(entered(t, 'svc:/x', 'uninitialized')).toEqual([1000]);
    expect(starts(t, 'svc:/x').length).toBe(2);
  });
});

describe('behaviour 8: the reason restarter.c records after svcadm clear (§2.2), and svcs -x " (?)" (§8.2)', () => {
  it('maintenance → uninitialized → offline both carry clear_request', () => {
    const t = run([svc('svc:/x', { start: { exit: [95, 0] } })], {
      actions: [{ at: 1000, run: 'svcadm clear svc:/x:default' }],
    });
    const after = t.records.filter((r) => r.kind === 'status' && r.fmri === 'svc:/x:default' && r.t === 1000 && r.from !== r.to);
    expect(after.map((r) => (r.kind === 'status' ? [r.from, r.to, r.reason] : []))).toEqual([
      ['maintenance', 'uninitialized', 'clear_request'],
      ['uninitialized', 'offline', 'clear_request'],
    ]);
    expect(final(t, 'svc:/x').state).toBe('online');
  });

  it('an FMRI without a common name prints " (?)" after it, as print_service() does', () => {
    const t = run([svc('svc:/site/foo', { start: { exit: 95 } })]);
    const s = createSeeker(t);
    const e = explain({ trace: t, statuses: s.atTime(t.endTime), files: s.filesAtTime(t.endTime) }, 'svc:/site/foo:default');
    expect(e?.text.split('\n')[0]).toBe('svc:/site/foo:default (?)');
  });
});

describe('behaviour 3: can_come_up() and sulogin, whatever the milestone (§6.7)', () => {
  it('boot -m milestone=single-user: console-login is temporarily disabled, so svc.startd asks for the maintenance login', () => {
    const t = run(system(), { boot: { milestone: 'single-user' } });
    expect(final(t, SU).state).toBe('online');
    expect(final(t, CLOGIN).state).toBe('disabled');
    expect(consoleText(t)).toContain(`Requesting System Maintenance Mode\n(See /lib/svc/share/README for more information.)\n${SULOGIN}`);
  });

  it('svcadm milestone none disables console-login: sulogin', () => {
    const t = run(system(), { actions: [{ at: 10_000, run: 'svcadm milestone none' }] });
    expect(final(t, CLOGIN).state).toBe('disabled');
    const line = t.console.find((c) => c.text === SULOGIN);
    expect(line?.t).toBeGreaterThanOrEqual(10_000);
  });

  it('boot -s: SINGLE USER MODE when single-user comes online', () => {
    const t = run(system(), { boot: { single: true } });
    expect(consoleText(t)).toContain('Requesting System Maintenance Mode\nSINGLE USER MODE');
  });

  it('svcadm milestone none then all: asked once, when console-login is disabled, and console-login comes back', () => {
    const t = run(system(), { actions: [{ at: 10_000, run: 'svcadm milestone none' }, { at: 20_000, run: 'svcadm milestone all' }] });
    expect(final(t, CLOGIN).state).toBe('online');
    expect(t.console.filter((c) => c.text === SULOGIN).map((c) => c.t >= 10_000 && c.t < 20_000)).toEqual([true]);
  });

  it('never while console-login can still come up: a plain boot to all does not ask', () => {
    const t = run(system());
    expect(final(t, CLOGIN).state).toBe('online');
    expect(consoleText(t)).not.toContain(SULOGIN);
  });

  it('an enabled instance still in disabled is judged by §3.3 (what its dependencies can become), not as unsatisfiable', () => {
    // svcadm milestone all re-enables console-login's dependency chain: while utmp's ENABLE is on the
    // way it is still "disabled"; console-login is offline and satisfiable, so the system can come up.
    const t = run(system(), { milestone: 'single-user', actions: [{ at: 10_000, run: 'svcadm milestone all' }] });
    expect(final(t, CLOGIN).state).toBe('online');
    // Asked at the single-user boot (console-login temporarily disabled), never after the change to all.
    const sulogins = t.console.filter((c) => c.text === SULOGIN).map((c) => c.t);
    expect(sulogins.length).toBe(1);
    expect(sulogins.every((x) => x < 10_000)).toBe(true);
  });
});

describe('behaviour 4: a milestone change never touches svc.startd\'s own instance (§6.4)', () => {
  it('svc:/system/svc/restarter:default stays online through svcadm milestone none and back', () => {
    const t = run(system(), { actions: [{ at: 10_000, run: 'svcadm milestone none' }, { at: 20_000, run: 'svcadm milestone all' }] });
    const changes = t.records.filter((r) => r.kind === 'status' && r.fmri === STARTD && r.from !== r.to);
    expect(changes.map((r) => (r.kind === 'status' ? r.to : ''))).toEqual(['online']);
    expect(final(t, STARTD).state).toBe('online');
    expect(final(t, STARTD).temporary).toBe(false);
    expect(final(t, CLOGIN).state).toBe('online');
  });

  it('and through svcadm milestone -d', () => {
    const t = run(system(), { actions: [{ at: 10_000, run: 'svcadm milestone -d single-user' }] });
    expect(final(t, STARTD).state).toBe('online');
    expect(final(t, 'svc:/milestone/multi-user').state).toBe('disabled');
  });
});

describe('behaviour 7: 2009 rate-limits wait-model services too (§7.3, §11)', () => {
  const crashing = svc('svc:/site/daemon', {
    model: 'wait', start: { exec: '/usr/lib/daemon', exit: 1, duration: 50 },
  });

  it('2009: ten starts averaging under a second apart → maintenance, restarting_too_quickly', () => {
    const t = run([crashing], { era: '2009' });
    const d = final(t, 'svc:/site/daemon');
    expect(d.state).toBe('maintenance');
    expect(d.aux).toBe('restarting_too_quickly');
    expect(starts(t, 'svc:/site/daemon').length).toBe(9);
  });

  it('today: exempt from the rate limit, throttled instead ("Failing too quickly, throttling.")', () => {
    const t = run([crashing], { until: 20_000 });
    expect(final(t, 'svc:/site/daemon').state).not.toBe('maintenance');
    expect(t.logs.some((l) => l.text.includes('Failing too quickly, throttling.'))).toBe(true);
  });
});
