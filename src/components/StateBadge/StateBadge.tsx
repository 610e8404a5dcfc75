/** A state as svcs users read it: glyph + word, coloured by the state (never colour alone). */
import { STATE_META, type VisualState } from '../../selectors/visual-state.ts';
import styles from './StateBadge.module.css';

export type BadgeState = VisualState | 'file-present' | 'file-missing';

export function badgeColours(state: BadgeState): { color: string; background: string; borderColor: string } {
  if (state === 'file-present') return { color: 'var(--text)', background: 'transparent', borderColor: 'var(--file)' };
  if (state === 'file-missing') return { color: 'var(--text)', background: 'transparent', borderColor: 'var(--file-missing)' };
  return { color: `var(--state-${state}-text)`, background: `var(--state-${state}-fill)`, borderColor: `var(--state-${state})` };
}

export function glyphOf(state: BadgeState): string {
  if (state === 'file-present') return '◆';
  if (state === 'file-missing') return '◇';
  return STATE_META[state].glyph;
}

export function StateBadge({ state, label, compact = false }: { readonly state: BadgeState; readonly label?: string; readonly compact?: boolean }) {
  const text = label ?? (state === 'file-present' ? 'present' : state === 'file-missing' ? 'absent' : STATE_META[state].label);
  return (
    <span className={compact ? `${styles.badge} ${styles.compact}` : styles.badge} style={badgeColours(state)} data-state={state}>
      <span aria-hidden="true" className={styles.glyph}>{glyphOf(state)}</span>
      {text}
    </span>
  );
}
