/**
 * Every difference between the 2009 svc.startd (the Clearview IPMP putback,
 * e11c3f44f5) and today's (7037363ac7) that bootgraph models, in one table
 * (docs/smf-semantics.md §11). Engine, world methods and texts read these rules
 * instead of testing the era themselves.
 */
export type Era = '2009' | '2025';

export interface EraRules {
  /** method.c: method_rate_critical(): RINST_START_TIMES starts averaging under RINST_FAILURE_RATE apart → maintenance (§7.3). */
  readonly rateLimit: {
    readonly starts: number;
    readonly periodMs: number;
    /** 2009: wait-model ("child") services were rate-limited too; since 2010 they are exempt. */
    readonly waitServices: boolean;
  };
  /** restarter.c: a wait service failing faster than once a second is throttled 1 s (today only, §7.4). */
  readonly waitThrottle: boolean;
  /**
   * optional_all_satisfied() (§3.4, §11): "7267" is today's code; "e11c3f44f5"
   * skipped disabled and GV_TOOFFLINE members and let any one qualifying
   * instance of a service member satisfy it.
   */
  readonly optionalAll: 'e11c3f44f5' | '7267';
  /** The value of an instance in an admin-disable subtree (§3.3): today TODISABLE → −1, TOOFFLINE → 0; 2009 TOOFFLINE → −1. */
  readonly subtreeValue: 'split' | 'unsatisfiable';
  /** propagate_start() restarts running dependents of restart/refresh groups (7267, §4.4). */
  readonly propagateStartRestartsRunning: boolean;
  /** Exit 94, SMF_EXIT_NODAEMON: success without a contract (7928, 2019). Before: a retryable failure. */
  readonly exitNoDaemon: boolean;
  /** Degraded implemented (7711, 2024): exit 97 of a start → degraded, `svcadm mark degraded` acts. */
  readonly degraded: boolean;
  /** svc.startd runs early-manifest-import itself before the graph (2010, §10.3). */
  readonly earlyManifestImport: boolean;
  /** restarter.c: timeout_ovr_svcs[] (§7.2). */
  readonly timeoutOverride: ReadonlySet<string>;
  /** The man section of smf in messages ("smf(5)" before the 2022 man-page resection, "smf(7)" after). */
  readonly smfManSection: 5 | 7;
  /** explain.c's default message base. */
  readonly messageBase: string;
  /** The IPMP implementation a world defaults to (Clearview's /dev/ipmpstub; libipadm today). */
  readonly defaultIpmp: 'clearview' | 'libipadm';
  /** fs-local's `zfs mount -va` printed its progress on the console (2009, docs/console-messages.md §5.5). */
  readonly zfsMountProgressOnConsole: boolean;
  /** manifest-import's summary line: 2009's script printed "Loaded N smf(5) service descriptions"; today svccfg prints "svccfg: Loaded N smf(7) …" (docs/console-messages.md §5.4). */
  readonly loadedBySvccfg: boolean;
  /** graph.c at shutdown: 2009 single_user_thread()'s "Killing user processes: done.", today kill_user_procs() (docs/console-messages.md §2.4). */
  readonly killUserProcesses: string;
  /**
   * graph.c: do_uadmin()'s last line (docs/console-messages.md §2.4): 2009 uu_warn("The system is down.");
   * today a timestamped "The system is down.  Shutdown took N seconds.".
   */
  readonly systemDownLine: 'uu_warn' | 'timestamped';
  /** fs-local: a failed mount exits 97 (degraded, illumos 8891) rather than 95. */
  readonly fsLocalFailureExit: 95 | 97;
}

const TIMEOUT_OVERRIDE_TODAY: readonly string[] = [
  'svc:/system/manifest-import:default',
  'svc:/network/initial:default',
  'svc:/network/service:default',
  'svc:/system/rmtmpfiles:default',
  'svc:/network/loopback:default',
  'svc:/network/physical:default',
  'svc:/system/device/local:default',
  'svc:/system/filesystem/usr:default',
  'svc:/system/filesystem/minimal:default',
  'svc:/system/filesystem/local:default',
];

export const ERA_RULES: Readonly<Record<Era, EraRules>> = {
  '2009': {
    rateLimit: { starts: 10, periodMs: 1_000, waitServices: true },
    waitThrottle: false,
    optionalAll: 'e11c3f44f5',
    subtreeValue: 'unsatisfiable',
    propagateStartRestartsRunning: false,
    exitNoDaemon: false,
    degraded: false,
    earlyManifestImport: false,
    timeoutOverride: new Set([...TIMEOUT_OVERRIDE_TODAY, 'svc:/system/metainit:default']),
    smfManSection: 5,
    messageBase: 'http://sun.com/msg/',
    defaultIpmp: 'clearview',
    fsLocalFailureExit: 95,
    zfsMountProgressOnConsole: true,
    killUserProcesses: 'svc.startd: Killing user processes: done.',
    systemDownLine: 'uu_warn',
    loadedBySvccfg: false,
  },
  '2025': {
    rateLimit: { starts: 5, periodMs: 600_000, waitServices: false },
    waitThrottle: true,
    optionalAll: '7267',
    subtreeValue: 'split',
    propagateStartRestartsRunning: true,
    exitNoDaemon: true,
    degraded: true,
    earlyManifestImport: true,
    timeoutOverride: new Set(TIMEOUT_OVERRIDE_TODAY),
    smfManSection: 7,
    messageBase: 'http://illumos.org/msg/',
    defaultIpmp: 'libipadm',
    fsLocalFailureExit: 97,
    zfsMountProgressOnConsole: false,
    killUserProcesses: 'svc.startd: Killing user processes.',
    systemDownLine: 'timestamped',
    loadedBySvccfg: true,
  },
};

export function eraRules(era: Era | undefined): EraRules {
  return ERA_RULES[era ?? '2025'];
}
