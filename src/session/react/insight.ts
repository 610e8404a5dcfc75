/** The selected service's explanation and critical chain at the (slow) frame: see ../insight.ts. */
import { insightOf, type Insight } from '../insight.ts';
import { useRun, useSlowFrame, useUi } from './context.tsx';

export type { Insight } from '../insight.ts';

export function useInsight(): Insight {
  const run = useRun();
  const frame = useSlowFrame();
  const selected = useUi((s) => s.selected);
  return insightOf(run, frame, selected);
}
