/** The simulation worker's entry (see worker-engine.ts): each message is answered by the handler. */
import { createWorkerHandler } from './handler.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

interface WorkerScope {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(m: FromWorker): void;
}

const scope = self as unknown as WorkerScope;
const handle = createWorkerHandler();
scope.onmessage = (e) => scope.postMessage(handle(e.data));
