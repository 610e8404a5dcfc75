/**
 * Commands that touch more than one store (opening a scenario resets the
 * playhead, stepping pauses playback, ...), in one place so the keyboard,
 * buttons and the test bridge do exactly the same thing. Each takes only the
 * stores it needs.
 */
import type { Scenario } from '../model/scenario/types.ts';
import { nextInstant, prevInstant, stepBack, stepForward, type Position } from '../selectors/playhead.ts';
import { selectPosition } from '../store/selectors.ts';
import type { UiStore } from '../store/ui-store.ts';
import type { Run } from './derive-run.ts';
import type { DocStore } from './doc-store.ts';
import type { ImportedFrom } from './document.ts';
import type { PlayerActor } from './player.machine.ts';

/** The run on screen, read-only (a RunStore satisfies it). */
export interface CurrentRun {
  current(): Run | undefined;
}

/** Moving the playhead. */
export interface Playback {
  readonly ui: UiStore;
  readonly player: PlayerActor;
}

/** Moving the playhead through the run on screen. */
export interface RunPlayback extends Playback {
  readonly runs: CurrentRun;
}

/** Changing the document (and, with it, where the playhead stands). */
export interface Editing extends Playback {
  readonly doc: DocStore;
}

export function openPreset(s: Editing, id: string): void {
  s.player.send({ type: 'PAUSE' });
  s.doc.getState().openSource({ kind: 'preset', id });
  s.ui.getState().seek({ t: 0, index: -1 });
  s.ui.getState().select(undefined);
  s.ui.getState().setSearch('');
}

export function openInline(s: Editing, scenario: Scenario, imported?: ImportedFrom): void {
  s.player.send({ type: 'PAUSE' });
  s.doc.getState().openSource({ kind: 'inline', scenario, ...(imported === undefined ? {} : { imported }) });
  s.ui.getState().seek({ t: 0, index: -1 });
  s.ui.getState().select(undefined);
  s.ui.getState().setSearch('');
}

type Mover = (records: Parameters<typeof stepForward>[0], pos: Position) => Position | undefined;

function move(s: RunPlayback, mover: Mover): void {
  const run = s.runs.current();
  if (run === undefined) return;
  s.player.send({ type: 'PAUSE' });
  const next = mover(run.trace.records, selectPosition(s.ui.getState()));
  if (next !== undefined) s.ui.getState().seek(next);
}

export const stepForwardCmd = (s: RunPlayback): void => move(s, stepForward);
export const stepBackCmd = (s: RunPlayback): void => move(s, stepBack);
export const nextInstantCmd = (s: RunPlayback): void => move(s, nextInstant);
export const prevInstantCmd = (s: RunPlayback): void => move(s, prevInstant);

export function goHome(s: Playback): void {
  s.player.send({ type: 'PAUSE' });
  s.ui.getState().seek({ t: 0, index: -1 });
}

export function goEnd(s: RunPlayback): void {
  const run = s.runs.current();
  if (run === undefined) return;
  s.player.send({ type: 'PAUSE' });
  s.ui.getState().seek({ t: run.trace.endTime });
}

/** Scrubbing: pause and show exactly instant t. */
export function scrubTo(s: Playback, t: number): void {
  s.player.send({ type: 'PAUSE' });
  s.ui.getState().setPlayhead(t);
}

/** Pause and show exactly record `index` at its instant (the event list, the inspector's history). */
export function seekRecord(s: Playback, t: number, index: number): void {
  s.player.send({ type: 'PAUSE' });
  s.ui.getState().seek({ t, index });
}

export function togglePlay(s: Pick<Playback, 'player'>): void {
  s.player.send({ type: 'TOGGLE' });
}

/** Run a command at the playhead's instant: it becomes a timed action of this boot and the run re-simulates. */
export function intervene(s: Editing & { readonly runs: CurrentRun }, run: string): void {
  const boot = s.runs.current()?.boot ?? 0;
  const at = s.ui.getState().playhead;
  s.player.send({ type: 'PAUSE' });
  s.doc.getState().addIntervention({ at, run, ...(boot > 0 ? { boot } : {}) });
  // Stay at the same instant, after everything that happens at it (including the new command).
  s.ui.getState().setPlayhead(at);
}

export function nextBootCmd(s: Editing): void {
  s.player.send({ type: 'PAUSE' });
  const d = s.doc.getState();
  d.setBoot(d.boot + 1);
  s.ui.getState().seek({ t: 0, index: -1 });
}

export function prevBootCmd(s: Editing): void {
  s.player.send({ type: 'PAUSE' });
  const d = s.doc.getState();
  d.setBoot(d.boot - 1);
  s.ui.getState().seek({ t: 0, index: -1 });
}
