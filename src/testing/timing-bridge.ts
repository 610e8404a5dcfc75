/** The e2e bridge's view of ordering hazards and the timing explorer (issue 17). */
import { findHazards } from '../engine/hazards.ts';
import type { Session } from '../session/create-session.ts';

export interface TimingBridge {
  /** The hazards of the boot on screen. */
  hazards(): { id: string; object: string; writer: string; reader: string; right: boolean }[];
  /** The dependency cycles the engine reported in the boot on screen. */
  hazardCycles(): string[][];
  /** The perturbed timing the player shows (undefined: the scenario's own). */
  timing(): { seed: number; jitter: number } | undefined;
  /** The explorer's status and, when done, its classes. */
  exploration(): { status: string; done?: number; classes?: { rank: number; count: number; seed: number; states: Record<string, string> }[] };
}

export function timingBridge(s: Session): TimingBridge {
  return {
    hazards: () => {
      const r = s.runs.current();
      if (r === undefined) return [];
      return findHazards(r.trace).hazards.map((h) => ({ id: h.id, object: h.object.name, writer: h.writer.fmri, reader: h.reader.fmri, right: h.right }));
    },
    hazardCycles: () => {
      const r = s.runs.current();
      return r === undefined ? [] : findHazards(r.trace).cycles.map((c) => [...c]);
    },
    timing: () => s.doc.getState().timing,
    exploration: () => {
      const e = s.explorer.getState();
      if (e.status === 'done') return { status: e.status, done: e.result.booted, classes: e.result.classes.map((c) => ({ rank: c.rank, count: c.count, seed: c.seed, states: { ...c.states } })) };
      if (e.status === 'running' || e.status === 'cancelled') return { status: e.status, done: e.progress.done };
      return { status: e.status };
    },
  };
}
