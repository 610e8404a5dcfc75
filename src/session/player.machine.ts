/**
 * Playback control as a statechart (XState v5): paused or playing. While
 * playing, a ticker actor (requestAnimationFrame in the app, a fake in
 * tests) advances the playhead and reports the end of the trace or a
 * breakpoint. The playhead itself lives in the UI store; the machine owns
 * only whether time is running and why it last stopped.
 */
import { assign, fromCallback, setup, type ActorRefFrom, type SnapshotFrom } from 'xstate';

export type PlayerEvent =
  | { readonly type: 'PLAY' }
  | { readonly type: 'PAUSE' }
  | { readonly type: 'TOGGLE' }
  | { readonly type: 'ENDED' }
  | { readonly type: 'BREAK'; readonly message: string };

export interface PlayerContext {
  /** Why playback last stopped by itself (a breakpoint message), for the status line. */
  readonly stoppedBecause: string | undefined;
}

export const playerMachine = setup({
  types: { context: {} as PlayerContext, events: {} as PlayerEvent },
  actors: {
    /** Provided by the app: calls back ENDED or BREAK; cleaned up when leaving `playing`. */
    ticker: fromCallback<PlayerEvent>(() => () => undefined),
  },
  actions: {
    /** Provided by the app: rewind when play is pressed at the end. */
    beforePlay: () => undefined,
    clearReason: assign({ stoppedBecause: () => undefined }),
    rememberBreak: assign({
      stoppedBecause: ({ event }) => (event.type === 'BREAK' ? event.message : undefined),
    }),
    rememberEnd: assign({ stoppedBecause: () => 'End of the boot.' }),
  },
}).createMachine({
  id: 'player',
  initial: 'paused',
  context: { stoppedBecause: undefined },
  states: {
    paused: {
      on: {
        PLAY: { target: 'playing', actions: ['clearReason', 'beforePlay'] },
        TOGGLE: { target: 'playing', actions: ['clearReason', 'beforePlay'] },
      },
    },
    playing: {
      invoke: { src: 'ticker' },
      on: {
        PAUSE: 'paused',
        TOGGLE: 'paused',
        ENDED: { target: 'paused', actions: 'rememberEnd' },
        BREAK: { target: 'paused', actions: 'rememberBreak' },
      },
    },
  },
});

export type PlayerActor = ActorRefFrom<typeof playerMachine>;
export type PlayerSnapshot = SnapshotFrom<typeof playerMachine>;

export const isPlaying = (s: PlayerSnapshot): boolean => s.matches('playing');
export const stoppedBecause = (s: PlayerSnapshot): string | undefined => s.context.stoppedBecause;
