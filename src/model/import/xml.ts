/**
 * The one interface bootgraph has over an XML parser: `parseXml()` turns a
 * service bundle's text into a light element tree with a line and column for
 * every element, or says precisely why it will not.
 *
 * Built on saxes, a non-validating parser that never fetches anything (so the
 * `<!DOCTYPE service_bundle SYSTEM "/usr/share/lib/xml/dtd/service_bundle.dtd.1">`
 * every real manifest carries is accepted and ignored) and never expands
 * entities it was not told about. On top of that:
 *
 * - a DOCTYPE whose internal subset declares an ENTITY is refused outright
 *   (billion laughs, XXE through `SYSTEM "file:///etc/passwd"`);
 * - input over 10 MB is refused before the parser sees a byte;
 * - nesting deeper than 256 elements, or more than 200,000 elements, stops the
 *   parse at the element that crosses the line.
 *
 * `parseXml()` never throws: every outcome is a Result.
 */
import { SaxesParser } from 'saxes';
import type { SaxesTagPlain } from 'saxes';
import { err, ok, type Result } from '../../lib/result.ts';

export interface XmlElement {
  /** Tag name as written, prefix included (`xi:include`). */
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** Character data (text and CDATA) directly inside this element, concatenated. */
  readonly text: string;
  /** 1-based line of the element's `<`. */
  readonly line: number;
  /** 1-based column of the element's `<`. */
  readonly column: number;
}

export interface XmlDocument {
  readonly root: XmlElement;
  /** The DOCTYPE declaration's contents, if there was one. */
  readonly doctype?: string;
}

export type XmlErrorKind = 'too-large' | 'too-deep' | 'too-many-elements' | 'entity-declaration' | 'malformed';

export interface XmlError {
  readonly kind: XmlErrorKind;
  readonly message: string;
  /** 1-based; absent when the input was refused before parsing. */
  readonly line?: number;
  /** 1-based column of the character at which the parser stopped. */
  readonly column?: number;
}

export interface XmlLimits {
  /** Largest accepted input, in UTF-8 bytes. */
  readonly maxBytes: number;
  /** Deepest accepted element nesting (the root is depth 1). */
  readonly maxDepth: number;
  readonly maxElements: number;
}

export const MEGABYTE = 1024 * 1024;

export const XML_LIMITS: XmlLimits = {
  maxBytes: 10 * MEGABYTE,
  maxDepth: 256,
  maxElements: 200_000,
};

