import { describe, expect, it } from 'vitest';
import { createSeeker, type InstanceStatus } from '../engine/index.ts';
import { demoTrace, failingTrace } from '../testing/fixtures.ts';
import { findBreak, NO_BREAKPOINTS, toggleServiceBreakpoint } from './breakpoints.ts';
import { buildDependencyIndex, dependencyClosure, dependentClosure } from './dependencies.ts';
import { criticalChain, runTimes } from './critical-chain.ts';
import { axisTicks, barAt, ganttRows } from './gantt.ts';
import { dependencyFacts, dependentFacts, stateHistory } from './instance-facts.ts';
import { announceChanges, describeRecord, stateChanges } from './narrate.ts';
import { methodRunning, visualState, worstState } from './visual-state.ts';

const base: InstanceStatus = { state: 'offline', next: 'none', aux: 'none', since: 0, enabled: true, temporary: false, configured: true, present: true };

describe('visualState', () => {
  it('maps svcs states and transitions to what the user sees', () => {
    expect(visualState(base)).toBe('offline');
    expect(visualState({ ...base, next: 'online' })).toBe('starting');
    expect(visualState({ ...base, state: 'online', next: 'offline' })).toBe('stopping');
    expect(visualState({ ...base, state: 'online' })).toBe('online');
    expect(visualState({ ...base, state: 'maintenance' })).toBe('maintenance');
    expect(visualState({ ...base, present: false })).toBe('absent');
    expect(visualState(undefined)).toBe('absent');
    expect(methodRunning({ ...base, method: 'start' })).toBe(true);
    expect(worstState(['online', 'disabled', 'maintenance'])).toBe('maintenance');
    expect(worstState(['online', 'disabled'])).toBe('online');
    expect(worstState([])).toBe('absent');
  });
});

describe('dependency index', () => {
  const trace = failingTrace();
  const index = buildDependencyIndex(trace);

  it('resolves service targets to their instances and records dependents', () => {
    const app = index.deps.get('svc:/site/app:default');
    expect(app?.[0]?.targets[0]?.instances).toEqual(['svc:/site/db:default']);
    const web = index.deps.get('svc:/site/web:default');
    expect(web?.map((g) => g.grouping)).toEqual(['optional_all', 'require_any']);
    expect(web?.[0]?.targets[0]).toMatchObject({ declared: 'svc:/site/app', kind: 'service', instances: ['svc:/site/app:default'] });
    expect(index.dependents.get('svc:/site/db:default')?.map((d) => d.fmri)).toEqual(['svc:/site/app:default']);
    expect(index.dependents.get('file://localhost/dev/ipmpstub')?.map((d) => d.fmri)).toEqual(['svc:/site/ipmp:default']);
  });

  it('computes transitive closures without exclusions', () => {
    expect([...dependencyClosure(index, 'svc:/site/app:default')].sort()).toEqual(['svc:/site/db:default', 'svc:/site/net:default']);
    expect([...dependentClosure(index, 'svc:/site/net:default')].sort()).toEqual(['svc:/site/app:default', 'svc:/site/db:default', 'svc:/site/web:default']);
    // legacy excludes web: not a dependency for focus purposes.
    expect(dependencyClosure(index, 'svc:/site/legacy:default').size).toBe(0);
  });

  it('describes groups with each target state at an instant (svcs -l)', () => {
    const seeker = createSeeker(trace);
    const end = seeker.atTime(trace.endTime);
    const files = seeker.filesAtTime(trace.endTime);
    const facts = dependencyFacts(index, 'svc:/site/app:default', end, files);
    expect(facts[0]).toMatchObject({ name: 'db', grouping: 'require_all', restartOn: 'error' });
    expect(facts[0]?.targets[0]).toMatchObject({ id: 'svc:/site/db:default', label: 'maintenance', state: 'maintenance' });
    const ipmp = dependencyFacts(index, 'svc:/site/ipmp:default', end, files);
    expect(ipmp[0]?.targets[0]).toMatchObject({ label: 'absent', state: 'file-missing' });
    const deps = dependentFacts(index, 'svc:/site/app:default', end);
    expect(deps.map((d) => d.fmri)).toEqual(['svc:/site/web:default']);
  });
});

