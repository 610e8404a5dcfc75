/**
 * Messages between the run store's worker engine (worker-engine.ts) and the
 * simulation worker (run-worker.ts). A base scenario crosses once per
 * session: later requests name it by key, so the worker keeps the very same
 * scenario object and a condition toggle re-simulates over the graph it has
 * already resolved (model/graph/resolve.ts memoises per services array).
 * The answer carries the run's indexes too (derive-run.ts prepareToSend: all
 * but the dependency index, cheaper to build on the page than to receive).
 */
import type { Scenario } from '../../model/scenario/types.ts';
import type { Derived, PreparedAcross, RunRequest } from '../derive-run.ts';

export type ToWorker = {
  readonly type: 'derive';
  readonly id: number;
  readonly baseKey: number;
  /** Sent the first time this base is used (and again if the worker dropped it). */
  readonly base?: Scenario;
  readonly request: RunRequest;
};

export type FromWorker =
  /** The run and its indexes in one message (structured clone keeps the objects they share shared). */
  | { readonly type: 'derived'; readonly id: number; readonly derived: Derived; readonly prepared: PreparedAcross }
  | { readonly type: 'failed'; readonly id: number; readonly message: string }
  /** The worker no longer holds this base: send the request again with it. */
  | { readonly type: 'need-base'; readonly id: number };
