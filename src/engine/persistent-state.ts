/**
 * The repository as a boot leaves it (docs/smf-semantics.md §1.1, §10.2): what
 * svcadm wrote to persistent property groups survives a reboot, what it wrote
 * to non-persistent ones does not. Read from the trace: the engine records each
 * instance's enabled flags with every status, and `svcadm milestone -d` as a
 * persistent milestone record.
 *
 * - general/enabled (svcadm enable / disable without -t): kept;
 * - general_ovr/enabled (-t, and a milestone's temporary disables): dropped;
 * - options/milestone (svcadm milestone -d): kept, the next boot's milestone (§6.2);
 * - options_ovr/milestone (svcadm milestone X): dropped;
 * - the restarter pg (maintenance, degraded, every state): dropped.
 */
import { createSeeker } from './seek.ts';
import type { Trace } from './trace.ts';

export interface PersistentRepository {
  /** general/enabled for the instances whose persistent value this boot changed. */
  readonly enabled: Readonly<Record<string, boolean>>;
  /** options/milestone, when svcadm milestone -d wrote it ("all", "none" or an FMRI). */
  readonly milestone?: string;
  /** general/enabled written by a site profile (svccfg apply, seed 003): instance → "svccfg apply <path>". */
  readonly writers: Readonly<Record<string, string>>;
  /** One sentence per thing that does not survive the reboot. */
  readonly dropped: readonly string[];
}

export function persistentRepository(trace: Trace): PersistentRepository {
  const final = createSeeker(trace).atIndex(trace.records.length - 1);
  const enabled: Record<string, boolean> = {};
  const dropped: string[] = [];
  for (const inst of trace.instances) {
    const s = final.get(inst.fmri);
    if (s === undefined) continue;
    // svcs -x "temporary": general_ovr/enabled is set and differs from general/enabled.
    const persistent = s.temporary ? !s.enabled : s.enabled;
    if (persistent !== inst.initial.enabled) enabled[inst.fmri] = persistent;
    if (s.temporary) dropped.push(`${inst.fmri}: temporary ${s.enabled ? 'enable' : 'disable'} (general_ovr/enabled)`);
    if (s.state === 'maintenance' || s.state === 'degraded') dropped.push(`${inst.fmri}: ${s.state} (${s.aux})`);
  }
  let milestone: string | undefined;
  const writers: Record<string, string> = {};
  for (const r of trace.records) {
    if (r.kind === 'milestone' && r.persistent === true) milestone = r.milestone;
    const enable = r.kind === 'world' && r.change.kind === 'profile' ? r.change['enable'] : undefined;
    if (r.kind === 'world' && typeof enable === 'object' && enable !== null) {
      for (const fmri of Object.keys(enable)) writers[fmri] = `svccfg apply ${String(r.change['path'])}`;
    }
  }
  return { enabled, ...(milestone === undefined ? {} : { milestone }), writers, dropped };
}
