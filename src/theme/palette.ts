/**
 * The one source of the app's colours. State colours are the accent; all
 * else is a restrained neutral ramp. The graph stylesheet reads this module
 * directly; CSS reads it through custom properties (`cssVariables`). Pure.
 */
import type { VisualState } from '../selectors/visual-state.ts';

export type ThemeName = 'light' | 'dark';

export interface StateColours {
  /** Node fill. */
  readonly fill: string;
  /** Node border, bar and swatch colour: the state's accent. */
  readonly accent: string;
  /** Text on `fill`. */
  readonly text: string;
}

export interface Palette {
  readonly bg: string;
  readonly panel: string;
  readonly panelRaised: string;
  readonly text: string;
  readonly muted: string;
  readonly faint: string;
  readonly border: string;
  readonly accent: string;
  readonly accentText: string;
  readonly focus: string;
  readonly edge: string;
  readonly edgeExclude: string;
  readonly consoleBg: string;
  readonly consoleText: string;
  readonly fileNode: StateColours;
  readonly fileMissing: StateColours;
  readonly states: Readonly<Record<VisualState, StateColours>>;
}

export const PALETTES: Readonly<Record<ThemeName, Palette>> = {
  light: {
    bg: '#f4f5f7',
    panel: '#ffffff',
    panelRaised: '#fbfbfc',
    text: '#1b1e23',
    muted: '#5d636d',
    faint: '#6c727b',
    border: '#dfe1e6',
    accent: '#3d5afe',
    accentText: '#ffffff',
    focus: '#3d5afe',
    edge: '#9aa1ab',
    edgeExclude: '#d6336c',
    consoleBg: '#14171c',
    consoleText: '#d7dae0',
    fileNode: { fill: '#e6fcf5', accent: '#0c8599', text: '#0b5663' },
    fileMissing: { fill: '#fff5f5', accent: '#c92a2a', text: '#a51d1d' },
    states: {
      online: { fill: '#ebfbee', accent: '#2f9e44', text: '#1d5a2a' },
      degraded: { fill: '#fff4e6', accent: '#e67700', text: '#8a4700' },
      starting: { fill: '#e7f5ff', accent: '#1971c2', text: '#0f4a82' },
      stopping: { fill: '#f3f0ff', accent: '#6741d9', text: '#43279a' },
      offline: { fill: '#ffffff', accent: '#7b828c', text: '#3a3f47' },
      maintenance: { fill: '#e03131', accent: '#b01e1e', text: '#ffffff' },
      disabled: { fill: '#f1f3f5', accent: '#a3aab3', text: '#5a616b' },
      uninitialized: { fill: '#f8f9fa', accent: '#c3c8cf', text: '#6b7280' },
      absent: { fill: '#fafafa', accent: '#c3c8cf', text: '#666d77' },
    },
  },
  dark: {
    bg: '#0e1014',
    panel: '#15181e',
    panelRaised: '#1b1f26',
    text: '#e4e6ea',
    muted: '#a0a6b0',
    faint: '#7d8490',
    border: '#2a2f38',
    accent: '#8c9eff',
    accentText: '#0e1014',
    focus: '#8c9eff',
    edge: '#5f6671',
    edgeExclude: '#f06595',
    consoleBg: '#0a0c0f',
    consoleText: '#d7dae0',
    fileNode: { fill: '#0b2b2e', accent: '#3bc9db', text: '#99e9f2' },
    fileMissing: { fill: '#2c1215', accent: '#ff6b6b', text: '#ffc9c9' },
    states: {
      online: { fill: '#12301b', accent: '#51cf66', text: '#c3fad0' },
      degraded: { fill: '#33240b', accent: '#ffa94d', text: '#ffe2bd' },
      starting: { fill: '#0d2741', accent: '#4dabf7', text: '#cfe8ff' },
      stopping: { fill: '#221a42', accent: '#9775fa', text: '#e0d8ff' },
      offline: { fill: '#1a1d23', accent: '#8b929c', text: '#d0d4da' },
      maintenance: { fill: '#c92a2a', accent: '#ff8787', text: '#ffffff' },
      disabled: { fill: '#171a1f', accent: '#4a515b', text: '#8a919b' },
      uninitialized: { fill: '#15181e', accent: '#3f4650', text: '#8a919b' },
      absent: { fill: '#121418', accent: '#3f4650', text: '#8a919b' },
    },
  },
};

/** Custom properties for CSS (`--state-online`, `--bg`, ...). */
export function cssVariables(theme: ThemeName): Record<string, string> {
  const p = PALETTES[theme];
  const out: Record<string, string> = {
    '--bg': p.bg,
    '--panel': p.panel,
    '--panel-raised': p.panelRaised,
    '--text': p.text,
    '--muted': p.muted,
    '--faint': p.faint,
    '--border': p.border,
    '--accent': p.accent,
    '--accent-text': p.accentText,
    '--focus': p.focus,
    '--edge': p.edge,
    '--edge-exclude': p.edgeExclude,
    '--console-bg': p.consoleBg,
    '--console-text': p.consoleText,
    '--file': p.fileNode.accent,
    '--file-missing': p.fileMissing.accent,
  };
  for (const [state, c] of Object.entries(p.states)) {
    out[`--state-${state}`] = c.accent;
    out[`--state-${state}-fill`] = c.fill;
    out[`--state-${state}-text`] = c.text;
  }
  return out;
}

/** WCAG relative luminance contrast ratio between two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string): number => {
    const v = hex.replace('#', '');
    const c = [0, 2, 4].map((i) => parseInt(v.slice(i, i + 2), 16) / 255).map((x) => (x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4));
    return 0.2126 * (c[0] ?? 0) + 0.7152 * (c[1] ?? 0) + 0.0722 * (c[2] ?? 0);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}
