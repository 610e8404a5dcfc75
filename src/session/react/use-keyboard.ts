/** The global shortcuts (keymap.ts), except where the focused control owns the key. */
import { useEffect } from 'react';
import { runCommand } from '../keyboard.ts';
import { belongsToControl, commandFor, type Command } from '../keymap.ts';
import { useSession } from './context.tsx';

/** `only`: the commands this page answers to (the embedded player's subset); all by default. */
export function useKeyboard(only?: ReadonlySet<Command>): void {
  const s = useSession();
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.isComposing) return;
      const cmd = commandFor(e);
      if (cmd === undefined || (only !== undefined && !only.has(cmd))) return;
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
  }, [s, only]);
}
