/** What the import worker does with one request (import-worker.ts is its entry): import, and answer with the outcome or the failure. */
import { importPickedFiles } from '../import-files.ts';
import type { ImportReply, ImportRequest } from './protocol.ts';

export async function handleImport(req: ImportRequest): Promise<ImportReply> {
  try {
    return { id: req.id, outcome: await importPickedFiles(req.files) };
  } catch (err) {
    return { id: req.id, failed: err instanceof Error ? err.message : String(err) };
  }
}
