/**
 * The timing explorer's Web Worker (issue 17): boots the scenario N times off
 * the main thread, reports progress after each slice and stops at a cancel.
 * One exploration at a time; a new start cancels the one before.
 */
import type { FromWorker, ToWorker } from './protocol.ts';
import { exploreInSlices } from './run-loop.ts';

interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;
let current = -1;
const cancelled = new Set<number>();

scope.onmessage = (e) => {
  const msg = e.data;
  if (msg.type === 'cancel') {
    cancelled.add(msg.id);
    return;
  }
  if (current >= 0) cancelled.add(current);
  const id = msg.id;
  current = id;
  const t0 = performance.now();
  let done = 0;
  exploreInSlices(msg.scenario, msg.params, {
    progress: (n, total, classes) => {
      done = n;
      scope.postMessage({ type: 'progress', id, done: n, total, classes });
    },
    cancelled: () => cancelled.has(id),
    pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
    now: () => performance.now(),
  }).then(
    (result) => {
      cancelled.delete(id);
      if (current === id) current = -1;
      scope.postMessage(result === undefined ? { type: 'cancelled', id, done } : { type: 'done', id, result, ms: performance.now() - t0 });
    },
    (err: unknown) => {
      cancelled.delete(id);
      if (current === id) current = -1;
      scope.postMessage({ type: 'error', id, message: err instanceof Error ? err.message : String(err) });
    },
  );
};
