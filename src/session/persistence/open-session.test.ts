import { describe, expect, it } from 'vitest';
import golden from '../../../fixtures/links/v1-intervention-boots.json';
import goldenCompare from '../../../fixtures/links/v1-compare-condition.json';
import goldenNextBoot from '../../../fixtures/links/v1-compare-next-boot.json';
import goldenLayout from '../../../fixtures/links/v1-view-layout.json';
import goldenSearch from '../../../fixtures/links/v1-view-search-legend.json';
import goldenDrawer from '../../../fixtures/links/v1-view-drawer.json';
import { decodeShareFragment, encodeShareState } from '../../share/codec.ts';
import { readAddress } from './address.ts';
import { openingFor } from './open-session.ts';

const known = ['demo-restart-on', 'clearview-ipmp-first-boot', 'lesson-groupings', 'lesson-disable-temporary'];
const DEF = 'clearview-ipmp-first-boot';

describe('which session the app opens with', () => {
  it('the golden link with per-boot commands opens each command in its boot, on the boot it names', () => {
    const o = openingFor(readAddress({ search: '', hash: golden.link }, known), undefined, DEF, known);
    expect(o.fromAddress).toBe(true);
    expect(o.problem).toBeUndefined();
    expect(o.session.boot).toBe(1);
    expect(o.session.interventions).toEqual([
      { at: 1000, run: 'svcadm clear svc:/network/physical:default' },
      { at: 2500, run: 'svcadm restart svc:/network/physical:default', boot: 1 },
    ]);
    expect(o.session.view).toEqual({ zoom: 1.5, centre: { x: 412.5, y: -96 } });
    expect(o.session.playhead).toBe(2600);
  });

  it('the golden view-layout links (issue 18) open the view they were made in, without a notice', () => {
    const open = (link: string) => openingFor(readAddress({ search: '', hash: link }, known), undefined, DEF, known);
    const layout = open(goldenLayout.link);
    expect(layout.problem).toBeUndefined();
    expect(layout.session.layout).toEqual({ centreView: 'table', focusMode: 'cause', collapse: 'none', bottomTab: 'console', bottomHeight: 300, open: ['help'] });
    const compare = open(goldenCompare.link);
    expect(compare.problem).toBeUndefined();
    expect(compare.session.layout).toEqual({ centreView: 'compare', compare: { kind: 'condition', id: 'dependency.grouping:svc:/site/web#caches', value: 'require_all' } });
    // The comparison is a view: the session's own conditions are untouched.
    expect(compare.session.conditions).toEqual({});
    expect(open(goldenNextBoot.link).session.layout).toEqual({ centreView: 'compare', compare: { kind: 'next-boot' } });
    // The search text, the legend unfolded and Compare's row filter (ui.q, ui.lg, ui.cf).
    const search = open(goldenSearch.link);
    expect(search.problem).toBeUndefined();
    expect(search.session.layout).toEqual({ centreView: 'compare', compare: { kind: 'next-boot' }, search: 'physical', legend: true, compareFilter: 'state' });
    // A filter this version does not have is named, and the rest kept.
    const made = encodeShareState({ p: 'demo-restart-on', ui: { cf: 'faster', q: 'db' } });
    if (!made.ok) throw new Error(made.message);
    const odd = open(`#${made.fragment}`);
    expect(odd.session.layout).toEqual({ search: 'db' });
    expect(odd.problem).toContain('the link\'s Compare filter "faster" is not one this bootgraph has: ignored');
  });

  it('the golden drawer link opens the inspector as the side panel below 1200 px; a side this version lacks is named', () => {
    const open = (link: string) => openingFor(readAddress({ search: '', hash: link }, known), undefined, DEF, known);
    const drawer = open(goldenDrawer.link);
    expect(drawer.problem).toBeUndefined();
    expect(drawer.session.layout).toEqual({ drawer: 'right' });
    expect(drawer.session.selected).toBe('svc:/network/physical:default');
    // The default side written out is no change; an unknown one is named and dropped.
    const made = (dr: string) => {
      const e = encodeShareState({ p: 'demo-restart-on', ui: { dr, q: 'db' } });
      if (!e.ok) throw new Error(e.message);
      return open(`#${e.fragment}`);
    };
    expect(made('left').session.layout).toEqual({ search: 'db' });
    expect(made('none').session.layout).toEqual({ search: 'db', drawer: 'none' });
    const odd = made('middle');
    expect(odd.session.layout).toEqual({ search: 'db' });
    expect(odd.problem).toContain('the link\'s side panel "middle" is not one this bootgraph has: ignored');
  });

  it('a link opened with changes says which (a negative instant, a mode this version lacks)', () => {
    const made = encodeShareState({ p: 'demo-restart-on', t: -5, ui: { v: 'hologram', f: 'cause' } });
    if (!made.ok) throw new Error(made.message);
    const o = openingFor(readAddress({ search: '', hash: `#${made.fragment}` }, known), undefined, DEF, known);
    expect(o.session.playhead).toBe(0);
    expect(o.session.layout).toEqual({ focusMode: 'cause' });
    expect(o.problem).toMatch(/^The link was opened with changes: the link's instant \(-5 ms\) is before the boot began: showing 0 s; the link's centre view "hologram" is not one this bootgraph has: ignored\.$/);
  });

  it('a plain visit restores the autosave, unless it names a preset this build lacks', () => {
    const plain = readAddress({ search: '', hash: '' }, known);
    const saved = decodeShareFragment(golden.link);
    if (!saved.ok) throw new Error(saved.message);
    expect(openingFor(plain, { state: saved.state }, DEF, known)).toMatchObject({ restored: true, fromAddress: false, session: { boot: 1 } });
    const gone = openingFor(plain, { state: { p: 'retired-preset', t: 5 } }, DEF, known);
    expect(gone.restored).toBe(false);
    expect(gone.session.source).toEqual({ kind: 'preset', id: DEF });
    expect(openingFor(plain, undefined, DEF, known).session).toEqual({ version: 1, source: { kind: 'preset', id: DEF }, conditions: {}, interventions: [], boot: 0, playhead: 0 });
  });

  it('an old ?preset= address opens the preset at the instant, and names an unknown preset', () => {
    const o = openingFor(readAddress({ search: '?preset=demo-restart-on&t=5020&select=svc:/site/db:default', hash: '' }, known), undefined, DEF, known);
    expect(o.session).toMatchObject({ source: { kind: 'preset', id: 'demo-restart-on' }, playhead: 5020, selected: 'svc:/site/db:default' });
    const bad = openingFor(readAddress({ search: '?preset=nope', hash: '' }, known), undefined, DEF, known);
    expect(bad.problem).toContain('nope');
    expect(bad.session.source).toEqual({ kind: 'preset', id: DEF });
  });

  it('a bad link opens the default scenario with the codec’s message', () => {
    const o = openingFor(readAddress({ search: '', hash: '#v1.%%%' }, known), { state: { p: 'demo-restart-on' } }, DEF, known);
    expect(o.session.source).toEqual({ kind: 'preset', id: DEF });
    expect(o.problem).toContain('could not be opened');
    expect(o.restored).toBe(false);
  });
});
