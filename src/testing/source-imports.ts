/**
 * The relative imports of the app's source files, read from the text (for
 * tests that guard the layers, src/architecture.test.ts, and what the entry
 * loads, src/entry-lazy.test.ts). Node-only: tests run it, the app never does.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const SRC = join(process.cwd(), 'src');

/** Every non-test .ts/.tsx file under `dir`. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

export interface Import {
  /** The importing file, relative to src/. */
  readonly from: string;
  readonly spec: string;
  /** The file it names, relative to src/ (relative imports only). */
  readonly target: string | undefined;
  /** `import type` / `export type`, or every named binding marked `type`. */
  readonly typeOnly: boolean;
  /** `import('…')`: fetched when called, not with the importing module. */
  readonly dynamic: boolean;
}

export function typeOnly(keyword: string | undefined, clause: string): boolean {
  if (keyword !== undefined) return true;
  const m = /^\s*\{([^}]*)\}\s*$/.exec(clause);
  if (m === null) return false;
  const names = (m[1] ?? '').split(',').map((x) => x.trim()).filter((x) => x !== '');
  return names.length > 0 && names.every((x) => x.startsWith('type '));
}

export function importsOf(path: string): Import[] {
  const text = readFileSync(path, 'utf8');
  const from = relative(SRC, path);
  const out: Import[] = [];
  const add = (spec: string, isType: boolean, dynamic: boolean): void => {
    const target = spec.startsWith('.') ? relative(SRC, resolve(dirname(path), spec)) : undefined;
    out.push({ from, spec, target, typeOnly: isType, dynamic });
  };
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s+['"]([^'"]+)['"]/g)) add(m[3] ?? '', typeOnly(m[1], m[2] ?? ''), false);
  for (const m of text.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)) add(m[1] ?? '', false, false);
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) add(m[1] ?? '', false, true);
  return out;
}
