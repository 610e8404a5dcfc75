/**
 * The exact texts svc.startd and its helpers print (docs/console-messages.md), and
 * the simulated wall clock they are stamped with.
 */
import { shortFmri } from '../model/smf/fmri.ts';
import type { ExitValue } from '../model/scenario/types.ts';

/** Boot wall-clock origins: the dates of the two trees (docs/console-messages.md §0). */
const EPOCH: Record<'2009' | '2025', number> = {
  '2009': Date.UTC(2009, 0, 6, 20, 16, 20),
  '2025': Date.UTC(2025, 0, 9, 19, 19, 40),
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const pad2 = (n: number): string => String(n).padStart(2, '0');

const timeCache = new Map<number, string>();

/** strftime("%b %e %T") of the simulated instant. */
export function syslogTime(era: '2009' | '2025', t: number): string {
  const second = Math.floor(t / 1000) * (era === '2009' ? -1 : 1) - (era === '2009' ? 1 : 0);
  const hit = timeCache.get(second);
  if (hit !== undefined) return hit;
  const out = formatSyslogTime(era, t);
  if (timeCache.size > 10_000) timeCache.clear();
  timeCache.set(second, out);
  return out;
}

function formatSyslogTime(era: '2009' | '2025', t: number): string {
  const d = new Date(EPOCH[era] + t);
  return `${MONTHS[d.getUTCMonth()] ?? 'Jan'} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

/** strftime(NULL) = "%c" in the C locale, as svcs -x prints " State: … since …". */
export function ctimeString(era: '2009' | '2025', t: number): string {
  const d = new Date(EPOCH[era] + t);
  return `${DAYS[d.getUTCDay()] ?? 'Sun'} ${formatSyslogTime(era, t)} ${d.getUTCFullYear()}`;
}

/** The framework log's "start + N.NNs" form, used before the timezone is known (§1.2). */
export function startOffset(t: number): string {
  return `start + ${(t / 1000).toFixed(2)}s`;
}

/** svc.startd's pid in the simulated console (illustrative, as in docs/console-messages.md). */
export const STARTD_PID = 7;

/** Pids of the other daemons whose syslog lines the console shows (illustrative, like svc.startd's). */
const DAEMON_PID: Readonly<Record<string, number>> = { 'svc.startd': STARTD_PID, 'in.mpathd': 120 };

/** A syslog(3C) line as the console shows it (docs/console-messages.md §1.3): before syslogd runs without the hostname. */
export function syslogLine(era: '2009' | '2025', t: number, message: string, hostname: string | undefined, program = 'svc.startd'): string {
  const host = hostname === undefined ? '' : `${hostname} `;
  const pid = DAEMON_PID[program];
  return `${syslogTime(era, t)} ${host}${program}${pid === undefined ? '' : `[${pid}]`}: ${message}`;
}

/** method.c: "%s: Method \"%s\" failed with exit status %d." / "failed due to signal %s." */
export function methodFailedMessage(fmri: string, exec: string, exit: ExitValue): string {
  if (typeof exit === 'number') return `${fmri}: Method "${exec}" failed with exit status ${exit}.`;
  return `${fmri}: Method "${exec}" failed due to signal ${exit === 'timeout' ? 'KILL' : exit.slice(3)}.`;
}

export type StartOutcome = 'REPEATEDLY' | 'CONFIGURATION' | 'FATAL' | 'TIMEOUT_FATAL' | 'OTHER' | 'DEGRADED' | 'MAINT_REQUESTED' | 'DEGRADE_REQUESTED';

/** log.c: log_transition() action texts (docs/console-messages.md §1.5). */
export function transitionMessage(fmri: string, outcome: StartOutcome): string {
  const s = shortFmri(fmri);
  switch (outcome) {
    case 'REPEATEDLY':
      return `${s} failed repeatedly: transitioned to maintenance (see 'svcs -xv' for details)`;
    case 'CONFIGURATION':
      return `${s} misconfigured: transitioned to maintenance (see 'svcs -xv' for details)`;
    case 'FATAL':
      return `${s} failed fatally: transitioned to maintenance (see 'svcs -xv' for details)`;
    case 'TIMEOUT_FATAL':
      return `${s} timed out: transitioned to maintenance (see 'svcs -xv' for details)`;
    case 'OTHER':
      return `${s} failed: transitioned to maintenance (see 'svcs -xv' for details)`;
    case 'DEGRADED':
      return `${s} transitioned to degraded (see 'svcs -xv' for details)`;
    case 'MAINT_REQUESTED':
      return `${s} transitioned to maintenance by request (see 'svcs -xv' for details)`;
    case 'DEGRADE_REQUESTED':
      return `${s} transitioned to degraded by request (see 'svcs -xv' for details)`;
  }
}

/** restarter.c stop_instance() causes, as "Stopping because %s." */
export const STOP_CAUSE = {
  exit: 'all processes in service exited',
  core: 'process dumped core',
  signal: 'process received fatal signal from outside the service',
  hwerr: 'process killed due to uncorrectable hardware error',
  dependency: 'dependency activity requires stop',
  disable: 'service disabled',
  restart: 'service restarting',
  errExit: 'service exited with an error',
  cfgExit: 'service exited with a configuration error',
} as const;
