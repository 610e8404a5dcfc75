/**
 * Autosave (issue 6): the user's work is written to localStorage a moment
 * after it changes, and a plain visit restores it. Opening a link (good or
 * bad) or an old-style address does not count as work: the autosave is
 * disarmed until the user changes the document (scenario, conditions,
 * commands, boot), so a link someone sent never overwrites what the user
 * was doing. Writes are debounced; a failed write (quota, private mode) is
 * reported once and never breaks the app. Each tab saves into its own slot
 * (`key`, chosen by saved-work.ts), so two tabs never overwrite each other.
 */
import { documentOf } from '../doc-store.ts';
import { AUTOSAVE_KEY, decodeAutosave, encodeAutosave, type AutosaveRecord } from './autosave-record.ts';
import { captureSession, toShareState, type SessionSource } from './session-io.ts';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** The browser's idle callback, where there is one (not in Safari before 18 nor in Node). */
export interface IdleScheduler {
  request(fn: () => void, opts: { timeout: number }): unknown;
  cancel(handle: unknown): void;
}

/** A save waits at most this long for an idle moment after its delay. */
export const IDLE_TIMEOUT_MS = 2000;

/**
 * The delay, then the next idle moment (at most IDLE_TIMEOUT_MS later): writing a large scenario is main-thread work,
 * and a save that fell due while a graph was being drawn (an import, an opening) made that frame's task longer.
 */
export function idleTimers(idle: IdleScheduler | undefined, base: Timers = { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) }): Timers {
  interface Handle {
    delay: unknown;
    idle: unknown;
  }
  return {
    set: (fn, ms) => {
      const h: Handle = { delay: undefined, idle: undefined };
      h.delay = base.set(() => {
        h.delay = undefined;
        if (idle === undefined) fn();
        else h.idle = idle.request(fn, { timeout: IDLE_TIMEOUT_MS });
      }, ms);
      return h;
    },
    clear: (handle) => {
      const h = handle as Handle;
      if (h.delay !== undefined) base.clear(h.delay);
      if (h.idle !== undefined) idle?.cancel(h.idle);
    },
  };
}

const browserIdle: IdleScheduler | undefined =
  typeof requestIdleCallback === 'function' ? { request: (fn, opts) => requestIdleCallback(() => fn(), opts), cancel: (h) => cancelIdleCallback(h as number) } : undefined;

const realTimers: Timers = idleTimers(browserIdle);

export const AUTOSAVE_DELAY_MS = 600;

/** The record for the session on screen. */
export function recordOf(s: SessionSource, now: Date = new Date()): AutosaveRecord {
  const session = captureSession(s);
  const source = s.doc.getState().source;
  return {
    state: toShareState(session),
    ...(source.kind === 'inline' && source.imported !== undefined ? { imported: source.imported } : {}),
    savedAt: now.toISOString(),
  };
}

export function readAutosave(storage: KeyValueStore | undefined, key: string = AUTOSAVE_KEY): AutosaveRecord | undefined {
  if (storage === undefined) return undefined;
  try {
    return decodeAutosave(storage.getItem(key));
  } catch {
    return undefined;
  }
}

export class Autosaver {
  private armed: boolean;
  private timer: unknown;
  private readonly unsubscribe: (() => void)[] = [];
  private warned = false;
  private readonly listeners = new Set<() => void>();
  private readonly delayMs: number;
  private readonly timers: Timers;
  private readonly onError: ((message: string) => void) | undefined;
  private slot: string;

  constructor(
    private readonly s: SessionSource,
    private readonly storage: KeyValueStore | undefined,
    opts: { armed: boolean; delayMs?: number; timers?: Timers; onError?: (message: string) => void; key?: string },
  ) {
    this.armed = opts.armed;
    this.slot = opts.key ?? AUTOSAVE_KEY;
    this.delayMs = opts.delayMs ?? AUTOSAVE_DELAY_MS;
    this.timers = opts.timers ?? realTimers;
    this.onError = opts.onError;
  }

  /** Start watching the stores; returns a function that stops. */
  start(): () => void {
    let doc = documentOf(this.s.doc.getState());
    this.unsubscribe.push(
      this.s.doc.subscribe((state) => {
        const next = documentOf(state);
        if (next.source === doc.source && next.conditions === doc.conditions && next.interventions === doc.interventions && next.boot === doc.boot && next.timing === doc.timing) return;
        doc = next;
        this.armed = true;
        this.schedule();
      }),
      this.s.ui.subscribe((state, prev) => {
        if (state.playhead !== prev.playhead || state.selected !== prev.selected) this.schedule();
      }),
    );
    return () => this.stop();
  }

  stop(): void {
    for (const u of this.unsubscribe.splice(0)) u();
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
  }

  isArmed(): boolean {
    return this.armed;
  }

  /** The session on screen came from a link: keep the saved work until the user changes something. */
  disarm(): void {
    this.armed = false;
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
  }

  arm(): void {
    this.armed = true;
  }

  /** The storage key this tab saves into (its slot: saved-work.ts). */
  key(): string {
    return this.slot;
  }

  /** Save into another slot from now on (the user opened other saved work). */
  setKey(key: string): void {
    this.slot = key;
  }

  /** Called after every debounced change (saved or not): the link history uses it to notice the state has moved on. */
  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private schedule(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = this.timers.set(() => {
      this.timer = undefined;
      this.flush();
      for (const fn of this.listeners) fn();
    }, this.delayMs);
  }

  /** Write now if armed (page hide; tests). */
  flush(): boolean {
    if (!this.armed || this.storage === undefined) return false;
    try {
      this.storage.setItem(this.slot, encodeAutosave(recordOf(this.s)));
      return true;
    } catch (e) {
      if (!this.warned) {
        this.warned = true;
        this.onError?.(`Your work could not be saved in this browser (${e instanceof Error ? e.message : String(e)}). Download the scenario file to keep it.`);
      }
      return false;
    }
  }

  /** The work saved in this tab's slot. */
  read(): AutosaveRecord | undefined {
    return readAutosave(this.storage, this.slot);
  }
}
