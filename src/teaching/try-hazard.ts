/**
 * "Which fix removes it?" (issue 17): whether a boot still has the ordering
 * hazard on an object (a path, /dev link, mount...), and what took its place.
 * A fix that adds the missing dependency can close a dependency cycle (seed
 * 000's option 2): the hazard is gone, but svc.startd refuses the edge that
 * closes the cycle and puts that instance in maintenance (§1.2), so a cycle
 * in its place does not count as removed. From the trace (findHazards).
 */
import { findHazards, type Hazard } from '../engine/hazards.ts';
import type { Trace } from '../engine/trace.ts';

export interface HazardAfterFix {
  /** No hazard on the object and no dependency cycle. */
  readonly removed: boolean;
  /** The hazards on the object in this boot. */
  readonly still: readonly Hazard[];
  /** The dependency cycles the engine reported in this boot. */
  readonly cycles: readonly (readonly string[])[];
}

export function hazardRemoved(trace: Trace, object: string): HazardAfterFix {
  const report = findHazards(trace);
  const still = report.hazards.filter((h) => h.object.name === object);
  return { removed: still.length === 0 && report.cycles.length === 0, still, cycles: report.cycles };
}
