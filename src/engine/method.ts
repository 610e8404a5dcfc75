/**
 * Models usr/src/cmd/svc/startd/method.c (and wait.c).
 *
 * Running methods (method.c: method_run(), method_thread()): timeouts, exit-status
 * classification, retries and the restart-rate limit (§7), and wait-model children
 * (wait.c, §7.4).
 *
 * Section numbers (§) refer to docs/smf-semantics.md unless another file is named.
 */
import { type ResolvedMethod } from '../model/graph/resolve.ts';
import { FAULT_THRESHOLD, RERR, type InstanceState, type NextState, type Reason } from '../model/smf/states.ts';
import { type ExitValue } from '../model/scenario/types.ts';
import { type InstanceRuntime, type MethodKind } from './instance-runtime.ts';
import { jitterDuration } from './jitter.ts';
import { classifyExit, logsMethodFailure } from './exit-status.ts';
import { STOP_CAUSE, methodFailedMessage, transitionMessage } from './console-text.ts';
import { StartdRestarter } from './restarter.ts';
import type { Work, MethodEffects } from './startd-recording.ts';

export abstract class StartdMethods extends StartdRestarter {
  protected override beginMethod(i: InstanceRuntime, kind: MethodKind, from: InstanceState, fromNext: NextState, reason: Reason): void {
    const m: ResolvedMethod = i.resolved[kind];
    i.attempts[kind]++;
    const attempt = i.attempts[kind];
    i.lastMethod = kind;
    i.logDir = this.logsOnVar && this.world.varWritable() ? '/var/svc/log/' : '/etc/svc/volatile/';
    const token = ++i.methodToken;

    // Wait model: the start method is forked and the instance is online at once (§7.4).
    // In 2009 its starts were rate-limited like any other's (§11); today they are exempt.
    const waitModel = kind === 'start' && i.resolved.model === 'wait';
    if (waitModel && !this.rules.rateLimit.waitServices) {
      i.busy = false;
      i.method = undefined;
      this.recordStatus(i, from, fromNext, reason);
      if (this.waitThrottled(i)) {
        this.svcLog(i, 'Failing too quickly, throttling.');
        this.queue.push(this.now + 1000, { kind: 'fork', inst: i, token });
      } else this.forkChild(i);
      return;
    }

    if (kind === 'start') {
      // method_rate_critical(): every start invocation is recorded (§7.3).
      if (this.rateCritical(i)) {
        i.busy = true;
        i.method = kind;
        this.recordStatus(i, from, fromNext, reason);
        this.svcLog(i, 'Restarting too quickly, changing state to maintenance.');
        this.queue.push(this.now, {
          kind: 'methodDone', inst: i, token, method: kind, exit: 0, timedOut: false, rateLimited: true, duration: 0,
          effects: { console: [], log: [], world: [] },
        });
        return;
      }
      if (waitModel) {
        i.busy = false;
        i.method = undefined;
        this.recordStatus(i, from, fromNext, reason);
        this.forkChild(i);
        return;
      }
      if (this.scenario.boot?.verbose === true && attempt <= 1 && !this.loginReached()) {
        const name = i.resolved.commonName === undefined ? '' : ` (${i.resolved.commonName})`;
        this.console(`[ ${i.fmri.slice(5)} starting${name} ]`, 'startd', i.fmri);
      }
    }

    i.busy = true;
    i.method = kind;
    this.recordStatus(i, from, fromNext, reason);

    // Missing method pg, or a stop with no contract to stop: success at once (§7.1).
    const noContract = kind === 'stop' && i.resolved.model !== 'transient' && !i.contractAlive && !i.childAlive;
    if (!m.declared || noContract) {
      if (!m.declared) {
        this.svcLog(i, kind === 'refresh' ? `No 'refresh' method defined.  Treating as :true.` : `Method property group '${kind}' is not present.`);
      }
      this.records.push({ kind: 'method', seq: this.seq++, t: this.now, fmri: i.fmri, method: kind, phase: 'begin', attempt, exec: m.exec || ':true', duration: 0 });
      this.queue.push(this.now, {
        kind: 'methodDone', inst: i, token, method: kind, exit: 0, timedOut: false, rateLimited: false, duration: 0,
        effects: { console: [], log: [], world: [] },
      });
      return;
    }

    const world = this.world.runMethod({
      fmri: i.fmri, method: kind, attempt, t: this.now, exec: m.exec, milestone: this.milestone,
      ...(i.resolved.methodModel === undefined ? {} : { methodModel: i.resolved.methodModel }),
    });
    let duration = world?.duration ?? m.duration;
    if (this.rng !== undefined) duration = jitterDuration(duration, this.jitter, this.rng());
    const exit: ExitValue = world?.exit ?? m.exits[Math.min(attempt - 1, m.exits.length - 1)] ?? 0;
    const timeout = this.timeoutOverride.has(i.fmri) ? 0 : m.timeout;
    if (m.exec === ':true') this.svcLog(i, `Executing ${kind} method (null).`);
    else if (m.exec === ':kill' || m.exec.startsWith(':kill')) this.svcLog(i, `Executing ${kind} method (:kill).`);
    else this.svcLog(i, `Executing ${kind} method ("${m.exec}").`);
    if (this.timeoutOverride.has(i.fmri)) this.svcLog(i, 'Timeout override by svc.startd.  Using infinite timeout.');
    const effects: MethodEffects = { console: world?.console ?? [], log: world?.log ?? [], world: world?.effects ?? [] };
    for (const line of world?.consoleAtStart ?? []) this.console(line, 'method', i.fmri);

    let timedOut = false;
    let ends: number | undefined = this.now + duration;
    if (exit === 'timeout') {
      timedOut = timeout > 0;
      ends = timeout > 0 ? this.now + timeout : undefined;
    } else if (timeout > 0 && duration > timeout) {
      timedOut = true;
      ends = this.now + timeout;
    }
    this.records.push({
      kind: 'method', seq: this.seq++, t: this.now, fmri: i.fmri, method: kind, phase: 'begin', attempt, exec: m.exec,
      ...(ends === undefined ? {} : { duration: ends - this.now }),
    });
    if (ends === undefined) return; // hangs for ever: infinite timeout
    this.queue.push(ends, { kind: 'methodDone', inst: i, token, method: kind, exit, timedOut, rateLimited: false, duration: ends - this.now, effects });
  }

