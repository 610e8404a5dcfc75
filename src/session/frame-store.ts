/**
 * The frame at the playhead, outside React: the record index the playhead
 * stands on, the statuses and files after it, and its instant. Recomputed
 * only when the run or the record index changes (the playhead moves every
 * animation frame while playing; most frames land on the same record). A
 * second, slow frame follows it at most every SLOW_FRAME_MS while playing,
 * for text-heavy panels; when paused it is the frame itself. Views select
 * the slices they show (react/frame.ts), so a tick re-renders only what
 * changed.
 */
import type { InstanceStatus } from '../engine/index.ts';
import { filesAtIndex } from '../selectors/files.ts';
import { effectiveIndex } from '../selectors/playhead.ts';
import { selectPosition } from '../store/selectors.ts';
import type { UiStore } from '../store/ui-store.ts';
import { isPlaying, type PlayerActor } from './player.machine.ts';
import type { Run } from './derive-run.ts';
import type { RunStore } from './run-store.ts';

export interface Frame {
  /** Index of the last record applied (-1: none). */
  readonly index: number;
  readonly statuses: ReadonlyMap<string, InstanceStatus>;
  readonly files: ReadonlySet<string>;
  /** The instant of the state shown (the record's time; 0 before any record). */
  readonly t: number;
}

/** While playing, the slow frame follows at most this often. */
export const SLOW_FRAME_MS = 250;

/**
 * Frames kept per run, the most recently shown: a frame is a function of the
 * run and the record index, so stepping back, scrubbing over the same stretch
 * or playing it again gets the same objects back, and everything memoised on
 * a frame's statuses (the problem list's svcs -x, the selection's
 * explanation, the graph's elements) is not computed again (issue 16).
 */
export const FRAMES_KEPT = 32;

export interface FrameTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  now(): number;
}

const realTimers: FrameTimers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  now: () => performance.now(),
};

const EMPTY: Frame = { index: -1, statuses: new Map(), files: new Set(), t: 0 };

export class FrameStore {
  private frame: Frame = EMPTY;
  private slow: Frame = EMPTY;
  private run: Run | undefined;
  /** The run's frames last shown, by record index (FRAMES_KEPT). */
  private readonly kept = new Map<number, Frame>();
  private readonly fast = new Set<() => void>();
  private readonly slowListeners = new Set<() => void>();
  private timer: unknown;
  private lastSlow = -Infinity;
  private readonly stops: (() => void)[] = [];

  constructor(
    private readonly deps: { readonly runs: RunStore; readonly ui: UiStore; readonly player: PlayerActor },
    private readonly timers: FrameTimers = realTimers,
  ) {}

  start(): () => void {
    this.stops.push(
      this.deps.runs.subscribe(() => this.update()),
      this.deps.ui.subscribe((s, prev) => {
        if (s.playhead !== prev.playhead || s.pin !== prev.pin) this.update();
      }),
    );
    const sub = this.deps.player.subscribe(() => this.updateSlow());
    this.stops.push(() => sub.unsubscribe());
    this.update();
    return () => this.stop();
  }

  stop(): void {
    for (const f of this.stops.splice(0)) f();
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
  }

  getFrame = (): Frame => this.frame;
  getSlowFrame = (): Frame => this.slow;

  subscribe = (fn: () => void): (() => void) => {
    this.fast.add(fn);
    return () => this.fast.delete(fn);
  };

  subscribeSlow = (fn: () => void): (() => void) => {
    this.slowListeners.add(fn);
    return () => this.slowListeners.delete(fn);
  };

  private update(): void {
    const run = this.deps.runs.current();
    if (run === undefined) return;
    const records = run.trace.records;
    const index = effectiveIndex(records, selectPosition(this.deps.ui.getState()));
    if (run === this.run && index === this.frame.index) return;
    if (run !== this.run) this.kept.clear();
    this.run = run;
    this.frame = this.kept.get(index) ?? { index, statuses: run.seeker.atIndex(index), files: filesAtIndex(run.trace, index), t: records[index]?.t ?? 0 };
    // Most recent last: the oldest is dropped first.
    this.kept.delete(index);
    this.kept.set(index, this.frame);
    const oldest = this.kept.keys().next();
    if (this.kept.size > FRAMES_KEPT && oldest.done !== true) this.kept.delete(oldest.value);
    for (const fn of [...this.fast]) fn();
    this.updateSlow();
  }

  private updateSlow(): void {
    if (this.slow === this.frame) return;
    if (!isPlaying(this.deps.player.getSnapshot())) return this.flushSlow();
    if (this.timer !== undefined) return;
    const wait = Math.max(0, SLOW_FRAME_MS - (this.timers.now() - this.lastSlow));
    this.timer = this.timers.set(() => this.flushSlow(), wait);
  }

  private flushSlow(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
    this.lastSlow = this.timers.now();
    if (this.slow === this.frame) return;
    this.slow = this.frame;
    for (const fn of [...this.slowListeners]) fn();
  }
}
