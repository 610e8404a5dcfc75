/**
 * React's access to the session (create-session.ts): the provider, and hooks
 * that subscribe to the slice a component shows. The stores live outside
 * React; a hook re-renders its component only when its selection changes
 * (compared with Object.is unless an equality is given), so a playhead tick
 * re-renders the few views whose slice moved. Components use these hooks and
 * useCommands() (use-commands.ts); they never hold the session object.
 * Every subscription goes through the session's view gate (view-gate.ts):
 * after a change, the graph's picture is drawn first and the views hear of
 * the new run after that frame (picture.ts).
 */
import { createContext, useCallback, useContext, useMemo, useRef, useSyncExternalStore, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { UiActions, UiState } from '../../store/ui-store.ts';
import type { Session } from '../create-session.ts';
import type { Run } from '../derive-run.ts';
import type { DocActions, DocState } from '../doc-store.ts';
import type { Frame } from '../frame-store.ts';
import { isPlaying, stoppedBecause, type PlayerSnapshot } from '../player.machine.ts';
import type { RunState } from '../run-store.ts';
import type { SavedWorkView } from '../persistence/saved-work-service.ts';

export type { Frame } from '../frame-store.ts';
export type { RunState } from '../run-store.ts';

const SessionContext = createContext<Session | undefined>(undefined);

/**
 * What a view out of sight (a closed drawer) shows: the run, the frames and
 * the playhead as they were when it was hidden. Its hooks subscribe to none
 * of them, so a playhead tick or a new run does no work in it (issue 16);
 * shown again, it renders the current ones.
 */
interface Frozen {
  readonly run: RunState;
  readonly getFrame: () => Frame;
  readonly getSlowFrame: () => Frame;
  readonly playhead: number;
}
const FrozenContext = createContext<Frozen | undefined>(undefined);
const noSubscription = (): (() => void) => () => undefined;

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** Children read the session as it was while `hidden` (see Frozen), and live again once shown. */
export function FrozenWhile({ hidden, children }: { hidden: boolean; children: ReactNode }) {
  const session = useSession();
  const frozen = useMemo((): Frozen | undefined => {
    if (!hidden) return undefined;
    const frame = session.frames.getFrame();
    const slow = session.frames.getSlowFrame();
    return { run: session.runs.getSnapshot().state, getFrame: () => frame, getSlowFrame: () => slow, playhead: session.ui.getState().playhead };
  }, [hidden, session]);
  return <FrozenContext.Provider value={frozen}>{children}</FrozenContext.Provider>;
}

/** The session itself: for the hooks in src/session/react only. */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (s === undefined) throw new Error('useSession() outside <SessionProvider>');
  return s;
}

/**
 * A selection from an external store: recomputed when the store's snapshot
 * changes, and the previous selection kept when `equal` says nothing changed.
 */
function useSelected<S, T>(subscribe: (cb: () => void) => () => void, get: () => S, selector: (s: S) => T, equal: (a: T, b: T) => boolean): T {
  const memo = useRef<{ snap: S; sel: T; selector: (s: S) => T } | undefined>(undefined);
  const read = useCallback(() => {
    const snap = get();
    const m = memo.current;
    if (m !== undefined && m.snap === snap && m.selector === selector) return m.sel;
    const sel = selector(snap);
    if (m !== undefined && equal(m.sel, sel)) {
      memo.current = { snap, sel: m.sel, selector };
      return m.sel;
    }
    memo.current = { snap, sel, selector };
    return sel;
  }, [get, selector, equal]);
  return useSyncExternalStore(subscribe, read, read);
}

export function useUi<T>(selector: (s: UiState) => T): T {
  const { gate, ui } = useSession();
  return useStore(gate.store(ui), selector);
}

/** The UI store's actions (stable functions: reading them never re-renders). */
export function useUiActions(): UiActions {
  return useSession().ui.getState();
}

export function useDoc<T>(selector: (s: DocState) => T): T {
  const { gate, doc } = useSession();
  return useStore(gate.store(doc), selector);
}

/** The document store's actions (stable functions). */
export function useDocActions(): DocActions {
  return useSession().doc.getState();
}

export function usePlayer<T>(selector: (s: PlayerSnapshot) => T): T {
  const { player } = useSession();
  const subscribe = useCallback(
    (cb: () => void) => {
      const sub = player.subscribe(cb);
      return () => sub.unsubscribe();
    },
    [player],
  );
  return useSyncExternalStore(subscribe, () => selector(player.getSnapshot()));
}

/** Time is running. */
export function usePlaying(): boolean {
  return usePlayer(isPlaying);
}

