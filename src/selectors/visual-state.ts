/**
 * How a service's state reads on screen: one visual state per svcs state
 * (plus the in-transition forms svcs marks with `*`), each with a glyph and a
 * word so colour is never the only cue (issue 5, WCAG 1.4.1). Pure.
 */
import type { InstanceStatus } from '../engine/index.ts';

export const VISUAL_STATES = [
  'online',
  'degraded',
  'starting',
  'stopping',
  'offline',
  'maintenance',
  'disabled',
  'uninitialized',
  'absent',
] as const;
export type VisualState = (typeof VISUAL_STATES)[number];

export interface VisualStateMeta {
  /** The word svcs users read. */
  readonly label: string;
  /** A one-character non-colour cue shown in the node, the table and the legend. */
  readonly glyph: string;
  /** One line for the legend and tooltips. */
  readonly description: string;
}

export const STATE_META: Readonly<Record<VisualState, VisualStateMeta>> = {
  online: { label: 'online', glyph: '●', description: 'Running: its start method finished.' },
  degraded: { label: 'degraded', glyph: '◐', description: 'Running at reduced capacity; counts as running.' },
  starting: { label: 'offline*', glyph: '▶', description: 'Start method running (offline, next state online).' },
  stopping: { label: 'online*', glyph: '◼', description: 'Stop method running (leaving online).' },
  offline: { label: 'offline', glyph: '○', description: 'Enabled, waiting for its dependencies.' },
  maintenance: { label: 'maintenance', glyph: '✕', description: 'Failed; needs svcadm clear.' },
  disabled: { label: 'disabled', glyph: '–', description: 'Not enabled.' },
  uninitialized: { label: 'uninitialized', glyph: '?', description: 'No restarter has initialised it yet.' },
  absent: { label: 'absent', glyph: '∅', description: 'Not in the repository (not imported, or never delivered).' },
};

export function visualState(s: InstanceStatus | undefined): VisualState {
  if (s === undefined || !s.present) return 'absent';
  switch (s.state) {
    case 'offline':
      return s.next === 'online' || s.next === 'degraded' ? 'starting' : 'offline';
    case 'online':
    case 'degraded':
      return s.next !== 'none' && s.next !== 'online' && s.next !== 'degraded' ? 'stopping' : s.state;
    case 'maintenance':
    case 'disabled':
    case 'uninitialized':
      return s.state;
  }
}

/** A method (start, stop or refresh) is executing at this instant. */
export function methodRunning(s: InstanceStatus | undefined): boolean {
  return s !== undefined && s.method !== undefined;
}

/**
 * Severity order for summarising many services in one mark (collapsed groups):
 * the first state in this list that any member is in wins.
 */
export const SEVERITY: readonly VisualState[] = [
  'maintenance',
  'degraded',
  'starting',
  'stopping',
  'offline',
  'online',
  'uninitialized',
  'disabled',
  'absent',
];

export function worstState(states: Iterable<VisualState>): VisualState {
  let best = SEVERITY.length - 1;
  for (const s of states) {
    const k = SEVERITY.indexOf(s);
    if (k >= 0 && k < best) best = k;
  }
  return SEVERITY[best] ?? 'absent';
}
