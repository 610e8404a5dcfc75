/**
 * Seeded perturbation of method durations (scenario `seed` and `jitter`): a
 * run of a method takes its modelled duration × [1 − jitter, 1 + jitter).
 * The draw comes from the engine's seeded PRNG, never from real randomness,
 * so the same (scenario, seed, jitter) gives the same boot (issue 2 rule 10).
 */

/** `draw` is a value in [0, 1) from the seeded PRNG. */
export function jitterDuration(duration: number, jitter: number, draw: number): number {
  return Math.round(duration * (1 - jitter + 2 * jitter * draw));
}
