/**
 * What a link asks for, checked against its boot once the boot is simulated
 * (issue 18): only then is it known whether the link's instant lies in the
 * boot and whether the condition its Compare changes exists in the scenario.
 * - An instant past the end opens at the end and the user is told, rather
 *   than being shown an instant that does not exist ("16 min 39 s" of a
 *   5-second boot). Negative instants are clamped when the link is decoded
 *   (share/codec.ts).
 * - A Compare that changes a condition this scenario does not have (or sets
 *   it to a value it cannot take) compares what the Compare view would pick
 *   instead, and the notice names both, rather than silently showing another
 *   comparison under the link's name.
 * - A picked hazard (issue 17) the boot does not have is dropped with a
 *   notice, rather than marking nothing without a word.
 * - A tour this bootgraph does not have, or one for another scenario, is
 *   not opened, and a step past its last opens the last, each with a notice
 *   (a tour renamed or shortened in a later version, a hand-edited link).
 * Framework-free: it follows the run store and the UI store.
 */
import { findHazards } from '../engine/hazards.ts';
import type { Trace } from '../engine/trace.ts';
import { formatTime } from '../selectors/playhead.ts';
import { pickCondition } from '../selectors/compare-view.ts';
import type { ConditionDef } from '../model/world/conditions.ts';
import type { UiStore } from '../store/ui-store.ts';
import { tourById } from '../teaching/tours/index.ts';
import type { DocStore } from './doc-store.ts';
import type { RunStore } from './run-store.ts';
import type { ScenarioSource, SessionState } from './document.ts';

/** The parts of a run a link is checked against. */
interface Boot {
  readonly trace: Trace;
  readonly conditions: readonly ConditionDef[];
  /** Where the scenario on screen came from (a tour plays its own preset). */
  readonly source: ScenarioSource;
}

/** A session opened from a link has something to check once its boot is simulated. */
export function needsLinkCheck(session: Pick<SessionState, 'playhead' | 'layout' | 'tour'>): boolean {
  return session.playhead > 0 || session.layout?.compare?.kind === 'condition' || session.layout?.hazardPick !== undefined || session.tour !== undefined;
}

const quoted = (s: string): string => `"${s.length > 60 ? `${s.slice(0, 60)}…` : s}"`;

/** The link's instant past the boot's end: the end, and the sentence saying so. */
function clampInstant(store: UiStore, endTime: number): string | undefined {
  const ui = store.getState();
  if (ui.playhead <= endTime) return undefined;
  const asked = formatTime(ui.playhead);
  ui.setPlayhead(endTime);
  return `The link's instant (${asked}) is past the end of this boot (${formatTime(endTime)}): showing the end.`;
}

/** The link's Compare condition, if this scenario lacks it: what Compare shows instead, and the sentence saying so. */
function settleCompare(store: UiStore, conditions: readonly ConditionDef[]): string | undefined {
  const ui = store.getState();
  const spec = ui.compare;
  if (spec.kind !== 'condition') return undefined;
  const pick = pickCondition(conditions, spec.id, spec.value);
  if (pick !== undefined && pick.def.id === spec.id && pick.value === spec.value) return undefined;
  const asked = conditions.find((c) => c.id === spec.id);
  const what =
    asked === undefined
      ? `The link compares with the condition ${quoted(spec.id)} changed, which this scenario does not have`
      : pick?.def.id === spec.id
        ? `The link compares with ${asked.label} set to ${quoted(spec.value)}, which it cannot be set to here`
        : `The link compares with ${asked.label} changed, which Compare cannot change in this scenario`;
  if (pick === undefined) return `${what}: there is no condition to compare with.`;
  ui.setCompare({ kind: 'condition', id: pick.def.id, value: pick.value });
  const label = pick.def.options.find((o) => o.value === pick.value)?.label ?? pick.value;
  return `${what}: comparing with ${pick.def.label}: ${label} instead.`;
}

/** The link's picked hazard, if this boot does not have it: dropped, and the sentence saying so. */
function settleHazard(store: UiStore, trace: Trace): string | undefined {
  const pick = store.getState().hazardPick;
  if (pick === undefined || findHazards(trace).hazards.some((h) => h.id === pick)) return undefined;
  store.getState().pickHazard(undefined);
  // The id is kind|object|writer|reader (engine/hazards.ts): name the object.
  const object = pick.split('|')[1] ?? pick;
  return `The link picks a hazard on ${quoted(object)} that this boot does not have: no hazard is marked.`;
}

/** The link's tour, if this bootgraph or this scenario does not have it, or its step is past the last: what opens instead, and the sentence saying so. */
function settleTour(store: UiStore, source: ScenarioSource): string | undefined {
  const at = store.getState().tour;
  if (at === undefined) return undefined;
  const tour = tourById(at.id);
  if (tour === undefined) {
    store.getState().setTour(undefined);
    return `The link opens a tour this bootgraph does not have (${quoted(at.id)}): no tour is open.`;
  }
  if (source.kind !== 'preset' || source.id !== tour.preset) {
    store.getState().setTour(undefined);
    return `The link opens the tour ${quoted(tour.title)} on another scenario than its own: no tour is open.`;
  }
  const last = tour.steps.length - 1;
  if (at.step <= last) return undefined;
  store.getState().setTour({ id: tour.id, step: last });
  return `The link opens step ${at.step + 1} of the tour ${quoted(tour.title)}, which has ${tour.steps.length}: showing the last.`;
}

/** Check what the pending link asked for against its boot (once), adding a sentence to the link notice for each change. */
export function settleLinkChecks(store: UiStore, boot: Boot): void {
  const ui = store.getState();
  if (!ui.linkCheck) return;
  ui.setLinkCheck(false);
  const said = [clampInstant(store, boot.trace.endTime), settleCompare(store, boot.conditions), settleHazard(store, boot.trace), settleTour(store, boot.source)].filter((s) => s !== undefined);
  if (said.length === 0) return;
  const notice = store.getState().linkNotice;
  store.getState().showLinkNotice([...(notice === undefined ? [] : [notice.text]), ...said].join(' '), notice?.restorable ?? false);
}

/** Settle a link's checks whenever the run on screen becomes the document's, or a link is applied; returns a function that stops. */
export function followLinkChecks(s: { readonly ui: UiStore; readonly runs: RunStore; readonly doc: DocStore }): () => void {
  const check = (): void => {
    if (!s.ui.getState().linkCheck || !s.runs.settled()) return;
    const run = s.runs.current();
    // A scenario that cannot be opened has nothing to check against.
    if (run === undefined) s.ui.getState().setLinkCheck(false);
    else settleLinkChecks(s.ui, { trace: run.trace, conditions: run.conditions, source: s.doc.getState().source });
  };
  const offRuns = s.runs.subscribe(check);
  const offUi = s.ui.subscribe((now, before) => {
    if (now.linkCheck && !before.linkCheck) check();
  });
  check();
  return () => {
    offRuns();
    offUi();
  };
}
