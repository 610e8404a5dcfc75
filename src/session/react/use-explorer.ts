/** React access to the timing explorer's state (src/explorer/explorer-session.ts). */
import { useSyncExternalStore } from 'react';
import type { ExplorerState } from '../../explorer/explorer-session.ts';
import { explorationKey } from '../explore-commands.ts';
import { useDoc, useSession } from './context.tsx';

export function useExplorer(): ExplorerState {
  const { explorer } = useSession();
  return useSyncExternalStore(explorer.subscribe, explorer.getState);
}

/** What exploring now would explore (the scenario and the choices that change it), to tell a result for something else. */
export function useExplorationKey(): string {
  const source = useDoc((s) => s.source);
  const conditions = useDoc((s) => s.conditions);
  const interventions = useDoc((s) => s.interventions);
  const boot = useDoc((s) => s.boot);
  return explorationKey({ source, conditions, interventions, boot });
}
