/**
 * The editor's Apply (issue 6): the edited scenario becomes the session's
 * base (an inline source); the user's changed conditions, commands, boot,
 * instant and selection stay, so the boot is simulated again with the edit
 * and everything else as it was.
 */
import type { Scenario } from '../model/scenario/types.ts';
import type { Editing } from './commands.ts';

export function applyEditedScenario(s: Pick<Editing, 'doc' | 'player'>, scenario: Scenario): void {
  s.player.send({ type: 'PAUSE' });
  const d = s.doc.getState();
  d.replace({ source: { kind: 'inline', scenario }, conditions: d.conditions, interventions: d.interventions, boot: d.boot });
}
