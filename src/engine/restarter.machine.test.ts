/**
 * The restarter machine (restarter.c as an XState machine), tested directly:
 * a hand-written table of (state, event) → (next state, actions) from
 * docs/smf-semantics.md §2.2, stepped through XState's pure transition(); and a
 * totality check that the compiled lookup table the engine steps with
 * (restarter-table.ts) agrees with transition() for every leaf × event.
 */
import { describe, expect, it } from 'vitest';
import { transition, type AnyStateNode, type StateValue } from 'xstate';
import { RESTARTER_EVENT_TYPES, restarterMachine, type RestarterEventType } from './restarter.machine.ts';
import { restarterStep } from './restarter-table.ts';

function valueOf(path: string): StateValue {
  const parts = path.split('.');
  let v: StateValue = parts[parts.length - 1] ?? path;
  for (let k = parts.length - 2; k >= 0; k--) v = { [parts[k] ?? '']: v };
  return v;
}

function pathOf(v: StateValue): string {
  if (typeof v === 'string') return v;
  const [k, child] = Object.entries(v)[0] ?? ['', ''];
  return child === undefined ? k : `${k}.${pathOf(child)}`;
}

/** One step through XState itself. */
function step(from: string, type: RestarterEventType): { to: string; actions: string[] } {
  const [next, actions] = transition(restarterMachine, restarterMachine.resolveState({ value: valueOf(from) }), { type });
  return { to: pathOf(next.value), actions: actions.map((a) => a.type).filter((t) => !t.startsWith('xstate.')).sort() };
}

/** Every atomic state of the machine, as a dotted path. */
function leaves(node: AnyStateNode = restarterMachine.root): string[] {
  const children = Object.values(node.states) as AnyStateNode[];
  if (children.length === 0) return [node.path.join('.')];
  return children.flatMap((c) => leaves(c));
}

const STOP = ['runStopMethod'];
const STOP_RESET = ['resetStartTimes', 'runStopMethod'];

// [from, event, to, actions, the rule]: written from §2.2, not read from the machine.
const TABLE: [string, RestarterEventType, string, string[], string][] = [
  ['uninitialized', 'ENABLE', 'offline.waiting', [], 'ENABLE: uninitialized → offline'],
  ['uninitialized', 'DISABLE', 'disabled', [], 'DISABLE: uninitialized → disabled'],
  ['uninitialized', 'DEPENDENCY_CYCLE', 'maintenance', [], 'DEPENDENCY_CYCLE → maintenance'],
  ['uninitialized', 'START', 'uninitialized', [], 'START only acts on offline'],
  ['offline.waiting', 'START', 'offline.starting', ['runStartMethod'], 'start_instance(): next state online, start method runs'],
  ['offline.waiting', 'DISABLE', 'disabled', [], 'offline goes straight to disabled'],
  ['offline.waiting', 'ADMIN_RESTART', 'offline.waiting', [], '"Not restarting %s; not running"'],
  ['offline.waiting', 'INVALID_DEPENDENCY', 'maintenance', [], 'INVALID_DEPENDENCY → maintenance'],
  ['offline.starting', 'METHOD_OK', 'online.running', [], 'start method succeeded'],
  ['offline.starting', 'METHOD_DEGRADED', 'degraded.running', [], 'exit 97: degraded'],
  ['offline.starting', 'METHOD_RETRY', 'offline.starting', ['runStartMethod'], 'retryable failure: re-run at once, no state change (§7.3)'],
  ['offline.starting', 'METHOD_FATAL', 'maintenance', [], 'not retryable, or the third failure'],
  ['offline.starting', 'CHILD_FORKED', 'online.running', [], 'wait model: online once forked (§7.4)'],
  ['online.running', 'STOP', 'online.stopping.toOffline', STOP, 'stop_instance(RSTOP_DEPENDENCY)'],
  ['online.running', 'STOP_RESET', 'online.stopping.toOffline', STOP_RESET, 'STOP_RESET also resets the start times'],
  ['online.running', 'DISABLE', 'online.stopping.toDisabled', STOP, 'disable of a running instance runs its stop method'],
  ['online.running', 'ADMIN_DISABLE', 'online.stopping.toDisabled', STOP_RESET, 'admin disable resets the start times (§7.3)'],
  ['online.running', 'ADMIN_RESTART', 'online.stopping.toOffline', STOP_RESET, 'stop_instance(RSTOP_RESTART), reset_start_times()'],
  ['online.running', 'ADMIN_MAINT_ON', 'online.stopping.toMaintenance', STOP, 'maintain_instance(): running → stop method first'],
  ['online.running', 'ADMIN_MAINT_ON_IMMEDIATE', 'maintenance', [], 'immediate: the contract is abandoned'],
  ['online.running', 'ADMIN_REFRESH', 'online.refreshing', ['runRefreshMethod'], 'refresh_instance(): refresh method, state unchanged'],
  ['online.running', 'ADMIN_DEGRADED', 'degraded.running', [], 'degrade_instance(): only from online'],
  ['online.running', 'CONTRACT_EMPTY', 'offline.waiting', [], 'contract emptied: offline, no stop method'],
  ['online.running', 'CONTRACT_FAULT', 'online.stopping.toOffline', STOP, 'core/signal/hwerr: stop_instance()'],
  ['online.running', 'CHILD_EXIT', 'offline.waiting', [], 'wait child exited: straight to offline'],
  ['online.running', 'CHILD_CONFIG_ERROR', 'maintenance', [], 'wait child exited 96: maintenance'],
  ['online.running', 'ENABLE', 'online.running', [], 'ENABLE leaves any other state unchanged'],
  ['online.refreshing', 'METHOD_OK', 'online.running', [], 'refresh done'],
  ['online.stopping.toOffline', 'METHOD_OK', 'offline.waiting', [], 'stop done → offline'],
  ['online.stopping.toOffline', 'METHOD_FATAL', 'maintenance', [], 'a stop method that keeps failing → maintenance (§7.3)'],
  ['online.stopping.toDisabled', 'METHOD_OK', 'disabled', [], 'stop done → disabled'],
  ['online.stopping.toMaintenance', 'METHOD_OK', 'maintenance', [], 'stop done → maintenance'],
  ['degraded.running', 'ADMIN_DEGRADED', 'degraded.running', [], 'degrade only from online'],
  ['degraded.running', 'ADMIN_RESTORE', 'degraded.stopping.toOffline', STOP_RESET, 'ADMIN_RESTORE is handled like ADMIN_RESTART'],
  ['degraded.running', 'STOP', 'degraded.stopping.toOffline', STOP, 'degraded counts as running (§2.1)'],
  ['maintenance', 'ENABLE', 'maintenance', [], 'enabling does not clear maintenance'],
  ['maintenance', 'START', 'maintenance', [], 'START only acts on offline'],
  ['maintenance', 'DISABLE', 'maintenance', [], 'only ADMIN_DISABLE takes an instance out of maintenance'],
  ['maintenance', 'ADMIN_DISABLE', 'uninitialized', [], 'unmaintain_instance(RUNMAINT_DISABLE) → uninitialized'],
  ['maintenance', 'ADMIN_MAINT_OFF', 'uninitialized', ['resetStartTimes'], 'svcadm clear: unmaintain_instance(RUNMAINT_CLEAR), start times reset'],
  ['disabled', 'ENABLE', 'offline.waiting', [], 'ENABLE: disabled → offline'],
  ['disabled', 'START', 'disabled', [], 'START only acts on offline'],
  ['disabled', 'DEPENDENCY_CYCLE', 'maintenance', [], 'DEPENDENCY_CYCLE → maintenance'],
];

