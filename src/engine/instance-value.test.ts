/** The instance value rule, dependency_satisfied() for an instance (docs/smf-semantics.md §3.3), table-driven. */
import { describe, expect, it } from 'vitest';
import { instanceValue, type ValuedInstance } from './instance-value.ts';
import { ERA_RULES } from '../model/smf/era-rules.ts';

const base: ValuedInstance = { configured: true, deathrow: false, toDisable: false, toOffline: false, state: 'offline', enabled: true };
const today = ERA_RULES['2025'];
const y2009 = ERA_RULES['2009'];

describe('§3.3 the value of an instance vertex', () => {
  const rows: [string, Partial<ValuedInstance> | undefined, boolean, 1 | 0 | -1 | 'deep'][] = [
    ['absent from the repository', undefined, true, -1],
    ['unconfigured', { configured: false }, true, -1],
    ['unconfigured, on deathrow', { configured: false, deathrow: true }, true, 1],
    ['online', { state: 'online' }, false, 1],
    ['degraded', { state: 'degraded' }, true, 1],
    ['online, GV_TODISABLE', { state: 'online', toDisable: true, toOffline: true }, false, -1],
    ['online, GV_TOOFFLINE', { state: 'online', toOffline: true }, false, 0],
    ['offline, sat=false', { state: 'offline' }, false, 0],
    ['offline, sat=true: its own dependencies decide', { state: 'offline' }, true, 'deep'],
    ['disabled, sat=false', { state: 'disabled', enabled: false }, false, 0],
    ['disabled for real', { state: 'disabled', enabled: false }, true, -1],
    ['enabled but still in disabled (ENABLE on the way): its dependencies decide', { state: 'disabled', enabled: true }, true, 'deep'],
    ['maintenance', { state: 'maintenance' }, false, -1],
    ['uninitialized', { state: 'uninitialized' }, true, 0],
  ];
  for (const [name, patch, sat, want] of rows) {
    it(name, () => {
      expect(instanceValue(patch === undefined ? undefined : { ...base, ...patch }, sat, today)).toBe(want);
    });
  }

  it('2009 (§11): anything in an admin-disable subtree is unsatisfiable', () => {
    expect(instanceValue({ ...base, state: 'online', toOffline: true }, false, y2009)).toBe(-1);
    expect(instanceValue({ ...base, state: 'online', toOffline: true }, false, today)).toBe(0);
  });
});
