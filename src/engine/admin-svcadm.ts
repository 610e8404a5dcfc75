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
import { STOP_CAUSE, syslogTime, transitionMessage } from './console-text.ts';
import { StartdMilestones } from './graph-milestone.ts';
import { STARTD_SELF } from './startd-constants.ts';
import { endsBoot } from '../model/scenario/actions.ts';

export abstract class StartdAdmin extends StartdMilestones {
  protected runAction(run: string, parsed: ParsedAction): void {
    const output: string[] = [];
    let ok = true;
    if (parsed.kind === 'svcadm') ok = this.svcadm(parsed, output);
    else if (parsed.kind === 'fault') ok = this.fault(parsed.fmri, parsed.event, output);
    else if (parsed.kind === 'runlevel') ok = this.runlevel(parsed, output);
    else {
      const r = this.world.command(parsed.argv, this.now);
      ok = r.ok;
      output.push(...r.output);
      this.applyWorld(r.changes);
    }
    this.records.push({ kind: 'action', seq: this.seq++, t: this.now, command: run, ok, output });
  }

  /**
   * init S|1|2|3|4 and the shutdowns (init 0|5|6, reboot, halt, poweroff):
   * graph.c dgraph_set_runlevel() maps the run level to a milestone (§6.5);
   * 0, 5 and 6 go to none and, once non_subgraph_svcs reaches 0, do_uadmin()
   * halts or reboots (§6.4). Console texts: docs/console-messages.md §2.4.
   */
  protected runlevel(a: Extract<ParsedAction, { kind: 'runlevel' }>, output: string[]): boolean {
    if (this.shutdown !== undefined) {
      output.push(`${a.command}: the system is already going down`);
      return false;
    }
    const milestone = { S: 'single-user', '1': 'single-user', '2': 'multi-user', '3': 'all', '4': 'all', '0': 'none', '5': 'none', '6': 'none' }[a.level];
    if (endsBoot(a.level)) {
      this.shutdown = { level: a.level, since: this.now };
      this.console('svc.startd: The system is coming down.  Please wait.', 'startd');
    } else if (milestone === 'single-user') {
      this.console('svc.startd: The system is coming down for administration.  Please wait.', 'startd');
    }
    const ok = this.svcadmMilestone(milestone, false, output);
    if (endsBoot(a.level)) {
      const n = this.instances.filter((i) => i.configured && i.fmri !== STARTD_SELF && (i.running || i.state === 'offline')).length;
      this.console(n === 1 ? 'svc.startd: One system service is now being stopped.' : `svc.startd: ${n} system services are now being stopped.`, 'startd');
    }
    return ok;
  }

  /** do_uadmin() once every service is down (non_subgraph_svcs == 0): the system is down; halt, power off or reboot. */
  protected checkShutdownDone(): void {
    const s = this.shutdown;
    if (s === undefined || s.done === true) return;
    if (this.instances.some((i) => i.configured && i.fmri !== STARTD_SELF && (i.running || i.state === 'offline' || i.busy))) return;
    s.done = true;
    this.console(this.rules.killUserProcesses, 'startd');
    const took = Math.round((this.now - s.since) / 1000);
    this.console(this.rules.systemDownLine === 'uu_warn' ? 'svc.startd: The system is down.' : `${syslogTime(this.era, this.now)} The system is down.  Shutdown took ${took} seconds.`, 'startd');
    const what = s.level === '6' ? 'reboot' : s.level === '5' ? 'power off' : 'halt';
    if (s.level === '6') this.console('rebooting...', 'kernel');
    this.recordWorld({ kind: 'uadmin', summary: `svc.startd: the system is down (init ${s.level}): ${what}`, level: s.level, reboot: s.level === '6' });
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
