/**
 * The Import button and drag-and-drop (issues 3 and 6): one `.json` scenario
 * file, or one or many SMF service bundles (`.xml`). Bundles go through the
 * model's importer; a bundle of type profile is recognised by the importer
 * and then applied after the manifests, as svccfg apply would. A file that
 * is too large is refused before it is read; a file that cannot be used is
 * reported and nothing on screen is replaced. Pure apart from reading the
 * files it is given.
 */
import { importBundles, type BundleSource, type ImportStats } from '../model/import/bundle.ts';
import type { Finding } from '../model/import/findings.ts';
import { describeSize, tooLargeMessage, XML_LIMITS } from '../model/import/xml.ts';
import type { Scenario } from '../model/scenario/types.ts';
import { checkScenarioText, describeProblems, MAX_SCENARIO_BYTES, type ScenarioProblem } from './scenario-file.ts';
import type { ImportedFrom } from './document.ts';
import { decodeText } from '../lib/decode-text.ts';
import { appSizeProblem } from '../model/scenario/limits.ts';

/** What the app needs of a File (a browser File satisfies it). */
export interface PickedFile {
  readonly name: string;
  readonly size: number;
  text(): Promise<string>;
  /** The bytes (a browser File has them): decoded as the CLI does, so UTF-16 and BOMs mean the same in both. */
  arrayBuffer?(): Promise<ArrayBuffer>;
}

export type ImportOutcome =
  | { readonly kind: 'scenario'; readonly scenario: Scenario; readonly file: string; readonly warnings: readonly ScenarioProblem[] }
  | { readonly kind: 'manifests'; readonly scenario: Scenario; readonly imported: ImportedFrom; readonly stats: ImportStats }
  | { readonly kind: 'error'; readonly message: string; readonly findings?: readonly Finding[] };

/** More files than this at once is surely a mistake (illumos has about 200 manifests). */
export const MAX_FILES = 2000;

const ext = (name: string): string => /\.([^.]+)$/.exec(name.toLowerCase())?.[1] ?? '';

const byName = (a: PickedFile, b: PickedFile): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

async function readText(f: PickedFile): Promise<string | Error> {
  try {
    // decodeText (src/lib) is the CLI's decoder too: a BOM or XML's UTF-16 signature chooses the encoding.
    if (f.arrayBuffer !== undefined) return decodeText(new Uint8Array(await f.arrayBuffer()));
    return await f.text();
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

export async function importPickedFiles(picked: readonly PickedFile[]): Promise<ImportOutcome> {
  if (picked.length === 0) return { kind: 'error', message: 'No files were given.' };
  if (picked.length > MAX_FILES) return { kind: 'error', message: `${picked.length} files is more than bootgraph imports at once (${MAX_FILES}).` };
  const json = picked.filter((f) => ext(f.name) === 'json');
  const xml = picked.filter((f) => ext(f.name) === 'xml');
  const other = picked.filter((f) => ext(f.name) !== 'json' && ext(f.name) !== 'xml');
  if (other.length > 0) {
    const names = other.slice(0, 3).map((f) => f.name).join(', ');
    return { kind: 'error', message: `bootgraph opens .json scenario files and .xml SMF manifests; ${names}${other.length > 3 ? ` and ${other.length - 3} more` : ''} ${other.length === 1 ? 'is' : 'are'} neither. Nothing was opened.` };
  }
  if (json.length > 0 && xml.length > 0) return { kind: 'error', message: 'Open either one scenario file (.json) or SMF manifests (.xml), not both at once. Nothing was opened.' };
  if (json.length > 1) return { kind: 'error', message: `Open one scenario file at a time (${json.length} .json files were given). Nothing was opened.` };
  const one = json[0];
  if (one !== undefined) return openScenarioFile(one);
  return importManifests(xml);
}

export async function openScenarioFile(f: PickedFile): Promise<ImportOutcome> {
  if (f.size > MAX_SCENARIO_BYTES) {
    return { kind: 'error', message: `${f.name} is ${describeSize(f.size)}, over the ${describeSize(MAX_SCENARIO_BYTES)} limit for a scenario file; it was not read.` };
  }
  const text = await readText(f);
  if (text instanceof Error) return { kind: 'error', message: `${f.name} could not be read: ${text.message}` };
  const check = checkScenarioText(text);
  if (!check.ok) return { kind: 'error', message: describeProblems(f.name, check.errors) };
  const tooBig = appSizeProblem(check.scenario.services.length);
  if (tooBig !== undefined) return { kind: 'error', message: `${f.name}: ${tooBig} Nothing was opened.` };
  return { kind: 'scenario', scenario: check.scenario, file: f.name, warnings: check.warnings };
}

export async function importManifests(files: readonly PickedFile[]): Promise<ImportOutcome> {
  const sorted = [...files].sort(byName);
  const refused: Finding[] = [];
  const sources: BundleSource[] = [];
  for (const f of sorted) {
    if (f.size > XML_LIMITS.maxBytes) {
      refused.push({ severity: 'error', code: 'xml-too-large', file: f.name, message: tooLargeMessage(f.size) });
      continue;
    }
    const text = await readText(f);
    if (text instanceof Error) refused.push({ severity: 'error', code: 'internal', file: f.name, message: `the file could not be read: ${text.message}` });
    else sources.push({ path: f.name, text });
  }
  if (sources.length === 0) {
    return { kind: 'error', message: refused.length === 1 && refused[0] !== undefined ? `${refused[0].file}: ${refused[0].message}.` : 'None of the files could be read.', findings: refused };
  }
  let result = importBundles(sources);
  // The importer recognises profiles among the bundles (type="profile"): apply them after the manifests.
  const profiles = new Set(result.findings.filter((x) => x.code === 'profile-not-applied').map((x) => x.file));
  if (profiles.size > 0 && profiles.size < sources.length) {
    result = importBundles(
      sources.filter((s) => !profiles.has(s.path)),
      { profiles: sources.filter((s) => profiles.has(s.path)) },
    );
  }
  const findings = [...refused, ...result.findings];
  if (result.scenario === undefined) {
    const first = findings.find((x) => x.severity === 'error');
    const where = first === undefined ? '' : ` ${first.file}${first.line === undefined ? '' : `:${first.line}:${first.column ?? 1}`}: ${first.message}.`;
    return { kind: 'error', message: `Nothing to simulate: ${result.unusable ?? 'no usable manifests'}.${where}`, findings };
  }
  const tooBig = appSizeProblem(result.scenario.services.length);
  if (tooBig !== undefined) return { kind: 'error', message: `${tooBig} Nothing was opened.`, findings };
  return { kind: 'manifests', scenario: result.scenario, imported: { files: sorted.map((f) => f.name), findings }, stats: result.stats };
}
