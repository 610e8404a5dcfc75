/**
 * How long an lz-string payload (compressToEncodedURIComponent) expands,
 * measured without expanding it (issue 15). lz-string's dictionary makes a
 * 44,905-character link expand to a 200 MB string; its decompressor has no
 * limit, so the link decoder asks this first and decompresses only payloads
 * that fit. The walk follows lz-string 1.5's _decompress code for code, but
 * keeps each dictionary entry's length instead of its text: memory O(codes),
 * and it stops as soon as the output passes `limit`.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE = new Map<string, number>([...ALPHABET].map((ch, i) => [ch, i]));

export type ExpandedLength = { ok: true; length: number } | { ok: false; reason: 'too-long' | 'corrupt' };

export function lzExpandedLength(encoded: string, limit: number): ExpandedLength {
  const input = encoded.replace(/ /g, '+');
  const length = input.length;
  if (length === 0) return { ok: false, reason: 'corrupt' };
  const resetValue = 32;
  let val = VALUE.get(input.charAt(0)) ?? 0;
  let position = resetValue;
  let index = 1;
  const read = (n: number): number => {
    let bits = 0;
    for (let power = 1; power !== 1 << n; power <<= 1) {
      const resb = val & position;
      position >>= 1;
      if (position === 0) {
        position = resetValue;
        val = VALUE.get(input.charAt(index++)) ?? 0;
      }
      if (resb > 0) bits |= power;
    }
    return bits;
  };
  // Entry lengths; codes 0–2 are markers, never looked up as entries.
  const lengths: number[] = [0, 0, 0];
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  const first = read(2);
  if (first === 2) return { ok: true, length: 0 };
  if (first !== 0 && first !== 1) return { ok: false, reason: 'corrupt' };
  read(first === 0 ? 8 : 16);
  lengths[3] = 1;
  let w = 1;
  let total = 1;
  for (;;) {
    if (index > length || numBits > 30) return { ok: false, reason: 'corrupt' };
    let c = read(numBits);
    if (c === 0 || c === 1) {
      read(c === 0 ? 8 : 16);
      lengths[dictSize++] = 1;
      c = dictSize - 1;
      enlargeIn--;
    } else if (c === 2) {
      return { ok: true, length: total };
    }
    if (enlargeIn === 0) {
      enlargeIn = 1 << numBits;
      numBits++;
    }
    let entry: number;
    const known = lengths[c];
    if (known !== undefined && c >= 3) entry = known;
    else if (c === dictSize) entry = w + 1;
    else return { ok: false, reason: 'corrupt' };
    total += entry;
    if (total > limit) return { ok: false, reason: 'too-long' };
    lengths[dictSize++] = w + 1;
    enlargeIn--;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 1 << numBits;
      numBits++;
    }
  }
}
