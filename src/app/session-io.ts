/**
 * The SessionState in and out of the running app, and to and from the link
 * format (src/share, issue 6): the seam the Share button, links, autosave and
 * tours plug into. captureSession/applySession touch the stores; the
 * share mapping is pure.
 */
import type { ShareStateV1 } from '../share/share-state.ts';
import { documentOf } from './doc-store.ts';
import type { AppServices } from './services.ts';
import { interventionBoot, type SessionState } from './session.ts';

export function captureSession(s: AppServices): SessionState {
  const ui = s.ui.getState();
  return {
    version: 1,
    ...documentOf(s.doc.getState()),
    playhead: ui.playhead,
    ...(ui.selected === undefined ? {} : { selected: ui.selected }),
  };
}

export function applySession(s: AppServices, session: SessionState): void {
  s.player.send({ type: 'PAUSE' });
  s.doc.getState().replace(session);
  s.ui.getState().setPlayhead(session.playhead);
  s.ui.getState().select(session.selected);
}

/**
 * To a v1 link. A v1 link holds one list of actions and a boot number, so
 * only the shown boot's commands travel; commands added in earlier boots
 * of the session are dropped (they are listed in `dropped`).
 */
export function toShareState(session: SessionState): { state: ShareStateV1; dropped: number } {
  const mine = session.interventions.filter((i) => interventionBoot(i) === session.boot);
  const state: ShareStateV1 = {
    ...(session.source.kind === 'preset' ? { p: session.source.id } : { s: session.source.scenario }),
    ...(Object.keys(session.conditions).length === 0 ? {} : { c: session.conditions }),
    ...(mine.length === 0 ? {} : { a: mine.map((i) => ({ at: i.at, run: i.run })) }),
    t: Math.round(session.playhead),
    ...(session.selected === undefined ? {} : { sel: session.selected }),
    ...(session.view?.zoom !== undefined && session.view.pan !== undefined ? { view: { z: session.view.zoom, x: session.view.pan.x, y: session.view.pan.y } } : {}),
    ...(session.tour === undefined ? {} : { tour: session.tour }),
    ...(session.boot > 0 ? { boot: session.boot + 1 } : {}),
  };
  return { state, dropped: session.interventions.length - mine.length };
}

export function fromShareState(state: ShareStateV1, defaultPreset: string): SessionState {
  const boot = Math.max(0, Math.floor((state.boot ?? 1) - 1));
  return {
    version: 1,
    source: state.s !== undefined ? { kind: 'inline', scenario: state.s } : { kind: 'preset', id: state.p ?? defaultPreset },
    conditions: state.c ?? {},
    interventions: (state.a ?? []).map((a) => ({ at: a.at, run: a.run, ...(boot > 0 ? { boot } : {}) })),
    boot,
    playhead: state.t ?? 0,
    ...(state.sel === undefined ? {} : { selected: state.sel }),
    ...(state.view === undefined ? {} : { view: { zoom: state.view.z, pan: { x: state.view.x, y: state.view.y } } }),
    ...(state.tour === undefined ? {} : { tour: state.tour }),
  };
}
