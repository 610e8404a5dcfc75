/**
 * The ordering hazards two boots took differently (issue 17): a hazard
 * (same object, writer and reader) present in one boot and not the other,
 * or present in both in the other order. Two boots of one scenario that end
 * differently under timing alone differ here first: this is what decided
 * them, where the Compare view's first divergence is merely the first event
 * whose time moved. Pure; from the traces (findHazards).
 */
import { findHazards, type Hazard } from '../engine/hazards.ts';
import type { Trace } from '../engine/trace.ts';

export interface HazardDiffRow {
  readonly id: string;
  /** The object's name (a path, /dev link, mount...). */
  readonly object: string;
  /** The hazard in boot A (absent: no hazard on it there). */
  readonly a?: Hazard;
  readonly b?: Hazard;
}

export function hazardDiff(a: Trace, b: Trace): HazardDiffRow[] {
  const inA = new Map(findHazards(a).hazards.map((h) => [h.id, h]));
  const inB = new Map(findHazards(b).hazards.map((h) => [h.id, h]));
  const out: HazardDiffRow[] = [];
  for (const id of new Set([...inA.keys(), ...inB.keys()])) {
    const ha = inA.get(id);
    const hb = inB.get(id);
    if (ha !== undefined && hb !== undefined && ha.order === hb.order && ha.right === hb.right) continue;
    const object = (ha ?? hb)?.object.name ?? id;
    out.push({ id, object, ...(ha === undefined ? {} : { a: ha }), ...(hb === undefined ? {} : { b: hb }) });
  }
  return out;
}
