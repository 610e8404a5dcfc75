/**
 * Models usr/src/cmd/svc/startd/restarter.c.
 *
 * The restarter half of svc.startd (restarter.c): each instance's event queue
 * (restarter_process_events()), stepping the restarter machine (restarter.machine.ts,
 * compiled by restarter-table.ts) and the service-log lines it writes (§2.2).
 *
 * Section numbers (§) refer to docs/smf-semantics.md unless another file is named.
 */
import { RERR, type InstanceState, type Reason } from '../model/smf/states.ts';
import { type InstanceRuntime } from './instance-runtime.ts';
import { restarterStep } from './restarter-table.ts';
import type { RestarterEventType } from './restarter.machine.ts';
import { STOP_CAUSE } from './console-text.ts';
import { StartdRecording } from './startd-recording.ts';

export abstract class StartdRestarter extends StartdRecording {
  /** vertex_send_event(): queue a restarter event for the instance. */
  protected send(i: InstanceRuntime, type: RestarterEventType, reason: Reason, rerr: number): void {
    this.queue.push(this.now, { kind: 'event', inst: i, type, reason, rerr });
  }

  /** restarter_process_events(): events wait while a method runs. */
  protected deliver(i: InstanceRuntime, type: RestarterEventType, reason: Reason, rerr: number): void {
    if (i.busy) {
      i.parked.push({ type, reason, rerr });
      return;
    }
    if (type === 'START' && !i.enabled) return; // start_instance(): not enabled
    if ((type === 'CONTRACT_EMPTY' || type === 'CONTRACT_FAULT') && i.resolved.model === 'transient') return;
    const step = restarterStep(i.leaf, type);
    if (!step.changed) {
      if (type === 'ADMIN_RESTART') this.startdLog(`Not restarting ${i.fmri}; not running.`);
      return;
    }
    this.applyStep(i, step, reason, rerr, type);
  }

  protected applyStep(
    i: InstanceRuntime,
    step: ReturnType<typeof restarterStep>,
    reason: Reason,
    rerr: number,
    type: RestarterEventType,
  ): void {
    const from = i.state;
    const fromNext = i.next;
    const wasRunning = i.running;
    if (step.actions.includes('runStopMethod') && fromNext === 'none') {
      // stop_instance(cause): the cause's err and reason travel to the state change that ends the stop.
      i.stopRerr = rerr;
      i.stopReason = reason;
    } else if (fromNext !== 'none' && fromNext !== 'online' && (type === 'METHOD_OK' || type === 'METHOD_DEGRADED')) {
      rerr = i.stopRerr;
      reason = i.stopReason;
    }
    const stateChanges = step.state !== from;
    const preUnsat = stateChanges ? this.valueIsUnsatisfiable(i) : false;
    i.leaf = step.next;
    i.state = step.state;
    i.next = step.nextState;
    if (from !== i.state) {
      i.since = this.now;
      i.aux = auxFor(i.state, reason, i.aux);
    }
    this.restarterLog(i, type, from);
    for (const a of step.actions) if (a === 'resetStartTimes') i.startTimes = [];
    if (from !== i.state) {
      if (i.state === 'offline' || i.state === 'disabled' || i.state === 'uninitialized') {
        i.contractAlive = false;
        i.childAlive = false;
      }
      if (i.state === 'uninitialized' && from === 'maintenance') {
        i.clearing = type === 'ADMIN_MAINT_OFF';
        i.faultCount = 0;
        i.waitStatus = undefined;
        i.cycle = undefined;
      }
    }
    if (stateChanges) this.forgetAnswers(i, preUnsat);
    const willRunMethod = step.actions.some((a) => a === 'runStartMethod' || a === 'runStopMethod' || a === 'runRefreshMethod');
    if (!willRunMethod) this.recordStatus(i, from, fromNext, reason);
    for (const a of step.actions) {
      if (a === 'runStartMethod') this.beginMethod(i, 'start', from, fromNext, reason);
      else if (a === 'runStopMethod') this.beginMethod(i, 'stop', from, fromNext, reason);
      else if (a === 'runRefreshMethod') this.beginMethod(i, 'refresh', from, fromNext, reason);
    }
    if (from !== step.state) this.gtTransition(i, from, wasRunning, rerr);
    else if (type === 'METHOD_OK' && step.next.endsWith('.running') && fromNext === 'none' && i.lastMethod === 'refresh') {
      // A refresh "sans state change" propagates RERR_REFRESH (transition.c).
      this.graphPropagateStop(i.vertex, RERR.refresh);
    }
  }

  protected restarterLog(i: InstanceRuntime, type: RestarterEventType, from: InstanceState): void {
    switch (type) {
      case 'ENABLE':
        if (from === 'disabled' || from === 'uninitialized') this.svcLog(i, 'Enabled.');
        break;
      case 'DISABLE':
      case 'ADMIN_DISABLE':
        if (from === 'maintenance') this.svcLog(i, 'Leaving maintenance because disable requested.');
        else if (from === 'online' || from === 'degraded') this.svcLog(i, `Stopping because ${STOP_CAUSE.disable}.`);
        else this.svcLog(i, 'Disabled.');
        break;
      case 'STOP':
      case 'STOP_RESET':
        this.svcLog(i, `Stopping because ${STOP_CAUSE.dependency}.`);
        break;
      case 'ADMIN_RESTART':
      case 'ADMIN_RESTORE':
        this.svcLog(i, `Stopping because ${STOP_CAUSE.restart}.`);
        break;
      case 'ADMIN_MAINT_ON':
      case 'ADMIN_MAINT_ON_IMMEDIATE':
        this.svcLog(i, 'Stopping for maintenance due to administrative_request.');
        break;
      case 'ADMIN_MAINT_OFF':
        this.svcLog(i, 'Leaving maintenance because clear requested.');
        break;
      case 'ADMIN_REFRESH':
        this.svcLog(i, 'Rereading configuration.');
        break;
      case 'ADMIN_DEGRADED':
        this.svcLog(i, 'Marking degraded due to administrative_request.');
        break;
      default:
        break;
    }
  }

  /** Deliver bypassing the parking rule (method outcomes, §2.2). */
  protected deliverNow(i: InstanceRuntime, type: RestarterEventType, reason: Reason, rerr: number): void {
    const step = restarterStep(i.leaf, type);
    if (!step.changed) return;
    this.applyStep(i, step, reason, rerr, type);
  }

  protected finishMethod(i: InstanceRuntime, type: RestarterEventType, reason: Reason, rerr: number): void {
    // Events that arrived while the method ran are already in the instance's
    // queue, ahead of anything the graph sends in reaction to this outcome.
    if (type !== 'METHOD_RETRY') this.unpark(i);
    this.deliverNow(i, type, reason, rerr);
  }

  protected unpark(i: InstanceRuntime): void {
    if (i.busy) return;
    const parked = i.parked.splice(0);
    for (const p of parked) this.queue.push(this.now, { kind: 'event', inst: i, type: p.type, reason: p.reason, rerr: p.rerr });
  }
}

function auxFor(state: InstanceState, reason: Reason, previous: Reason): Reason {
  if (state === 'maintenance' || state === 'degraded') return reason;
  if (state === 'online') return reason === 'dependencies_satisfied' || reason === 'start_request' ? 'dependencies_satisfied' : reason;
  return reason === 'none' ? previous : reason;
}
