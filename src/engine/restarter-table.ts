/**
 * The restarter machine compiled into a lookup table. Each (state, event) pair
 * is answered once by XState's pure `transition()` and cached, so the hot loop
 * steps an instance with a Map lookup while the machine definition stays the
 * single source of truth (issue 7: "XState machines per instance stepped by a
 * pure transition function inside one scheduler").
 */
import { transition, type StateValue } from 'xstate';
import { restarterMachine, type RestarterEventType } from './restarter.machine.ts';
import type { InstanceState, NextState } from '../model/smf/states.ts';

export type RestarterAction = 'runStartMethod' | 'runStopMethod' | 'runRefreshMethod' | 'resetStartTimes';

export interface RestarterStep {
  /** Dotted leaf path, e.g. "online.stopping.toDisabled". */
  readonly next: string;
  readonly state: InstanceState;
  readonly nextState: NextState;
  readonly actions: readonly RestarterAction[];
  /** False when the event is ignored in this state (no transition taken). */
  readonly changed: boolean;
}

export const INITIAL_RESTARTER_STATE = 'uninitialized';

function flatten(v: StateValue): string {
  if (typeof v === 'string') return v;
  const entries = Object.entries(v);
  const first = entries[0];
  if (first === undefined) return '';
  const [k, child] = first;
  return child === undefined ? k : `${k}.${flatten(child)}`;
}

function unflatten(path: string): StateValue {
  const parts = path.split('.');
  let v: StateValue = parts[parts.length - 1] ?? path;
  for (let i = parts.length - 2; i >= 0; i--) {
    const k = parts[i];
    if (k !== undefined) v = { [k]: v };
  }
  return v;
}

/** What svcs shows for a machine state: (state, next_state). */
export function describeLeaf(path: string): { state: InstanceState; nextState: NextState } {
  const [top, sub, leaf] = path.split('.');
  const state = (top ?? 'uninitialized') as InstanceState;
  if (state === 'offline' && sub === 'starting') return { state, nextState: 'online' };
  if ((state === 'online' || state === 'degraded') && sub === 'stopping') {
    const next: NextState = leaf === 'toDisabled' ? 'disabled' : leaf === 'toMaintenance' ? 'maintenance' : 'offline';
    return { state, nextState: next };
  }
  return { state, nextState: 'none' };
}

const cache = new Map<string, RestarterStep>();

export function restarterStep(current: string, event: RestarterEventType): RestarterStep {
  const key = `${current}|${event}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const snapshot = restarterMachine.resolveState({ value: unflatten(current) });
  const [next, actions] = transition(restarterMachine, snapshot, { type: event });
  const leaf = flatten(next.value);
  const names: RestarterAction[] = [];
  for (const a of actions) {
    const t = a.type;
    if (t === 'runStartMethod' || t === 'runStopMethod' || t === 'runRefreshMethod' || t === 'resetStartTimes') names.push(t);
  }
  const changed = leaf !== current || names.length > 0;
  const step: RestarterStep = { next: leaf, ...describeLeaf(leaf), actions: names, changed };
  cache.set(key, step);
  return step;
}
