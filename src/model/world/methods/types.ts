/** What a method model returns: how the method run turns out, and what it changes when it exits. */
import type { ExitValue } from '../../scenario/types.ts';
import type { MethodRequest, WorldChange } from '../runtime.ts';
import type { WorldState } from '../state.ts';

export interface MethodOutcome {
  readonly duration: number;
  readonly exit: ExitValue;
  /** Lines written to /dev/msglog (shown when the method exits). */
  readonly console?: readonly string[];
  /** Lines written to /dev/msglog as soon as the method starts (e.g. "Configuring devices."). */
  readonly consoleAtStart?: readonly string[];
  /** Lines written to stdout/stderr (the service log). */
  readonly log?: readonly string[];
  /** Applied when the method exits (at simulated time t). */
  readonly effect?: (t: number) => WorldChange[];
}

/** A start method script acting on the world. */
export type MethodModel = (world: WorldState, req: MethodRequest) => MethodOutcome;
