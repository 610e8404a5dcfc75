/**
 * Models usr/src/cmd/svc/svcadm/svcadm.c (and graph.c: process_actions(), dgraph_update_general()).
 *
 * Administrative actions at simulated times (§9): what each svcadm verb writes and
 * how svc.startd reacts, injected faults, and world commands.
 *
 * Section numbers (§) refer to docs/smf-semantics.md unless another file is named.
 */
import { RERR } from '../model/smf/states.ts';
import { type ParsedAction } from '../model/scenario/actions.ts';
import { type InstanceRuntime } from './instance-runtime.ts';
import { enableClosure, matchOperand } from './svcadm-operands.ts';
import { STOP_CAUSE, transitionMessage } from './console-text.ts';
import { StartdMilestones } from './graph-milestone.ts';

export abstract class StartdAdmin extends StartdMilestones {
  protected runAction(run: string, parsed: ParsedAction): void {
    const output: string[] = [];
    let ok = true;
    if (parsed.kind === 'svcadm') ok = this.svcadm(parsed, output);
    else if (parsed.kind === 'fault') ok = this.fault(parsed.fmri, parsed.event, output);
    else {
      const r = this.world.command(parsed.argv, this.now);
      ok = r.ok;
      output.push(...r.output);
      this.applyWorld(r.changes);
    }
    this.records.push({ kind: 'action', seq: this.seq++, t: this.now, command: run, ok, output });
  }

  protected match(operand: string, output: string[]): InstanceRuntime[] | undefined {
    return matchOperand(this.instances, this.byFmri, operand, output);
  }

  protected svcadm(a: Extract<ParsedAction, { kind: 'svcadm' }>, output: string[]): boolean {
    if (a.verb === 'milestone') return this.svcadmMilestone(a.operands[0] ?? 'all', a.flags.includes('d'), output);
    let ok = true;
    for (const operand of a.operands) {
      const targets = this.match(operand, output);
      if (targets === undefined) {
        ok = false;
        continue;
      }
      if (targets.length > 1) {
        output.push(`svcadm: ${operand}: service has several instances; specify one`);
        ok = false;
        continue;
      }
      const i = targets[0];
      if (i === undefined) continue;
      ok = this.svcadmOne(a, i, output) && ok;
    }
    return ok;
  }

  protected svcadmOne(a: Extract<ParsedAction, { kind: 'svcadm' }>, i: InstanceRuntime, output: string[]): boolean {
    const temporary = a.flags.includes('t');
    switch (a.verb) {
      case 'enable': {
        const set = a.flags.includes('r') ? this.enableClosure(i, output) : [i];
        for (const x of set) this.setEnabled(x, true, temporary, undefined);
        return true;
      }
      case 'disable':
        this.setEnabled(i, false, temporary, a.comment);
        return true;
      case 'restart':
        if (!i.running) this.startdLog(`Not restarting ${i.fmri}; not running.`);
        this.send(i, 'ADMIN_RESTART', 'restart_request', RERR.restart);
        return true;
      case 'refresh':
        // dgraph_refresh_instance(): re-read the dependencies, start if satisfied, then ADMIN_REFRESH.
        this.bump();
        this.startIfSatisfied(i);
        this.send(i, 'ADMIN_REFRESH', 'refresh_request', RERR.refresh);
        return true;
      case 'clear':
        if (i.state === 'maintenance') this.send(i, 'ADMIN_MAINT_OFF', 'clear_request', RERR.restart);
        else if (i.state === 'degraded') this.send(i, 'ADMIN_RESTORE', 'restart_request', RERR.restart);
        else {
          output.push(`svcadm: Instance "${i.fmri}" is not in a maintenance or degraded state.`);
          return false;
        }
        return true;
      case 'mark':
        if (temporary && a.markState === 'maintenance') {
          // svc.startd's process_actions() does not read maint_on_temporary (§9).
          output.push(`note: svc.startd ignores "mark -t maintenance" (maint_on_temporary is not among its admin_actions)`);
          return true;
        }
        if (a.markState === 'degraded') {
          if (!this.rules.degraded) {
            this.startdLog(`${i.fmri}: degraded state is unimplemented.`);
            return true;
          }
          if (i.state !== 'online') {
            output.push(`svcadm: Instance "${i.fmri}" is not online.`);
            return false;
          }
          this.send(i, 'ADMIN_DEGRADED', 'administrative_request', RERR.none);
          this.syslog(transitionMessage(i.fmri, 'DEGRADE_REQUESTED'), 'err', i.fmri);
          return true;
        }
        if (a.flags.includes('I') || !i.running) {
          this.send(i, 'ADMIN_MAINT_ON_IMMEDIATE', 'administrative_request', RERR.restart);
        } else {
          this.send(i, 'ADMIN_MAINT_ON', 'administrative_request', RERR.restart);
          this.syslog(transitionMessage(i.fmri, 'MAINT_REQUESTED'), 'err', i.fmri);
        }
        return true;
      case 'milestone':
        return true;
    }
  }

  protected enableClosure(root: InstanceRuntime, output: string[]): InstanceRuntime[] {
    return enableClosure(root, this.instances, this.byFmri, output);
  }

  /** svcadm enable/disable: write general/enabled or general_ovr/enabled, then dgraph_update_general(). */
  protected setEnabled(i: InstanceRuntime, enabled: boolean, temporary: boolean, comment: string | undefined): void {
    if (temporary) i.override = enabled;
    else {
      i.enabledPersistent = enabled;
      i.override = undefined;
    }
    i.comment = comment;
    this.bump();
    if (!i.configured) {
      if (i.inRepository && i.resolved.configured) this.configureVertex(i);
      return;
    }
    if (enabled) this.enableByVertex(i, true, true);
    else if (i.state === 'maintenance') this.send(i, 'ADMIN_DISABLE', 'disable_request', RERR.restart);
    else this.enableByVertex(i, false, true);
    // The recorded status carries the new enabled flags even when the state does not change.
    this.recordStatus(i, i.state, i.next, i.aux);
  }

  protected fault(operand: string, event: 'exit' | 'core' | 'signal' | 'hwerr', output: string[]): boolean {
    const targets = this.match(operand, output);
    const i = targets?.[0];
    if (i === undefined) return false;
    if (!i.running) {
      output.push(`${i.fmri} is not running; no processes to fault`);
      return false;
    }
    if (i.resolved.model === 'wait') {
      if (!i.childAlive) {
        output.push(`${i.fmri} has no child process`);
        return false;
      }
      this.childExit(i, i.methodToken, event === 'exit' ? 0 : 1);
      return true;
    }
    if (i.resolved.model === 'transient') {
      output.push(`${i.fmri} is transient: svc.startd ignores its contract events`);
      return true;
    }
    if (!i.contractAlive) {
      output.push(`${i.fmri} has no processes in its contract`);
      return false;
    }
    if (event === 'exit') {
      this.svcLog(i, `Stopping because ${STOP_CAUSE.exit}.`);
      i.contractAlive = false;
      this.send(i, 'CONTRACT_EMPTY', 'ct_ev_exit', RERR.restart);
    } else {
      this.svcLog(i, `Stopping because ${STOP_CAUSE[event]}.`);
      this.send(i, 'CONTRACT_FAULT', event === 'core' ? 'ct_ev_core' : event === 'signal' ? 'ct_ev_signal' : 'ct_ev_hwerr', RERR.fault);
    }
    return true;
  }
}
