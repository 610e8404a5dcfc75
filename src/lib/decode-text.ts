/**
 * Bytes of a text file → string, the same in the CLI and the app (issue 15):
 * a byte-order mark chooses UTF-8, UTF-16LE or UTF-16BE (and is dropped);
 * without one, XML's own signature does (an XML file starting "<\0" is
 * UTF-16LE, "\0<" UTF-16BE; XML 1.0 Appendix F); otherwise UTF-8. Bytes that
 * are not valid in the chosen encoding become U+FFFD, never an exception.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export function sniffEncoding(bytes: Uint8Array): { encoding: TextEncodingName; bom: number } {
  const [a, b, c] = [bytes[0], bytes[1], bytes[2]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be', bom: 2 };
  if (a === 0x3c && b === 0x00) return { encoding: 'utf-16le', bom: 0 };
  if (a === 0x00 && b === 0x3c) return { encoding: 'utf-16be', bom: 0 };
  return { encoding: 'utf-8', bom: 0 };
}

export function decodeText(bytes: Uint8Array): string {
  const { encoding, bom } = sniffEncoding(bytes);
  return new TextDecoder(encoding, { fatal: false, ignoreBOM: true }).decode(bytes.subarray(bom));
}
