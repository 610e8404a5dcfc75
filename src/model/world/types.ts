/**
 * The world that method scripts act on (issue 4). A backward-compatible
 * extension of scenario v1: a scenario without `world` simulates exactly as
 * the durations and exits in its services say.
 */
export interface WorldSpec {
  readonly [key: string]: unknown;
}
