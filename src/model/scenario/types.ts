/**
 * Scenario format v1 ("bootgraph/1"): the public contract shared by files,
 * links, the CLI and the importer. Documented in docs/scenario-format.md.
 * Every field added after the first release is optional, so an old file never
 * changes meaning.
 */
import type { Grouping, RestartOn, ServiceModel } from '../smf/states.ts';
import type { WorldSpec } from '../world/types.ts';

export const SCENARIO_FORMAT = 'bootgraph/1' as const;

/** An exit status, "timeout" (the method hangs until its timeout), or a signal death such as "SIGSEGV". */
export type ExitValue = number | 'timeout' | `SIG${string}`;

export interface MethodSpec {
  /** Simulated milliseconds the method runs before it exits. Default 100 (start), 10 (stop), 10 (refresh). */
  readonly duration?: number;
  /** Exit status, or a list consumed one per attempt (the last value repeats). Default 0. */
  readonly exit?: ExitValue | readonly ExitValue[];
  /** Method timeout in ms; 0 or absent means the service-level `timeout` (0 = infinite, §7.2). */
  readonly timeout?: number;
  /** The exec string, for display (e.g. "/lib/svc/method/net-physical", ":true", ":kill"). */
  readonly exec?: string;
  /**
   * The method property group does not exist (a manifest without this
   * exec_method). svc.startd logs "Method property group 'start' is not
   * present." and treats the method as an immediate success (§7.1).
   */
  readonly missing?: boolean;
}

export interface DependencySpec {
  readonly name: string;
  readonly grouping: Grouping;
  readonly restart_on: RestartOn;
  /** svc:/ FMRIs (type service) or file:// FMRIs (type path); a group holds one kind. */
  readonly targets: readonly string[];
  /** Defaults from the targets' scheme. */
  readonly type?: 'service' | 'path';
}

export interface DependentSpec {
  readonly name: string;
  readonly grouping: Grouping;
  readonly restart_on: RestartOn;
  /** The entity that receives a dependency on this service or instance (§5). */
  readonly target: string;
}

/** Fields a service declares and an instance may override (composition, smf.7). */
export interface ComposableSpec {
  readonly dependencies?: readonly DependencySpec[];
  readonly dependents?: readonly DependentSpec[];
  readonly model?: ServiceModel;
  readonly start?: MethodSpec;
  readonly stop?: MethodSpec;
  readonly refresh?: MethodSpec;
  /** Default method timeout in ms (timeout_seconds × 1000). 0 = infinite. Default 60000. */
  readonly timeout?: number;
  /** startd/timeout_retry (default true): false sends a timed-out method to maintenance at once. */
  readonly timeout_retry?: boolean;
  /** general/restarter: a delegated restarter instance FMRI (becomes a require_all member, §1.2). */
  readonly restarter?: string;
  /** Template common name, shown as svcs -x does: "svc:/x:y (common name)". */
  readonly common_name?: string;
  /** Template documentation (manpage references), shown as "See:" lines. */
  readonly documentation?: readonly string[];
  /** Which method model of the world acts for this instance (issue 4); default from the FMRI. */
  readonly method_model?: string;
  /**
   * Dependency property groups svc.startd cannot use (unknown grouping,
   * restart_on or type, no entities, an FMRI that does not parse), one
   * human-readable line each. The importer fills this; an instance with any
   * goes to maintenance as invalid_dependency (docs/smf-semantics.md §1.2).
   */
  readonly invalid_dependencies?: readonly string[];
}

export interface InstanceSpec extends ComposableSpec {
  /** general/enabled. Default true. */
  readonly enabled?: boolean;
  /**
   * false: the instance exists in the repository without general/enabled, so
   * svc.startd never configures it (an unconfigured vertex, §1.1). Default true.
   */
  readonly configured?: boolean;
}

export interface ServiceSpec extends ComposableSpec {
  /** Service FMRI without an instance, e.g. "svc:/system/filesystem/usr". */
  readonly fmri: string;
  /** Omitted: one enabled instance "default". `{}`: a service with no instances. */
  readonly instances?: Readonly<Record<string, InstanceSpec>>;
  /** Where this service came from (manifest path), for display. */
  readonly manifest?: string;
}

export interface ActionSpec {
  /** Simulated ms at which the command runs. */
  readonly at: number;
  /** e.g. "svcadm restart svc:/site/app:default", "cfgadm -c unconfigure hme0". */
  readonly run: string;
}

export interface BootSpec {
  /** `boot -s`: single-user, any milestone option ignored (§6.2). */
  readonly single?: boolean;
  /** `boot -m milestone=X` for this boot only (all, none, su, mu, mus, or an FMRI). */
  readonly milestone?: string;
  /** `boot -r` or /reconfigure: sets system/reconfigure for device/local (boot-graph §1.3). */
  readonly reconfigure?: boolean;
  /** `boot -m verbose`: svc.startd prints "[ fmri starting (name) ]" on the console. */
  readonly verbose?: boolean;
  /**
   * What-if: a svc.startd that accepts any milestone service (the change the
   * patching-milestone proposal of seed 002 needs). The real dgraph_set_milestone()
   * accepts only single-user, multi-user and multi-user-server (§6.1) and
   * rejects the rest: that is the default here too.
   */
  readonly custom_milestones?: boolean;
}

export interface Scenario {
  readonly format: typeof SCENARIO_FORMAT;
  readonly name: string;
  readonly description?: string;
  /**
   * The default milestone (options/milestone): "all", "none", or a milestone
   * FMRI or abbreviation. Default "all".
   */
  readonly milestone?: string;
  readonly boot?: BootSpec;
  /** Paths that exist when svc.startd starts (file:// dependencies see these). */
  readonly files?: readonly string[];
  /** FMRIs on /etc/svc/deathrow: never configured, satisfied as dependencies (§3.5). */
  readonly deathrow?: readonly string[];
  readonly services: readonly ServiceSpec[];
  readonly actions?: readonly ActionSpec[];
  /**
   * Which svc.startd to model: "2025" (illumos-gate 7037363, default) or
   * "2009" (the Clearview putback e11c3f44f5; docs/smf-semantics.md §11 lists the
   * differences: optional_all, exit 94/97, restart rate, message base).
   */
  readonly era?: '2009' | '2025';
  /**
   * Perturbs every method's duration deterministically (modelled methods too):
   * each run takes its duration × [1 − jitter, 1 + jitter), drawn from a PRNG
   * seeded with this. Absent = no randomness at all. The timing explorer
   * (issue 17) boots the same scenario with many seeds.
   */
  readonly seed?: number;
  /** With `seed`: how far durations are perturbed, in [0, 1). Default 0.5 (×[0.5, 1.5)). */
  readonly jitter?: number;
  /** Stop simulating at this simulated ms even if events remain. Default 3_600_000. */
  readonly until?: number;
  /** The world that method models act on (devices, filesystems, network, repository, BEs). */
  readonly world?: WorldSpec;
  /** Free-form provenance: preset id, manifests, seed document. */
  readonly source?: Readonly<Record<string, string>>;
}

export const DEFAULTS = {
  startDuration: 100,
  stopDuration: 10,
  refreshDuration: 10,
  exit: 0,
  model: 'contract' as ServiceModel,
  enabled: true,
  timeout: 60_000,
  until: 3_600_000,
  milestone: 'all',
  jitter: 0.5,
} as const;
