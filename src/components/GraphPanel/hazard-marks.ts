/**
 * The Hazards panel's marks on the graph (issue 17): every ordering hazard of
 * the boot as a dashed hazard edge when "Show on graph" is on (the same edge
 * class issue 13's cause chain draws), and the picked hazard's two services
 * marked as selected with its edge drawn.
 */
import { useMemo } from 'react';
import { findHazards } from '../../engine/hazards.ts';
import type { HazardMark } from '../../graph-view/to-elements.ts';
import { useRun, useUi } from '../../session/react/context.tsx';

export interface HazardMarks {
  readonly edges: readonly HazardMark[];
  /** The picked hazard's writer and reader, as drawn. */
  readonly selected?: ReadonlySet<string>;
}

const NONE: HazardMarks = { edges: [] };

export function useHazardMarks(shownAs: ReadonlyMap<string, string>): HazardMarks {
  const run = useRun();
  const on = useUi((s) => s.hazardsOnGraph);
  const pick = useUi((s) => s.hazardPick);
  return useMemo(() => {
    if (!on && pick === undefined) return NONE;
    const all = findHazards(run.trace).hazards;
    const picked = all.find((h) => h.id === pick);
    const shown = (f: string): string => shownAs.get(f) ?? f;
    const edges = (on ? all : picked === undefined ? [] : [picked]).map((h) => ({ reader: shown(h.reader.fmri), writer: shown(h.writer.fmri), label: h.object.name, right: h.right }));
    if (picked === undefined) return { edges };
    const reader = shown(picked.reader.fmri);
    const writer = shown(picked.writer.fmri);
    return { edges, selected: new Set([reader, writer]) };
  }, [run.trace, on, pick, shownAs]);
}
