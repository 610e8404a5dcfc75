/**
 * A small strict JSON scanner, for two jobs JSON.parse does not do: say where
 * a text stops being valid ("line L, column C": Node 20's messages often
 * carry no position), and, through a visitor, where each member and element
 * is written (json-path-position.ts). Pure.
 */
export interface JsonErrorPosition {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
  readonly expected: string;
}

/** Called with the JSON path (`$.a[2].b`) and offset of every object member's key and every array element. */
export type JsonVisitor = (path: string, offset: number) => void;

/** Where a JSON text stops being valid, or undefined for valid JSON. */
export function jsonErrorPosition(text: string): JsonErrorPosition | undefined {
  try {
    scanJson(text);
    return undefined;
  } catch (e) {
    if (!(e instanceof JsonScanError)) throw e;
    const before = text.slice(0, e.offset);
    const line = before.split('\n').length;
    const column = e.offset - before.lastIndexOf('\n');
    return { offset: e.offset, line, column, expected: e.expected };
  }
}

/** Scans the whole text; throws JsonScanError at the first thing that is not JSON. Paths are built only with a visitor. */
export function scanJson(text: string, visit?: JsonVisitor): void {
  let i = 0;
  const n = text.length;
  const ws = (): void => {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const fail = (expected: string): never => {
    throw new JsonScanError(i, expected);
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`a value`);
  };
  const string = (): void => {
    i++;
    while (i < n) {
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('four hex digits after \\u');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail('a valid escape');
      } else if (c !== undefined && c.charCodeAt(0) < 0x20) fail('no control characters in a string');
      else i++;
    }
    fail('a closing quote');
  };
  const number = (): void => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m === null || m[0] === '' || m[0] === '-') fail('a number');
    else i += m[0].length;
  };
  const value = (path: string, depth: number): void => {
    if (depth > 512) fail('less nesting');
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
        if (text[i] !== '"') fail('a property name in double quotes');
        const keyAt = i;
        string();
        // The key as JSON.parse reads it (escapes decoded); only when someone is listening.
        const child = visit === undefined ? path : `${path}.${String(JSON.parse(text.slice(keyAt, i)))}`;
        visit?.(child, keyAt);
        ws();
        if (text[i] !== ':') fail('":"');
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
        fail('"," or "}"');
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
        const child = visit === undefined ? path : `${path}[${k}]`;
        visit?.(child, i);
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
        fail('"," or "]"');
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number();
    else fail(i >= n ? 'more input (the text ends too soon)' : 'a value');
  };
  value('$', 0);
  ws();
  if (i < n) fail('the end of the text');
}

export class JsonScanError extends Error {
  constructor(
    readonly offset: number,
    readonly expected: string,
  ) {
    super(expected);
  }
}
