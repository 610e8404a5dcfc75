/**
 * Rule 8 of issue 2: svcadm at simulated times (docs/smf-semantics.md §9), with
 * admin disable stopping dependents leaf-first (§4.5).
 */
import { describe, expect, it } from 'vitest';
import { dep, entered, final, run, starts, svc } from './testing/scenario-builder.ts';

describe('§9 svcadm', () => {
  it('enable brings a disabled instance up; disable takes it down (persistent)', () => {
    const t = run([svc('svc:/a', { instances: { default: { enabled: false } } })], {
      actions: [
        { at: 1000, run: 'svcadm enable svc:/a:default' },
        { at: 2000, run: 'svcadm disable a' },
      ],
    });
    expect(entered(t, 'svc:/a', 'online')).toEqual([1100]);
    const s = final(t, 'svc:/a');
    expect(s.state).toBe('disabled');
    expect(s.temporary).toBe(false);
  });

  it('disable -t is temporary (svcs -x: Temporarily disabled, SMF-8000-1S)', () => {
    const t = run([svc('svc:/a')], { actions: [{ at: 1000, run: 'svcadm disable -t svc:/a:default' }] });
    expect(final(t, 'svc:/a').temporary).toBe(true);
  });

  it('enable -r also enables require_all and require_any service dependencies', () => {
    const t = run(
      [
        svc('svc:/dep', { instances: { default: { enabled: false } } }),
        svc('svc:/opt', { instances: { default: { enabled: false } } }),
        svc('svc:/a', {
          instances: { default: { enabled: false } },
          dependencies: [dep('d', 'require_all', ['svc:/dep:default']), dep('o', 'optional_all', ['svc:/opt:default'])],
        }),
      ],
      { actions: [{ at: 1000, run: 'svcadm enable -r svc:/a:default' }] },
    );
    expect(final(t, 'svc:/dep').state).toBe('online');
    expect(final(t, 'svc:/a').state).toBe('online');
    expect(final(t, 'svc:/opt').state).toBe('disabled');
  });

  it('enable does not clear maintenance; clear does (maintenance → uninitialized → offline → online)', () => {
    const t = run([svc('svc:/a', { start: { duration: 10, exit: [95, 0] } })], {
      actions: [
        { at: 1000, run: 'svcadm enable svc:/a:default' },
        { at: 2000, run: 'svcadm clear svc:/a:default' },
      ],
    });
    expect(entered(t, 'svc:/a', 'maintenance')).toEqual([10]);
    expect(entered(t, 'svc:/a', 'uninitialized')).toEqual([2000]);
    expect(entered(t, 'svc:/a', 'online')).toEqual([2010]);
    const cleared = t.records.find((r) => r.kind === 'status' && r.to === 'uninitialized' && r.t === 2000);
    expect(cleared?.kind === 'status' && cleared.reason).toBe('clear_request');
  });

  it('clear on an instance that is neither in maintenance nor degraded is an error', () => {
    const t = run([svc('svc:/a')], { actions: [{ at: 1000, run: 'svcadm clear svc:/a:default' }] });
    const a = t.records.find((r) => r.kind === 'action');
    expect(a?.kind === 'action' && a.output[0]).toBe('svcadm: Instance "svc:/a:default" is not in a maintenance or degraded state.');
  });

  it('restart of a running instance stops and starts it; of a stopped one is ignored', () => {
    const t = run([svc('svc:/a', { start: { duration: 10 } }), svc('svc:/b', { instances: { default: { enabled: false } } })], {
      actions: [
        { at: 1000, run: 'svcadm restart svc:/a:default' },
        { at: 1000, run: 'svcadm restart svc:/b:default' },
      ],
    });
    expect(starts(t, 'svc:/a')).toEqual([0, 1010]);
    expect(starts(t, 'svc:/b')).toEqual([]);
  });

  it('mark maintenance runs the stop method; mark -I goes at once', () => {
    const t = run([svc('svc:/a', { stop: { duration: 300 } }), svc('svc:/b', { stop: { duration: 300 } })], {
      actions: [
        { at: 1000, run: 'svcadm mark maintenance svc:/a:default' },
        { at: 1000, run: 'svcadm mark -I maintenance svc:/b:default' },
      ],
    });
    expect(entered(t, 'svc:/a', 'maintenance')).toEqual([1300]);
    expect(entered(t, 'svc:/b', 'maintenance')).toEqual([1000]);
    expect(final(t, 'svc:/a').aux).toBe('administrative_request');
  });

  it('mark degraded only from online (2025)', () => {
    const t = run([svc('svc:/a')], { actions: [{ at: 1000, run: 'svcadm mark degraded svc:/a:default' }] });
    expect(final(t, 'svc:/a').state).toBe('degraded');
  });

  it('an operand that matches nothing is reported like svcadm does', () => {
    const t = run([svc('svc:/a')], { actions: [{ at: 10, run: 'svcadm enable svc:/nope:default' }] });
    const a = t.records.find((r) => r.kind === 'action');
    expect(a?.kind === 'action' && a.ok).toBe(false);
    expect(a?.kind === 'action' && a.output[0]).toContain("doesn't match any instances");
  });
});

describe('§4.5 administrative disable stops dependents first, leaf-first', () => {
  it('dependents through restart groups stop before the disabled instance; none/error groups keep running', () => {
    const t = run(
      [
        svc('svc:/x', { stop: { duration: 100 } }),
        svc('svc:/mid', { dependencies: [dep('x', 'require_all', ['svc:/x:default'], 'restart')], stop: { duration: 100 } }),
        svc('svc:/leaf', { dependencies: [dep('mid', 'require_all', ['svc:/mid:default'], 'restart')], stop: { duration: 100 } }),
        svc('svc:/keep', { dependencies: [dep('x', 'require_all', ['svc:/x:default'], 'none')], stop: { duration: 100 } }),
      ],
      { actions: [{ at: 1000, run: 'svcadm disable svc:/x:default' }] },
    );
    const stopBegins = t.records
      .filter((r) => r.kind === 'method' && r.method === 'stop' && r.phase === 'begin')
      .map((r) => (r.kind === 'method' ? `${r.t} ${r.fmri}` : ''));
    expect(stopBegins).toEqual(['1000 svc:/leaf:default', '1100 svc:/mid:default', '1200 svc:/x:default']);
    expect(final(t, 'svc:/x').state).toBe('disabled');
    expect(final(t, 'svc:/leaf').state).toBe('offline');
    expect(final(t, 'svc:/keep').state).toBe('online');
  });
});
