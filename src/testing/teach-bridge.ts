/**
 * The test bridge's view of tours and comparisons (issue 8): where the tour
 * is, each step's instant and highlights as the model computes them, the
 * "try it" verdict, and the comparison on the Compare view. Read-only;
 * spread into window.__BOOTGRAPH__ (e2e-bridge.ts).
 */
import { documentOf } from '../session/doc-store.ts';
import type { Session } from '../session/create-session.ts';
import { tourPlan, tourVerdict } from '../session/tour-commands.ts';
import { comparisonFor } from '../session/comparison.ts';
import { stepSpotlight } from '../selectors/tour-plan.ts';
import { encodeShareState } from '../share/codec.ts';
import type { ShareStateV1 } from '../share/share-state.ts';
import { tourById, tourForPreset } from '../teaching/tours/index.ts';

export interface TourStepInfo {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly instant: number;
  /** What the graph spotlights at this step. */
  readonly spotlight: string[];
}

export interface TeachBridge {
  /** The open tour and step (SessionState.tour), or undefined. */
  tour(): { id: string; step: number } | undefined;
  tourParked(): { id: string; step: number } | undefined;
  /** The steps of a tour (default: the open preset's) over the tour's own boot, from the model. */
  tourPlan(id?: string): TourStepInfo[] | undefined;
  /** The model's answer to the tour's "try it" question (per-choice conditions: revealAt and line of choice `played`'s boot). */
  tourVerdict(id?: string, played?: number): { right: boolean[]; correct: number; revealAt: number; line: string } | undefined;
  /** The Compare view's comparison (for the variant chosen). */
  /** A `#v1.` fragment for a link state (encodeShareState), to open a tour step from a link. */
  encodeLink(state: ShareStateV1): string | undefined;
  comparison(): { labelB: string; unavailable?: string; divergence?: { fmri: string; t: number; a?: string; b?: string }; changed: string[]; rows: { fmri: string; differs: string; change: string }[] } | undefined;
}

export function teachBridge(s: Session): TeachBridge {
  const tourOf = (id: string | undefined) => {
    if (id !== undefined) return tourById(id);
    const src = s.doc.getState().source;
    return src.kind === 'preset' ? tourForPreset(src.id) : undefined;
  };
  return {
    tour: () => {
      const t = s.ui.getState().tour;
      return t === undefined ? undefined : { ...t };
    },
    tourParked: () => {
      const t = s.ui.getState().tourParked;
      return t === undefined ? undefined : { ...t };
    },
    tourPlan: (id) => {
      const tour = tourOf(id);
      const base = s.runs.current()?.base;
      if (tour === undefined || base === undefined) return undefined;
      return tourPlan(s.runs, base, tour).steps.map((p) => ({ id: p.step.id, title: p.step.title, kind: p.kind, instant: p.instant, spotlight: [...stepSpotlight(p)] }));
    },
    tourVerdict: (id, played) => {
      const tour = tourOf(id);
      const base = s.runs.current()?.base;
      const v = tour === undefined || base === undefined ? undefined : tourVerdict(s.runs, base, tour, played);
      return v === undefined ? undefined : { right: [...v.right], correct: v.correct, revealAt: v.revealAt, line: v.line };
    },
    encodeLink: (state) => {
      const r = encodeShareState(state);
      return r.ok ? r.fragment : undefined;
    },
    comparison: () => {
      const run = s.runs.current();
      if (run === undefined) return undefined;
      const c = comparisonFor(s.runs, run, documentOf(s.doc.getState()), s.ui.getState().compare);
      const d = c.comparison?.divergence;
      return {
        labelB: c.labelB,
        ...(c.unavailable === undefined ? {} : { unavailable: c.unavailable }),
        ...(d === undefined ? {} : { divergence: { fmri: d.fmri, t: d.t, ...(d.a === undefined ? {} : { a: d.a.what }), ...(d.b === undefined ? {} : { b: d.b.what }) } }),
        changed: [...(c.comparison?.changed ?? [])],
        rows: c.rows.map((r) => ({ fmri: r.fmri, differs: r.outcome.differs, change: r.change })),
      };
    },
  };
}
