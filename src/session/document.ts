/**
 * The user's session as one serialisable value (issue 5; issue 6 encodes it
 * into links, issue 8 adds tours): which scenario, the conditions changed
 * from its defaults, the commands the user added at chosen instants, which
 * boot, the playhead and the selection. Everything the engine computes (the
 * effective scenario, the trace) is derived from it, never stored. Pure.
 */
import type { Finding } from '../model/import/findings.ts';
import type { Scenario } from '../model/scenario/types.ts';
import type { ExploreParams } from '../engine/explore-params.ts';
import type { CollapseMode } from '../graph-view/collapse.ts';
import type { FocusMode } from '../graph-view/focus.ts';
import type { CompareSpec } from '../store/teach-slice.ts';
import type { BottomTab } from '../store/ui-store.ts';

/** Where an inline scenario came from, when the app imported it from SMF manifests: the files and the importer's lint. */
export interface ImportedFrom {
  readonly files: readonly string[];
  readonly findings: readonly Finding[];
}

export type ScenarioSource =
  | { readonly kind: 'preset'; readonly id: string }
  | { readonly kind: 'inline'; readonly scenario: Scenario; readonly imported?: ImportedFrom };

/** A command the user ran from the inspector or the panels, at a simulated instant of one boot. */
export interface Intervention {
  readonly at: number;
  /** e.g. "svcadm restart svc:/site/db:default", "cfgadm -c unconfigure hme0". */
  readonly run: string;
  /** Which boot it belongs to (0 = the first); absent means 0. */
  readonly boot?: number;
}

/**
 * The graph camera: the zoom level and the graph point at the centre of the
 * view (not Cytoscape's pan, which depends on the window size), so a link
 * lands on the same spot in any window.
 */
export interface ViewState {
  readonly zoom: number;
  readonly centre: { readonly x: number; readonly y: number };
}

/** Guided-tour placeholder (issue 8). */
export interface TourState {
  readonly id: string;
  readonly step: number;
}

/**
 * A perturbed boot (issue 17): the scenario booted with `seed` and `jitter`,
 * as the timing explorer boots it; a class's representative opens this way.
 */
export interface Timing {
  readonly seed: number;
  readonly jitter: number;
}

/** The document part: what decides the trace. */
export interface SessionDocument {
  readonly source: ScenarioSource;
  /** Condition id → chosen option value; only values that differ from the scenario's own. */
  readonly conditions: Readonly<Record<string, string>>;
  readonly interventions: readonly Intervention[];
  /** Boot number shown: 0 = the scenario's boot, 1 = the next boot after it, ... */
  readonly boot: number;
  /** Absent: the scenario's own timing. */
  readonly timing?: Timing;
}

/** The panels a link can open over the page. */
export type OpenPanel = 'help' | 'editor';

/**
 * How the view is laid out (issue 18: links keep the whole view): the centre
 * view and what Compare sets against this boot, the graph's focus and show
 * modes, the bottom tab and its height, and open panels. Absent fields are
 * the defaults.
 */
export interface ViewLayout {
  readonly centreView?: 'table' | 'compare';
  readonly compare?: CompareSpec;
  readonly focusMode?: Exclude<FocusMode, 'none'>;
  readonly collapse?: CollapseMode;
  readonly bottomTab?: Exclude<BottomTab, 'gantt'>;
  readonly bottomHeight?: number;
  readonly open?: readonly OpenPanel[];
  /** The Hazards panel (issue 17): every hazard drawn on the graph, and the hazard picked (its id, engine/hazards.ts). */
  readonly hazardsOnGraph?: true;
  readonly hazardPick?: string;
  /** The search box's text (it marks the matches in the graph and filters the table and Compare). */
  readonly search?: string;
  /** The legend unfolded or folded by the user (absent: as the screen's height suggests). */
  readonly legend?: boolean;
  /** Compare's row filter (absent: every row). */
  readonly compareFilter?: 'state' | 'time';
  /** Below 1200 px, the side panel open as a drawer (absent: the left panel, the default). */
  readonly drawer?: 'right' | 'none';
}

export interface SessionState extends SessionDocument {
  readonly version: 1;
  /** Simulated ms. */
  readonly playhead: number;
  readonly selected?: string;
  readonly view?: ViewState;
  readonly tour?: TourState;
  /** The timing explorer's parameters, when it has been used (issue 17): a link reruns it. */
  readonly explore?: ExploreParams;
  readonly layout?: ViewLayout;
}

export function presetDocument(id: string): SessionDocument {
  return { source: { kind: 'preset', id }, conditions: {}, interventions: [], boot: 0 };
}

export function inlineDocument(scenario: Scenario): SessionDocument {
  return { source: { kind: 'inline', scenario }, conditions: {}, interventions: [], boot: 0 };
}

/** Record a condition choice; choosing the scenario's own value removes the override. */
export function withCondition(
  conditions: Readonly<Record<string, string>>,
  id: string,
  value: string,
  scenarioValue: string | undefined,
): Readonly<Record<string, string>> {
  const { [id]: _old, ...rest } = conditions;
  void _old;
  return value === scenarioValue ? rest : { ...rest, [id]: value };
}

export function interventionBoot(i: Intervention): number {
  return i.boot ?? 0;
}

/** Add a command, kept in time order (stable for equal instants); an exact duplicate is ignored. */
export function addIntervention(list: readonly Intervention[], iv: Intervention): Intervention[] {
  const norm: Intervention = { at: Math.max(0, Math.round(iv.at)), run: iv.run.trim(), ...(iv.boot !== undefined && iv.boot > 0 ? { boot: iv.boot } : {}) };
  if (list.some((x) => x.at === norm.at && x.run === norm.run && interventionBoot(x) === interventionBoot(norm))) return [...list];
  const out = [...list, norm];
  return out
    .map((x, i) => ({ x, i }))
    .sort((a, b) => interventionBoot(a.x) - interventionBoot(b.x) || a.x.at - b.x.at || a.i - b.i)
    .map((e) => e.x);
}

export function removeIntervention(list: readonly Intervention[], index: number): Intervention[] {
  return list.filter((_, i) => i !== index);
}

export function interventionsForBoot(list: readonly Intervention[], boot: number): Intervention[] {
  return list.filter((i) => interventionBoot(i) === boot);
}
