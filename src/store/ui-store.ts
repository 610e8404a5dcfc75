/**
 * UI state only (code-style-anchors §2.1): the playhead, selection, speed,
 * panels, theme, focus, search and breakpoints. Requests to views (fit the
 * graph, focus the search box) are not state: they are typed commands on the
 * session's queues (session/command-queue.ts). A factory, so each mount and
 * each test gets its own store. Nothing here is computed by the engine: the
 * trace and everything derived from it are memoised outside the store.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_COLLAPSE, type CollapseMode } from '../graph-view/collapse.ts';
import type { FocusMode } from '../graph-view/focus.ts';
import { NO_BREAKPOINTS, toggleServiceBreakpoint, type Breakpoints } from '../selectors/breakpoints.ts';
import { faster, slower, type Position } from '../selectors/playhead.ts';
import { DEFAULT_TEACH, teachActions, type TeachActions, type TeachData } from './teach-slice.ts';
import { DEFAULT_HAZARD, hazardActions, type HazardActions, type HazardData } from './hazard-slice.ts';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type CentreView = 'graph' | 'table' | 'compare';
export type BottomTab = 'gantt' | 'console' | 'events' | 'hazards' | 'explore';
export type ToastTone = 'info' | 'success' | 'error';
/** Compare's row filter: every service that ends differently, those whose state differs, or only those whose timing does. */
export type CompareFilter = 'all' | 'state' | 'time';

export interface Toast {
  readonly id: number;
  readonly text: string;
  readonly tone: ToastTone;
}

/** What a change (condition, boot option, command, edit) did to the outcome of the boot (issue 13). */
export interface OutcomeNotice {
  readonly id: number;
  /** "3 services end differently" or "No service ends differently". */
  readonly headline: string;
  /** How long the boot takes now (and took before). */
  readonly length: string;
  /** Instances that end differently, with their states before and after (failures that appear or go away first). */
  readonly changed: readonly { readonly fmri: string; readonly from: string; readonly to: string }[];
}

/** A message about the link the page was opened with (bad link, old address), dismissible; `restorable`: offer to restore the autosave. */
export interface LinkNotice {
  readonly id: number;
  readonly text: string;
  readonly restorable: boolean;
}

export interface UiData extends TeachData, HazardData {
  /** Simulated ms. */
  readonly playhead: number;
  /** A pinned record index at `playhead` (stepping inside one instant). */
  readonly pin: number | undefined;
  readonly selected: string | undefined;
  readonly speed: number;
  readonly theme: ThemeChoice;
  readonly centreView: CentreView;
  readonly bottomTab: BottomTab;
  /** Height of the bottom panel in CSS px. */
  readonly bottomHeight: number;
  readonly focusMode: FocusMode;
  readonly collapse: CollapseMode;
  /** Narrow screens (< 1200 px): which side panel is open as a drawer (the graph keeps at least half the width). */
  readonly drawer: 'left' | 'right' | 'none';
  /** Groups of the story view drawn open (their ids). */
  readonly expanded: readonly string[];
  readonly search: string;
  /** The graph's legend unfolded (true) or folded (false); undefined: as the screen's height suggests (Legend.tsx). */
  readonly legendOpen: boolean | undefined;
  readonly compareFilter: CompareFilter;
  readonly breakpoints: Breakpoints;
  readonly helpOpen: boolean;
  readonly toast: Toast | undefined;
  readonly linkNotice: LinkNotice | undefined;
  /** The scenario JSON editor is open. */
  readonly editorOpen: boolean;
  /** The outcome of the last change, until dismissed or the next change. */
  readonly outcome: OutcomeNotice | undefined;
  /** A link was opened: once its boot is simulated, its instant and its Compare condition are checked against it, with a notice (session/link-checks.ts). */
  readonly linkCheck: boolean;
  /** The page is the embedded player (a link with the embed flag): graph, transport, explanation, tour; no editing chrome. */
  readonly embed: boolean;
}

