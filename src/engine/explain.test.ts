/**
 * Rule 9 of issue 2: svcs -x / -xv at any simulated time (docs/smf-semantics.md §8;
 * exact texts from docs/console-messages.md §6).
 */
import { describe, expect, it } from 'vitest';
import { createSeeker } from './seek.ts';
import { explain, explainAll } from './explain.ts';
import { dep, run, svc } from './testing/scenario-builder.ts';
import type { Trace } from './trace.ts';

function at(trace: Trace, t: number, fmri: string) {
  const s = createSeeker(trace);
  return explain({ trace, statuses: s.atTime(t), files: s.filesAtTime(t) }, fmri);
}

const chain = [
  svc('svc:/network/physical', {
    common_name: 'physical network interfaces',
    start: { duration: 1000, exit: 96, exec: '/lib/svc/method/net-physical' },
    documentation: ['ifconfig(1M)'],
  }),
  svc('svc:/milestone/network', {
    common_name: 'Network milestone',
    dependencies: [dep('physical', 'require_all', ['svc:/network/physical'])],
  }),
  svc('svc:/network/ssh', { dependencies: [dep('net', 'require_all', ['svc:/milestone/network:default'])] }),
  svc('svc:/network/inetd', { dependencies: [dep('net', 'require_all', ['svc:/milestone/network:default'])] }),
];

describe('§8 svcs -x', () => {
  it('a method failure: state, reason with exit status, SMF-8000-KS, man page, log, impact', () => {
    const t = run(chain, { era: '2009' });
    const e = at(t, 5000, 'svc:/network/physical:default');
    expect(e?.text.split('\n')).toEqual([
      'svc:/network/physical:default (physical network interfaces)',
      ' State: maintenance since Tue Jan  6 20:16:21 2009',
      'Reason: Start method exited with $SMF_EXIT_ERR_CONFIG.',
      '   See: http://sun.com/msg/SMF-8000-KS',
      '   See: ifconfig(1M)',
      '   See: /etc/svc/volatile/network-physical:default.log',
      'Impact: 3 dependent services are not running.  (Use -v for list.)',
    ]);
    expect(e?.impact).toEqual(['svc:/milestone/network:default', 'svc:/network/ssh:default', 'svc:/network/inetd:default']);
    expect(e?.verbose).toContain('   See: man -M /usr/share/man -s 1M ifconfig');
    expect(e?.verbose).toContain('Impact: 3 dependent services are not running:\n        svc:/milestone/network:default');
  });

  it('a dependent: "Service … is not running because a method failed." wrapped at 80 columns, with the -v path', () => {
    const t = run(chain, { era: '2009' });
    const e = at(t, 5000, 'svc:/network/ssh:default');
    expect(e?.rootCauses).toEqual(['svc:/network/physical:default']);
    expect(e?.text).toContain('Reason: Service svc:/network/physical:default\n        is not running because a method failed.');
    expect(e?.text).toContain('   See: http://sun.com/msg/SMF-8000-GE');
    expect(e?.verbose).toContain('  Path: svc:/network/ssh:default\n          svc:/milestone/network:default\n            svc:/network/physical:default');
  });

  it('is computed at any instant: while the start method runs it says so (SMF-8000-C4)', () => {
    const t = run(chain);
    const during = at(t, 500, 'svc:/network/physical:default');
    expect(during?.state).toBe('offline');
    expect(during?.text).toContain('Reason: Start method is running.');
    expect(during?.text).toContain('http://illumos.org/msg/SMF-8000-C4');
  });

  it('an absent dependency: "Dependency … is absent." (SMF-8000-E2)', () => {
    const t = run([svc('svc:/a', { dependencies: [dep('x', 'require_all', ['svc:/not/here:default']), dep('f', 'require_all', ['file://localhost/etc/nope'])] })]);
    const e = at(t, t.endTime, 'svc:/a:default');
    expect(e?.reasons.map((r) => r.text)).toEqual(['Dependency svc:/not/here:default is absent.', 'Dependency file://localhost/etc/nope is absent.']);
    expect(e?.reasons[0]?.code).toBe('SMF-8000-E2');
  });

  it('an exclusion: "Service … is running." (SMF-8000-FJ)', () => {
    const t = run([svc('svc:/nwam'), svc('svc:/phys', { dependencies: [dep('x', 'exclude_all', ['svc:/nwam:default'])] })]);
    const e = at(t, t.endTime, 'svc:/phys:default');
    expect(e?.reasons[0]?.text).toBe('Service svc:/nwam:default is running.');
    expect(e?.reasons[0]?.code).toBe('SMF-8000-FJ');
  });

  it('disabled by an administrator (SMF-8000-05), temporarily (1S), with the -c comment', () => {
    const t = run([svc('svc:/a'), svc('svc:/b')], {
      actions: [
        { at: 500, run: 'svcadm disable -c "waiting for the vendor" svc:/a:default' },
        { at: 500, run: 'svcadm disable -t svc:/b:default' },
      ],
    });
    expect(at(t, 1000, 'svc:/a:default')?.reasons[0]?.text).toBe('Disabled by an administrator: waiting for the vendor');
    const b = at(t, 1000, 'svc:/b:default');
    expect(b?.reasons[0]).toMatchObject({ code: 'SMF-8000-1S', text: 'Temporarily disabled by an administrator.' });
  });

  it('svcs -x lists root causes, most impact first', () => {
    const t = run([...chain, svc('svc:/lonely', { start: { exit: 95 } })]);
    const s = createSeeker(t);
    const all = explainAll({ trace: t, statuses: s.atTime(t.endTime), files: s.filesAtTime(t.endTime) });
    expect(all.map((e) => e.fmri)).toEqual(['svc:/network/physical:default', 'svc:/lonely:default']);
  });

  it('online services have no Reason line and "Impact: None."', () => {
    const t = run([svc('svc:/a')]);
    const e = at(t, t.endTime, 'svc:/a:default');
    expect(e?.text.split('\n').slice(1)).toEqual([' State: online since Thu Jan  9 19:19:40 2025', '   See: /etc/svc/volatile/a:default.log', 'Impact: None.']);
  });
  it('era rules, not era tests (§11, era-rules.ts): a degraded start is SMF-8000-KS only where degraded exists, under that era’s message base', () => {
    const t = run([svc('svc:/d', { start: { exit: 97 } })]);
    const s = createSeeker(t);
    const statuses = s.atTime(t.endTime);
    expect(statuses.get('svc:/d:default')).toMatchObject({ state: 'degraded', aux: 'method_failed' });
    const today = explain({ trace: t, statuses, files: s.filesAtTime(t.endTime) }, 'svc:/d:default');
    expect(today?.reasons[0]).toMatchObject({ code: 'SMF-8000-KS', text: 'Start method exited with $SMF_EXIT_MON_DEGRADE.' });
    expect(today?.text).toContain('   See: http://illumos.org/msg/SMF-8000-KS');
    // The same status read as a 2009 svcs: 7711 had not implemented degraded, so explain.c knows no such reason.
    const old = explain({ trace: { ...t, era: '2009' }, statuses, files: s.filesAtTime(t.endTime) }, 'svc:/d:default');
    expect(old?.reasons[0]).toMatchObject({ code: 'SMF-8000-AR', text: 'Unknown.' });
    expect(old?.text).toContain('   See: http://sun.com/msg/SMF-8000-AR');
  });
});
