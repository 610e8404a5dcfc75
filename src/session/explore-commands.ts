/**
 * The Hazards and Explore timing panels' commands (issue 17): jump to an
 * instant of a hazard, pick a hazard, open a class's representative boot in
 * the player or beside a boot of another class in Compare, run the explorer
 * over the boot on screen. Each takes only the stores it needs.
 */
import type { ExplorerSession } from '../explorer/explorer-session.ts';
import type { CurrentRun, Editing, Playback } from './commands.ts';
import type { DocStore } from './doc-store.ts';
import type { SessionDocument } from './document.ts';

/** The explorer and what decides the boot it explores. */
export interface Exploring extends Editing {
  readonly runs: CurrentRun;
  readonly explorer: ExplorerSession;
}

/** What an exploration is of: the scenario and the choices that change it (not the timing). */
export function explorationKey(doc: Pick<SessionDocument, 'source' | 'conditions' | 'interventions' | 'boot'>): string {
  const src = doc.source.kind === 'preset' ? `preset:${doc.source.id}` : `inline:${doc.source.scenario.name}:${doc.source.scenario.services.length}`;
  return JSON.stringify([src, doc.conditions, doc.interventions, doc.boot]);
}

/** Pause at `t` with `fmri` selected (a hazard's side, the instant a service needed something). */
export function jumpTo(s: Playback, t: number, fmri: string): void {
  s.player.send({ type: 'PAUSE' });
  const ui = s.ui.getState();
  ui.setPlayhead(t);
  ui.select(fmri);
}

/** Pick a hazard (its services marked, the reader selected at the instant it needed the object); picking it again unpicks it. */
export function pickHazardCmd(s: Playback, id: string, reader: { readonly t: number; readonly fmri: string }): void {
  const ui = s.ui.getState();
  if (ui.hazardPick === id) {
    ui.pickHazard(undefined);
    return;
  }
  ui.pickHazard(id);
  jumpTo(s, reader.t, reader.fmri);
}

/** Explore the boot on screen with the explorer's parameters. */
export function startExplore(s: Exploring): void {
  const run = s.runs.current();
  if (run === undefined) return;
  s.explorer.start(run.scenario, explorationKey(s.doc.getState()));
}

/** Play a class's representative boot (its seed, the exploration's jitter). */
export function openTiming(s: Editing, seed: number, jitter: number): void {
  s.player.send({ type: 'PAUSE' });
  s.doc.getState().setTiming({ seed, jitter });
  s.ui.getState().setCentreView('graph');
}

/** Compare a boot of one class (A, on screen) with a boot of another (B). */
export function compareTiming(s: Editing, a: number, b: { readonly seed: number; readonly label: string }, jitter: number): void {
  s.player.send({ type: 'PAUSE' });
  s.doc.getState().setTiming({ seed: a, jitter });
  const ui = s.ui.getState();
  ui.setCompare({ kind: 'timing', seed: b.seed, jitter, label: b.label });
  ui.setCentreView('compare');
}

/** Back to the scenario's own (modelled) timing. */
export function unperturb(s: { readonly doc: DocStore }): void {
  s.doc.getState().setTiming(undefined);
}