export interface UiActions extends TeachActions, HazardActions {
  seek(pos: Position): void;
  setPlayhead(t: number): void;
  select(fmri: string | undefined): void;
  setSpeed(speed: number): void;
  faster(): void;
  slower(): void;
  setTheme(theme: ThemeChoice): void;
  setCentreView(v: CentreView): void;
  setBottomTab(tab: BottomTab): void;
  setBottomHeight(px: number): void;
  setFocusMode(mode: FocusMode): void;
  setCollapse(mode: CollapseMode): void;
  /** Narrow screens: open a side panel as a drawer (closing the other), or close it. */
  setDrawer(drawer: 'left' | 'right' | 'none'): void;
  /** Open or close a group of the story view. */
  toggleGroup(id: string, open?: boolean): void;
  setSearch(text: string): void;
  setLegendOpen(open: boolean | undefined): void;
  setCompareFilter(filter: CompareFilter): void;
  setBreakOnMaintenance(on: boolean): void;
  toggleServiceBreakpoint(fmri: string): void;
  setHelpOpen(open: boolean): void;
  showToast(text: string, tone?: ToastTone): void;
  /** Dismiss the toast (only toast `id`, when given: a timer must not dismiss a newer one). */
  dismissToast(id?: number): void;
  showLinkNotice(text: string, restorable: boolean): void;
  dismissLinkNotice(): void;
  setEditorOpen(open: boolean): void;
  showOutcome(outcome: Omit<OutcomeNotice, 'id'>): void;
  dismissOutcome(): void;
  setLinkCheck(pending: boolean): void;
}

export type UiState = UiData & UiActions;
export type UiStore = StoreApi<UiState>;

export const BOTTOM_MIN = 140;
export const BOTTOM_MAX = 640;

export const DEFAULT_UI: UiData = {
  ...DEFAULT_TEACH,
  ...DEFAULT_HAZARD,
  playhead: 0,
  pin: -1,
  selected: undefined,
  speed: 1,
  theme: 'system',
  centreView: 'graph',
  bottomTab: 'gantt',
  bottomHeight: 224,
  focusMode: 'none',
  collapse: DEFAULT_COLLAPSE,
  drawer: 'left',
  expanded: [],
  search: '',
  legendOpen: undefined,
  compareFilter: 'all',
  breakpoints: NO_BREAKPOINTS,
  helpOpen: false,
  toast: undefined,
  linkNotice: undefined,
  editorOpen: false,
  outcome: undefined,
  linkCheck: false,
  embed: false,
};

export function createUiStore(initial: Partial<UiData> = {}): UiStore {
  let toastId = 0;
  return createStore<UiState>()((set) => ({
    ...DEFAULT_UI,
    ...initial,
    ...teachActions(set),
    ...hazardActions(set),
    seek: (pos) => set({ playhead: Math.max(0, pos.t), pin: pos.index }),
    setPlayhead: (t) => set({ playhead: Math.max(0, t), pin: undefined }),
    select: (fmri) => set({ selected: fmri }),
    setSpeed: (speed) => set({ speed }),
    faster: () => set((s) => ({ speed: faster(s.speed) })),
    slower: () => set((s) => ({ speed: slower(s.speed) })),
    setTheme: (theme) => set({ theme }),
    setCentreView: (centreView) => set({ centreView }),
    setBottomTab: (bottomTab) => set({ bottomTab }),
    setBottomHeight: (px) => set({ bottomHeight: Math.round(Math.min(BOTTOM_MAX, Math.max(BOTTOM_MIN, px))) }),
    setFocusMode: (focusMode) => set({ focusMode }),
    setCollapse: (collapse) => set({ collapse }),
    setDrawer: (drawer) => set({ drawer }),
    toggleGroup: (id, open) =>
      set((s) => {
        const has = s.expanded.includes(id);
        const want = open ?? !has;
        if (want === has) return {};
        return { expanded: want ? [...s.expanded, id] : s.expanded.filter((g) => g !== id) };
      }),
    setSearch: (search) => set({ search }),
    setLegendOpen: (legendOpen) => set({ legendOpen }),
    setCompareFilter: (compareFilter) => set({ compareFilter }),
    setBreakOnMaintenance: (on) => set((s) => ({ breakpoints: { ...s.breakpoints, onMaintenance: on } })),
    toggleServiceBreakpoint: (fmri) => set((s) => ({ breakpoints: toggleServiceBreakpoint(s.breakpoints, fmri) })),
    setHelpOpen: (helpOpen) => set({ helpOpen }),
    showToast: (text, tone = 'info') => set({ toast: { id: ++toastId, text, tone } }),
    dismissToast: (id) => set((s) => (id === undefined || s.toast?.id === id ? { toast: undefined } : {})),
    showLinkNotice: (text, restorable) => set({ linkNotice: { id: ++toastId, text, restorable } }),
    dismissLinkNotice: () => set({ linkNotice: undefined }),
    setEditorOpen: (editorOpen) => set({ editorOpen }),
    showOutcome: (o) => set({ outcome: { id: ++toastId, headline: o.headline, length: o.length, changed: o.changed } }),
    dismissOutcome: () => set({ outcome: undefined }),
    setLinkCheck: (linkCheck) => set({ linkCheck }),
  }));
}
