/**
 * Module-scope selectors over the UI store (xyflow style): stable functions,
 * so components re-render only when the slice they read changes.
 */
import type { Position } from '../selectors/playhead.ts';
import type { UiState } from './ui-store.ts';

export const selectPlayhead = (s: UiState): number => s.playhead;
export const selectPin = (s: UiState): number | undefined => s.pin;
export const selectSelected = (s: UiState): string | undefined => s.selected;
export const selectSpeed = (s: UiState): number => s.speed;
export const selectTheme = (s: UiState): UiState['theme'] => s.theme;
export const selectCentreView = (s: UiState): UiState['centreView'] => s.centreView;
export const selectBottomTab = (s: UiState): UiState['bottomTab'] => s.bottomTab;
export const selectBottomHeight = (s: UiState): number => s.bottomHeight;
export const selectFocusMode = (s: UiState): UiState['focusMode'] => s.focusMode;
export const selectCollapse = (s: UiState): UiState['collapse'] => s.collapse;
export const selectSearch = (s: UiState): string => s.search;
export const selectBreakpoints = (s: UiState): UiState['breakpoints'] => s.breakpoints;
export const selectHelpOpen = (s: UiState): boolean => s.helpOpen;
export const selectToast = (s: UiState): UiState['toast'] => s.toast;

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
