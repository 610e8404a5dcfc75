/**
 * Read a scenario for the CLI: a JSON file, or the name of a built-in preset.
 * Every failure becomes one clear line naming the file and, for invalid
 * scenarios, the JSON path.
 */
import { statSync } from 'node:fs';
import { validateScenario } from '../model/scenario/validate.ts';
import type { Scenario } from '../model/scenario/types.ts';
import { findPreset, presetIds } from '../scenarios/catalog.ts';
import { jsonErrorPosition } from '../lib/json-position.ts';
import { decodeText } from '../lib/decode-text.ts';
import { ReadError, readBoundedFile } from './read-file.ts';

export class InputError extends Error {}

const MAX_BYTES = 50 * 1024 * 1024;

export function jsonErrorLocation(text: string, message: string): string {
  const p = jsonErrorPosition(text);
  if (p === undefined) return message;
  const found = text[p.offset];
  const what = found === undefined ? 'end of text' : `"${found}"`;
  return `line ${p.line}, column ${p.column}: expected ${p.expected}, found ${what}`;
}

export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    // Regular files only, bounded (a device or FIFO is refused, never read for ever); any BOM honoured.
    text = decodeText(readBoundedFile(path, MAX_BYTES));
  } catch (e) {
    if (e instanceof ReadError) throw new InputError(e.message);
    throw e;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new InputError(`${path}: invalid JSON: ${jsonErrorLocation(text, e instanceof Error ? e.message : String(e))}`);
  }
}

/** A file path, or a preset id (see `npm run simulate -- --list`). */
export async function loadScenario(ref: string): Promise<{ scenario: Scenario; source: string; warnings: string[] }> {
  const preset = findPreset(ref);
  const looksLikeFile = ref.includes('/') || ref.endsWith('.json');
  if (preset !== undefined && !looksLikeFile) {
    return { scenario: await preset.load(), source: `preset ${ref}`, warnings: [] };
  }
  if (!looksLikeFile) {
    let exists = false;
    try {
      exists = statSync(ref).isFile();
    } catch {
      exists = false;
    }
    if (!exists) throw new InputError(`${ref}: no such file or preset (presets: ${presetIds().join(', ')})`);
  }
  const json = readJsonFile(ref);
  const v = validateScenario(json);
  if (!v.ok) {
    const first = v.errors[0];
    const more = v.errors.length > 1 ? ` (and ${v.errors.length - 1} more problem${v.errors.length > 2 ? 's' : ''})` : '';
    throw new InputError(`${ref}: ${first?.path ?? '$'}: ${first?.message ?? 'invalid scenario'}${more}`);
  }
  return { scenario: v.scenario, source: ref, warnings: v.warnings.map((w) => `${ref}: ${w.path}: ${w.message}`) };
}
