import { describe, expect, it } from 'vitest';
import { BOTTOM_MAX, BOTTOM_MIN, createUiStore } from './ui-store.ts';
import { effectiveTheme, samePosition, searchMatches, selectPosition } from './selectors.ts';

describe('ui store', () => {
  it('is a factory: stores do not share state', () => {
    const a = createUiStore();
    const b = createUiStore();
    a.getState().select('svc:/x:default');
    expect(b.getState().selected).toBeUndefined();
  });

  it('seeks with or without a pin and clamps negative time', () => {
    const s = createUiStore();
    s.getState().seek({ t: 300, index: 7 });
    expect(selectPosition(s.getState())).toEqual({ t: 300, index: 7 });
    s.getState().setPlayhead(-5);
    expect(selectPosition(s.getState())).toEqual({ t: 0 });
    expect(samePosition({ t: 1 }, { t: 1 })).toBe(true);
    expect(samePosition({ t: 1, index: 2 }, { t: 1 })).toBe(false);
  });

  it('steps speed along the ladder and clamps the bottom panel', () => {
    const s = createUiStore();
    s.getState().faster();
    expect(s.getState().speed).toBe(2);
    s.getState().slower();
    s.getState().slower();
    expect(s.getState().speed).toBe(0.5);
    s.getState().setBottomHeight(5);
    expect(s.getState().bottomHeight).toBe(BOTTOM_MIN);
    s.getState().setBottomHeight(5000);
    expect(s.getState().bottomHeight).toBe(BOTTOM_MAX);
  });

  it('toggles breakpoints', () => {
    const s = createUiStore();
    s.getState().toggleServiceBreakpoint('svc:/a:default');
    s.getState().setBreakOnMaintenance(true);
    expect(s.getState().breakpoints).toEqual({ onMaintenance: true, services: ['svc:/a:default'] });
    s.getState().toggleServiceBreakpoint('svc:/a:default');
    expect(s.getState().breakpoints.services).toEqual([]);
  });
});

describe('selectors', () => {
  it('resolves the theme', () => {
    expect(effectiveTheme('system', true)).toBe('dark');
    expect(effectiveTheme('system', false)).toBe('light');
    expect(effectiveTheme('light', true)).toBe('light');
  });

  it('searches FMRIs and common names', () => {
    const items = [
      { id: 'svc:/site/db:default', text: 'database' },
      { id: 'svc:/network/physical:default', text: 'physical network interfaces' },
    ];
    expect(searchMatches('', items)).toBeUndefined();
    expect([...(searchMatches('DATA', items) ?? [])]).toEqual(['svc:/site/db:default']);
    expect([...(searchMatches('network', items) ?? [])]).toEqual(['svc:/network/physical:default']);
    expect(searchMatches('zzz', items)?.size).toBe(0);
  });
});
