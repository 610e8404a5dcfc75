/**
 * One session of the app, created once per mount (main.tsx; tests make
 * their own): the document and UI stores, the run store (the only path to
 * the simulation), the frame at the playhead, the player, the graph's
 * command queue and probe, the layout service, and the search box's focus
 * queue. Framework-free. Commands take the narrow parts they need
 * (commands.ts, tour-commands.ts, file-commands.ts, persistence/); React
 * reaches this object only through the hooks in ./react/.
 */
import { createActor, fromCallback } from 'xstate';
import { elkLayout } from '../graph-view/layout-elk.ts';
import { LayoutService } from '../graph-view/layout-service.ts';
import { LayoutStore, type LayoutStorage } from '../graph-view/layout-store.ts';
import { effectiveIndex } from '../selectors/playhead.ts';
import { selectPosition } from '../store/selectors.ts';
import { createUiStore, type UiData, type UiStore } from '../store/ui-store.ts';
import { advance } from './advance.ts';
import { loadPreset, presetLabel, PRESET_LAYOUTS } from './base-scenario.ts';
import { CommandQueue } from './command-queue.ts';
import { createDocStore, type DocStore } from './doc-store.ts';
import { presetDocument, type SessionDocument } from './document.ts';
import { FrameStore, type FrameTimers } from './frame-store.ts';
import { GraphLink } from './graph-link.ts';
import { followLinkChecks } from './link-checks.ts';
import type { LinkHistory } from './persistence/link-history.ts';
import type { SavedWorkService } from './persistence/saved-work-service.ts';
import { playerMachine, type PlayerActor, type PlayerEvent } from './player.machine.ts';
import type { ImportWorkers } from './import-worker/import-client.ts';
import { PictureFirst, type AfterFrame } from './picture.ts';
import { localEngine, RunStore, type BaseLoader, type RunEngine } from './run-store.ts';
import { ViewGate } from './view-gate.ts';
import { createExplorerClient } from '../explorer/explorer-client.ts';
import { ExplorerSession } from '../explorer/explorer-session.ts';

/** A request for the search box (it takes focus when it is on screen). */
export type SearchCommand = { readonly type: 'focus' };

export interface Session {
  readonly ui: UiStore;
  readonly doc: DocStore;
  readonly player: PlayerActor;
  readonly runs: RunStore;
  readonly frames: FrameStore;
  readonly graph: GraphLink;
  /** The views' line to the stores, held while a new run's picture is drawn first (react/context.tsx subscribes through it). */
  readonly gate: ViewGate;
  /** Draws a new run's picture on the graph before the views render it (picture.ts). */
  readonly picture: PictureFirst;
  readonly layout: LayoutService;
  readonly search: CommandQueue<SearchCommand>;
  /** The workers that import picked files (main.tsx; absent: imports run on this thread). */
  readonly importWorkers: ImportWorkers | undefined;
  /** Share links and browser history (installed by main.tsx; absent in unit tests). */
  links: LinkHistory | undefined;
  /** The saved work of this browser: safe mode, records kept aside, other tabs' sessions (installed by main.tsx). */
  savedWork: SavedWorkService | undefined;
  /** The timing explorer (issue 17): explorations in a worker, their progress and results. */
  readonly explorer: ExplorerSession;
  /** Stop following the stores (tests; an unmounted app). */
  dispose(): void;
}

export interface Clock {
  requestFrame(cb: (now: number) => void): number;
  cancelFrame(id: number): void;
}

const browserClock: Clock = {
  requestFrame: (cb) => requestAnimationFrame(cb),
  cancelFrame: (id) => cancelAnimationFrame(id),
};

/** Frames longer than this (a background tab) count as this much. */
const MAX_FRAME_MS = 100;

const presetBases: BaseLoader = { load: loadPreset, label: presetLabel };