/** Why playback last stopped by itself (a breakpoint, the end), for the status line. */
export function useStopReason(): string | undefined {
  return usePlayer(stoppedBecause);
}

export function useRunState(): RunState {
  const { runs, gate } = useSession();
  const frozen = useContext(FrozenContext);
  return useSyncExternalStore(frozen === undefined ? gate.subscribe(runs.subscribe) : noSubscription, () => frozen?.run ?? runs.getSnapshot().state);
}

/**
 * Whether a run is on screen, loading or failed: the shell chooses the
 * workspace or the placeholder with it, and does not re-render (with every
 * panel under it) when one run replaces another (issue 16).
 */
export function useRunStatus(): RunState['status'] {
  const { runs, gate } = useSession();
  return useSyncExternalStore(gate.subscribe(runs.subscribe), () => runs.getSnapshot().state.status);
}

/** A newer document is being simulated (in the worker); the run on screen is about to be replaced. */
export function useRunPending(): boolean {
  const { runs, gate } = useSession();
  return useSyncExternalStore(gate.subscribe(runs.subscribe), () => runs.getSnapshot().pending);
}

/** The run; only for components rendered once it is ready. */
export function useRun(): Run {
  const s = useRunState();
  if (s.status !== 'ready') throw new Error('useRun() before the run is ready');
  return s.run;
}

const whole = <T,>(x: T): T => x;

/**
 * The frame at the playhead, or a slice of it: `useFrame((f) => f.statuses.get(fmri))`
 * re-renders only when that instance's status changes.
 */
export function useFrame(): Frame;
export function useFrame<T>(selector: (f: Frame) => T, equal?: (a: T, b: T) => boolean): T;
export function useFrame<T>(selector?: (f: Frame) => T, equal: (a: T, b: T) => boolean = Object.is): T | Frame {
  const { frames, gate } = useSession();
  const frozen = useContext(FrozenContext);
  const [subscribe, get] = frozen === undefined ? [gate.subscribe(frames.subscribe), frames.getFrame] : [noSubscription, frozen.getFrame];
  return useSelected(subscribe, get, selector ?? whole, equal as (a: T | Frame, b: T | Frame) => boolean);
}

/** The frame for text-heavy panels: the same as useFrame when paused; at most every 250 ms while playing. */
export function useSlowFrame(): Frame;
export function useSlowFrame<T>(selector: (f: Frame) => T, equal?: (a: T, b: T) => boolean): T;
export function useSlowFrame<T>(selector?: (f: Frame) => T, equal: (a: T, b: T) => boolean = Object.is): T | Frame {
  const { frames, gate } = useSession();
  const frozen = useContext(FrozenContext);
  const [subscribe, get] = frozen === undefined ? [gate.subscribe(frames.subscribeSlow), frames.getSlowFrame] : [noSubscription, frozen.getSlowFrame];
  return useSelected(subscribe, get, selector ?? whole, equal as (a: T | Frame, b: T | Frame) => boolean);
}

/**
 * The playhead (ms), or what a view shows of it: `usePlayhead((t) => t === at)`
 * re-renders only when that changes. A hidden view (FrozenWhile) keeps the
 * playhead it was hidden at.
 */
export function usePlayhead(): number;
export function usePlayhead<T>(selector: (t: number) => T): T;
export function usePlayhead<T>(selector?: (t: number) => T): T | number {
  const frozen = useContext(FrozenContext);
  const live = useUi((s) => (frozen === undefined ? (selector === undefined ? s.playhead : selector(s.playhead)) : undefined));
  if (frozen !== undefined) return selector === undefined ? frozen.playhead : selector(frozen.playhead);
  return live as T | number;
}

/** Reads the frame when called (a hover's text, a handler) without re-rendering when it changes. */
export function useFrameReader(): () => Frame {
  const { frames } = useSession();
  const frozen = useContext(FrozenContext);
  return frozen?.getFrame ?? frames.getFrame;
}

/** Reads the playhead when called (in an effect or a handler) without re-rendering when it moves. */
export function usePlayheadReader(): () => number {
  const { ui } = useSession();
  return useCallback(() => ui.getState().playhead, [ui]);
}

const NO_SAVED_WORK_VIEW: SavedWorkView = { aside: [], others: [], visible: false };

/** The saved work of this browser (safe mode, records kept aside, other sessions): persistence/saved-work-service.ts. */
export function useSavedWork(): SavedWorkView {
  const service = useSession().savedWork;
  const subscribe = useCallback((cb: () => void) => (service === undefined ? noSubscription() : service.subscribe(cb)), [service]);
  const get = useCallback(() => service?.get() ?? NO_SAVED_WORK_VIEW, [service]);
  return useSyncExternalStore(subscribe, get, get);
}
