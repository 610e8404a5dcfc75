import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import LZ from 'lz-string';
import { lzExpandedLength } from './lz-expanded-length.ts';

describe('lzExpandedLength (issue 15: measure a link before expanding it)', () => {
  it('equals the length lz-string expands to, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 3000 }), fc.string({ unit: fc.constantFrom('a', 'b', '{', '"'), maxLength: 5000 }), fc.string({ unit: 'binary', maxLength: 500 })), (text) => {
        const r = lzExpandedLength(LZ.compressToEncodedURIComponent(text), Number.MAX_SAFE_INTEGER);
        expect(r).toEqual(text.length === 0 ? { ok: true, length: 0 } : { ok: true, length: text.length });
      }),
      { numRuns: 400 },
    );
  });

  it('agrees with lz-string on cut and damaged payloads: whenever lz-string yields text, the length is its length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 800 }), fc.nat(), fc.nat(), (text, cut, flip) => {
        const full = LZ.compressToEncodedURIComponent(text);
        const chars = [...full.slice(0, full.length === 0 ? 0 : cut % (full.length + 1))];
        if (chars.length > 0) chars[flip % chars.length] = 'Q';
        const damaged = chars.join('');
        const expanded = LZ.decompressFromEncodedURIComponent(damaged);
        const r = lzExpandedLength(damaged, Number.MAX_SAFE_INTEGER);
        if (expanded !== null && expanded.length > 0) expect(r).toEqual({ ok: true, length: expanded.length });
      }),
      { numRuns: 400 },
    );
  });

  it('stops at the limit: a run of one letter that expands 100× is refused without being expanded', () => {
    const payload = LZ.compressToEncodedURIComponent('a'.repeat(200_000));
    expect(payload.length).toBeLessThan(2_000);
    expect(lzExpandedLength(payload, 100_000)).toEqual({ ok: false, reason: 'too-long' });
    expect(lzExpandedLength(payload, 200_000)).toEqual({ ok: true, length: 200_000 });
  });

  it('calls an empty or cut-short payload corrupt (lz-string yields nothing for it)', () => {
    expect(lzExpandedLength('', 10)).toEqual({ ok: false, reason: 'corrupt' });
    const cut = LZ.compressToEncodedURIComponent('hello world, hello world, hello').slice(0, 4);
    expect(LZ.decompressFromEncodedURIComponent(cut) ?? '').toBe('');
    expect(lzExpandedLength(cut, 1_000)).toEqual({ ok: false, reason: 'corrupt' });
  });
});
