/** The glossary term that explains each state as drawn (offline* and online* are transitions in progress). */
import type { BadgeState } from '../StateBadge/StateBadge.tsx';

const TERMS: Readonly<Record<BadgeState, string>> = {
  online: 'online',
  degraded: 'degraded',
  starting: 'offline*',
  stopping: 'online*',
  offline: 'offline',
  maintenance: 'maintenance',
  disabled: 'disabled',
  uninitialized: 'uninitialized',
  absent: 'absent',
  'file-present': 'FMRI',
  'file-missing': 'FMRI',
};

export function stateTerm(state: BadgeState): string {
  return TERMS[state];
}
