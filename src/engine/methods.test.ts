/**
 * Rule 5 of issue 2: methods, exit codes, retries, timeouts and service
 * models (docs/smf-semantics.md §7; console texts from docs/console-messages.md §1.5).
 */
import { describe, expect, it } from 'vitest';
import { dep, entered, final, run, starts, svc } from './testing/scenario-builder.ts';

describe('§7.3 exit codes', () => {
  it('exit 0 → online', () => {
    expect(final(run([svc('svc:/a')]), 'svc:/a').state).toBe('online');
  });

  for (const code of [95, 96, 99, 100]) {
    it(`exit ${code} → maintenance at once (not retried), aux method_failed`, () => {
      const t = run([svc('svc:/a', { start: { exit: code } })]);
      const s = final(t, 'svc:/a');
      expect(s.state).toBe('maintenance');
      expect(s.aux).toBe('method_failed');
      expect(s.waitStatus).toBe(code);
      expect(starts(t, 'svc:/a')).toEqual([0]);
    });
  }

  it('exit 96 prints the "misconfigured" console line; 95 "failed fatally"', () => {
    const t96 = run([svc('svc:/network/physical', { start: { exit: 96, exec: '/lib/svc/method/net-physical' } })]);
    const lines = t96.console.map((c) => c.text);
    expect(lines.some((l) => l.endsWith('svc.startd[7]: svc:/network/physical:default: Method "/lib/svc/method/net-physical" failed with exit status 96.'))).toBe(true);
    expect(lines.some((l) => l.endsWith("network/physical:default misconfigured: transitioned to maintenance (see 'svcs -xv' for details)"))).toBe(true);
    const t95 = run([svc('svc:/a', { start: { exit: 95 } })]);
    expect(t95.console.some((c) => c.text.endsWith("a:default failed fatally: transitioned to maintenance (see 'svcs -xv' for details)"))).toBe(true);
  });

  it('exit 97 from start → degraded (2025); it counts as running for dependents', () => {
    const t = run([svc('svc:/a', { start: { exit: 97 } }), svc('svc:/b', { dependencies: [dep('a', 'require_all', ['svc:/a:default'])] })]);
    expect(final(t, 'svc:/a').state).toBe('degraded');
    expect(final(t, 'svc:/b').state).toBe('online');
  });

  it('exit 97 in 2009 was a plain retryable failure', () => {
    const t = run([svc('svc:/a', { start: { exit: 97 } })], { era: '2009' });
    expect(final(t, 'svc:/a').state).toBe('maintenance');
    expect(final(t, 'svc:/a').aux).toBe('fault_threshold_reached');
  });

  it('other failures are retried at once; the third consecutive failure → maintenance (FAULT_THRESHOLD 3)', () => {
    const t = run([svc('svc:/a', { start: { duration: 100, exit: 1 } })]);
    expect(starts(t, 'svc:/a')).toEqual([0, 100, 200]);
    const s = final(t, 'svc:/a');
    expect(s.state).toBe('maintenance');
    expect(s.aux).toBe('fault_threshold_reached');
    expect(s.since).toBe(300);
    expect(t.console.some((c) => c.text.endsWith("a:default failed: transitioned to maintenance (see 'svcs -xv' for details)"))).toBe(true);
  });

  it('a success resets the fault count: [1, 1, 0] comes online on the third attempt', () => {
    const t = run([svc('svc:/a', { start: { duration: 10, exit: [1, 1, 0] } })]);
    expect(starts(t, 'svc:/a')).toEqual([0, 10, 20]);
    expect(final(t, 'svc:/a').state).toBe('online');
    expect(entered(t, 'svc:/a', 'online')).toEqual([30]);
  });

  it('stays offline (next_state online) while retrying: no state change between attempts', () => {
    const t = run([svc('svc:/a', { start: { duration: 10, exit: [1, 0] } })]);
    const changes = t.records.filter((r) => r.kind === 'status' && r.fmri === 'svc:/a:default' && r.from !== r.to);
    expect(changes.map((r) => (r.kind === 'status' ? r.to : ''))).toEqual(['offline', 'online']);
  });

  it('a signal death is retryable', () => {
    const t = run([svc('svc:/a', { start: { exit: 'SIGSEGV' } })]);
    expect(final(t, 'svc:/a').aux).toBe('fault_threshold_reached');
  });
});

