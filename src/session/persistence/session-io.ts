/**
 * The SessionState in and out of the running app, and to and from the link
 * format (src/share, issue 6): the seam the Share button, links, autosave and
 * tours plug into. captureSession/applySession touch the stores; the
 * share mapping is pure.
 */
import type { ExploreParams } from '../../engine/explore-params.ts';
import type { ExplorerSession } from '../../explorer/explorer-session.ts';
import type { ShareStateV1 } from '../../share/share-state.ts';
import type { UiStore } from '../../store/ui-store.ts';
import { documentOf, type DocStore } from '../doc-store.ts';
import type { GraphLink } from '../graph-link.ts';
import type { PlayerActor } from '../player.machine.ts';
import { interventionBoot, type Intervention, type SessionState, type ViewState } from '../document.ts';

/** What reading the session on screen needs: the document, the UI state, and the graph's camera. */
export interface SessionSource {
  readonly doc: DocStore;
  readonly ui: UiStore;
  readonly graph: Pick<GraphLink, 'probe'>;
  readonly explorer: Pick<ExplorerSession, 'getState'>;
}

/** What opening a session needs: the stores it replaces, the player it pauses, the graph it moves. */
export interface SessionTarget {
  readonly doc: DocStore;
  readonly ui: UiStore;
  readonly player: PlayerActor;
  readonly graph: Pick<GraphLink, 'commands'>;
  readonly explorer: Pick<ExplorerSession, 'setParams' | 'requestRun'>;
}

export function captureSession(s: SessionSource): SessionState {
  const ui = s.ui.getState();
  const view = s.graph.probe()?.view();
  return {
    version: 1,
    ...documentOf(s.doc.getState()),
    playhead: ui.playhead,
    ...(ui.selected === undefined ? {} : { selected: ui.selected }),
    ...(view === undefined ? {} : { view }),
    ...(ui.tour === undefined ? {} : { tour: { id: ui.tour.id, step: ui.tour.step } }),
    ...(exploreUsed(s) ? { explore: s.explorer.getState().params } : {}),
  };
}

/** The explorer has been run (or a link asked for a run): its parameters belong to the session. */
function exploreUsed(s: SessionSource): boolean {
  const e = s.explorer.getState();
  return e.status !== 'idle' || e.autorun === true;
}

export function applySession(s: SessionTarget, session: SessionState): void {
  s.player.send({ type: 'PAUSE' });
  s.doc.getState().replace(session);
  s.ui.getState().setPlayhead(session.playhead);
  s.ui.getState().select(session.selected);
  s.ui.getState().setTour(session.tour);
  if (session.view !== undefined) s.graph.commands.push({ type: 'show', camera: session.view });
  if (session.explore !== undefined) reopenExplorer(s, session.explore);
}

/** A link or autosave carried the explorer's parameters: explore again (deterministic: the same classes) in its open panel. */
export function reopenExplorer(s: Pick<SessionTarget, 'ui' | 'explorer'>, params: ExploreParams): void {
  if (s.explorer.setParams(params) !== undefined) return;
  s.explorer.requestRun();
  s.ui.getState().setBottomTab('explore');
}

/** Zoom and centre to three significant decimals: enough to land on the same spot, short in a link. */
const round3 = (n: number): number => Math.round(n * 1000) / 1000;
const round1 = (n: number): number => Math.round(n * 10) / 10;

function shareView(view: ViewState | undefined): ShareStateV1['view'] {
  if (view === undefined) return undefined;
  return { z: round3(view.zoom), x: round1(view.centre.x), y: round1(view.centre.y) };
}

/**
 * To a v1 link. Every command the user added travels, each with the boot it
 * belongs to (`b`, omitted for the first boot); the shown boot is `boot`
 * (1-based, omitted for the first). A preset link holds only what differs
 * from the preset: changed conditions, added commands, the instant, the
 * selection and, when the user moved it, the view.
 */
export function toShareState(session: SessionState): ShareStateV1 {
  const view = shareView(session.view);
  return {
    ...(session.source.kind === 'preset' ? { p: session.source.id } : { s: session.source.scenario }),
    ...(Object.keys(session.conditions).length === 0 ? {} : { c: session.conditions }),
    ...(session.interventions.length === 0 ? {} : { a: session.interventions.map(shareIntervention) }),
    ...(session.playhead > 0 ? { t: Math.round(session.playhead) } : {}),
    ...(session.selected === undefined ? {} : { sel: session.selected }),
    ...(view === undefined ? {} : { view }),
    ...(session.tour === undefined ? {} : { tour: session.tour }),
    ...(session.boot > 0 ? { boot: session.boot + 1 } : {}),
    ...(session.timing === undefined ? {} : { tm: { s: session.timing.seed, j: session.timing.jitter } }),
    ...(session.explore === undefined ? {} : { x: { n: session.explore.boots, j: session.explore.jitter, s: session.explore.baseSeed } }),
  };
}

function shareIntervention(i: Intervention): { at: number; run: string; b?: number } {
  const b = interventionBoot(i);
  return { at: Math.round(i.at), run: i.run, ...(b > 0 ? { b } : {}) };
}

/**
 * From a v1 link. A command without `b` belongs to the first boot (the
 * link format's rule, share-state.ts).
 */
export function fromShareState(state: ShareStateV1, defaultPreset: string): SessionState {
  const boot = Math.max(0, Math.floor((state.boot ?? 1) - 1));
  return {
    version: 1,
    source: state.s !== undefined ? { kind: 'inline', scenario: state.s } : { kind: 'preset', id: state.p ?? defaultPreset },
    conditions: state.c ?? {},
    interventions: (state.a ?? []).map((a) => ({ at: a.at, run: a.run, ...(a.b !== undefined && a.b > 0 ? { boot: a.b } : {}) })),
    boot,
    playhead: state.t ?? 0,
    ...(state.sel === undefined ? {} : { selected: state.sel }),
    ...(state.view === undefined ? {} : { view: { zoom: state.view.z, centre: { x: state.view.x, y: state.view.y } } }),
    ...(state.tour === undefined ? {} : { tour: state.tour }),
    ...(state.tm === undefined ? {} : { timing: { seed: state.tm.s, jitter: state.tm.j } }),
    ...(state.x === undefined ? {} : { explore: { boots: state.x.n, jitter: state.x.j, baseSeed: state.x.s } }),
  };
}
