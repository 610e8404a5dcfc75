import { describe, expect, it } from 'vitest';
import { demoScenario } from '../testing/fixtures.ts';
import { createSession, type Clock } from './create-session.ts';
import { inlineDocument } from './document.ts';
import { SLOW_FRAME_MS, type FrameTimers } from './frame-store.ts';

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
