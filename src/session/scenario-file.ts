/**
 * Scenario files (issue 6): the text bootgraph writes ("bootgraph/1" JSON,
 * two-space indented, what the CLI's `import -o` writes too) and the check of
 * text a user opens or types — JSON syntax with line and column, then the
 * same validator as the CLI, each problem with its JSON path and where that
 * path is written. Pure.
 */
import { jsonErrorPosition } from '../lib/json-position.ts';
import { locateJsonPaths } from '../lib/json-path-position.ts';
import type { Scenario } from '../model/scenario/types.ts';
import { validateScenario } from '../model/scenario/validate.ts';

export interface ScenarioProblem {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** JSON path, for validation problems. */
  readonly path?: string;
  /** 1-based, where the problem is written (syntax errors; paths that exist in the text). */
  readonly line?: number;
  readonly column?: number;
  readonly offset?: number;
}

export type ScenarioCheck =
  | { readonly ok: true; readonly scenario: Scenario; readonly warnings: readonly ScenarioProblem[] }
  | { readonly ok: false; readonly errors: readonly ScenarioProblem[]; readonly warnings: readonly ScenarioProblem[] };

/** The largest scenario file the app reads (a whole illumos graph is about 0.2 MB). */
export const MAX_SCENARIO_BYTES = 5_000_000;

export function scenarioFileText(scenario: Scenario): string {
  return `${JSON.stringify(scenario, null, 2)}\n`;
}

export function checkScenarioText(text: string): ScenarioCheck {
  if (text.trim().length === 0) return { ok: false, errors: [{ severity: 'error', message: 'The text is empty; a scenario is a JSON object with "format": "bootgraph/1".' }], warnings: [] };
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (e) {
    const p = jsonErrorPosition(text);
    if (p === undefined) return { ok: false, errors: [{ severity: 'error', message: `Not valid JSON: ${e instanceof Error ? e.message : String(e)}` }], warnings: [] };
    const found = text[p.offset];
    const what = found === undefined ? 'the end of the text' : found === '\n' ? 'a line break' : `“${found}”`;
    return {
      ok: false,
      errors: [{ severity: 'error', message: `Not valid JSON: expected ${p.expected}, found ${what}.`, line: p.line, column: p.column, offset: p.offset }],
      warnings: [],
    };
  }
  const v = validateScenario(value);
  const issues = [...(v.ok ? [] : v.errors), ...v.warnings];
  const where = locateJsonPaths(text, issues.map((x) => x.path));
  const problem = (severity: ScenarioProblem['severity']) => (x: { path: string; message: string }): ScenarioProblem => {
    const at = where.get(x.path);
    return { severity, message: x.message, path: x.path, ...(at === undefined ? {} : { line: at.line, column: at.column, offset: at.offset }) };
  };
  const warnings = v.warnings.map(problem('warning'));
  if (!v.ok) return { ok: false, errors: v.errors.map(problem('error')), warnings };
  return { ok: true, scenario: v.scenario, warnings };
}

/** "line 4, column 9: $.services[0].fmri: …" — one line, for messages and lists. */
export function describeProblem(p: ScenarioProblem): string {
  const where = p.line === undefined ? '' : `line ${p.line}, column ${p.column ?? 1}: `;
  return `${where}${p.path === undefined ? '' : `${p.path}: `}${p.message}`;
}

/** A one-paragraph summary of why a file cannot be opened. */
export function describeProblems(file: string, errors: readonly ScenarioProblem[], max = 3): string {
  const first = errors.slice(0, max).map(describeProblem).join(' · ');
  const more = errors.length > max ? ` (and ${errors.length - max} more)` : '';
  return `${file} is not a valid bootgraph scenario — ${first}${more}`;
}

/** A file name from a scenario name: lower-case words joined by dashes, at most 60 characters. */
export function fileSlug(name: string, fallback = 'scenario'): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug.length > 0 ? slug : fallback;
}
