import { describe, expect, it } from 'vitest';
import { createSeeker } from '../engine/index.ts';
import { demoTrace } from '../testing/fixtures.ts';
import {
  effectiveIndex, faster, formatTime, instants, lastIndexAtOrBefore, nextInstant, parseTime, prevInstant, slower, SPEEDS, stepBack, stepForward,
  type Position,
} from './playhead.ts';

const trace = demoTrace();
const records = trace.records;

describe('playhead positions', () => {
  it('agrees with the engine seeker when not pinned', () => {
    const seeker = createSeeker(trace);
    for (const t of [0, 1, 299, 300, 5019, 5020, 6210, 99999]) {
      expect(effectiveIndex(records, { t })).toBe(seeker.indexAtTime(t));
      expect(lastIndexAtOrBefore(records, t)).toBe(seeker.indexAtTime(t));
    }
  });

  it('steps forward through every record, then stops', () => {
    let pos: Position = { t: 0, index: -1 };
    const seen: number[] = [];
    for (;;) {
      const next = stepForward(records, pos);
      if (next === undefined) break;
      seen.push(effectiveIndex(records, next));
      expect(next.t).toBe(records[effectiveIndex(records, next)]?.t);
      pos = next;
    }
    expect(seen).toEqual(records.map((_, i) => i));
  });

  it('steps back through every record to the initial state', () => {
    let pos: Position = { t: trace.endTime };
    const seen: number[] = [effectiveIndex(records, pos)];
    for (;;) {
      const prev = stepBack(records, pos);
      if (prev === undefined) break;
      seen.push(effectiveIndex(records, prev));
      pos = prev;
    }
    expect(seen[seen.length - 1]).toBe(-1);
    expect(seen).toEqual([...records.keys()].reverse().concat([-1]));
  });

  it('a pin that no longer matches the trace falls back to the instant', () => {
    expect(effectiveIndex(records, { t: 5020, index: 3 })).toBe(lastIndexAtOrBefore(records, 5020));
  });

  it('jumps between instants', () => {
    const all = instants(records);
    expect(all[0]).toBe(0);
    let pos: Position = { t: 0, index: -1 };
    const visited: number[] = [];
    for (;;) {
      const n = nextInstant(records, pos);
      if (n === undefined) break;
      visited.push(n.t);
      pos = n;
    }
    expect(visited).toEqual(all);
    const back: number[] = [];
    for (;;) {
      const p = prevInstant(records, pos);
      if (p === undefined) break;
      back.push(p.t);
      pos = p;
    }
    expect(back).toEqual([...all.slice(0, -1)].reverse().concat([0]));
    expect(effectiveIndex(records, pos)).toBe(-1);
  });
});

describe('speed and time formatting', () => {
  it('moves through the speed ladder and clamps at both ends', () => {
    expect(faster(1)).toBe(2);
    expect(slower(1)).toBe(0.5);
    expect(faster(100)).toBe(100);
    expect(slower(0.1)).toBe(0.1);
    expect(SPEEDS[0]).toBe(0.1);
    expect(SPEEDS[SPEEDS.length - 1]).toBe(100);
  });

  it('formats and parses times', () => {
    expect(formatTime(45)).toBe('45 ms');
    expect(formatTime(5020)).toBe('5.020 s');
    expect(formatTime(125_300)).toBe('2 min 05.300 s');
    expect(parseTime('5020')).toBe(5020);
    expect(parseTime('5.02 s')).toBe(5020);
    expect(parseTime('300ms')).toBe(300);
    expect(parseTime('1 min 2 s')).toBe(62_000);
    expect(parseTime('soon')).toBeUndefined();
    expect(parseTime('')).toBeUndefined();
  });
});