  /** method_rate_critical(): record this start; true when the last N starts average under the era's period apart (§7.3, §11). */
  protected rateCritical(i: InstanceRuntime): boolean {
    const { starts, periodMs } = this.rules.rateLimit;
    i.startTimes.push(this.now);
    if (i.startTimes.length > starts) i.startTimes.shift();
    const oldest = i.startTimes[0];
    return i.startTimes.length >= starts && oldest !== undefined && (this.now - oldest) / (starts - 1) < periodMs;
  }

  /** restarter.c: a wait service whose last RINST_START_TIMES starts average under RINST_WT_SVC_FAILURE_RATE_NS (1 s) is throttled (§7.4). */
  protected waitThrottled(i: InstanceRuntime): boolean {
    if (!this.rules.waitThrottle) return false;
    const starts = this.rules.rateLimit.starts;
    i.startTimes.push(this.now);
    if (i.startTimes.length > starts) i.startTimes.shift();
    const oldest = i.startTimes[0];
    return i.startTimes.length >= starts && oldest !== undefined && (this.now - oldest) / (starts - 1) < 1000;
  }

  protected forkChild(i: InstanceRuntime): void {
    const m = i.resolved.start;
    i.attempts.start = Math.max(i.attempts.start, 1);
    this.svcLog(i, `Executing start method ("${m.exec}").`);
    i.childAlive = true;
    const attempt = i.attempts.start;
    this.records.push({ kind: 'method', seq: this.seq++, t: this.now, fmri: i.fmri, method: 'start', phase: 'begin', attempt, exec: m.exec });
    this.deliverNow(i, 'CHILD_FORKED', 'start_request', RERR.none);
    if (m.exitGiven) {
      const exit = m.exits[Math.min(attempt - 1, m.exits.length - 1)] ?? 0;
      this.queue.push(this.now + m.duration, { kind: 'childExit', inst: i, token: i.methodToken, exit });
    }
  }

  protected childExit(i: InstanceRuntime, token: number, exit: ExitValue): void {
    if (token !== i.methodToken || !i.childAlive) return;
    i.childAlive = false;
    this.records.push({ kind: 'method', seq: this.seq++, t: this.now, fmri: i.fmri, method: 'start', phase: 'end', attempt: i.attempts.start, exec: i.resolved.start.exec, exit });
    if (exit === 96) {
      this.svcLog(i, `Stopping because ${STOP_CAUSE.cfgExit}.`);
      i.waitStatus = exit;
      this.deliverNow(i, 'CHILD_CONFIG_ERROR', 'method_failed', RERR.fault);
    } else {
      this.svcLog(i, `Stopping because ${exit === 0 ? STOP_CAUSE.exit : STOP_CAUSE.errExit}.`);
      if (exit !== 0) i.faultCount++;
      this.deliverNow(i, 'CHILD_EXIT', 'ct_ev_exit', RERR.restart);
    }
  }

