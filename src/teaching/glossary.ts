/**
 * Short explanations of every SMF and Solaris term bootgraph puts on screen,
 * consistent with docs/smf-semantics.md (the section in `ref`, shown in the tooltip).
 * Shown on hover and focus (issue 8). Plain text only.
 */
export interface GlossaryEntry {
  readonly term: string;
  readonly text: string;
  /** Where the behaviour is specified. */
  readonly ref?: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  { term: 'FMRI', text: 'Fault Management Resource Identifier: the name of a service (svc:/network/physical), an instance (svc:/network/physical:default) or a file (file://localhost/dev/ipmpstub).', ref: '§1.2' },
  { term: 'service', text: 'A named set of instances, such as svc:/network/physical. Naming a service in a dependency means "any one of its instances running".', ref: '§1.1, §3.4' },
  { term: 'instance', text: 'A runnable copy of a service, such as :default. Instances have states; services do not.', ref: '§1.1' },
  { term: 'svc.startd', text: 'The master restarter: it builds the dependency graph, starts instances whose dependencies are satisfied, runs their methods and reacts when they fail.', ref: '§0' },
  { term: 'restarter', text: 'The daemon responsible for an instance\'s processes and state. svc.startd is the default; a delegated restarter (inetd) becomes an extra require_all dependency.', ref: '§1.2' },
  { term: 'milestone', text: 'A service that stands for a system state (single-user, multi-user, multi-user-server). Booting to a milestone temporarily disables everything outside its dependency subgraph.', ref: '§6' },
  { term: 'dependency group', text: 'A property group of type dependency: a grouping, a restart_on value and a list of FMRIs. All groups of an instance must be satisfied before it starts.', ref: '§1.1, §3.2' },
  { term: 'require_all', text: 'Satisfied when every listed service is running (online or degraded) or every listed file exists. A disabled or missing target keeps the dependent offline for ever.', ref: '§3.4' },
  { term: 'require_any', text: 'Satisfied when at least one listed service is running or one listed file exists.', ref: '§3.4' },
  { term: 'optional_all', text: 'Waits only for listed services that can still come up: missing, disabled and maintenance targets are ignored, and an offline target that can never start counts as satisfied. A missing file still blocks.', ref: '§3.4' },
  { term: 'exclude_all', text: 'Satisfied only while the listed services are disabled, in maintenance or absent. An enabled target that is merely offline still blocks; a running excluder is stopped when the target starts.', ref: '§3.4, §4.4' },
  { term: 'restart_on', text: 'Which events at a dependency stop (and later restart) a running dependent: none, error (faults), restart (also restarts and stops), refresh (also refreshes). Dependents whose restart_on does not trigger keep running.', ref: '§4' },
  { term: 'dependent', text: 'A dependent element in a manifest: it adds a dependency group to another service, so that service waits for this one.', ref: '§5' },
  { term: 'uninitialized', text: 'The state of every instance when svc.startd starts, and after svcadm clear, until the restarter reads it.', ref: '§2.1' },
  { term: 'offline', text: 'Enabled but not running: waiting for dependencies, or (offline*) with its start method running.', ref: '§2.1' },
  { term: 'online', text: 'Running: its start method succeeded.', ref: '§2.1' },
  { term: 'degraded', text: 'Running at reduced capacity; counts as running for dependents. A start method exiting 97 ($SMF_EXIT_MON_DEGRADE) leads here since 2024.', ref: '§2.1, §7.3' },
  { term: 'maintenance', text: 'Enabled but unable to run until an administrator runs svcadm clear: a fatal method exit (95, 96), three consecutive failures, a timeout without retry, a dependency cycle or an invalid dependency.', ref: '§2.1, §7.3' },
  { term: 'disabled', text: 'Not enabled: by svcadm disable, by its manifest, or temporarily because it lies outside the current milestone.', ref: '§2.1, §6.4' },
  { term: 'offline*', text: 'Offline with its start method running: svcs appends * while a transition is in progress (next_state online).', ref: '§2.1' },
  { term: 'online*', text: 'Online with its stop method running: svcs appends * while a transition is in progress (next_state offline or disabled).', ref: '§2.1' },
  { term: 'absent', text: 'Not in the repository: never delivered, or not imported yet. A require_all or require_any dependency on it cannot be satisfied ("Dependency … is absent"); optional_all and exclude_all ignore it.', ref: '§1.2, §10.5' },
  { term: 'method', text: 'A program svc.startd runs for an instance: start, stop or refresh. Its exit status decides what happens next.', ref: '§7.1' },
  { term: 'contract', text: 'The default service model: the instance stays online while its processes live; if they all exit it goes offline and is restarted.', ref: '§7.4' },
  { term: 'transient', text: 'A service model for one-shot work: online after the start method succeeds, no processes watched.', ref: '§7.4' },
  { term: 'wait', text: 'The "child" service model: svc.startd forks the start method and restarts it when it exits (console-login).', ref: '§7.4' },
  { term: 'SMF-8000', text: 'The message identifiers svcs -x prints with each reason (for example SMF-8000-KS: a start method failed), linked to an explanation.', ref: '§8.3' },
  { term: 'svcs -x', text: 'Explains why services are not running: the reason, the root cause through unsatisfied dependencies, and the services it affects.', ref: '§8' },
  { term: 'svcadm', text: 'The administrator\'s command: enable, disable, restart, refresh, clear, mark, milestone. It only writes repository properties; svc.startd reacts.', ref: '§9' },
  { term: 'manifest import', text: 'Loading service manifests into the repository. Until a service is imported it does not exist for the graph, and dependencies on it are absent.', ref: '§10' },
  { term: 'seed repository', text: 'The minimal repository a fresh system boots with: only the services needed to reach manifest-import.', ref: '§10.1' },
  { term: 'devfsadm', text: 'The program that creates /dev links for device nodes under /devices. On a first boot after an upgrade, links that it has not made yet do not exist.', ref: 'boot-graph §1.3' },
  { term: 'IPMP', text: 'IP network multipathing: interfaces grouped under an IPMP interface (ipmp0) so addresses fail over when a NIC fails or is detached. The IPMP interface is created by opening /dev/ipmpstub.', ref: 'seeds 000, 001' },
  { term: 'BE', text: 'Boot environment: a bootable copy of the operating system (its own root dataset). Snap Upgrade shares /var/shared between BEs.', ref: 'seed 004' },
  { term: 'dependency cycle', text: 'Dependencies that lead back to where they started. svc.startd refuses the edge that would close the cycle and puts that instance in maintenance (SMF-8000-HP).', ref: '§1.2' },
  { term: 'hazard', text: 'An ordering hazard: one service creates, mounts or changes something (a file, a /dev link, a mount, a repository entry) that another service needs, and no dependency orders the first before the second. svc.startd starts both as soon as their own dependencies allow, so whether it works depends on timing, or the dependencies order them the wrong way round. Computed from what each method read and wrote.', ref: '§3.4' },
  { term: 'outcome class', text: 'The timing explorer boots one scenario many times with method durations perturbed by a seed. Boots that end with every instance in the same state form one outcome class; its seed replays a boot of that class exactly.' },
  { term: 'sulogin', text: 'The single-user login svc.startd starts on the console when booting with -s, or when no login service can ever run.', ref: '§6.7' },
];

const BY_TERM = new Map(GLOSSARY.map((g) => [g.term.toLowerCase(), g]));

export function lookupTerm(term: string): GlossaryEntry | undefined {
  return BY_TERM.get(term.toLowerCase());
}
