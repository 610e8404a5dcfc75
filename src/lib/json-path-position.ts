/**
 * Where a JSON path (`$.services[3].dependencies[0].grouping`, the form the
 * scenario validator reports) is written in a JSON text: line and column of
 * the member's key (or of an array element), so an editor can point at the
 * problem. A path that does not exist in the text (a missing required field)
 * resolves to its deepest existing parent. Only for text that JSON.parse has
 * accepted; anything else returns no positions. Pure.
 */
import { JsonScanError, scanJson } from './json-position.ts';

export interface TextPosition {
  readonly offset: number;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

/** `$.a.b[2].c` → ['.a', '.b', '[2]', '.c']. */
export function pathSegments(path: string): string[] {
  const body = path.startsWith('$') ? path.slice(1) : path;
  return [...body.matchAll(/\.[^.[\]]+|\[\d+\]/g)].map((m) => m[0]);
}

/** Offsets at which each line starts. */
export function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) out.push(i + 1);
  return out;
}

export function positionAt(text: string, offset: number, starts: readonly number[] = lineStarts(text)): TextPosition {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { offset, line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}

export function locateJsonPaths(text: string, paths: readonly string[]): Map<string, TextPosition> {
  const wanted = new Set<string>();
  for (const p of paths) {
    let acc = '$';
    wanted.add(acc);
    for (const seg of pathSegments(p)) {
      acc += seg;
      wanted.add(acc);
    }
  }
  const found = new Map<string, number>();
  const first = /\S/.exec(text);
  found.set('$', first === null ? text.length : first.index);
  try {
    scanJson(text, (path, offset) => {
      if (wanted.has(path) && !found.has(path)) found.set(path, offset);
    });
  } catch (e) {
    if (!(e instanceof JsonScanError)) throw e;
    return new Map();
  }
  const out = new Map<string, TextPosition>();
  const starts = lineStarts(text);
  for (const p of paths) {
    let best = found.get('$') ?? 0;
    let acc = '$';
    for (const seg of pathSegments(p)) {
      acc += seg;
      const at = found.get(acc);
      if (at === undefined) break;
      best = at;
    }
    out.set(p, positionAt(text, best, starts));
  }
  return out;
}
