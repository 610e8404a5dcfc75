/**
 * The long-lived objects of one app mount, created once in main.tsx and
 * handed down by context: the two stores, the player actor, the layout
 * cache, and holders the imperative edges (the player's ticker, the test
 * bridge) read the current run and graph through.
 */
import { createActor, fromCallback } from 'xstate';
import type { GraphProbe } from '../graph-view/GraphCanvas.tsx';
import { elkLayout } from '../graph-view/layout-elk.ts';
import { LayoutService } from '../graph-view/layout-service.ts';
import { LayoutStore, type LayoutStorage } from '../graph-view/layout-store.ts';
import { PRESET_LAYOUTS } from './base-scenario.ts';
import { effectiveIndex } from '../selectors/playhead.ts';
import { selectPosition } from '../store/selectors.ts';
import { createUiStore, type UiData, type UiStore } from '../store/ui-store.ts';
import { advance } from './advance.ts';
import { createDocStore, type DocStore } from './doc-store.ts';
import type { Run } from './derive-run.ts';
import type { LinkHistory } from './persistence/link-history.ts';
import { playerMachine, type PlayerActor, type PlayerEvent } from './player.machine.ts';
import { presetDocument, type SessionDocument } from './document.ts';

export interface Holder<T> {
  current: T | undefined;
}

export interface AppServices {
  readonly ui: UiStore;
  readonly doc: DocStore;
  readonly player: PlayerActor;
  readonly layout: LayoutService;
  /** The run on screen (set by the run provider). */
  readonly run: Holder<Run>;
  /** The graph canvas, once mounted (for the test bridge). */
  readonly graph: Holder<GraphProbe>;
  /** Share links and browser history (installed by main.tsx; absent in unit tests). */
  readonly links: Holder<LinkHistory>;
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

export function createServices(opts: { doc?: SessionDocument; ui?: Partial<UiData>; clock?: Clock; storage?: LayoutStorage } = {}): AppServices {
  const ui = createUiStore(opts.ui);
  const doc = createDocStore(opts.doc ?? presetDocument(''));
  const run: Holder<Run> = { current: undefined };
  const graph: Holder<GraphProbe> = { current: undefined };
  const clock = opts.clock ?? browserClock;

  const ticker = fromCallback<PlayerEvent>(({ sendBack }) => {
    let last: number | undefined;
    let id = clock.requestFrame(function frame(now) {
      const r = run.current;
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
          const r = run.current;
          if (r === undefined) return;
          const s = ui.getState();
          const atEnd = s.playhead >= r.trace.endTime && effectiveIndex(r.trace.records, selectPosition(s)) >= r.trace.records.length - 1;
          if (atEnd) s.seek({ t: 0, index: -1 });
        },
      },
    }),
  );
  player.start();
  const layout = new LayoutService({ engine: elkLayout, seeds: PRESET_LAYOUTS, store: new LayoutStore(opts.storage) });
  return { ui, doc, player, layout, run, graph, links: { current: undefined } };
}
