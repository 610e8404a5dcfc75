import { describe, expect, it } from 'vitest';
import { compressToEncodedURIComponent } from 'lz-string';
import { encodeShareState } from '../../share/codec.ts';
import { BAD_LINK_PREFIX, linkHref, plainHref, readAddress } from './address.ts';

const known = ['demo-restart-on', 'clearview-ipmp-first-boot'];

function fragmentOf(state: Parameters<typeof encodeShareState>[0]): string {
  const e = encodeShareState(state);
  if (!e.ok) throw new Error(e.message);
  return e.fragment;
}

describe('reading the address', () => {
  it('a #v1. link opens exactly its state', () => {
    const f = fragmentOf({ p: 'demo-restart-on', t: 5010, sel: 'svc:/site/db:default' });
    expect(readAddress({ search: '', hash: `#${f}` }, known)).toEqual({
      kind: 'link',
      fragment: f,
      state: { p: 'demo-restart-on', t: 5010, sel: 'svc:/site/db:default' },
      warnings: [],
      notices: [],
    });
  });

  it('a negative instant opens at 0 s with a notice (issue 18: clamped, not refused)', () => {
    const r = readAddress({ search: '', hash: `#v1.${compressToEncodedURIComponent('{"p":"demo-restart-on","t":-4}')}` }, known);
    expect(r).toMatchObject({ kind: 'link', state: { p: 'demo-restart-on', t: 0 } });
    expect(r.kind === 'link' && r.notices.join(' ')).toMatch(/before the boot began/);
  });

  it('the fragment wins over an old query', () => {
    const f = fragmentOf({ p: 'clearview-ipmp-first-boot' });
    expect(readAddress({ search: '?preset=demo-restart-on', hash: `#${f}` }, known).kind).toBe('link');
  });

  it('reads the old ?preset=&t=&select= forms for ever', () => {
    expect(readAddress({ search: '?preset=demo-restart-on', hash: '' }, known)).toEqual({ kind: 'legacy', request: { preset: 'demo-restart-on', problems: [] } });
    expect(readAddress({ search: '?t=300&select=svc:/a:default', hash: '' }, known)).toMatchObject({ kind: 'legacy', request: { t: 300, select: 'svc:/a:default' } });
  });

  it('a plain visit is plain (an empty fragment too)', () => {
    expect(readAddress({ search: '', hash: '' }, known)).toEqual({ kind: 'plain' });
    expect(readAddress({ search: '', hash: '#' }, known)).toEqual({ kind: 'plain' });
    expect(readAddress({ search: '?utm_source=x', hash: '' }, known)).toEqual({ kind: 'plain' });
  });

  it('every kind of bad link gets the codec’s message, and says the default scenario is open', () => {
    const good = fragmentOf({ p: 'demo-restart-on', t: 1 });
    const cases = [
      `#${good.slice(0, -5)}`,
      '#v2.abcdef',
      '#hello',
      `#v1.${compressToEncodedURIComponent('{"s":{"format":"bootgraph/1","name":"<img src=x onerror=alert(1)>","services":[{"fmri":"svc:/a","dependencies":[{"name":"d","grouping":"<b>","restart_on":"none","targets":["svc:/b"]}]}]}}')}`,
    ];
    for (const hash of cases) {
      const r = readAddress({ search: '', hash }, known);
      expect(r.kind, hash).toBe('bad');
      if (r.kind === 'bad') {
        expect(r.message.startsWith(BAD_LINK_PREFIX)).toBe(true);
        expect(r.message).toContain('default scenario');
      }
    }
    const newer = readAddress({ search: '', hash: '#v2.abcdef' }, known);
    expect(newer.kind === 'bad' && newer.message).toContain('newer bootgraph');
  });

  it('a link to a preset this build does not have is bad, not silently another scenario', () => {
    const f = fragmentOf({ p: 'no-such-preset' });
    const r = readAddress({ search: '', hash: `#${f}` }, known);
    expect(r.kind).toBe('bad');
    expect(r.kind === 'bad' && r.message).toContain('no-such-preset');
  });

  it('builds link and plain addresses from the page address', () => {
    expect(linkHref('https://example.org/bootgraph/?preset=x#old', 'v1.abc')).toBe('https://example.org/bootgraph/#v1.abc');
    expect(plainHref('https://example.org/bootgraph/?preset=x#v1.abc')).toBe('https://example.org/bootgraph/');
  });
});
