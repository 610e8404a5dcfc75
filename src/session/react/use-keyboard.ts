/** The global shortcuts (keymap.ts), except where the focused control owns the key. */
import { useEffect } from 'react';
import { FOCUS_MODES } from '../../graph-view/focus.ts';
import { goEnd, goHome, nextInstantCmd, prevInstantCmd, stepBackCmd, stepForwardCmd, togglePlay } from '../commands.ts';
import { belongsToControl, commandFor, type Command } from '../keymap.ts';
import type { AppServices } from '../create-session.ts';

export function runCommand(s: AppServices, cmd: Command): void {
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
      return ui.requestSearchFocus();
    case 'help':
      return ui.setHelpOpen(!ui.helpOpen);
    case 'fit':
      return ui.requestFit();
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

export function useKeyboard(s: AppServices): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.isComposing) return;
      const cmd = commandFor(e);
      if (cmd === undefined) return;
      const t = e.target instanceof HTMLElement ? e.target : null;
      const target =
        t === null
          ? null
          : { tagName: t.tagName, type: t instanceof HTMLInputElement ? t.type : undefined, isContentEditable: t.isContentEditable, role: t.getAttribute('role') };
      if (belongsToControl(target, cmd)) return;
      const ui = s.ui.getState();
      if (ui.helpOpen && cmd !== 'help' && cmd !== 'escape') return;
      // Esc with the help open closes it here, not by the dialog's own cancel:
      // the store then knows at once, so a second Esc right after it already
      // clears the search or the selection (the dialog's close event comes a
      // task later, and a busy page could lose that Esc).
      e.preventDefault();
      runCommand(s, cmd);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [s]);
}
