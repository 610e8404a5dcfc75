/** Feedback after every change (issue 13): the outcome summary and the playhead policy. */
import { describe, expect, it } from 'vitest';
import { dep, run, svc } from '../engine/testing/scenario-builder.ts';
import type { Trace } from '../engine/trace.ts';
import { effectiveIndex } from '../selectors/playhead.ts';
import { outcomeChange, playheadAfterChange } from './change-feedback.ts';

const boot = (aExit: number, aDuration = 100, extra = 0): Trace =>
  run([
    svc('svc:/a', { start: { duration: aDuration, exit: aExit } }),
    svc('svc:/b', { start: { duration: 200 + extra }, dependencies: [dep('a', 'require_all', ['svc:/a:default'])] }),
    svc('svc:/c', { start: { duration: 50 } }),
  ]);

describe('outcomeChange', () => {
  it('names the services that end differently, from → to, and the new boot length', () => {
    const before = boot(96);
    const after = boot(0);
    const c = outcomeChange(before, after);
    expect(c.changed).toEqual([
      { fmri: 'svc:/a:default', from: 'maintenance', to: 'online' },
      { fmri: 'svc:/b:default', from: 'offline', to: 'online' },
    ]);
    expect(c.endAfter).toBe(after.endTime);
    expect(c.headline).toBe('2 services end differently');
    expect(c.length).toMatch(/^The boot now takes .* \(was .*\)\.$/);
  });

  it('lists a failure that appears or goes away before the services that merely follow it', () => {
    // The dependent is declared first, so in trace order it would come first.
    const dependentFirst = (exit: number) =>
      run([svc('svc:/b', { dependencies: [dep('a', 'require_all', ['svc:/a:default'])] }), svc('svc:/a', { start: { duration: 100, exit } })]);
    const c = outcomeChange(dependentFirst(96), dependentFirst(0));
    expect(c.changed.map((x) => x.fmri)).toEqual(['svc:/a:default', 'svc:/b:default']);
    expect(c.changed[0]).toEqual({ fmri: 'svc:/a:default', from: 'maintenance', to: 'online' });
  });

  it('says when no service ends differently', () => {
    const c = outcomeChange(boot(0), boot(0, 100, 50));
    expect(c.changed).toEqual([]);
    expect(c.headline).toBe('No service ends differently');
    expect(c.length).toMatch(/^The boot now takes/);
  });
});

describe('playheadAfterChange', () => {
  it('at the end of the boot it stays at the end (of the new, longer boot)', () => {
    const before = boot(96);
    const after = boot(0);
    expect(after.endTime).toBeGreaterThan(before.endTime);
    expect(playheadAfterChange(before, after, { t: before.endTime })).toEqual({ t: after.endTime });
  });

  it('elsewhere it stays on the same event when that event still exists, even if it moved in time', () => {
    const before = boot(0, 100);
    const after = boot(0, 300);
    // The playhead on c's start method exiting (c does not depend on a, so it keeps its instant) …
    const cEnd = before.records.findIndex((r) => r.kind === 'method' && r.fmri === 'svc:/c:default' && r.phase === 'end');
    const p1 = playheadAfterChange(before, after, { t: before.records[cEnd]?.t ?? 0, index: cEnd });
    expect(after.records[p1.index ?? -1]).toMatchObject({ kind: 'method', fmri: 'svc:/c:default', phase: 'end' });
    // … and on b's start method beginning, which now happens later (a takes longer).
    const bBegins = before.records.findIndex((r) => r.kind === 'method' && r.fmri === 'svc:/b:default' && r.phase === 'begin');
    const p2 = playheadAfterChange(before, after, { t: before.records[bBegins]?.t ?? 0, index: bBegins });
    const r2 = after.records[p2.index ?? -1];
    expect(r2).toMatchObject({ kind: 'method', fmri: 'svc:/b:default', phase: 'begin' });
    expect(p2.t).toBe(r2?.t);
    expect(p2.t).toBeGreaterThan(before.records[bBegins]?.t ?? 0);
  });

  it('when the event is gone, the same time, clamped to the new end; never past the end', () => {
    const before = boot(0);
    const after = boot(96);
    const bOnline = before.records.findIndex((r) => r.kind === 'status' && r.fmri === 'svc:/b:default' && r.to === 'online' && r.from !== 'online');
    const t = before.records[bOnline]?.t ?? 0;
    const p = playheadAfterChange(before, after, { t, index: bOnline });
    expect(p).toEqual({ t: Math.min(t, after.endTime) });
    expect(p.t).toBeLessThanOrEqual(after.endTime);
    expect(effectiveIndex(after.records, p)).toBeLessThanOrEqual(after.records.length - 1);
  });

  it('before any event, it stays at the same time', () => {
    expect(playheadAfterChange(boot(0), boot(96), { t: 0, index: -1 })).toEqual({ t: 0 });
  });
});

describe('playheadAfterChange after a command at the playhead', () => {
  it('an unpinned playhead whose event kept its instant stays at that time (after everything at it, the command included)', () => {
    const before = boot(0);
    const after = run(
      [
        svc('svc:/a', { start: { duration: 100, exit: 0 } }),
        svc('svc:/b', { start: { duration: 200 }, dependencies: [dep('a', 'require_all', ['svc:/a:default'])] }),
        svc('svc:/c', { start: { duration: 50 } }),
      ],
      { actions: [{ at: 150, run: 'svcadm disable svc:/c:default' }] },
    );
    expect(playheadAfterChange(before, after, { t: 150 })).toEqual({ t: 150 });
  });
});

describe('playheadAfterChange when a command is removed', () => {
  it('an event caused by the removed command is not matched to a like event a later command causes', () => {
    const services = [
      svc('svc:/db', { start: { duration: 10 }, model: 'contract' }),
      svc('svc:/cache', { start: { duration: 10 }, dependencies: [dep('db', 'require_all', ['svc:/db:default'], 'restart')] }),
    ];
    const fault = { at: 5000, run: 'fault svc:/db:default core' };
    const withRestart = run(services, { actions: [{ at: 2000, run: 'svcadm restart svc:/db:default' }, fault] });
    const without = run(services, { actions: [fault] });
    const stops = withRestart.records.findIndex((r) => r.kind === 'status' && r.fmri === 'svc:/cache:default' && r.from === 'online' && r.to === 'offline');
    const t = withRestart.records[stops]?.t ?? 0;
    expect(t).toBeLessThan(5000);
    expect(playheadAfterChange(withRestart, without, { t: t + 5 })).toEqual({ t: t + 5 });
  });
});