  /** method_thread(): classify the exit and tell the restarter machine (§7.3). */
  protected methodDone(w: Extract<Work, { kind: 'methodDone' }>): void {
    const i = w.inst;
    if (w.token !== i.methodToken) return;
    const m = i.resolved[w.method];
    for (const line of w.effects.log) this.methodOutput(i, line);
    for (const line of w.effects.console) this.console(line, 'method', i.fmri);
    if (w.effects.world.length > 0) this.applyWorld(this.world.apply(w.effects.world, this.now));
    i.busy = false;
    i.method = undefined;
    const fmri = i.fmri;

    if (w.rateLimited) {
      this.syslog(transitionMessage(fmri, 'REPEATEDLY'), 'err', fmri);
      this.finishMethod(i, 'METHOD_FATAL', 'restarting_too_quickly', RERR.fault);
      return;
    }

    const exit = w.exit;
    const timedOut = w.timedOut;
    this.records.push({
      kind: 'method', seq: this.seq++, t: this.now, fmri, method: w.method, phase: 'end', attempt: i.attempts[w.method], exec: m.exec,
      exit: timedOut ? 'timeout' : exit, ...(timedOut ? { timedOut } : {}), duration: w.duration,
    });
    if (timedOut) {
      const line = `Method or service exit timed out.  Killing contract ${1000 + i.index}.`;
      this.svcLog(i, line);
      this.syslog(`${fmri}: ${line}`, 'warning', fmri);
      i.timedOut = true;
      if (!i.resolved.timeoutRetry) {
        i.waitStatus = 'SIGKILL';
        this.syslog(transitionMessage(fmri, 'TIMEOUT_FATAL'), 'err', fmri);
        this.finishMethod(i, 'METHOD_FATAL', 'method_failed', RERR.fault);
        return;
      }
      this.retryable(i, w.method, 'SIGKILL');
      return;
    }
    if (typeof exit === 'number' && m.exec !== ':true' && this.isForkedExec(m.exec)) this.svcLog(i, `Method "${w.method}" exited with status ${exit}.`);
    if (typeof exit === 'string') this.svcLog(i, `Method "${w.method}" failed due to signal ${exit.slice(3)}.`);

    if (logsMethodFailure(exit, this.rules)) this.syslog(methodFailedMessage(fmri, m.exec, exit), 'warning', fmri);
    const verdict = classifyExit(exit, { rules: this.rules, method: w.method, model: i.resolved.model, exec: m.exec });
    switch (verdict.kind) {
      case 'ok':
        i.faultCount = 0;
        if (w.method === 'start') {
          i.contractAlive = verdict.contract;
          i.waitStatus = undefined;
        }
        this.finishMethod(i, 'METHOD_OK', w.method === 'start' ? 'dependencies_satisfied' : reasonAfterStop(i), RERR.none);
        return;
      case 'degraded':
        i.faultCount = 0;
        i.contractAlive = i.resolved.model === 'contract';
        i.waitStatus = exit;
        this.syslog(transitionMessage(fmri, 'DEGRADED'), 'err', fmri);
        this.finishMethod(i, 'METHOD_DEGRADED', 'method_failed', RERR.none);
        return;
      case 'fatal':
        i.waitStatus = exit;
        this.syslog(transitionMessage(fmri, verdict.outcome), 'err', fmri);
        this.finishMethod(i, 'METHOD_FATAL', 'method_failed', RERR.fault);
        return;
      case 'retry':
        this.retryable(i, w.method, exit);
        return;
    }
  }

  protected isForkedExec(exec: string): boolean {
    return exec !== '' && !exec.startsWith(':');
  }

  protected retryable(i: InstanceRuntime, method: MethodKind, exit: ExitValue): void {
    i.faultCount++;
    if (i.faultCount >= FAULT_THRESHOLD) {
      i.waitStatus = exit;
      this.syslog(transitionMessage(i.fmri, 'OTHER'), 'err', i.fmri);
      this.finishMethod(i, 'METHOD_FATAL', 'fault_threshold_reached', RERR.fault);
      return;
    }
    void method;
    this.finishMethod(i, 'METHOD_RETRY', i.aux, RERR.none);
  }
}

function reasonAfterStop(i: InstanceRuntime): Reason {
  return i.next === 'disabled' ? 'disable_request' : i.next === 'maintenance' ? 'administrative_request' : 'dependency_activity';
}