/** "52,428,800 bytes (50.0 MB)". */
export function describeSize(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} bytes (${(bytes / MEGABYTE).toFixed(1)} MB)`;
}

/** The message for input over the size limit; the CLI uses it too, before reading a file. */
export function tooLargeMessage(bytes: number, maxBytes: number = XML_LIMITS.maxBytes, atLeast = false): string {
  return `the input is ${atLeast ? 'at least ' : ''}${describeSize(bytes)}, over the ${describeSize(maxBytes)} limit for a service bundle; nothing was parsed`;
}

/**
 * UTF-8 length of `text`, or `limit + 1` as soon as it is known to exceed
 * `limit` (so a 50 MB string costs nothing to refuse).
 */
export function utf8Length(text: string, limit: number = Number.MAX_SAFE_INTEGER): number {
  if (text.length > limit) return limit + 1;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (bytes > limit) return limit + 1;
  }
  return bytes;
}

interface MutableElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: MutableElement[];
  text: string;
  readonly line: number;
  readonly column: number;
}

/** Thrown inside saxes handlers to stop the parse; never escapes parseXml(). */
class StopParse {
  constructor(readonly error: XmlError) {}
}

export function parseXml(input: string, limits: Partial<XmlLimits> = {}): Result<XmlDocument, XmlError> {
  const max: XmlLimits = { ...XML_LIMITS, ...limits };
  if (input.length > max.maxBytes) {
    // Every character is at least one byte: refuse without looking at the text.
    return err({ kind: 'too-large', message: tooLargeMessage(input.length, max.maxBytes, true) });
  }
  if (input.length * 3 > max.maxBytes) {
    const bytes = utf8Length(input, max.maxBytes * 2);
    if (bytes > max.maxBytes) return err({ kind: 'too-large', message: tooLargeMessage(bytes, max.maxBytes, bytes > max.maxBytes * 2) });
  }
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  try {
    return ok(runParser(text, max));
  } catch (e) {
    if (e instanceof StopParse) return err(e.error);
    // saxes itself should only fail through the error handler; anything else is reported, not thrown.
    return err({ kind: 'malformed', message: `the XML parser failed: ${e instanceof Error ? e.message : String(e)}` });
  }
}

function runParser(text: string, max: XmlLimits): XmlDocument {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const lineStarts = computeLineStarts(text);
  const stack: MutableElement[] = [];
  let root: MutableElement | undefined;
  let doctype: string | undefined;
  let count = 0;

  const stop = (kind: XmlErrorKind, message: string, line: number, column: number): never => {
    throw new StopParse({ kind, message, line, column: Math.max(1, column) });
  };

  parser.on('error', (e: Error) => {
    const message = e.message.replace(/^\d+:\d+: /, '');
    stop('malformed', `not well-formed XML: ${message}`, parser.line, parser.column);
  });
  parser.on('doctype', (body: string) => {
    if (declaresEntity(body)) {
      stop(
        'entity-declaration',
        'the DOCTYPE declares entities in an internal subset (<!ENTITY ...>); bootgraph refuses such documents because they can ' +
          'expand without bound ("billion laughs") or read local files (XXE). Service bundles only need ' +
          '<!DOCTYPE service_bundle SYSTEM "/usr/share/lib/xml/dtd/service_bundle.dtd.1">',
        parser.line,
        parser.column,
      );
    }
    doctype = body.trim();
  });
  parser.on('opentagstart', (tag) => {
    count++;
    const at = tagStart(text, lineStarts, parser.position, tag.name.length, parser.line, parser.column);
    if (stack.length + 1 > max.maxDepth) {
      stop('too-deep', `elements are nested more than ${max.maxDepth} deep (at <${tag.name}>); a service bundle is at most a few levels deep`, at.line, at.column);
    }
    if (count > max.maxElements) {
      stop('too-many-elements', `the document has more than ${max.maxElements.toLocaleString('en-US')} elements; refusing to build a tree that large`, at.line, at.column);
    }
    const el: MutableElement = { name: tag.name, attributes: {}, children: [], text: '', line: at.line, column: at.column };
    const parent = stack[stack.length - 1];
    if (parent === undefined) root = el;
    else parent.children.push(el);
    stack.push(el);
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const el = stack[stack.length - 1];
    if (el !== undefined) Object.assign(el.attributes, tag.attributes);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (t: string) => {
    const el = stack[stack.length - 1];
    if (el !== undefined) el.text += t;
  });
  parser.on('cdata', (t: string) => {
    const el = stack[stack.length - 1];
    if (el !== undefined) el.text += t;
  });

  parser.write(text).close();
  if (root === undefined) {
    return stop('malformed', 'not well-formed XML: the document has no root element', parser.line, parser.column);
  }
  return doctype === undefined ? { root: freeze(root) } : { root: freeze(root), doctype };
}

/** True when the DOCTYPE body has an internal subset (`[...]`) containing `<!ENTITY`. */
export function declaresEntity(doctypeBody: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < doctypeBody.length; i++) {
    const c = doctypeBody[i];
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') return doctypeBody.slice(i).includes('<!ENTITY');
  }
  return false;
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * Where the `<` of the tag just opened is. saxes reports the opentagstart event
 * after reading the name and the character that ends it, so the `<` is
 * name.length + 2 code units back; confirm against the text and fall back to the
 * parser's own position if the input does something unusual (CR LF after the name).
 */
function tagStart(
  text: string,
  lineStarts: readonly number[],
  position: number,
  nameLength: number,
  parserLine: number,
  parserColumn: number,
): { line: number; column: number } {
  let index = position - nameLength - 2;
  for (let back = 0; back < 3 && index >= 0 && text[index] !== '<'; back++) index--;
  if (index < 0 || text[index] !== '<') return { line: parserLine, column: Math.max(1, parserColumn - nameLength - 1) };
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= index) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: index - (lineStarts[lo] ?? 0) + 1 };
}

function freeze(el: MutableElement): XmlElement {
  return {
    name: el.name,
    attributes: el.attributes,
    children: el.children.map(freeze),
    text: el.text,
    line: el.line,
    column: el.column,
  };
}