describe('restarter machine, §2.2, through XState transition()', () => {
  for (const [from, event, to, actions, rule] of TABLE) {
    it(`${from} + ${event} → ${to}${actions.length > 0 ? ` [${actions.join(', ')}]` : ''}: ${rule}`, () => {
      expect(step(from, event)).toEqual({ to, actions });
    });
  }
});

describe('the compiled table agrees with transition() for every leaf × event (totality)', () => {
  const all = leaves();

  it('the machine has the leaves the engine names', () => {
    expect(all.sort()).toEqual(
      [
        'degraded.refreshing', 'degraded.running', 'degraded.stopping.toDisabled', 'degraded.stopping.toMaintenance', 'degraded.stopping.toOffline',
        'disabled', 'maintenance', 'offline.starting', 'offline.waiting',
        'online.refreshing', 'online.running', 'online.stopping.toDisabled', 'online.stopping.toMaintenance', 'online.stopping.toOffline',
        'uninitialized',
      ].sort(),
    );
  });

  it(`${all.length} leaves × ${RESTARTER_EVENT_TYPES.length} events`, () => {
    const disagreements: string[] = [];
    for (const leaf of all) {
      for (const event of RESTARTER_EVENT_TYPES) {
        const direct = step(leaf, event);
        const compiled = restarterStep(leaf, event);
        const same =
          compiled.next === direct.to &&
          [...compiled.actions].sort().join() === direct.actions.join() &&
          compiled.changed === (direct.to !== leaf || direct.actions.length > 0) &&
          compiled.state === direct.to.split('.')[0];
        if (!same) disagreements.push(`${leaf} + ${event}: table ${compiled.next} [${compiled.actions.join()}], transition() ${direct.to} [${direct.actions.join()}]`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('next_state while a method runs is the state the stop is heading for (§2.1)', () => {
    const heading: Record<string, string> = { toOffline: 'offline', toDisabled: 'disabled', toMaintenance: 'maintenance' };
    for (const leaf of all.filter((l) => l.includes('.stopping.'))) {
      expect(restarterStep(leaf, 'ENABLE').nextState).toBe(heading[leaf.split('.')[2] ?? '']);
    }
    expect(restarterStep('offline.starting', 'ENABLE').nextState).toBe('online');
  });
});
