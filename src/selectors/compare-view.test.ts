import { describe, expect, it } from 'vitest';
import { compareTraces } from '../engine/compare.ts';
import { simulate } from '../engine/index.ts';
import { listConditions } from '../model/world/conditions.ts';
import { demoScenario, demoTrace } from '../testing/fixtures.ts';
import { comparableConditions, describeChange, diffCounts, diffRows, pickCondition } from './compare-view.ts';
import { ganttRows } from './gantt.ts';

describe('compare view rows', () => {
  it('describes what changed: state, presence, time', () => {
    expect(describeChange({ fmri: 'x', a: { state: 'maintenance', since: 1000 }, b: { state: 'online', since: 1000 }, differs: 'state' })).toBe('maintenance → online');
    expect(describeChange({ fmri: 'x', a: { state: 'online', since: 5750 }, b: { state: 'online', since: 2850 }, differs: 'time' })).toBe('online 2.900 s earlier');
    expect(describeChange({ fmri: 'x', a: { state: 'online', since: 100 }, b: { state: 'online', since: 600 }, differs: 'time' })).toBe('online 500 ms later');
    expect(describeChange({ fmri: 'x', b: { state: 'online', since: 1 }, differs: 'presence' })).toBe('only in B');
    expect(describeChange({ fmri: 'x', a: { state: 'online', since: 1 }, differs: 'presence' })).toBe('only in A');
  });

  it('lists only what differs, state changes before timing changes, with both boots’ bars', () => {
    const a = demoTrace();
    const b = simulate({ ...demoScenario(), milestone: 'none' });
    const c = compareTraces(a, b);
    const rows = diffRows(c, ganttRows(a), ganttRows(b));
    expect(rows.length).toBe(c.changed.length);
    expect(rows.every((r) => r.outcome.differs !== 'none')).toBe(true);
    const ranks = rows.map((r) => (r.outcome.differs === 'time' ? 1 : 0));
    expect([...ranks].sort()).toEqual(ranks);
    const db = rows.find((r) => r.fmri === 'svc:/site/db:default');
    expect(db?.change).toBe('online → disabled');
    expect(db?.barsA.length).toBeGreaterThan(0);
    expect(db?.barsB.length).toBeGreaterThan(0);
    const counts = diffCounts(rows);
    expect(counts.state + counts.presence + counts.time).toBe(rows.length);
  });

  it('identical boots have no rows', () => {
    const c = compareTraces(demoTrace(), demoTrace());
    expect(diffRows(c, ganttRows(demoTrace()), ganttRows(demoTrace()))).toEqual([]);
  });
});

describe('the condition B changes', () => {
  it('offers conditions with another value, and picks a valid condition and value', () => {
    const defs = listConditions(demoScenario());
    const list = comparableConditions(defs);
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((d) => d.options.some((o) => o.value !== d.value))).toBe(true);
    expect(pickCondition(defs, 'boot.verbose', 'yes')).toMatchObject({ def: { id: 'boot.verbose' }, value: 'yes' });
    // The current value is not a change: the first other value is used instead.
    expect(pickCondition(defs, 'boot.verbose', 'no')).toMatchObject({ def: { id: 'boot.verbose' }, value: 'yes' });
    // An unknown condition falls back to the first that is not a boot control (here a "what if" on a service).
    expect(pickCondition(defs, 'no.such', undefined)?.def.id).toBe(list.find((d) => d.group === 'services')?.id);
    // With a world, the first world condition comes before the boot controls.
    const world = [{ ...defs[0], id: 'devices.x', group: 'devices' as const, value: 'a', options: [{ value: 'a', label: 'a' }, { value: 'b', label: 'b' }] }, ...defs];
    expect(pickCondition(world as typeof defs, undefined, undefined)).toMatchObject({ def: { id: 'devices.x' }, value: 'b' });
  });
});
