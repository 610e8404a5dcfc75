/** What each keyboard command (keymap.ts) does to the session. */
import { FOCUS_MODES } from '../graph-view/focus.ts';
import { goEnd, goHome, nextInstantCmd, prevInstantCmd, stepBackCmd, stepForwardCmd, togglePlay, type RunPlayback } from './commands.ts';
import type { CommandQueue } from './command-queue.ts';
import type { SearchCommand } from './create-session.ts';
import type { GraphLink } from './graph-link.ts';
import type { Command } from './keymap.ts';

export interface Keyboard extends RunPlayback {
  readonly graph: Pick<GraphLink, 'fit'>;
  readonly search: Pick<CommandQueue<SearchCommand>, 'push'>;
}

export function runCommand(s: Keyboard, cmd: Command): void {
  const ui = s.ui.getState();
  switch (cmd) {
    case 'togglePlay':
      return togglePlay(s);
    case 'stepForward':
      return stepForwardCmd(s);
    case 'stepBack':
      return stepBackCmd(s);
    case 'nextInstant':
      return nextInstantCmd(s);
    case 'prevInstant':
      return prevInstantCmd(s);
    case 'home':
      return goHome(s);
    case 'end':
      return goEnd(s);
    case 'faster':
      return ui.faster();
    case 'slower':
      return ui.slower();
    case 'search':
      if (ui.centreView !== 'graph' && ui.centreView !== 'table') ui.setCentreView('graph');
      return s.search.push({ type: 'focus' });
    case 'help':
      return ui.setHelpOpen(!ui.helpOpen);
    case 'fit':
      return s.graph.fit();
    case 'toggleTable':
      return ui.setCentreView(ui.centreView === 'graph' ? 'table' : 'graph');
    case 'focusNext': {
      if (ui.selected === undefined) return;
      const k = FOCUS_MODES.findIndex((f) => f.mode === ui.focusMode);
      const next = FOCUS_MODES[(k + 1) % FOCUS_MODES.length];
      if (next !== undefined) ui.setFocusMode(next.mode);
      return;
    }
    case 'escape':
      if (ui.helpOpen) return ui.setHelpOpen(false);
      if (ui.search !== '') return ui.setSearch('');
      if (ui.selected !== undefined) return ui.select(undefined);
      return undefined;
  }
}
