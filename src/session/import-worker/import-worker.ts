/**
 * The import worker's entry (issue 16): reading, decoding, parsing and
 * validating the picked files (import-files.ts: the XML parser, the manifest
 * model, lint, profiles) run here, so a 1,000-manifest import is no longer
 * one long task on the page's thread. The page gets the outcome: a scenario,
 * its findings and stats (plain data), or the message.
 */
import { handleImport } from './handler.ts';
import type { ImportReply, ImportRequest } from './protocol.ts';

interface WorkerScope {
  onmessage: ((e: MessageEvent<ImportRequest>) => void) | null;
  postMessage(m: ImportReply): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (e) => void handleImport(e.data).then((reply) => scope.postMessage(reply));