export interface SessionOptions {
  readonly doc?: SessionDocument;
  readonly ui?: Partial<UiData>;
  readonly clock?: Clock;
  readonly storage?: LayoutStorage;
  /** How documents are simulated: in this thread by default; main.tsx passes the worker engine. */
  readonly engine?: RunEngine;
  readonly bases?: BaseLoader;
  readonly timers?: FrameTimers;
  /** The import workers (main.tsx passes the browser's; tests and Node import on this thread). */
  readonly importWorkers?: ImportWorkers;
  /** When the views hear of a run whose picture was drawn first (default: after the next frame is drawn). */
  readonly afterFrame?: AfterFrame;
}

function createPlayer(ui: UiStore, runs: RunStore, clock: Clock): PlayerActor {
  const ticker = fromCallback<PlayerEvent>(({ sendBack }) => {
    let last: number | undefined;
    let id = clock.requestFrame(function frame(now) {
      const r = runs.current();
      if (r === undefined) {
        sendBack({ type: 'ENDED' });
        return;
      }
      const dt = last === undefined ? 0 : Math.min(MAX_FRAME_MS, now - last);
      last = now;
      const s = ui.getState();
      const tick = advance(r.trace, selectPosition(s), dt, s.speed, s.breakpoints);
      if (tick.pos.t !== s.playhead || tick.pos.index !== s.pin) s.seek(tick.pos);
      if (tick.outcome.kind === 'ended') sendBack({ type: 'ENDED' });
      else if (tick.outcome.kind === 'break') {
        s.select(tick.outcome.hit.fmri);
        sendBack({ type: 'BREAK', message: tick.outcome.hit.message });
      } else id = clock.requestFrame(frame);
    });
    return () => clock.cancelFrame(id);
  });

  const player = createActor(
    playerMachine.provide({
      actors: { ticker },
      actions: {
        beforePlay: () => {
          const r = runs.current();
          if (r === undefined) return;
          const s = ui.getState();
          const atEnd = s.playhead >= r.trace.endTime && effectiveIndex(r.trace.records, selectPosition(s)) >= r.trace.records.length - 1;
          if (atEnd) s.seek({ t: 0, index: -1 });
        },
      },
    }),
  );
  player.start();
  return player;
}

export function createSession(opts: SessionOptions = {}): Session {
  const ui = createUiStore(opts.ui);
  const doc = createDocStore(opts.doc ?? presetDocument(''));
  const runs = new RunStore(doc, opts.engine ?? localEngine(), opts.bases ?? presetBases);
  const player = createPlayer(ui, runs, opts.clock ?? browserClock);
  const frames = new FrameStore({ runs, ui, player }, opts.timers);
  const graph = new GraphLink();
  const gate = new ViewGate();
  const picture = new PictureFirst({ runs, frames, ui, gate, canvas: () => graph.probe(), ...(opts.afterFrame === undefined ? {} : { afterFrame: opts.afterFrame }) });
  runs.presentWith(picture.present);
  // Nothing plays while there is no run to play.
  const offPause = runs.subscribe(() => {
    if (runs.current() === undefined) player.send({ type: 'PAUSE' });
  });
  const stopFrames = frames.start();
  const stopLinkChecks = followLinkChecks({ ui, runs, doc });
  const stopRuns = runs.start();
  const layout = new LayoutService({ engine: elkLayout, seeds: PRESET_LAYOUTS, store: new LayoutStore(opts.storage) });
  const explorer = new ExplorerSession(createExplorerClient());
  return {
    ui,
    doc,
    player,
    runs,
    frames,
    graph,
    gate,
    picture,
    layout,
    search: new CommandQueue<SearchCommand>(1),
    importWorkers: opts.importWorkers,
    links: undefined,
    savedWork: undefined,
    explorer,
    dispose: () => {
      explorer.reset();
      offPause();
      stopLinkChecks();
      stopFrames();
      stopRuns();
      player.stop();
    },
  };
}
