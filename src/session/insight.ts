/**
 * What the app knows about the selected service at a frame: the engine's
 * `svcs -xv` explanation, the cause chain and the critical chain. Computed once per (run,
 * frame, selection) however many views ask (the graph, the inspector and
 * the timeline all do). Framework-free.
 */
import { causeChain, type CauseChain } from '../engine/cause-chain.ts';
import { explain, type Explanation } from '../engine/index.ts';
import { criticalChain, type ChainLink } from '../selectors/critical-chain.ts';
import type { Run } from './derive-run.ts';
import type { Frame } from './frame-store.ts';

export interface Insight {
  readonly selected: string | undefined;
  /** The selection names an instance of this trace. */
  readonly isInstance: boolean;
  readonly explanation: Explanation | undefined;
  readonly chain: readonly ChainLink[];
  /** Why, all the way down: the cause chain from the trace and the world (issue 13). */
  readonly why: CauseChain | undefined;
}

const LAST = new WeakMap<Run, { frame: Frame; selected: string | undefined; value: Insight }>();

export function insightOf(run: Run, frame: Frame, selected: string | undefined): Insight {
  const hit = LAST.get(run);
  if (hit !== undefined && hit.frame === frame && hit.selected === selected) return hit.value;
  const isInstance = selected !== undefined && run.index.instances.has(selected);
  // Nothing to explain: the same object at every frame (a view that shows it has nothing new to draw).
  if (!isInstance && hit !== undefined && hit.selected === selected && !hit.value.isInstance) return hit.value;
  let value: Insight;
  if (!isInstance) value = { selected, isInstance, explanation: undefined, chain: [], why: undefined };
  else {
    const ctx = { trace: run.trace, statuses: frame.statuses, files: frame.files };
    const explanation = explain(ctx, selected);
    value = { selected, isInstance, explanation, chain: criticalChain(run.index, run.times, selected, frame.t), why: causeChain(ctx, selected, frame.t) };
  }
  LAST.set(run, { frame, selected, value });
  return value;
}
