import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import graph2009 from '../../fixtures/graphs/illumos-2009.json' with { type: 'json' };
import { problemGroups } from '../engine/problems.ts';
import { validateScenario } from '../model/scenario/validate.ts';
import { filesAtIndex } from '../selectors/files.ts';
import { demoScenario, failingBootScenario } from '../testing/fixtures.ts';
import type { Scenario } from '../model/scenario/types.ts';
import { createSession, type Clock } from './create-session.ts';
import { inlineDocument } from './document.ts';
import { FRAMES_KEPT, SLOW_FRAME_MS, type Frame, type FrameTimers } from './frame-store.ts';

const still: Clock = { requestFrame: () => 0, cancelFrame: () => undefined };

class ManualTimers implements FrameTimers {
  t = 0;
  private next = 1;
  readonly due = new Map<number, { at: number; fn: () => void }>();
  set(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.due.set(id, { at: this.t + ms, fn });
    return id;
  }
  clear(h: unknown): void {
    this.due.delete(h as number);
  }
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
    for (const [id, d] of [...this.due]) {
      if (d.at <= this.t) {
        this.due.delete(id);
        d.fn();
      }
    }
  }
}

function session(timers = new ManualTimers()) {
  const s = createSession({ doc: inlineDocument(demoScenario()), clock: still, timers });
  return { s, timers };
}

describe('frame store', () => {
  it('publishes a new frame only when the record index changes', () => {
    const { s } = session();
    const run = s.runs.current();
    if (run === undefined) throw new Error('no run');
    let published = 0;
    s.frames.subscribe(() => published++);
    const records = run.trace.records;
    const r0 = records[0];
    const r1 = records.find((r) => r.t > (r0?.t ?? 0));
    if (r0 === undefined || r1 === undefined) throw new Error('trace too short');
    s.ui.getState().setPlayhead(r0.t);
    const at0 = s.frames.getFrame();
    expect(published).toBe(1);
    // Moving within the same instant (no new record) publishes nothing.
    s.ui.getState().setPlayhead(r0.t + (r1.t - r0.t) / 2);
    expect(published).toBe(1);
    expect(s.frames.getFrame()).toBe(at0);
    s.ui.getState().setPlayhead(r1.t);
    expect(published).toBe(2);
    expect(s.frames.getFrame().index).toBeGreaterThan(at0.index);
    expect(s.frames.getFrame().statuses).toEqual(run.seeker.atIndex(s.frames.getFrame().index));
  });

  it('the slow frame follows at once when paused, and at most every SLOW_FRAME_MS while playing', () => {
    const { s, timers } = session();
    const run = s.runs.current();
    if (run === undefined) throw new Error('no run');
    const times = [...new Set(run.trace.records.map((r) => r.t))];
    s.ui.getState().setPlayhead(times[0] ?? 0);
    expect(s.frames.getSlowFrame()).toBe(s.frames.getFrame());
    s.player.send({ type: 'PLAY' });
    s.ui.getState().setPlayhead(times[1] ?? 0);
    s.ui.getState().setPlayhead(times[2] ?? 0);
    expect(s.frames.getSlowFrame()).not.toBe(s.frames.getFrame());
    timers.advance(SLOW_FRAME_MS);
    expect(s.frames.getSlowFrame()).toBe(s.frames.getFrame());
    s.ui.getState().setPlayhead(times[3] ?? 0);
    expect(s.frames.getSlowFrame()).not.toBe(s.frames.getFrame());
    s.player.send({ type: 'PAUSE' });
    expect(s.frames.getSlowFrame()).toBe(s.frames.getFrame());
    s.dispose();
  });
});

function scenario2009(): Scenario {
  const v = validateScenario(graph2009);
  if (!v.ok) throw new Error('fixture does not validate');
  return v.scenario;
}

describe('frames kept per run and record index', () => {
  const sessions = [demoScenario(), failingBootScenario(), scenario2009()].map((sc) => createSession({ doc: inlineDocument(sc), clock: still, timers: new ManualTimers() }));
  type S = (typeof sessions)[number];
  /** Stand on record `i` (stepping, as the transport's ← → do). */
  const seekRecord = (s: S, i: number): void => {
    const t = s.runs.current()?.trace.records[i]?.t ?? 0;
    s.ui.getState().seek({ t, index: i });
  };

  it('give what a fresh computation gives, and the problem list on them is the full one (fast-check over real runs)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: sessions.length - 1 }),
        // Records visited again and again (a person stepping back and forth), and others.
        fc.array(
          fc.oneof(fc.record({ revisit: fc.integer({ min: 0, max: 7 }), step: fc.integer({ min: 0, max: 2 }) }), fc.double({ min: 0, max: 1, noNaN: true }).map((at) => ({ at }))),
          { minLength: 1, maxLength: 3 * FRAMES_KEPT },
        ),
        (k, visits) => {
          const s = sessions[k];
          const run = s?.runs.current();
          if (s === undefined || run === undefined) throw new Error('no run');
          const n = run.trace.records.length;
          for (const v of visits) {
            // A few records and their next ones (stepping), or any record.
            const j = Math.min(n - 1, 'revisit' in v ? Math.floor((v.revisit * n) / 8) + v.step : Math.floor(v.at * n));
            seekRecord(s, j);
            const f = s.frames.getFrame();
            const fresh: Frame = { index: j, statuses: run.seeker.atIndex(j), files: filesAtIndex(run.trace, j), t: run.trace.records[j]?.t ?? 0 };
            expect(f).toEqual(fresh);
            // Fresh maps are keys no memo has seen: the problem list computed from scratch.
            const ctx = (x: Frame) => ({ trace: run.trace, statuses: x.statuses, files: x.files });
            expect(problemGroups(ctx(f))).toEqual(problemGroups(ctx(fresh)));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('a record shown again is the same frame object (its memos hit), as long as it is among the FRAMES_KEPT last shown', () => {
    const s = createSession({ doc: inlineDocument(scenario2009()), clock: still, timers: new ManualTimers() });
    const run = s.runs.current();
    if (run === undefined) throw new Error('no run');
    expect(run.trace.records.length).toBeGreaterThan(FRAMES_KEPT + 10);
    seekRecord(s, 3);
    const first = s.frames.getFrame();
    seekRecord(s, 7);
    expect(s.frames.getFrame()).not.toBe(first);
    seekRecord(s, 3);
    expect(s.frames.getFrame()).toBe(first);
    // More records than are kept: the first one is computed again (an equal, new object).
    for (let i = 8; i <= 8 + FRAMES_KEPT; i++) seekRecord(s, i);
    seekRecord(s, 3);
    expect(s.frames.getFrame()).not.toBe(first);
    expect(s.frames.getFrame()).toEqual(first);
    s.dispose();
  });
});
