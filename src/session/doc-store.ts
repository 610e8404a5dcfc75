/**
 * The session document in a Zustand store (a factory, one per mount): the
 * scenario source, condition overrides, interventions and boot number. It
 * holds the user's choices only; the effective scenario and the trace are
 * derived from it (derive-run.ts).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  addIntervention, presetDocument, removeIntervention, withCondition,
  type Intervention, type ScenarioSource, type SessionDocument, type Timing,
} from './document.ts';

export interface DocActions {
  openSource(source: ScenarioSource): void;
  setCondition(id: string, value: string, scenarioValue: string | undefined): void;
  resetConditions(): void;
  addIntervention(iv: Intervention): void;
  removeIntervention(index: number): void;
  clearInterventions(): void;
  setBoot(boot: number): void;
  /** Boot with a seeded perturbation of durations (undefined: the scenario's own timing). */
  setTiming(timing: Timing | undefined): void;
  replace(doc: SessionDocument): void;
}

export type DocState = SessionDocument & DocActions;
export type DocStore = StoreApi<DocState>;

export function createDocStore(initial: SessionDocument = presetDocument('')): DocStore {
  return createStore<DocState>()((set) => ({
    ...initial,
    openSource: (source) => set({ source, conditions: {}, interventions: [], boot: 0, timing: undefined }),
    setCondition: (id, value, scenarioValue) => set((s) => ({ conditions: withCondition(s.conditions, id, value, scenarioValue) })),
    resetConditions: () => set({ conditions: {} }),
    addIntervention: (iv) => set((s) => ({ interventions: addIntervention(s.interventions, iv) })),
    removeIntervention: (index) => set((s) => ({ interventions: removeIntervention(s.interventions, index) })),
    clearInterventions: () => set({ interventions: [] }),
    setBoot: (boot) => set({ boot: Math.max(0, Math.floor(boot)) }),
    setTiming: (timing) => set({ timing }),
    replace: (doc) => set({ source: doc.source, conditions: doc.conditions, interventions: doc.interventions, boot: doc.boot, timing: doc.timing }),
  }));
}

export function documentOf(s: DocState): SessionDocument {
  return { source: s.source, conditions: s.conditions, interventions: s.interventions, boot: s.boot, ...(s.timing === undefined ? {} : { timing: s.timing }) };
}
