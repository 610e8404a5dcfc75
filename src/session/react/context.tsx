/**
 * React access to the app's services, the derived run and the frame at the
 * playhead. Components read through these hooks and selectors; none of them
 * reaches into a store's internals or copies engine state.
 */
import { createContext, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { InstanceStatus } from '../../engine/index.ts';
import { filesAtIndex } from '../../selectors/files.ts';
import { effectiveIndex } from '../../selectors/playhead.ts';
import type { UiState } from '../../store/ui-store.ts';
import type { DocState } from '../doc-store.ts';
import type { Run } from '../derive-run.ts';
import { isPlaying, type PlayerSnapshot } from '../player.machine.ts';
import type { AppServices } from '../create-session.ts';

const ServicesContext = createContext<AppServices | undefined>(undefined);

export function ServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): AppServices {
  const s = useContext(ServicesContext);
  if (s === undefined) throw new Error('useServices() outside <ServicesProvider>');
  return s;
}

export function useUi<T>(selector: (s: UiState) => T): T {
  return useStore(useServices().ui, selector);
}

export function useDoc<T>(selector: (s: DocState) => T): T {
  return useStore(useServices().doc, selector);
}

export function usePlayer<T>(selector: (s: PlayerSnapshot) => T): T {
  const { player } = useServices();
  return useSyncExternalStore(
    (cb) => {
      const sub = player.subscribe(cb);
      return () => sub.unsubscribe();
    },
    () => selector(player.getSnapshot()),
  );
}

export type RunState =
  | { readonly status: 'loading'; readonly label: string }
  | { readonly status: 'error'; readonly message: string }
  | { readonly status: 'ready'; readonly run: Run };

const RunContext = createContext<RunState>({ status: 'loading', label: '' });

export function RunProviderContext({ value, children }: { value: RunState; children: ReactNode }) {
  return <RunContext.Provider value={value}>{children}</RunContext.Provider>;
}

export function useRunState(): RunState {
  return useContext(RunContext);
}

/** The run; only for components rendered once it is ready. */
export function useRun(): Run {
  const s = useContext(RunContext);
  if (s.status !== 'ready') throw new Error('useRun() before the run is ready');
  return s.run;
}

export interface Frame {
  /** Index of the last record applied (-1: none). */
  readonly index: number;
  readonly statuses: ReadonlyMap<string, InstanceStatus>;
  readonly files: ReadonlySet<string>;
  /** The instant of the state shown (the playhead, or the pinned record's time). */
  readonly t: number;
}

const FrameContext = createContext<Frame | undefined>(undefined);
const SlowFrameContext = createContext<Frame | undefined>(undefined);

/** While playing, text-heavy panels follow the playhead at most this often. */
const SLOW_FRAME_MS = 250;

/**
 * The frame for text-heavy panels (inspector, problem list, event list,
 * table): the same as the frame when paused; throttled while playing, so
 * a busy boot does not re-render every panel on every animation frame.
 */
function useThrottled(frame: Frame, playing: boolean): Frame {
  const [slow, setSlow] = useState(frame);
  const latest = useRef(frame);
  const last = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    latest.current = frame;
    const flush = (): void => {
      timer.current = undefined;
      last.current = performance.now();
      setSlow(latest.current);
    };
    if (!playing) {
      if (timer.current !== undefined) clearTimeout(timer.current);
      flush();
      return;
    }
    if (timer.current !== undefined) return;
    const wait = Math.max(0, SLOW_FRAME_MS - (performance.now() - last.current));
    timer.current = setTimeout(flush, wait);
  }, [frame, playing]);
  useEffect(() => () => {
    if (timer.current !== undefined) clearTimeout(timer.current);
  }, []);
  return slow;
}

/** Computes the frame once per record index and shares it (children are not re-rendered by it). */
export function FrameProvider({ children }: { children: ReactNode }) {
  const run = useRun();
  const records = run.trace.records;
  const index = useUi((s) => effectiveIndex(records, { t: s.playhead, index: s.pin }));
  const frame = useMemo<Omit<Frame, 't'>>(
    () => ({ index, statuses: run.seeker.atIndex(index), files: filesAtIndex(run.trace, index) }),
    [run, index],
  );
  // `t` changes every animation frame while playing; consumers that need it read the store.
  const value = useMemo(() => ({ ...frame, t: records[index]?.t ?? 0 }), [frame, records, index]);
  const playing = usePlayer(isPlaying);
  const slow = useThrottled(value, playing);
  const slowValue = playing ? slow : value;
  return (
    <FrameContext.Provider value={value}>
      <SlowFrameContext.Provider value={slowValue}>{children}</SlowFrameContext.Provider>
    </FrameContext.Provider>
  );
}

export function useFrame(): Frame {
  const f = useContext(FrameContext);
  if (f === undefined) throw new Error('useFrame() outside <FrameProvider>');
  return f;
}

/** The frame for text-heavy panels: throttled while playing (see useThrottled). */
export function useSlowFrame(): Frame {
  const f = useContext(SlowFrameContext);
  if (f === undefined) throw new Error('useSlowFrame() outside <FrameProvider>');
  return f;
}
