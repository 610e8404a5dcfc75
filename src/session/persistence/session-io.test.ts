import { describe, expect, it } from 'vitest';
import { decodeShareFragment, encodeShareState } from '../../share/codec.ts';
import { createSession } from '../create-session.ts';
import { applySession, captureSession, fromShareState, layoutFromShare, toShareState } from './session-io.ts';
import type { SessionState } from '../document.ts';

const session: SessionState = {
  version: 1,
  source: { kind: 'preset', id: 'demo-restart-on' },
  conditions: { 'boot.mode': 'single' },
  interventions: [{ at: 2000, run: 'svcadm restart svc:/site/db:default' }],
  boot: 0,
  playhead: 5020,
  selected: 'svc:/site/app:default',
};

function viaLink(s: SessionState): SessionState {
  const enc = encodeShareState(toShareState(s));
  if (!enc.ok) throw new Error(enc.message);
  const dec = decodeShareFragment(`#${enc.fragment}`);
  if (!dec.ok) throw new Error(dec.message);
  return fromShareState(dec.state, 'x');
}

describe('session state in and out', () => {
  it('captures and re-applies the session through the stores', () => {
    const s = createSession();
    applySession(s, session);
    expect(captureSession(s)).toEqual(session);
    applySession(s, { ...session, tour: { id: 'demo', step: 3 } });
    expect(captureSession(s).tour).toEqual({ id: 'demo', step: 3 });
    s.player.stop();
  });

  it('round-trips through a v1 share link', () => {
    expect(viaLink(session)).toEqual(session);
  });

  it('a timing explorer class\'s boot and the explorer\'s parameters travel in the link, and reopening reruns it (issue 17)', () => {
    const timed: SessionState = { ...session, timing: { seed: 5, jitter: 0.3 }, explore: { boots: 120, jitter: 0.3, baseSeed: 7 } };
    expect(viaLink(timed)).toEqual(timed);
    const s = createSession();
    applySession(s, timed);
    expect(s.doc.getState().timing).toEqual({ seed: 5, jitter: 0.3 });
    expect(s.explorer.getState()).toEqual({ status: 'idle', params: { boots: 120, jitter: 0.3, baseSeed: 7 }, autorun: true });
    expect(s.ui.getState().bottomTab).toBe('explore');
    // The explorer's tab is now part of the view a link keeps (issue 18).
    expect(captureSession(s)).toEqual({ ...timed, layout: { bottomTab: 'explore' } });
    // A link that names another tab keeps it: the explorer reruns without taking the panel.
    applySession(s, { ...timed, layout: { bottomTab: 'console' } });
    expect(s.ui.getState().bottomTab).toBe('console');
    expect(s.explorer.getState()).toMatchObject({ autorun: true });
    s.player.stop();
  });

  it('stores only what differs from the preset: no instant 0, no empty lists, no first-boot markers', () => {
    const bare: SessionState = { version: 1, source: { kind: 'preset', id: 'demo-restart-on' }, conditions: {}, interventions: [], boot: 0, playhead: 0 };
    expect(toShareState(bare)).toEqual({ p: 'demo-restart-on' });
  });

  it('carries every boot’s commands with their boot (b), the boot shown, the view and the tour', () => {
    const later: SessionState = {
      ...session,
      boot: 1,
      interventions: [
        { at: 10, run: 'svcadm clear svc:/a:default' },
        { at: 20, run: 'svcadm clear svc:/b:default', boot: 1 },
      ],
      view: { zoom: 1.23456, centre: { x: 100.04, y: -20.56 } },
      tour: { id: 'demo-restart-on', step: 2 },
    };
    const state = toShareState(later);
    expect(state.boot).toBe(2);
    expect(state.a).toEqual([
      { at: 10, run: 'svcadm clear svc:/a:default' },
      { at: 20, run: 'svcadm clear svc:/b:default', b: 1 },
    ]);
    expect(state.view).toEqual({ z: 1.235, x: 100, y: -20.6 });
    expect(state.tour).toEqual({ id: 'demo-restart-on', step: 2 });
    const back = viaLink(later);
    expect(back.interventions).toEqual(later.interventions);
    expect(back.boot).toBe(1);
    expect(back.view).toEqual({ zoom: 1.235, centre: { x: 100, y: -20.6 } });
    expect(back.tour).toEqual(later.tour);
  });

  it('reads a command without b as the first boot’s (the link format’s rule)', () => {
    const s = fromShareState({ p: 'demo-restart-on', a: [{ at: 5, run: 'svcadm clear svc:/a:default' }], boot: 2 }, 'x');
    expect(s.interventions).toEqual([{ at: 5, run: 'svcadm clear svc:/a:default' }]);
    expect(s.boot).toBe(1);
  });

  it('an inline scenario travels whole', () => {
    const inline: SessionState = {
      ...session,
      source: { kind: 'inline', scenario: { format: 'bootgraph/1', name: 'x', services: [{ fmri: 'svc:/site/a' }] } },
      conditions: {},
      interventions: [],
    };
    expect(viaLink(inline)).toEqual(inline);
  });

  it('the view layout (issue 18): Compare and its second boot, focus and show modes, the bottom tab and height, open panels', () => {
    const laid: SessionState = {
      ...session,
      layout: {
        centreView: 'compare',
        compare: { kind: 'condition', id: 'boot.mode', value: 'single' },
        focusMode: 'cause',
        collapse: 'none',
        bottomTab: 'console',
        bottomHeight: 300,
        open: ['help'],
      },
    };
    expect(toShareState(laid).ui).toEqual({ v: 'compare', cmp: { c: 'boot.mode', v: 'single' }, f: 'cause', sh: 'none', bt: 'console', bh: 300, o: ['help'] });
    expect(viaLink(laid)).toEqual(laid);
    // Through the stores: applied, then captured as it was.
    const s = createSession();
    applySession(s, laid);
    const ui = s.ui.getState();
    expect([ui.centreView, ui.focusMode, ui.collapse, ui.bottomTab, ui.bottomHeight, ui.helpOpen, ui.editorOpen]).toEqual(['compare', 'cause', 'none', 'console', 300, true, false]);
    expect(ui.compare).toEqual({ kind: 'condition', id: 'boot.mode', value: 'single' });
    expect(captureSession(s)).toEqual(laid);
    // A session without a layout puts the defaults back (the link says nothing: the plain view).
    applySession(s, session);
    expect(captureSession(s).layout).toBeUndefined();
    expect(s.ui.getState().centreView).toBe('graph');
    s.dispose();
  });

  it('the default layout is not written into a link; Compare with the next boot is', () => {
    expect(toShareState(session).ui).toBeUndefined();
    expect(toShareState({ ...session, layout: { centreView: 'compare', compare: { kind: 'next-boot' } } }).ui).toEqual({ v: 'compare', cmp: 'next' });
  });

  it('Compare of two timing classes (issue 17) and the Hazards/Explore tabs round-trip through a link', () => {
    const layout = { centreView: 'compare' as const, compare: { kind: 'timing' as const, seed: 41, jitter: 0.3, label: 'online, wrong order' }, bottomTab: 'hazards' as const };
    const ui = toShareState({ ...session, layout }).ui;
    expect(ui).toEqual({ v: 'compare', cmp: { s: 41, j: 0.3, l: 'online, wrong order' }, bt: 'hazards' });
    const notices: string[] = [];
    expect(layoutFromShare(ui, notices)).toEqual(layout);
    expect(notices).toEqual([]);
    expect(layoutFromShare({ bt: 'explore' })).toEqual({ bottomTab: 'explore' });
  });

  it("the Hazards panel's state (every hazard on the graph, the picked one) round-trips through a link and the stores", () => {
    const pick = 'unordered-use|path:/var/run/app.pid|svc:/site/db:default|svc:/site/app:default';
    const layout = { bottomTab: 'hazards' as const, hazardsOnGraph: true as const, hazardPick: pick };
    expect(toShareState({ ...session, layout }).ui).toEqual({ bt: 'hazards', hz: { g: true, p: pick } });
    expect(viaLink({ ...session, layout })).toEqual({ ...session, layout });
    const s = createSession();
    applySession(s, { ...session, layout });
    expect(s.ui.getState()).toMatchObject({ hazardsOnGraph: true, hazardPick: pick });
    expect(captureSession(s).layout).toEqual(layout);
    applySession(s, session);
    expect(s.ui.getState()).toMatchObject({ hazardsOnGraph: false, hazardPick: undefined });
    s.player.stop();
  });

  it('a mode, tab or panel this bootgraph does not have is ignored with a notice; defaults written out are no change', () => {
    const notices: string[] = [];
    const l = layoutFromShare({ v: 'timeline3d', f: 'cause', sh: 'galaxy', bt: 'gantt', o: ['help', 'hazards'] }, notices);
    expect(l).toEqual({ focusMode: 'cause', open: ['help'] });
    expect(notices).toHaveLength(3);
    expect(notices.join(' ')).toMatch(/centre view "timeline3d".*show mode "galaxy".*\("hazards"\)/);
    const quiet: string[] = [];
    expect(layoutFromShare({ v: 'graph', f: 'none', bt: 'gantt' }, quiet)).toBeUndefined();
    expect(quiet).toEqual([]);
  });
});
