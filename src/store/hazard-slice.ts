/**
 * The hazards part of the UI state (issue 17), spread into the UI store:
 * whether every ordering hazard is drawn on the graph, and which hazard the
 * user picked in the Hazards panel (its two services are marked on the
 * graph). UI state only: the hazards themselves are computed from the trace.
 */
export interface HazardData {
  /** Draw every hazard of the boot as a dashed edge (the panel's toggle). */
  readonly hazardsOnGraph: boolean;
  /** The hazard picked in the panel (its id), marking its writer and reader. */
  readonly hazardPick: string | undefined;
}

export interface HazardActions {
  setHazardsOnGraph(on: boolean): void;
  pickHazard(id: string | undefined): void;
}

export const DEFAULT_HAZARD: HazardData = { hazardsOnGraph: false, hazardPick: undefined };

type Set = (partial: Partial<HazardData>) => void;

export function hazardActions(set: Set): HazardActions {
  return {
    setHazardsOnGraph: (hazardsOnGraph) => set({ hazardsOnGraph }),
    pickHazard: (hazardPick) => set({ hazardPick }),
  };
}
