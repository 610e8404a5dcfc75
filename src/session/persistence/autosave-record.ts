/**
 * The autosaved session in localStorage: the same state a link carries (so
 * one validator guards both) plus, for an imported scenario, the importer's
 * findings. Pure: values in, strings out and back; a damaged or foreign
 * record is refused, never half-read.
 */
import type { Finding } from '../../model/import/findings.ts';
import { validateShareState } from '../../share/codec.ts';
import type { ShareStateV1 } from '../../share/share-state.ts';
import type { ImportedFrom } from '../document.ts';

export const AUTOSAVE_KEY = 'bootgraph.autosave';
export const AUTOSAVE_FORMAT = 'bootgraph-autosave/1';

export interface AutosaveRecord {
  readonly state: ShareStateV1;
  readonly imported?: ImportedFrom;
  /** ISO time of the save. */
  readonly savedAt?: string;
}

/**
 * The JSON text of a record's large parts (the scenario of an imported or edited session, the importer's findings),
 * by object identity: the document's objects are replaced, never changed in place, so a save after the playhead or the
 * selection moved reuses the text (a 3,000-service scenario took 80 ms of main-thread work to write on every pause).
 */
const partJson = new WeakMap<object, string>();

function jsonOf(part: object): string {
  let text = partJson.get(part);
  if (text === undefined) {
    text = JSON.stringify(part);
    partJson.set(part, text);
  }
  return text;
}

/** JSON text equal, once parsed, to `JSON.stringify({ format, ...record })`; the large parts' text is reused (jsonOf). */
export function encodeAutosave(record: AutosaveRecord): string {
  const { s, ...small } = record.state;
  const smallJson = JSON.stringify(small);
  const stateJson = s === undefined ? smallJson : `{"s":${jsonOf(s)}${smallJson === '{}' ? '}' : `,${smallJson.slice(1)}`}`;
  const imported = record.imported === undefined ? '' : `,"imported":${jsonOf(record.imported)}`;
  const savedAt = record.savedAt === undefined ? '' : `,"savedAt":${JSON.stringify(record.savedAt)}`;
  return `{"format":${JSON.stringify(AUTOSAVE_FORMAT)},"state":${stateJson}${imported}${savedAt}}`;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const MAX_FINDINGS = 5000;

function readFinding(v: unknown): Finding | undefined {
  if (!isObj(v)) return undefined;
  const { severity, code, file, line, column, fmri, message } = v;
  if ((severity !== 'error' && severity !== 'warning') || typeof code !== 'string' || typeof file !== 'string' || typeof message !== 'string') return undefined;
  const num = (n: unknown): number | undefined => (typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined);
  const l = num(line);
  const c = num(column);
  return {
    severity,
    code: code as Finding['code'],
    file,
    message,
    ...(l === undefined ? {} : { line: l }),
    ...(c === undefined ? {} : { column: c }),
    ...(typeof fmri === 'string' ? { fmri } : {}),
  };
}

function readImported(v: unknown): ImportedFrom | undefined {
  if (!isObj(v) || !Array.isArray(v['files']) || !Array.isArray(v['findings'])) return undefined;
  const files = v['files'].filter((f): f is string => typeof f === 'string');
  const findings = v['findings'].slice(0, MAX_FINDINGS).map(readFinding).filter((f): f is Finding => f !== undefined);
  return { files, findings };
}

export function decodeAutosave(text: string | null): AutosaveRecord | undefined {
  if (text === null || text.length === 0) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
  if (!isObj(value) || value['format'] !== AUTOSAVE_FORMAT) return undefined;
  const v = validateShareState(value['state']);
  if (!v.ok) return undefined;
  const imported = v.state.s === undefined ? undefined : readImported(value['imported']);
  const savedAt = typeof value['savedAt'] === 'string' ? value['savedAt'] : undefined;
  return { state: v.state, ...(imported === undefined ? {} : { imported }), ...(savedAt === undefined ? {} : { savedAt }) };
}
