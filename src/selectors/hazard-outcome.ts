/**
 * The "which fix removes it?" answer in one line (issue 17): in the boot
 * with the fix, is the ordering hazard on the object still there, gone, or
 * replaced by a dependency cycle (§1.2: svc.startd refuses the edge that
 * closes a cycle and puts that instance in maintenance)? And how the service
 * that needed the object ends. From the traces, never from the tour file.
 */
import { createSeeker, type Trace } from '../engine/index.ts';
import { hazardSummary } from '../engine/hazard-text.ts';
import { shortFmri } from '../model/smf/fmri.ts';
import { findHazards } from '../engine/hazards.ts';
import { hazardRemoved } from '../teaching/try-hazard.ts';
import { formatTime } from './playhead.ts';

export interface HazardOutcome {
  readonly revealAt: number;
  /** The service that needed the object (in the tour's own boot), to select. */
  readonly fmri?: string;
  readonly line: string;
}

/** `changed` is the boot with the fix; `original` the tour's own boot, where the hazard was. */
export function hazardOutcome(object: string, changed: Trace, original: Trace): HazardOutcome {
  const before = findHazards(original).hazards.find((h) => h.object.name === object);
  const after = hazardRemoved(changed, object);
  const end = changed.endTime;
  const reader = after.still[0]?.reader.fmri ?? before?.reader.fmri;
  const last = reader === undefined ? undefined : createSeeker(changed).atIndex(changed.records.length - 1).get(reader);
  const ends = reader === undefined || last === undefined || !last.present ? '' : ` ${shortFmri(reader)} ends ${last.state}${last.since > 0 ? ` at ${formatTime(last.since)}` : ' from the start'}.`;
  // Revealed once the original boot had shown the hazard (the writer made the object) and the reader has settled.
  const revealAt = Math.min(end, Math.max(last?.since ?? 0, before?.writer.t ?? 0, before?.reader.t ?? 0));
  const base = { revealAt, ...(reader === undefined ? {} : { fmri: reader }) };
  const still = after.still[0];
  if (still !== undefined) return { ...base, line: `The hazard is still there: ${hazardSummary(still)}${ends}` };
  const cycle = after.cycles[0];
  if (cycle !== undefined) {
    const loop = cycle.map(shortFmri).join(' → ');
    return { ...base, line: `No ordering hazard on ${object} any more, but the new dependency closes a dependency cycle, which svc.startd refuses: ${loop}.${ends}` };
  }
  return { ...base, line: `No ordering hazard on ${object}, and no dependency cycle in its place.${ends}` };
}
