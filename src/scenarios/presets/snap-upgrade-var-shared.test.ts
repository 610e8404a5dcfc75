/**
 * Seed 004_2d8bc3d41f41ddac.txt: /var/shared shared by boot environments,
 * read-only for an alternate BE, one per zone, and writes hidden by a later
 * mount.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../model/scenario/types.ts';
import { Run, set } from './outcome.test-support.ts';
import { EARLY_LOG, EARLY_LOG_FILE, snapUpgradeVarShared } from './snap-upgrade-var-shared.ts';

const SHADOWED = '/var/shared/log/early-log.log';
const FS_MINIMAL = 'svc:/system/filesystem/minimal:default';
let base: Scenario;
let r: Run;
beforeAll(async () => {
  base = await snapUpgradeVarShared();
  r = new Run(base);
});

describe('a log written before /var/shared is mounted', () => {
  it('lands under the mountpoint on the BE\'s root dataset and is hidden when fs/minimal mounts /var/shared', () => {
    const written = r.world().find((w) => w.change.path === SHADOWED && w.change.exists === true);
    const hidden = r.world().find((w) => w.change.path === SHADOWED && w.change.exists === false);
    expect(written?.change.summary).toMatch(/on the root filesystem, under \/var\/shared, which is not mounted yet/);
    expect(hidden?.t).toBe(r.entered(FS_MINIMAL, 'online'));
    expect(r.started(EARLY_LOG)).toBeLessThan(r.started(FS_MINIMAL));
    const snap = r.snapshot();
    expect(snap.files).not.toContain(SHADOWED);
    expect(snap.filesystems.find((f) => f.device === 'rpool/ROOT/snv_101')?.files).toContain(SHADOWED);
  });

  it('written after fs/minimal, it is on /var/shared', () => {
    const after = new Run(set(base, `filesystems.writer:${EARLY_LOG}`, 'after-minimal'));
    expect(after.started(EARLY_LOG)).toBeGreaterThanOrEqual(after.entered(FS_MINIMAL, 'online'));
    expect(after.snapshot().filesystems.find((f) => f.device === 'rpool/VARSHARE')?.files).toContain(SHADOWED);
    expect(after.snapshot().files).toContain(SHADOWED);
    expect(EARLY_LOG_FILE).toBe('/var/log/early-log.log');
  });
});

describe('mail written in one BE', () => {
  it('is in /var/shared, and there after booting the other BE', () => {
    expect(r.world().find((w) => w.change.requested === '/var/mail/alice')?.change.path).toBe('/var/shared/mail/alice');
    const other = new Run(set(r.next(), 'boot.environment', 'snv_103'));
    expect(other.snapshot().boot.be).toBe('snv_103');
    expect(other.snapshot().files).toContain('/var/shared/mail/alice');
    // The hidden early log stays on snv_101's root dataset, on disk, across the reboot.
    expect(r.next().world?.filesystems?.find((f) => f.device === 'rpool/ROOT/snv_101')?.files).toContain(SHADOWED);
  });

  it('without /var/shared (/var on each BE\'s root) it stays behind in the first BE', () => {
    const onRoot = new Run(set(base, 'filesystems.var', 'on-root'));
    const other = new Run(set(onRoot.next(), 'boot.environment', 'snv_103'));
    expect(other.snapshot().files).not.toContain('/var/mail/alice');
    expect(onRoot.snapshot().filesystems.find((f) => f.device === 'rpool/ROOT/snv_101')?.files).toContain('/var/mail/alice');
  });
});

describe('an alternate BE mounted for a package operation', () => {
  it('sees /var/shared read-only: a package writing /var/log is refused, one writing /usr is installed', () => {
    const [mount, logrotate, tools] = r.actions().slice(1);
    expect(mount?.ok).toBe(true);
    expect(r.snapshot().filesystems.find((f) => f.device === 'rpool/VARSHARE')?.mountedAt).toEqual(['/var/shared', '/a/var/shared']);
    expect(logrotate?.ok).toBe(false);
    expect(logrotate?.output[0]).toBe('pkg: /a/var/log/logrotate.status: Read-only file system');
    expect(tools?.ok).toBe(true);
    expect(r.snapshot().filesystems.find((f) => f.device === 'rpool/ROOT/snv_103')?.files).toContain('/usr/bin/sitetool');
  });
});

describe('zones', () => {
  it('each zone has its own /var/shared dataset, mounted when system/zones boots it', () => {
    const z = r.snapshot().filesystems.find((f) => f.device === 'rpool/zones/z1/VARSHARE');
    expect(z?.mountedAt).toEqual(['/zones/z1/root/var/shared']);
    expect(z?.files).not.toContain('/zones/z1/root/var/shared/mail/alice');
    const mounted = r.world().find((w) => w.change.kind === 'mount' && w.change['device'] === 'rpool/zones/z1/VARSHARE');
    expect(mounted?.t).toBe(r.entered('svc:/system/zones:default', 'online'));
  });
});
