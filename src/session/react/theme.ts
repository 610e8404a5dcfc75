/** Light and dark: the user's choice or the system's, applied as CSS custom properties on <html>. */
import { useEffect } from 'react';
import { effectiveTheme } from '../../store/selectors.ts';
import { cssVariables, type ThemeName } from '../../theme/palette.ts';
import { useUi } from './context.tsx';
import { media, useMedia } from './media.ts';

const DARK = media('(prefers-color-scheme: dark)');
const REDUCED = media('(prefers-reduced-motion: reduce)');

export function useSystemDark(): boolean {
  return useMedia(DARK);
}

export function useReducedMotion(): boolean {
  return useMedia(REDUCED);
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
