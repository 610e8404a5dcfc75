/**
 * Issue 14, seed 002's missing moves: shutdown and reboot as actions
 * (docs/smf-semantics.md §6.4, §6.5; console texts docs/console-messages.md §2.4), and
 * the next boot carrying persistent state, so "reboot into a milestone, act,
 * come back" is one scenario.
 */
import { describe, expect, it } from 'vitest';
import { dep, final, scenario, svc } from './testing/scenario-builder.ts';
import { simulate } from './simulate.ts';
import { nextBootScenario } from '../scenarios/next-boot.ts';
import { parseAction } from '../model/scenario/actions.ts';
import type { Scenario } from '../model/scenario/types.ts';

const SU = 'svc:/milestone/single-user';

function system(actions: { at: number; run: string }[]): Scenario {
  return scenario(
    [
      svc('svc:/system/svc/restarter'),
      svc('svc:/system/filesystem/root'),
      svc(SU, { dependencies: [dep('root', 'require_all', ['svc:/system/filesystem/root:default'])] }),
      svc('svc:/network/ssh', { dependencies: [dep('su', 'require_all', [`${SU}:default`])] }),
      svc('svc:/site/web', { dependencies: [dep('ssh', 'require_all', ['svc:/network/ssh:default'], 'restart')] }),
    ],
    { actions },
  );
}

describe('init, reboot, halt', () => {
  it('parse as svc.startd run levels (§6.5)', () => {
    expect(parseAction('init 6')).toMatchObject({ ok: true, action: { kind: 'runlevel', level: '6' } });
    expect(parseAction('init s')).toMatchObject({ ok: true, action: { kind: 'runlevel', level: 'S' } });
    expect(parseAction('reboot -- -m milestone=single-user')).toMatchObject({ ok: true, action: { kind: 'runlevel', level: '6', bootArgs: ['-m', 'milestone=single-user'] } });
    expect(parseAction('halt')).toMatchObject({ ok: true, action: { kind: 'runlevel', level: '0' } });
    expect(parseAction('init 7')).toMatchObject({ ok: false });
    expect(parseAction('halt -- -s')).toMatchObject({ ok: false });
  });

  it('init 6: everything stops leaf-first (dependents before what they need), svc.startd stays, "The system is down."', () => {
    const t = simulate(system([{ at: 5000, run: 'init 6' }]));
    const disabledAt = (f: string): number =>
      t.records.find((r) => r.kind === 'status' && r.fmri === `${f}:default` && r.to === 'disabled' && r.from !== 'disabled')?.t ?? -1;
    expect(disabledAt('svc:/site/web')).toBeLessThanOrEqual(disabledAt('svc:/network/ssh'));
    expect(disabledAt('svc:/network/ssh')).toBeLessThanOrEqual(disabledAt(SU));
    expect(disabledAt(SU)).toBeLessThanOrEqual(disabledAt('svc:/system/filesystem/root'));
    expect(final(t, 'svc:/system/svc/restarter').state).toBe('online');
    const text = t.console.map((c) => c.text);
    expect(text).toContain('svc.startd: The system is coming down.  Please wait.');
    expect(text).toContain('svc.startd: 4 system services are now being stopped.');
    expect(text.some((l) => /The system is down\.  Shutdown took \d+ seconds\.$/.test(l))).toBe(true);
    expect(text).toContain('rebooting...');
    // Not while halting (graph_transition_sulogin() checks halting).
    expect(t.console.filter((c) => c.t >= 5000 && c.text === 'Console login service(s) cannot run')).toEqual([]);
    expect(t.records.some((r) => r.kind === 'world' && r.change.kind === 'uadmin' && r.change['reboot'] === true)).toBe(true);
  });

  it('2009 prints its own shutdown lines', () => {
    const t = simulate({ ...system([{ at: 5000, run: 'halt' }]), era: '2009' });
    const text = t.console.map((c) => c.text);
    expect(text).toContain('svc.startd: Killing user processes: done.');
    expect(text).toContain('svc.startd: The system is down.');
    expect(text).not.toContain('rebooting...');
  });

  it('init S goes to single-user for administration', () => {
    const t = simulate(system([{ at: 5000, run: 'init S' }]));
    expect(t.console.map((c) => c.text)).toContain('svc.startd: The system is coming down for administration.  Please wait.');
    expect(final(t, SU).state).toBe('online');
    expect(final(t, 'svc:/network/ssh').state).toBe('disabled');
  });

  it('one scenario across a reboot: persistent changes carried, the actions after the reboot run in the next boot, reboot -- args are its options', () => {
    const s = system([
      { at: 2000, run: 'svcadm disable svc:/site/web:default' },
      { at: 5000, run: 'reboot -- -m milestone=single-user' },
      { at: 8000, run: 'svcadm milestone all' },
    ]);
    const first = simulate(s);
    // The action after the reboot does not run in this boot.
    expect(first.records.filter((r) => r.kind === 'action').map((r) => (r.kind === 'action' ? r.command : ''))).toEqual([
      'svcadm disable svc:/site/web:default',
      'reboot -- -m milestone=single-user',
    ]);
    const next = nextBootScenario(s, first);
    expect(next.ok).toBe(true);
    if (!next.ok) return;
    expect(next.scenario.boot).toMatchObject({ milestone: 'single-user' });
    expect(next.scenario.actions).toEqual([{ at: 3000, run: 'svcadm milestone all' }]);
    const second = simulate(next.scenario);
    expect(second.milestone).toBe(`${SU}:default`);
    // At 3 s into the second boot, milestone all: ssh comes up; web stays disabled (persistent).
    expect(final(second, 'svc:/network/ssh').state).toBe('online');
    expect(final(second, 'svc:/site/web').state).toBe('disabled');
    expect(final(second, 'svc:/site/web').temporary).toBe(false);
  });
});