describe('gantt rows', () => {
  it('covers each instance from 0 to the end with contiguous bars', () => {
    const trace = demoTrace();
    const rows = ganttRows(trace);
    expect(rows).toHaveLength(trace.instances.length);
    for (const row of rows) {
      expect(row.bars[0]?.start).toBe(0);
      for (let k = 1; k < row.bars.length; k++) expect(row.bars[k]?.start).toBe(row.bars[k - 1]?.end);
      const last = row.bars[row.bars.length - 1];
      expect(last?.open).toBe(true);
      expect(last?.end).toBe(trace.endTime);
    }
    // Sorted by first start: site/net starts first.
    expect(rows[0]?.fmri).toBe('svc:/site/net:default');
  });

  it('shows the db restart: online, stopping, starting, online again, and a fault marker', () => {
    const rows = ganttRows(demoTrace());
    const db = rows.find((r) => r.fmri === 'svc:/site/db:default');
    expect(db?.bars.map((b) => [b.kind, b.start, b.end])).toEqual([
      ['offline', 0, 300],
      ['starting', 300, 1100],
      ['online', 1100, 5000],
      ['stopping', 5000, 5010],
      ['starting', 5010, 5810],
      ['online', 5810, 6210],
    ]);
    expect(db?.markers.map((m) => m.kind)).toContain('fault');
    expect(db !== undefined && barAt(db, 5500)?.kind).toBe('starting');
    expect(db !== undefined && barAt(db, 99_999)?.kind).toBe('online');
  });

  it('marks failed methods and maintenance', () => {
    const rows = ganttRows(failingTrace());
    const db = rows.find((r) => r.fmri === 'svc:/site/db:default');
    expect(db?.markers.filter((m) => m.kind === 'fail')).toHaveLength(3);
    expect(db?.bars[db.bars.length - 1]?.kind).toBe('maintenance');
    const ipmp = rows.find((r) => r.fmri === 'svc:/site/ipmp:default');
    expect(ipmp?.firstStart).toBe(Infinity);
  });

  it('picks round axis ticks', () => {
    expect(axisTicks(6210, 6)).toEqual([0, 2000, 4000, 6000]);
    expect(axisTicks(1000, 5)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(axisTicks(0)).toEqual([0]);
  });
});

describe('critical chain', () => {
  it('follows what each service waited for, latest first', () => {
    const trace = demoTrace();
    const index = buildDependencyIndex(trace);
    const times = runTimes(trace);
    const first = criticalChain(index, times, 'svc:/site/app:default', 2000);
    expect(first.map((l) => [l.id, l.startedAt, l.readyAt])).toEqual([
      ['svc:/site/app:default', 1100, 1500],
      ['svc:/site/db:default', 300, 1100],
      ['svc:/site/net:default', 0, 300],
    ]);
    // After the crash, app's latest start (5810) waited for db's restart.
    const second = criticalChain(index, times, 'svc:/site/app:default', trace.endTime);
    expect(second.map((l) => [l.id, l.startedAt])).toEqual([
      ['svc:/site/app:default', 5810],
      ['svc:/site/db:default', 5010],
      ['svc:/site/net:default', 0],
    ]);
  });

  it('stops at a service that never started', () => {
    const trace = failingTrace();
    const chain = criticalChain(buildDependencyIndex(trace), runTimes(trace), 'svc:/site/app:default', trace.endTime);
    expect(chain).toEqual([{ id: 'svc:/site/app:default' }]);
  });
});

describe('breakpoints', () => {
  const trace = failingTrace();
  it('finds the first maintenance transition in a window', () => {
    expect(findBreak(trace, -1, trace.endTime, NO_BREAKPOINTS)).toBeUndefined();
    const hit = findBreak(trace, -1, trace.endTime, { onMaintenance: true, services: [] });
    expect(hit?.fmri).toBe('svc:/site/db:default');
    expect(hit?.t).toBe(900);
    expect(trace.records[hit?.index ?? -1]).toMatchObject({ kind: 'status', to: 'maintenance' });
    expect(findBreak(trace, -1, 899, { onMaintenance: true, services: [] })).toBeUndefined();
  });

  it('pauses when a watched service changes state (not on next-state only)', () => {
    const bp = toggleServiceBreakpoint(NO_BREAKPOINTS, 'svc:/site/net:default');
    const hit = findBreak(trace, -1, trace.endTime, bp);
    expect(hit?.message).toContain('site/net:default');
    expect(hit?.t).toBe(0);
    const after = findBreak(trace, hit?.index ?? 0, trace.endTime, bp);
    expect(after?.t).toBe(300);
    expect(toggleServiceBreakpoint(bp, 'svc:/site/net:default').services).toEqual([]);
  });
});

describe('narration', () => {
  it('describes records and announces changes briefly', () => {
    const trace = demoTrace();
    const lines = trace.records.map(describeRecord);
    expect(lines.some((l) => l.text.includes('offline → offline*'))).toBe(true);
    expect(lines.find((l) => l.text.startsWith('# fault'))?.tone).toBe('info');
    const seeker = createSeeker(trace);
    const changes = stateChanges(trace, seeker.atTime(1000), seeker.atTime(1600));
    expect(changes.map((c) => c.fmri)).toEqual(['svc:/site/db:default', 'svc:/site/app:default', 'svc:/site/report:default', 'svc:/site/cache:default']);
    expect(announceChanges(changes, 2)).toBe('site/db:default online; site/app:default online; and 2 more.');
    expect(announceChanges([])).toBe('');
  });

  it('lists the state history of an instance with record indexes', () => {
    const trace = demoTrace();
    const h = stateHistory(trace, 'svc:/site/db:default');
    expect(h[0]).toMatchObject({ t: 0, from: 'uninitialized', to: 'offline' });
    expect(h.every((e) => trace.records[e.index]?.kind === 'status')).toBe(true);
  });
});
