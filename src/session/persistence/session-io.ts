/**
 * The SessionState in and out of the running app, and to and from the link
 * format (src/share, issue 6): the seam the Share button, links, autosave and
 * tours plug into. captureSession/applySession touch the stores; the
 * share mapping is pure.
 */
import type { ExploreParams } from '../../engine/explore-params.ts';
import type { ExplorerSession } from '../../explorer/explorer-session.ts';
import type { CollapseMode } from '../../graph-view/collapse.ts';
import { FOCUS_MODES } from '../../graph-view/focus.ts';
import { encodeShareState } from '../../share/codec.ts';
import type { ShareStateV1, ShareUiV1 } from '../../share/share-state.ts';
import { DEFAULT_UI, type UiData, type UiStore } from '../../store/ui-store.ts';
import type { CompareSpec } from '../../store/teach-slice.ts';
import { documentOf, type DocStore } from '../doc-store.ts';
import type { GraphLink } from '../graph-link.ts';
import type { PlayerActor } from '../player.machine.ts';
import { interventionBoot, type Intervention, type OpenPanel, type SessionState, type ViewLayout, type ViewState } from '../document.ts';
import { needsLinkCheck } from '../link-checks.ts';

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
    ...layoutField(captureLayout(ui)),
  };
}

/** The explorer has been run (or a link asked for a run): its parameters belong to the session. */
function exploreUsed(s: SessionSource): boolean {
  const e = s.explorer.getState();
  return e.status !== 'idle' || e.autorun === true;
}

const layoutField = (layout: ViewLayout | undefined): { layout?: ViewLayout } => (layout === undefined ? {} : { layout });

export function applySession(s: SessionTarget, session: SessionState): void {
  s.player.send({ type: 'PAUSE' });
  s.doc.getState().replace(session);
  s.ui.getState().setPlayhead(session.playhead);
  s.ui.getState().select(session.selected);
  s.ui.getState().setTour(session.tour);
  if (session.view !== undefined) s.graph.commands.push({ type: 'show', camera: session.view });
  applyLayout(s.ui, session.layout);
  // Checked against the boot once it is simulated (link-checks.ts).
  s.ui.getState().setLinkCheck(needsLinkCheck(session));
  // After the layout: a link's explorer opens its tab unless the link names another (issue 17).
  if (session.explore !== undefined) reopenExplorer(s, session.explore, session.layout?.bottomTab === undefined);
}

/** A link or autosave carried the explorer's parameters: explore again (deterministic: the same classes) in its open panel. */
export function reopenExplorer(s: Pick<SessionTarget, 'ui' | 'explorer'>, params: ExploreParams, showTab = true): void {
  if (s.explorer.setParams(params) !== undefined) return;
  s.explorer.requestRun();
  if (showTab) s.ui.getState().setBottomTab('explore');
}

/**
 * The moment on screen as a link fragment for the full app (the embedded
 * player's "Open in bootgraph", issue 18): the embed flag is a property of the
 * page, never of the session, so the link opens the whole app.
 */
export function fullAppFragment(s: SessionSource): string | undefined {
  const e = encodeShareState(toShareState(captureSession(s)));
  return e.ok ? e.fragment : undefined;
}

// ------------------------------------------------------------ the view layout (issue 18)

const CENTRE_VIEWS = ['table', 'compare'] as const;
const FOCUS = FOCUS_MODES.flatMap((m) => (m.mode === 'none' ? [] : [m.mode]));
const SHOW: readonly CollapseMode[] = ['story', 'none', 'active', 'category', 'milestone'];
const TABS = ['console', 'events', 'hazards', 'explore'] as const;
const PANELS: readonly OpenPanel[] = ['help', 'editor'];
const COMPARE_FILTERS = ['state', 'time'] as const;
const DRAWERS = ['right', 'none'] as const;

const oneOf = <T extends string>(list: readonly T[], v: string | undefined): T | undefined => list.find((x) => x === v);

