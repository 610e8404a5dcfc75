/**
 * Imports picked files off the page's thread (issue 16: a 1,000-manifest
 * import was a 0.4–1.3 s main-thread task): the files go to a worker
 * (import-worker.ts), which reads and imports them and answers with the
 * outcome. Where no worker can do it (no Worker, files that are not browser
 * Files, the worker failed to load or crashed) the importer is loaded on the
 * page and runs here, so an import always gets its outcome. The importer
 * stays out of the first chunk either way.
 */
import type { ImportOutcome, PickedFile } from '../import-files.ts';
import type { ImportReply, ImportRequest } from './protocol.ts';

/** What the client needs of a Worker (a fake in tests). */
export interface ImportPort {
  postMessage(m: ImportRequest): void;
  onmessage: ((e: MessageEvent<ImportReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  terminate(): void;
}

export function browserImportWorker(): ImportPort {
  return new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module', name: 'bootgraph-import' }) as unknown as ImportPort;
}

/**
 * Where import workers come from: one is made ahead (`warm`, when the pointer
 * reaches the Import button or files are dragged over the window) so that
 * it has fetched and compiled the importer by the time the files are picked;
 * `take` hands it over (or makes one) and the next is made on the next warm.
 */
export interface ImportWorkers {
  warm(): void;
  take(): ImportPort;
}

export function importWorkers(create: () => ImportPort): ImportWorkers {
  let spare: ImportPort | undefined;
  return {
    warm: () => {
      if (spare !== undefined) return;
      try {
        spare = create();
      } catch {
        spare = undefined;
      }
    },
    take: () => {
      const w = spare ?? create();
      spare = undefined;
      return w;
    },
  };
}

/** Import on this thread (the fallback; also the only way in Node). */
async function importHere(files: readonly PickedFile[]): Promise<ImportOutcome> {
  const { importPickedFiles } = await import('../import-files.ts');
  return importPickedFiles(files);
}

const cloneable = (files: readonly PickedFile[]): boolean => typeof File !== 'undefined' && files.every((f) => f instanceof File);

/**
 * Import `files` in a worker from `workers` (one per import: imports are
 * rare, and the worker's memory — every parsed document — goes with it).
 * Rejects only if the importer cannot be loaded on the page either.
 */
export async function importOffThread(files: readonly PickedFile[], workers: ImportWorkers | undefined): Promise<ImportOutcome> {
  if (workers === undefined || !cloneable(files)) return importHere(files);
  let port: ImportPort;
  try {
    port = workers.take();
  } catch {
    return importHere(files);
  }
  const answer = await new Promise<ImportOutcome | undefined>((resolve) => {
    port.onmessage = (e) => resolve('outcome' in e.data ? e.data.outcome : undefined);
    port.onerror = (e) => {
      e.preventDefault();
      resolve(undefined);
    };
    try {
      port.postMessage({ id: 1, files });
    } catch {
      resolve(undefined);
    }
  });
  port.terminate();
  return answer ?? importHere(files);
}
