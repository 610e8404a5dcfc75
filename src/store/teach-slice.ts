/**
 * The teaching part of the UI state (issue 8), spread into the UI store:
 * where the learner is in a guided tour (the part a link carries), where a
 * tour they left is parked, their "try it" prediction, and which variant the
 * Compare view sets against the boot on screen. UI state only: the tour
 * texts, step instants and verdicts are data and model results, derived.
 */
export interface TourPosition {
  readonly id: string;
  /** 0-based step index. */
  readonly step: number;
}

/** The learner's prediction on a "try it" step: the chosen answer, and whether the changed boot has been applied. */
export interface TourTry {
  readonly choice: number;
  readonly applied: boolean;
}

/** The second boot of a comparison: the next boot of this one, or this boot with one condition changed. */
export type CompareSpec =
  | { readonly kind: 'next-boot' }
  | { readonly kind: 'condition'; readonly id: string; readonly value: string }
  /** The same boot with other seeded timing (a timing explorer class, issue 17). */
  | { readonly kind: 'timing'; readonly seed: number; readonly jitter: number; readonly label: string };

export interface TeachData {
  /** The tour on screen, at a step (undefined: no tour open). */
  readonly tour: TourPosition | undefined;
  /** A tour the learner left, to resume where it was. */
  readonly tourParked: TourPosition | undefined;
  readonly tourTry: TourTry | undefined;
  readonly compare: CompareSpec;
}

export interface TeachActions {
  /** Open a tour at a step (or close it); a new step forgets the prediction. */
  setTour(tour: TourPosition | undefined): void;
  /** Leave the tour, remembering where it was. */
  parkTour(): void;
  setTourTry(t: TourTry | undefined): void;
  setCompare(spec: CompareSpec): void;
}

export const DEFAULT_TEACH: TeachData = {
  tour: undefined,
  tourParked: undefined,
  tourTry: undefined,
  compare: { kind: 'next-boot' },
};

const samePosition = (a: TourPosition | undefined, b: TourPosition | undefined): boolean => a?.id === b?.id && a?.step === b?.step;

type Set = (partial: Partial<TeachData> | ((s: TeachData) => Partial<TeachData>)) => void;

export function teachActions(set: Set): TeachActions {
  return {
    setTour: (tour) =>
      set((s) => ({
        tour: tour === undefined ? undefined : { id: tour.id, step: Math.max(0, Math.floor(tour.step)) },
        tourParked: undefined,
        tourTry: samePosition(s.tour, tour) ? s.tourTry : undefined,
      })),
    parkTour: () => set((s) => (s.tour === undefined ? {} : { tourParked: s.tour, tour: undefined, tourTry: undefined })),
    setTourTry: (tourTry) => set({ tourTry }),
    setCompare: (compare) => set({ compare }),
  };
}
