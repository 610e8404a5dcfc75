/**
 * Focus modes: which nodes and edges to light up for the selected service
 * (its dependencies, its dependents, the path to its root cause, or its
 * critical chain); everything else is dimmed. Works on collapsed models
 * through `shownAs`. Pure.
 */
import { dependencyClosure, dependentClosure, type DependencyIndex } from '../selectors/dependencies.ts';
import type { GraphModel } from './model.ts';

export type FocusMode = 'none' | 'dependencies' | 'dependents' | 'cause' | 'chain';

export const FOCUS_MODES: readonly { readonly mode: FocusMode; readonly label: string; readonly hint: string }[] = [
  { mode: 'none', label: 'All', hint: 'Show the whole graph' },
  { mode: 'dependencies', label: 'Dependencies', hint: 'What the selected service needs (svcs -d, transitively)' },
  { mode: 'dependents', label: 'Dependents', hint: 'What needs the selected service (svcs -D, transitively)' },
  { mode: 'cause', label: 'Root cause', hint: 'The path svcs -xv follows to the root cause' },
  { mode: 'chain', label: 'Critical chain', hint: 'What the selected service waited for, longest first' },
];

export interface FocusInput {
  readonly model: GraphModel;
  readonly shownAs: ReadonlyMap<string, string>;
  readonly index: DependencyIndex;
  readonly selected: string;
  readonly mode: FocusMode;
  /** svcs -xv paths (each from the selected service down to a cause). */
  readonly causePaths?: readonly (readonly string[])[];
  /** Critical chain ids, from the selected service back to the start. */
  readonly chain?: readonly string[];
}

/** Node and edge ids to highlight along consecutive hops of each path. */
export function pathMarks(model: GraphModel, shownAs: ReadonlyMap<string, string>, paths: readonly (readonly string[])[], dependentToDependency = true): Set<string> {
  const byEnds = new Map<string, string[]>();
  for (const e of model.edges) {
    const k = `${e.source}>${e.target}`;
    byEnds.set(k, [...(byEnds.get(k) ?? []), e.id]);
  }
  const out = new Set<string>();
  for (const p of paths) {
    const shown = p.map((id) => shownAs.get(id) ?? id);
    shown.forEach((id) => out.add(id));
    for (let k = 0; k + 1 < shown.length; k++) {
      const a = shown[k];
      const b = shown[k + 1];
      if (a === undefined || b === undefined || a === b) continue;
      const key = dependentToDependency ? `${a}>${b}` : `${b}>${a}`;
      for (const id of byEnds.get(key) ?? []) out.add(id);
    }
  }
  return out;
}

export function focusSet(input: FocusInput): Set<string> | undefined {
  const { model, shownAs, index, selected, mode } = input;
  const self = shownAs.get(selected) ?? selected;
  switch (mode) {
    case 'none':
      return undefined;
    case 'cause':
      return pathMarks(model, shownAs, input.causePaths !== undefined && input.causePaths.length > 0 ? input.causePaths : [[selected]]);
    case 'chain':
      return pathMarks(model, shownAs, [input.chain !== undefined && input.chain.length > 0 ? input.chain : [selected]]);
    case 'dependencies':
    case 'dependents': {
      const closure = mode === 'dependencies' ? dependencyClosure(index, selected) : dependentClosure(index, selected);
      const nodes = new Set<string>([self]);
      for (const id of closure) nodes.add(shownAs.get(id) ?? id);
      const out = new Set<string>(nodes);
      for (const e of model.edges) {
        if (e.grouping === 'exclude_all') continue;
        if (nodes.has(e.source) && nodes.has(e.target)) out.add(e.id);
      }
      return out;
    }
  }
}
