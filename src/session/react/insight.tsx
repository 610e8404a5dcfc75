/**
 * What the app knows about the selected service at the playhead, computed
 * once per (run, frame, selection) and shared: the engine's `svcs -xv`
 * explanation and the critical chain.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { explain, type Explanation } from '../../engine/index.ts';
import { criticalChain, type ChainLink } from '../../selectors/critical-chain.ts';
import { useSlowFrame, useRun, useUi } from './context.tsx';

export interface Insight {
  readonly selected: string | undefined;
  /** The selection names an instance of this trace. */
  readonly isInstance: boolean;
  readonly explanation: Explanation | undefined;
  readonly chain: readonly ChainLink[];
}

const InsightContext = createContext<Insight>({ selected: undefined, isInstance: false, explanation: undefined, chain: [] });

export function InsightProvider({ children }: { children: ReactNode }) {
  const run = useRun();
  const frame = useSlowFrame();
  const selected = useUi((s) => s.selected);
  const value = useMemo<Insight>(() => {
    const isInstance = selected !== undefined && run.index.instances.has(selected);
    if (!isInstance) return { selected, isInstance, explanation: undefined, chain: [] };
    const explanation = explain({ trace: run.trace, statuses: frame.statuses, files: frame.files }, selected);
    const chain = criticalChain(run.index, run.times, selected, frame.t);
    return { selected, isInstance, explanation, chain };
  }, [run, frame, selected]);
  return <InsightContext.Provider value={value}>{children}</InsightContext.Provider>;
}

export function useInsight(): Insight {
  return useContext(InsightContext);
}
