/** The selected service's explanation and critical chain at the (slow) frame: see ../insight.ts. */
import { insightOf, type Insight } from '../insight.ts';
import { useCallback } from 'react';
import { useRun, useSlowFrame, useUi, type Frame } from './context.tsx';

export type { Insight } from '../insight.ts';

export function useInsight(): Insight {
  const run = useRun();
  const selected = useUi((s) => s.selected);
  // Selected from the slow frame: with no service selected the insight is the same object at every frame, so the
  // views that ask (the graph panel) are not re-rendered while a boot plays (issue 16).
  const select = useCallback((frame: Frame) => insightOf(run, frame, selected), [run, selected]);
  return useSlowFrame(select);
}
