/** Light and dark: the user's choice or the system's, applied as CSS custom properties on <html>. */
import { useEffect, useSyncExternalStore } from 'react';
import { effectiveTheme } from '../../store/selectors.ts';
import { cssVariables, type ThemeName } from '../../theme/palette.ts';
import { useUi } from './context.tsx';

function media(query: string): { subscribe: (cb: () => void) => () => void; get: () => boolean } {
  return {
    subscribe: (cb) => {
      const m = window.matchMedia(query);
      m.addEventListener('change', cb);
      return () => m.removeEventListener('change', cb);
    },
    get: () => window.matchMedia(query).matches,
  };
}

const DARK = media('(prefers-color-scheme: dark)');
const REDUCED = media('(prefers-reduced-motion: reduce)');
const never = (): boolean => false;

export function useSystemDark(): boolean {
  return useSyncExternalStore(DARK.subscribe, DARK.get, never);
}

export function useReducedMotion(): boolean {
  return useSyncExternalStore(REDUCED.subscribe, REDUCED.get, never);
}

export function useTheme(): ThemeName {
  const choice = useUi((s) => s.theme);
  const dark = useSystemDark();
  return effectiveTheme(choice, dark);
}

export function applyTheme(theme: ThemeName, root: HTMLElement = document.documentElement): void {
  for (const [k, v] of Object.entries(cssVariables(theme))) root.style.setProperty(k, v);
  root.dataset['theme'] = theme;
  root.style.colorScheme = theme;
}

/** Keeps <html> in the current theme. */
export function ThemeSync() {
  const theme = useTheme();
  useEffect(() => applyTheme(theme), [theme]);
  return null;
}
