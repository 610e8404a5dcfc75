/**
 * Selectors and helpers over the UI store: the playhead as a position, the
 * theme to draw, search matching. Pure.
 */
import type { Position } from '../selectors/playhead.ts';
import type { UiState } from './ui-store.ts';

/** The playhead as a position (compare with `samePosition`, not by identity). */
export const selectPosition = (s: UiState): Position => (s.pin === undefined ? { t: s.playhead } : { t: s.playhead, index: s.pin });

export function samePosition(a: Position, b: Position): boolean {
  return a.t === b.t && a.index === b.index;
}

/** The theme to draw: the user's choice, or the system's when they chose "system". */
export function effectiveTheme(choice: UiState['theme'], systemDark: boolean): 'light' | 'dark' {
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

/** Case-insensitive substring search over FMRIs and common names; empty query = no search. */
export function searchMatches(query: string, items: readonly { readonly id: string; readonly text: string }[]): Set<string> | undefined {
  const q = query.trim().toLowerCase();
  if (q === '') return undefined;
  const out = new Set<string>();
  for (const it of items) if (it.id.toLowerCase().includes(q) || it.text.toLowerCase().includes(q)) out.add(it.id);
  return out;
}
