/**
 * What the Import button, drag-and-drop, the editor and the Export menu do
 * to the session: open an imported or edited scenario, and write the files
 * (scenario, trace, graph) for download. Opening never happens when a file
 * cannot be used: the message says why and the session stays as it was.
 */
import type { UiStore } from '../store/ui-store.ts';
import { openInline } from './commands.ts';
import { downloadBlob, downloadText } from './download.ts';
import type { ImportOutcome, PickedFile } from './import-files.ts';
import { importOffThread, type ImportWorkers } from './import-worker/import-client.ts';
import { fileSlug, scenarioFileText } from './scenario-file.ts';
import type { CurrentRun, Editing } from './commands.ts';
import type { GraphLink } from './graph-link.ts';

/** What the downloads read: the run on screen, the playhead, the drawn graph, and the toast for failures. */
export interface Exporting {
  readonly runs: CurrentRun;
  readonly ui: UiStore;
  readonly graph: Pick<GraphLink, 'probe'>;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What an import needs: the document it opens into, and the worker that does the work (absent: this thread). */
export interface Importing extends Editing {
  readonly importWorkers: ImportWorkers | undefined;
}

/** Import picked or dropped files; reports the outcome in a toast. */
export async function importFiles(s: Importing, files: readonly PickedFile[]): Promise<void> {
  const ui = s.ui.getState();
  if (files.length > 3) ui.showToast(`Importing ${files.length} files…`, 'info');
  // The importer (an XML parser and the manifest model) runs in a worker, fetched on first use (import-worker/).
  let outcome: ImportOutcome;
  try {
    outcome = await importOffThread(files, s.importWorkers);
  } catch (err) {
    ui.showToast(`The importer could not be loaded (${err instanceof Error ? err.message : String(err)}); nothing was opened.`, 'error');
    return;
  }
  switch (outcome.kind) {
    case 'error':
      ui.showToast(outcome.message, 'error');
      return;
    case 'scenario':
      openInline(s, outcome.scenario);
      ui.showToast(
        `Imported “${outcome.scenario.name}” from ${outcome.file} (${plural(outcome.scenario.services.length, 'service')}${outcome.warnings.length > 0 ? `, ${plural(outcome.warnings.length, 'warning')}: ${outcome.warnings[0]?.path ?? ''} ${outcome.warnings[0]?.message ?? ''}` : ''}).`,
        'success',
      );
      return;
    case 'manifests': {
      openInline(s, outcome.scenario, outcome.imported);
      const st = outcome.stats;
      const lint = st.errors + st.warnings === 0 ? 'no lint findings' : `${plural(st.warnings, 'warning')}${st.errors > 0 ? ` and ${plural(st.errors, 'error')}` : ''} listed below the graph`;
      ui.showToast(
        `Imported ${plural(st.services, 'service')} from ${plural(st.manifests, 'manifest')}${st.profiles > 0 ? ` and ${plural(st.profiles, 'profile')}` : ''}: ${lint}.`,
        st.errors > 0 ? 'info' : 'success',
      );
      return;
    }
  }
}

/**
 * Make an export's text and save it; if making it fails (a structure too deep
 * to serialise, memory), the user is told what could not be exported and why
 * (issue 15: every failure gets a clear message).
 */
function exportText(s: Exporting, what: string, name: string, type: string, make: () => string): boolean {
  let text: string;
  try {
    text = make();
  } catch (e) {
    const why = e instanceof RangeError ? 'it is nested too deeply or too large to write out' : e instanceof Error ? e.message : String(e);
    s.ui.getState().showToast(`Could not export the ${what}: ${why}.`, 'error');
    return false;
  }
  downloadText(name, text, type);
  return true;
}

/** The scenario that reproduces what is on screen: the base with the conditions applied and the commands as actions (for the boot shown). */
export function downloadScenario(s: Exporting): boolean {
  const run = s.runs.current();
  if (run === undefined) return false;
  return exportText(s, 'scenario file', `${fileSlug(run.scenario.name)}.bootgraph.json`, 'application/json', () => scenarioFileText(run.scenario));
}

export function downloadTrace(s: Exporting): boolean {
  const run = s.runs.current();
  if (run === undefined) return false;
  return exportText(s, 'trace', `${fileSlug(run.scenario.name)}.trace.json`, 'application/json', () => `${JSON.stringify(run.trace, null, 2)}\n`);
}

/**
 * An exporter's code is fetched on first use (issue 16: the first graph does not wait for it); a failed fetch
 * (offline before the app was cached) is said, like a failed export.
 */
async function exporter<M>(s: Exporting, what: string, load: () => Promise<M>): Promise<M | undefined> {
  try {
    return await load();
  } catch (e) {
    s.ui.getState().showToast(`Could not export the ${what}: its code could not be loaded (${e instanceof Error ? e.message : String(e)}).`, 'error');
    return undefined;
  }
}

/** The boot as Chrome/Perfetto trace-event JSON: opens in ui.perfetto.dev or chrome://tracing. */
export async function downloadTraceEvents(s: Exporting): Promise<boolean> {
  const run = s.runs.current();
  if (run === undefined) return false;
  const m = await exporter(s, 'Perfetto trace', () => import('../export/trace-events.ts'));
  return m !== undefined && exportText(s, 'Perfetto trace', `${fileSlug(run.scenario.name)}.perfetto.json`, 'application/json', () => m.traceEventsText(run.trace));
}

export async function downloadDot(s: Exporting): Promise<boolean> {
  const run = s.runs.current();
  if (run === undefined) return false;
  const m = await exporter(s, 'dependency graph', () => import('../graph-view/export-dot.ts'));
  return m !== undefined && exportText(s, 'dependency graph', `${fileSlug(run.scenario.name)}.dot`, 'text/vnd.graphviz', () => m.graphToDot(run.model, { title: run.scenario.name }));
}

function instantLabel(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}

export function downloadSvg(s: Exporting): boolean {
  const run = s.runs.current();
  const g = s.graph.probe();
  if (run === undefined || g === undefined) return false;
  const title = `${run.scenario.name} — at ${instantLabel(s.ui.getState().playhead)}`;
  return exportText(s, 'SVG', `${fileSlug(run.scenario.name)}.svg`, 'image/svg+xml', () => g.svg(title));
}

export async function downloadPng(s: Exporting): Promise<boolean> {
  const run = s.runs.current();
  const g = s.graph.probe();
  if (run === undefined || g === undefined) return false;
  try {
    downloadBlob(`${fileSlug(run.scenario.name)}.png`, await g.png(`${run.scenario.name} — at ${instantLabel(s.ui.getState().playhead)}`));
    return true;
  } catch (e) {
    s.ui.getState().showToast(`The PNG could not be made: ${e instanceof Error ? e.message : String(e)}`, 'error');
    return false;
  }
}
