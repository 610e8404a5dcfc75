/**
 * Commands that touch more than one store (opening a scenario resets the
 * playhead, stepping pauses playback, ...), in one place so the keyboard,
 * buttons and the test bridge do exactly the same thing.
 */
import type { Scenario } from '../model/scenario/types.ts';
import { nextInstant, prevInstant, stepBack, stepForward, type Position } from '../selectors/playhead.ts';
import { selectPosition } from '../store/selectors.ts';
import type { AppServices } from './create-session.ts';
import type { ImportedFrom } from './document.ts';

export function openPreset(s: AppServices, id: string): void {
  s.player.send({ type: 'PAUSE' });
  s.doc.getState().openSource({ kind: 'preset', id });
  s.ui.getState().seek({ t: 0, index: -1 });
  s.ui.getState().select(undefined);
  s.ui.getState().setSearch('');
}

export function openInline(s: AppServices, scenario: Scenario, imported?: ImportedFrom): void {
  s.player.send({ type: 'PAUSE' });
  s.doc.getState().openSource({ kind: 'inline', scenario, ...(imported === undefined ? {} : { imported }) });
  s.ui.getState().seek({ t: 0, index: -1 });
  s.ui.getState().select(undefined);
  s.ui.getState().setSearch('');
}

type Mover = (records: Parameters<typeof stepForward>[0], pos: Position) => Position | undefined;

function move(s: AppServices, mover: Mover): void {
  const run = s.run.current;
  if (run === undefined) return;
  s.player.send({ type: 'PAUSE' });
  const next = mover(run.trace.records, selectPosition(s.ui.getState()));
  if (next !== undefined) s.ui.getState().seek(next);
}

export const stepForwardCmd = (s: AppServices): void => move(s, stepForward);
export const stepBackCmd = (s: AppServices): void => move(s, stepBack);
export const nextInstantCmd = (s: AppServices): void => move(s, nextInstant);
export const prevInstantCmd = (s: AppServices): void => move(s, prevInstant);

export function goHome(s: AppServices): void {
  s.player.send({ type: 'PAUSE' });
  s.ui.getState().seek({ t: 0, index: -1 });
}

export function goEnd(s: AppServices): void {
  const run = s.run.current;
  if (run === undefined) return;
  s.player.send({ type: 'PAUSE' });
  s.ui.getState().seek({ t: run.trace.endTime });
}

/** Scrubbing: pause and show exactly instant t. */
export function scrubTo(s: AppServices, t: number): void {
  s.player.send({ type: 'PAUSE' });
  s.ui.getState().setPlayhead(t);
}

export function togglePlay(s: AppServices): void {
  s.player.send({ type: 'TOGGLE' });
}

/** Run a command at the playhead's instant: it becomes a timed action of this boot and the run re-simulates. */
export function intervene(s: AppServices, run: string): void {
  const boot = s.run.current?.boot ?? 0;
  const at = s.ui.getState().playhead;
  s.player.send({ type: 'PAUSE' });
  s.doc.getState().addIntervention({ at, run, ...(boot > 0 ? { boot } : {}) });
  // Stay at the same instant, after everything that happens at it (including the new command).
  s.ui.getState().setPlayhead(at);
}

export function nextBootCmd(s: AppServices): void {
  s.player.send({ type: 'PAUSE' });
  const d = s.doc.getState();
  d.setBoot(d.boot + 1);
  s.ui.getState().seek({ t: 0, index: -1 });
}

export function prevBootCmd(s: AppServices): void {
  s.player.send({ type: 'PAUSE' });
  const d = s.doc.getState();
  d.setBoot(d.boot - 1);
  s.ui.getState().seek({ t: 0, index: -1 });
}