/** The layout on screen, as its differences from the defaults (undefined: all defaults). */
export function captureLayout(ui: UiData): ViewLayout | undefined {
  const open = PANELS.filter((p) => (p === 'help' ? ui.helpOpen : ui.editorOpen));
  const layout: ViewLayout = {
    ...(ui.centreView === 'graph' ? {} : { centreView: ui.centreView }),
    ...(ui.centreView === 'compare' ? { compare: ui.compare } : {}),
    ...(ui.focusMode === 'none' ? {} : { focusMode: ui.focusMode }),
    ...(ui.collapse === DEFAULT_UI.collapse ? {} : { collapse: ui.collapse }),
    ...(ui.bottomTab === 'gantt' ? {} : { bottomTab: ui.bottomTab }),
    ...(ui.bottomHeight === DEFAULT_UI.bottomHeight ? {} : { bottomHeight: ui.bottomHeight }),
    ...(open.length === 0 ? {} : { open }),
    ...(ui.hazardsOnGraph ? { hazardsOnGraph: true as const } : {}),
    ...(ui.hazardPick === undefined ? {} : { hazardPick: ui.hazardPick }),
    ...(ui.search === '' ? {} : { search: ui.search }),
    ...(ui.legendOpen === undefined ? {} : { legend: ui.legendOpen }),
    ...(ui.compareFilter === 'all' ? {} : { compareFilter: ui.compareFilter }),
    ...(ui.drawer === 'left' ? {} : { drawer: ui.drawer }),
  };
  return Object.keys(layout).length === 0 ? undefined : layout;
}

/** Put a layout on screen (absent fields: the defaults). */
export function applyLayout(store: UiStore, layout: ViewLayout | undefined): void {
  const ui = store.getState();
  const l = layout ?? {};
  if (l.compare !== undefined) ui.setCompare(l.compare);
  ui.setCentreView(l.centreView ?? 'graph');
  ui.setFocusMode(l.focusMode ?? 'none');
  ui.setCollapse(l.collapse ?? DEFAULT_UI.collapse);
  ui.setBottomTab(l.bottomTab ?? 'gantt');
  ui.setBottomHeight(l.bottomHeight ?? DEFAULT_UI.bottomHeight);
  ui.setHelpOpen(l.open?.includes('help') === true);
  ui.setEditorOpen(l.open?.includes('editor') === true);
  ui.setHazardsOnGraph(l.hazardsOnGraph === true);
  ui.pickHazard(l.hazardPick);
  ui.setSearch(l.search ?? '');
  ui.setLegendOpen(l.legend);
  ui.setCompareFilter(l.compareFilter ?? 'all');
  ui.setDrawer(l.drawer ?? 'left');
}

function shareCompare(c: CompareSpec): NonNullable<ShareUiV1['cmp']> {
  switch (c.kind) {
    case 'next-boot':
      return 'next';
    case 'condition':
      return { c: c.id, v: c.value };
    case 'timing':
      return { s: c.seed, j: c.jitter, l: c.label };
  }
}

function compareFromShare(cmp: NonNullable<ShareUiV1['cmp']>): CompareSpec {
  if (cmp === 'next') return { kind: 'next-boot' };
  if ('c' in cmp) return { kind: 'condition', id: cmp.c, value: cmp.v };
  return { kind: 'timing', seed: cmp.s, jitter: cmp.j, label: cmp.l };
}

