/** The Compare view's comparison and the timeline's marks, for the boot on screen (see ../comparison.ts). */
import { useMemo } from 'react';
import { comparisonFor, type ComparisonView } from '../comparison.ts';
import { useDoc, useRun, useSession, useUi } from './context.tsx';

export type { ComparisonView } from '../comparison.ts';

/** The comparison for the boot on screen and the variant chosen in the UI store. */
export function useComparison(): ComparisonView {
  const { runs } = useSession();
  const run = useRun();
  const spec = useUi((s) => s.compare);
  const conditions = useDoc((s) => s.conditions);
  const interventions = useDoc((s) => s.interventions);
  const boot = useDoc((s) => s.boot);
  const timing = useDoc((s) => s.timing);
  return useMemo(() => comparisonFor(runs, run, { conditions, interventions, boot, ...(timing === undefined ? {} : { timing }) }, spec), [runs, run, conditions, interventions, boot, timing, spec]);
}

/** While the Compare view is open: the instances whose outcome differs (the timeline marks their rows). */
export function useComparedChanges(): ReadonlySet<string> | undefined {
  const { runs } = useSession();
  const run = useRun();
  const open = useUi((s) => s.centreView === 'compare');
  const spec = useUi((s) => s.compare);
  const conditions = useDoc((s) => s.conditions);
  const interventions = useDoc((s) => s.interventions);
  const boot = useDoc((s) => s.boot);
  const timing = useDoc((s) => s.timing);
  return useMemo(
    () => (open ? new Set(comparisonFor(runs, run, { conditions, interventions, boot, ...(timing === undefined ? {} : { timing }) }, spec).comparison?.changed ?? []) : undefined),
    [open, runs, run, conditions, interventions, boot, timing, spec],
  );
}