describe('§7.2 timeouts', () => {
  it('a method running past its timeout is killed and retried; three times → maintenance', () => {
    const t = run([svc('svc:/a', { start: { duration: 5000, timeout: 1000 } })]);
    expect(starts(t, 'svc:/a')).toEqual([0, 1000, 2000]);
    expect(final(t, 'svc:/a').state).toBe('maintenance');
    expect(t.logs.some((l) => l.text.includes('Method or service exit timed out.  Killing contract'))).toBe(true);
  });

  it('timeout_retry=false sends a timed-out method to maintenance at once', () => {
    const t = run([svc('svc:/milestone/single-user', { start: { exit: 'timeout', timeout: 1800_000 }, timeout_retry: false })]);
    const s = final(t, 'svc:/milestone/single-user');
    expect(s.state).toBe('maintenance');
    expect(s.since).toBe(1_800_000);
    expect(t.console.some((c) => c.text.includes('timed out: transitioned to maintenance'))).toBe(true);
  });

  it('services in timeout_ovr_svcs[] never time out (network/physical waits for ever)', () => {
    const t = run([svc('svc:/network/physical', { start: { exit: 'timeout', timeout: 600_000 } })], { until: 3_000_000 });
    expect(final(t, 'svc:/network/physical').state).toBe('offline');
    expect(final(t, 'svc:/network/physical').next).toBe('online');
    expect(t.logs.some((l) => l.text.includes('Timeout override by svc.startd.  Using infinite timeout.'))).toBe(true);
  });
});

describe('§7.4 service models', () => {
  it('contract: when all processes exit, the instance goes offline and is restarted', () => {
    const t = run([svc('svc:/d', { start: { duration: 10 } })], { actions: [{ at: 500, run: 'fault svc:/d:default exit' }] });
    expect(entered(t, 'svc:/d', 'online')).toEqual([10, 510]);
  });

  it('transient: contract events are ignored', () => {
    const t = run([svc('svc:/d', { model: 'transient', start: { duration: 10 } })], { actions: [{ at: 500, run: 'fault svc:/d:default core' }] });
    expect(entered(t, 'svc:/d', 'online')).toEqual([10]);
  });

  it('contract model with a :true start method has no contract to empty', () => {
    const t = run([svc('svc:/m', { start: { exec: ':true' } })], { actions: [{ at: 500, run: 'fault svc:/m:default exit' }] });
    expect(entered(t, 'svc:/m', 'online')).toEqual([0]);
    const action = t.records.find((r) => r.kind === 'action');
    expect(action?.kind === 'action' && action.ok).toBe(false);
  });

  it('wait: online at once when the child is forked; restarted when it exits; exit 96 → maintenance', () => {
    const forever = run([svc('svc:/console-login', { model: 'wait', start: { duration: 100 } })]);
    expect(entered(forever, 'svc:/console-login', 'online')).toEqual([0]);
    const exits = run([svc('svc:/w', { model: 'wait', start: { duration: 1000, exit: [0, 96] } })]);
    expect(entered(exits, 'svc:/w', 'online')).toEqual([0, 1000]);
    expect(final(exits, 'svc:/w').state).toBe('maintenance');
  });

  it('restart rate: five starts averaging under 600 s apart → maintenance, restarting_too_quickly', () => {
    const actions = [1, 2, 3, 4, 5].map((k) => ({ at: k * 1000, run: 'fault svc:/d:default exit' }));
    const t = run([svc('svc:/d', { start: { duration: 10 } })], { actions });
    const s = final(t, 'svc:/d');
    expect(s.state).toBe('maintenance');
    expect(s.aux).toBe('restarting_too_quickly');
    expect(t.logs.some((l) => l.text.includes('Restarting too quickly, changing state to maintenance.'))).toBe(true);
    expect(t.console.some((c) => c.text.includes('failed repeatedly: transitioned to maintenance'))).toBe(true);
  });

  it('missing method property groups succeed at once (§7.1)', () => {
    const t = run([svc('svc:/a', { start: { missing: true } })]);
    expect(entered(t, 'svc:/a', 'online')).toEqual([0]);
    expect(t.logs.some((l) => l.text.includes("Method property group 'start' is not present."))).toBe(true);
  });
});
