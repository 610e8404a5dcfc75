/**
 * Where a JSON path (`$.services[3].dependencies[0].grouping`, the form the
 * scenario validator reports) is written in a JSON text: line and column of
 * the member's key (or of an array element), so an editor can point at the
 * problem. A path that does not exist in the text (a missing required field)
 * resolves to its deepest existing parent. Only for text that JSON.parse has
 * accepted; anything else returns no positions. Pure.
 */
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

class Stop extends Error {}

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
  let i = 0;
  const n = text.length;
  const ws = (): void => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
  };
  const skipString = (): string => {
    const start = i;
    i++;
    while (i < n && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return text.slice(start, i);
  };
  const value = (path: string, depth: number): void => {
    if (depth > 512) throw new Stop();
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') throw new Stop();
        const keyAt = i;
        const raw = skipString();
        let key: string;
        try {
          key = String(JSON.parse(raw));
        } catch {
          throw new Stop();
        }
        const child = `${path}.${key}`;
        if (wanted.has(child) && !found.has(child)) found.set(child, keyAt);
        ws();
        if (text[i] !== ':') throw new Stop();
        i++;
        value(child, depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        throw new Stop();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let k = 0; ; k++) {
        ws();
        const child = `${path}[${k}]`;
        if (wanted.has(child) && !found.has(child)) found.set(child, i);
        value(child, depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        throw new Stop();
      }
    } else if (c === '"') skipString();
    else {
      const m = /^[^\s,\]}]+/.exec(text.slice(i, i + 64));
      if (m === null) throw new Stop();
      i += m[0].length;
    }
  };
  ws();
  found.set('$', i);
  try {
    value('$', 0);
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
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