function shareLayout(l: ViewLayout): ShareUiV1 {
  const c = l.compare;
  return {
    ...(l.centreView === undefined ? {} : { v: l.centreView }),
    ...(c === undefined ? {} : { cmp: shareCompare(c) }),
    ...(l.focusMode === undefined ? {} : { f: l.focusMode }),
    ...(l.collapse === undefined ? {} : { sh: l.collapse }),
    ...(l.bottomTab === undefined ? {} : { bt: l.bottomTab }),
    ...(l.bottomHeight === undefined ? {} : { bh: l.bottomHeight }),
    ...(l.open === undefined ? {} : { o: l.open }),
    ...(l.hazardsOnGraph === undefined && l.hazardPick === undefined ? {} : { hz: { ...(l.hazardsOnGraph === true ? { g: true as const } : {}), ...(l.hazardPick === undefined ? {} : { p: l.hazardPick }) } }),
    ...(l.search === undefined ? {} : { q: l.search }),
    ...(l.legend === undefined ? {} : { lg: l.legend ? (1 as const) : (0 as const) }),
    ...(l.compareFilter === undefined ? {} : { cf: l.compareFilter }),
    ...(l.drawer === undefined ? {} : { dr: l.drawer }),
  };
}

/**
 * A link's view layout, keeping what this bootgraph knows; `notices` gets a
 * line for each value it does not know (a mode a newer version added, a
 * damaged link), so the user is told rather than silently shown something
 * else. A default written out ("graph", "none", "gantt") is no change.
 */
export function layoutFromShare(ui: ShareUiV1 | undefined, notices: string[] = []): ViewLayout | undefined {
  if (ui === undefined) return undefined;
  const pick = <T extends string>(list: readonly T[], v: string | undefined, what: string, byDefault: string): T | undefined => {
    if (v === undefined || v === byDefault) return undefined;
    const hit = oneOf(list, v);
    if (hit === undefined) notices.push(`the link's ${what} "${v}" is not one this bootgraph has: ignored`);
    return hit;
  };
  const centreView = pick(CENTRE_VIEWS, ui.v, 'centre view', 'graph');
  const focusMode = pick(FOCUS, ui.f, 'focus mode', 'none');
  const collapse = pick(SHOW, ui.sh, 'show mode', '');
  const bottomTab = pick(TABS, ui.bt, 'bottom tab', 'gantt');
  const compareFilter = pick(COMPARE_FILTERS, ui.cf, 'Compare filter', 'all');
  const drawer = pick(DRAWERS, ui.dr, 'side panel', 'left');
  const open = (ui.o ?? []).flatMap((o) => {
    const hit = oneOf(PANELS, o);
    if (hit === undefined) notices.push(`the link opens a panel this bootgraph does not have ("${o}"): ignored`);
    return hit === undefined ? [] : [hit];
  });
  const cmp = ui.cmp;
  const layout: ViewLayout = {
    ...(centreView === undefined ? {} : { centreView }),
    ...(cmp === undefined ? {} : { compare: compareFromShare(cmp) }),
    ...(focusMode === undefined ? {} : { focusMode }),
    ...(collapse === undefined ? {} : { collapse }),
    ...(bottomTab === undefined ? {} : { bottomTab }),
    ...(ui.bh === undefined ? {} : { bottomHeight: ui.bh }),
    ...(open.length === 0 ? {} : { open }),
    ...(ui.hz?.g === true ? { hazardsOnGraph: true as const } : {}),
    ...(ui.hz?.p === undefined ? {} : { hazardPick: ui.hz.p }),
    ...(ui.q === undefined || ui.q === '' ? {} : { search: ui.q }),
    ...(ui.lg === undefined ? {} : { legend: ui.lg === 1 }),
    ...(compareFilter === undefined ? {} : { compareFilter }),
    ...(drawer === undefined ? {} : { drawer }),
  };
  return Object.keys(layout).length === 0 ? undefined : layout;
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
    ...(session.layout === undefined ? {} : { ui: shareLayout(session.layout) }),
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
export function fromShareState(state: ShareStateV1, defaultPreset: string, notices: string[] = []): SessionState {
  const boot = Math.max(0, Math.floor((state.boot ?? 1) - 1));
  const layout = layoutFromShare(state.ui, notices);
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
    ...layoutField(layout),
  };
}
