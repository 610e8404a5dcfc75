/**
 * Guided tours (issue 8) are data: JSON files in src/teaching/tours/, one per
 * preset, validated by validateTour(). A step applies at a simulated instant,
 * when an event happens, or when the learner clicks Continue; the last step
 * of every tour is a "try it": change one condition, predict, watch — or,
 * when each choice names its own condition ("which fix removes it?"), pick
 * one change, predict, and watch that change's boot.
 */
export type StepWhen =
  /** At this simulated instant. */
  | { readonly at: number }
  /** When this instance first enters (`to`) or leaves (`leaves`) a state. */
  | { readonly event: { readonly fmri: string; readonly to?: string; readonly leaves?: string } }
  /** When the learner clicks Continue (the playhead stays where it is). */
  | { readonly continue: true };

/** What must be true at the end of the changed boot for a choice to be right. */
export type TourExpectation =
  /** This instance ends in this state (or is in it at simulated instant `at`). */
  | { readonly fmri: string; readonly state: string; readonly at?: number }
  /** This instance, once online, is stopped (and maybe restarted) during the boot, or never is. */
  | { readonly fmri: string; readonly restarted: boolean }
  /** This scenario action succeeds (ok true) or is refused (ok false). */
  | { readonly action: string; readonly ok: boolean }
  /** This file exists (or not) at the end. */
  | { readonly file: string; readonly exists: boolean }
  /**
   * The ordering hazard on this object (a path, /dev link, mount...) is
   * removed (issue 17): the boot has no hazard on it and no dependency cycle
   * in its place (a cycle means the fix ordered the services in a loop).
   */
  | { readonly hazard: string; readonly removed: boolean };

/** A condition and the option a "try it" sets. */
export interface TourCondition {
  readonly id: string;
  readonly value: string;
}

export interface TourChoice {
  readonly label: string;
  readonly expect: TourExpectation;
  /**
   * This choice's own change ("which fix removes it?"): the choice is judged
   * on the boot with this condition, and playing it boots that change.
   */
  readonly condition?: TourCondition;
}

export interface TourStep {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  /** Instances (FMRIs) or resources (file paths) to highlight. */
  readonly highlight?: readonly string[];
  readonly when: StepWhen;
  /** For the "try it" step: the condition to change (unless every choice has its own), the question and the choices. */
  readonly try?: {
    readonly condition?: TourCondition;
    /** "next-boot": the choices are judged on the boot after the changed one (what survives a reboot). */
    readonly after?: 'next-boot';
    readonly question: string;
    readonly choices: readonly TourChoice[];
  };
}

export interface Tour {
  readonly id: string;
  /** The preset the tour plays. */
  readonly preset: string;
  readonly title: string;
  readonly summary: string;
  readonly steps: readonly TourStep[];
}
