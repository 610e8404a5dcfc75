/**
 * Seed 002_7f05ea57cebde0ad.txt: the patching milestone. Milestone semantics
 * from docs/smf-semantics.md §6 (what-if: custom milestones, §6.1).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../model/scenario/types.ts';
import { Run, set } from './outcome.test-support.ts';
import { NO_DEPS_SERVICE, PATCH_ID, patchingMilestone } from './patching-milestone.ts';

const PATCHING = 'svc:/system/patching:default';
const AGENT = `${NO_DEPS_SERVICE}:default`;
const SINGLE = 'svc:/milestone/single-user:default';
const FS_LOCAL = 'svc:/system/filesystem/local:default';
const MILESTONE = 'svc:/milestone/patching:default';

let base: Scenario;
let r: Run;
beforeAll(async () => {
  base = await patchingMilestone();
  r = new Run(base);
});

describe('booting to milestone/patching (the default milestone the application set)', () => {
  it('svc.startd targets milestone/patching, which needs the what-if svc.startd', () => {
    expect(r.trace.milestone).toBe(MILESTONE);
    expect(r.console()).toContain('Booting to milestone "milestone/patching:default".');
    const real = new Run({ ...base, boot: {} });
    expect(real.trace.milestone).toBe('all');
    expect(real.console()).toContain('svc.startd: Requested milestone "svc:/milestone/patching:default" is invalid.  Reverting to "all".');
  });

  it('the patching service runs after single-user and system/filesystem/local, applies the patch and restores the stashed default', () => {
    expect(r.started(PATCHING)).toBeGreaterThanOrEqual(r.entered(SINGLE, 'online'));
    expect(r.started(PATCHING)).toBeGreaterThanOrEqual(r.entered(FS_LOCAL, 'online'));
    expect(r.log(PATCHING)).toContain(`Patch number ${PATCH_ID} has been successfully installed.`);
    expect(r.world().map((w) => w.change)).toContainEqual(expect.objectContaining({ kind: 'svcadm', command: 'svcadm milestone -d all' }));
    expect(r.snapshot().milestone.default).toBe('all');
    expect(r.state(MILESTONE)).toBe('online');
  });

  it('only the milestone\'s subgraph runs until the patch is in: the rest is temporarily disabled, the no-dependency service too', () => {
    const restored = r.actions().find((a) => a.command === 'svcadm milestone -d all');
    expect(restored?.ok).toBe(true);
    const until = restored?.t ?? 0;
    expect(until).toBeGreaterThan(0);
    // Everything outside milestone/patching's subgraph stayed disabled until the default was restored...
    expect(r.hasStarted(AGENT) ? r.started(AGENT) : Number.POSITIVE_INFINITY).toBeGreaterThanOrEqual(until);
    expect(r.entered('svc:/milestone/multi-user:default', 'online')).toBeGreaterThanOrEqual(until);
    // ...and svcadm milestone -d all (run by the patching service, §6.4) then brings the system up in the same boot.
    expect(r.state(AGENT)).toBe('online');
    expect(r.state('svc:/milestone/multi-user:default')).toBe('online');
  });

  it('the next boot goes to all, with nothing left to patch', () => {
    const next = new Run(r.next());
    expect(next.scenario.milestone).toBe('all');
    expect(next.trace.milestone).toBe('all');
    expect(next.state('svc:/milestone/multi-user-server:default')).toBe('online');
    expect(next.log(PATCHING)).toContain('no patches queued');
  });

  it('the patch must be on a filesystem system/filesystem/local mounts: if /export fails to mount, the service fails', () => {
    const broken = new Run({ ...base, world: { ...base.world, filesystems: (base.world?.filesystems ?? []).map((f) => (f.mountpoint === '/export' ? { ...f, fails: true } : f)) } });
    expect(broken.hasStarted(PATCHING)).toBe(false);
  });
});

describe('booting to all (the seed: "sequential startup" is a false assumption)', () => {
  let all: Run;
  beforeAll(() => {
    all = new Run(set(base, 'boot.default-milestone', 'all'));
  });

  it('the service with no dependencies starts at the very beginning, long before single-user is reached', () => {
    expect(all.started(AGENT)).toBe(0);
    expect(all.entered(SINGLE, 'online')).toBeGreaterThan(1000);
  });

  it('the patching service runs too, sees the queue and sets milestone/patching for the next boot', () => {
    expect(all.state(PATCHING)).toBe('online');
    expect(all.snapshot().milestone).toMatchObject({ default: MILESTONE, stashed: 'all' });
    expect(new Run(all.next()).trace.milestone).toBe(MILESTONE);
  });
});

describe('boot -s', () => {
  it('single-user: no patching, no local filesystems (proposals 2 and 3)', () => {
    const s = new Run(set(base, 'boot.mode', 'single'));
    expect(s.trace.milestone).toBe(SINGLE);
    expect(s.console()).toContain('SINGLE USER MODE');
    expect(s.hasStarted(PATCHING)).toBe(false);
    expect(s.state(FS_LOCAL)).toBe('disabled');
    expect(s.snapshot().patching?.queue).toEqual([PATCH_ID]);
  });
});

describe('the three proposals', () => {
  it('proposal 1 (fs/local under single-user) closes a dependency cycle in the 2009 graph, through the AVS services that require single-user', () => {
    const p1 = new Run(set(base, 'boot.patching-proposal', '1'));
    const su = p1.final(SINGLE);
    expect(su.state).toBe('maintenance');
    expect(su.aux).toBe('dependency_cycle');
    expect(su.cycle).toContain(FS_LOCAL);
    expect(p1.hasStarted(PATCHING)).toBe(false);
  });

  it('going back from proposal 1 restores the graph', () => {
    expect(set(set(base, 'boot.patching-proposal', '1'), 'boot.patching-proposal', '2').services).toEqual(base.services);
  });

  it('proposals 2 and 3 leave the graph as it is', () => {
    for (const v of ['2', '3']) {
      const p = set(base, 'boot.patching-proposal', v);
      expect(p.services).toEqual(base.services);
      expect(new Run(p).state(MILESTONE)).toBe('online');
    }
  });
});

describe('patch queue', () => {
  it('an empty queue: booting to all, the patching service leaves the default milestone alone', () => {
    const empty = new Run(set(set(base, 'boot.patch-queue', 'empty'), 'boot.default-milestone', 'all'));
    expect(empty.snapshot().milestone.default).toBe('all');
    expect(empty.log(PATCHING)).toContain('no patches queued');
  });
});

describe('issue 14 behaviour 6: what the real svc.startd does with the seed\'s scheme', () => {
  it('the patching service inspects the milestone svc.startd actually booted to: rejected milestone/patching means all, so nothing is patched', () => {
    const real = new Run({ ...base, boot: {} });
    expect(real.trace.milestone).toBe('all');
    expect(real.state(PATCHING)).toBe('online');
    expect(real.log(PATCHING).join('\n')).toContain('current milestone is all, not milestone/patching:default');
    expect(real.log(PATCHING).join('\n')).not.toContain('successfully installed');
    expect(real.snapshot().patching?.applied).not.toContain(PATCH_ID);
    expect(real.snapshot().patching?.queue).toEqual([PATCH_ID]);
  });

  it('proposal 2 by hand in single-user: patchadd enables system/filesystem/local, is run again, patches, and disables it again', () => {
    const single = set(base, 'boot.mode', 'single');
    const s = new Run({
      ...single,
      actions: [
        { at: 60_000, run: `patchadd ${PATCH_ID}` },
        { at: 120_000, run: `patchadd ${PATCH_ID}` },
        { at: 180_000, run: `patchadd ${PATCH_ID}` },
      ],
    });
    const [first, second, third] = s.actions().filter((a) => a.command.startsWith('patchadd'));
    expect(first?.ok).toBe(false);
    expect(first?.output).toContain('patchadd: system/filesystem/local is offline; svcadm enable -t svc:/system/filesystem/local:default');
    expect(second?.ok).toBe(true);
    expect(second?.output).toContain(`Patch number ${PATCH_ID} has been successfully installed.`);
    expect(second?.output).toContain('patchadd: svcadm disable -t svc:/system/filesystem/local:default');
    // fs/local came up for the patch and went down again.
    expect(s.entered(FS_LOCAL, 'online')).toBeGreaterThan(60_000);
    expect(s.state(FS_LOCAL)).toBe('disabled');
    // Applying it again: nothing to do, pkg's message.
    expect(third?.ok).toBe(true);
    expect(third?.output).toEqual(['No updates necessary for this image.']);
  });
});
