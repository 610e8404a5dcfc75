/**
 * What a link carries (issue 6). Field names are short because every
 * character counts in a link, and they never change meaning: version 1 of the
 * link format is decoded by every later version, for ever. New fields must be
 * optional.
 */
import type { ActionSpec, Scenario } from '../model/scenario/types.ts';

export interface ShareViewV1 {
  /**
   * The graph camera: zoom `z`, and `x`, `y` the graph (model) coordinates at
   * the centre of the view, so the same spot is shown in any window size.
   */
  readonly z: number;
  readonly x: number;
  readonly y: number;
}

/**
 * The layout of the view a link restores (issue 18). Values are kept as
 * strings here; the app applies the ones it knows and says which it ignored.
 */
export interface ShareUiV1 {
  /** Centre view: "table" or "compare" (absent: the graph). */
  readonly v?: string;
  /**
   * The second boot of Compare: "next" (the next boot), a condition `c` set to
   * `v`, or the same boot with seeded timing (issue 17's explorer classes):
   * seed `s`, jitter `j`, the class's label `l`.
   */
  readonly cmp?: 'next' | { readonly c: string; readonly v: string } | { readonly s: number; readonly j: number; readonly l: string };
  /** The graph's focus mode (absent: none). */
  readonly f?: string;
  /** The graph's show mode (absent: the default). */
  readonly sh?: string;
  /** The bottom tab (absent: the timeline). */
  readonly bt?: string;
  /** Height of the bottom panel, CSS px (absent: the default). */
  readonly bh?: number;
  /** Open panels and overlays by name ("help", "editor"). */
  readonly o?: readonly string[];
  /** The Hazards panel (issue 17): `g` every hazard drawn on the graph; `p` the picked hazard's id. */
  readonly hz?: { readonly g?: true; readonly p?: string };
  /** The search text. */
  readonly q?: string;
  /** The legend: 1 unfolded, 0 folded (absent: as the screen's height suggests). */
  readonly lg?: 0 | 1;
  /** Compare's row filter: "state" or "time" (absent: every row). */
  readonly cf?: string;
  /** Below 1200 px, the side panel open as a drawer: "right" (the inspector) or "none" (absent: the left panel). */
  readonly dr?: string;
}

export interface ShareStateV1 {
  /** Built-in preset id. Exactly one of `p` and `s`. */
  readonly p?: string;
  /** A whole scenario, when it is not a preset (imported, edited). */
  readonly s?: Scenario;
  /** Condition overrides: condition id → option value (differences from the preset). */
  readonly c?: Readonly<Record<string, string>>;
  /**
   * Interventions the user added: timed actions, appended to the scenario's
   * own. `b` (optional) is the boot they belong to: 0 = the first boot
   * (default), 1 = the next boot, …
   */
  readonly a?: readonly (ActionSpec & { readonly b?: number })[];
  /** Playhead, simulated ms. */
  readonly t?: number;
  /** Selected instance FMRI. */
  readonly sel?: string;
  readonly view?: ShareViewV1;
  /** Guided tour and step. */
  readonly tour?: { readonly id: string; readonly step: number };
  /** Boot number within the session (1 = first boot; 2 = next boot …). */
  readonly boot?: number;
  /** A perturbed boot (issue 17): the scenario booted with seed `s` and jitter `j` (a timing explorer class's boot). */
  readonly tm?: { readonly s: number; readonly j: number };
  /** The timing explorer (issue 17): `n` boots, jitter `j`, base seed `s`; the link reruns it (same classes). */
  readonly x?: { readonly n: number; readonly j: number; readonly s: number };
  /** The layout of the view (issue 18). */
  readonly ui?: ShareUiV1;
  /** 1: open as the embedded player (issue 18), the minimal player for an iframe in a course page or a slide. */
  readonly e?: 1;
}
