/** Messages between the page and the import worker (import-worker.ts). */
import type { ImportOutcome, PickedFile } from '../import-files.ts';

/** Browser Files are structured-cloned to the worker, which reads and imports them. */
export interface ImportRequest {
  readonly id: number;
  readonly files: readonly PickedFile[];
}

export type ImportReply = { readonly id: number; readonly outcome: ImportOutcome } | { readonly id: number; readonly failed: string };
