/**
 * Seed 003_4d3f5a16761acb21.txt: late one-step vs proposed two-step manifest
 * import. Repository semantics from docs/smf-semantics.md §10; texts from
 * docs/console-messages.md §4.1 (net_reconfigure) and §5.4 (manifest-import).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../model/scenario/types.ts';
import { DLMGMT, manifestImport, THIRD_PARTY } from './manifest-import.ts';
import { Run, set } from './outcome.test-support.ts';

const DL = `${DLMGMT}:default`;
const TP = `${THIRD_PARTY}:default`;
const PHYSICAL = 'svc:/network/physical:default';
const IMPORT = 'svc:/system/manifest-import:default';
const FS_USR = 'svc:/system/filesystem/usr:default';
const FS_MINIMAL = 'svc:/system/filesystem/minimal:default';

let base: Scenario;
let late: Run;
let twoStep: Run;
beforeAll(async () => {
  base = await manifestImport();
  late = new Run(base);
  twoStep = new Run(set(base, 'repository.import-scheme', 'two-step'));
});

describe('late one-step import (the current scheme of the seed)', () => {
  it('datalink-management, delivered by the upgrade, is absent when svc.startd starts', () => {
    const initial = late.trace.instances.find((i) => i.fmri === DL)?.initial;
    expect(initial?.present).toBe(false);
    expect(late.snapshot().repository.absentAtBoot).toEqual([DLMGMT, THIRD_PARTY]);
  });

  it('so network/physical runs on this reconfiguration boot without it: net_reconfigure fails, exit 96', () => {
    expect(late.log(PHYSICAL)).toContain('The network/datalink-management service did not come online.');
    expect(late.state(PHYSICAL)).toBe('maintenance');
    expect(late.final(PHYSICAL).waitStatus).toBe(96);
  });

  it('manifest-import runs only after / is writable and /var is mounted, and imports both manifests', () => {
    expect(late.started(IMPORT)).toBeGreaterThanOrEqual(late.entered(FS_USR, 'online'));
    expect(late.started(IMPORT)).toBeGreaterThanOrEqual(late.entered(FS_MINIMAL, 'online'));
    expect(late.console()).toContain('Loading smf(5) service descriptions: 2/2');
    expect(late.log(IMPORT)).toContain('Loaded 2 smf(5) service descriptions');
  });

  it('then the services exist and come online, too late for network/physical', () => {
    expect(late.entered(DL, 'online')).toBeGreaterThan(late.entered(PHYSICAL, 'maintenance'));
    expect(late.state(TP)).toBe('online');
  });

  it('the next boot has them in the persistent repository from the start', () => {
    const next = new Run(late.next());
    expect(next.scenario.world?.repository?.pending).toEqual([]);
    expect(next.trace.instances.find((i) => i.fmri === DL)?.initial.present).toBe(true);
    expect(next.state(PHYSICAL)).toBe('online');
    expect(next.console().some((l) => l.startsWith('Loading smf'))).toBe(false);
  });

  it('on an ordinary (not reconfiguration) boot net_reconfigure has nothing to do, so network/physical comes up without dlmgmtd', () => {
    expect(new Run(set(base, 'boot.reconfigure', 'no')).state(PHYSICAL)).toBe('online');
  });
});

describe('proposed two-step import', () => {
  it('step one imports /etc/svc/manifest into the volatile repository before any service starts: datalink-management is there from the start', () => {
    expect(twoStep.trace.instances.find((i) => i.fmri === DL)?.initial.present).toBe(true);
    expect(twoStep.entered(DL, 'online')).toBeLessThanOrEqual(twoStep.started(PHYSICAL));
    expect(twoStep.state(PHYSICAL)).toBe('online');
  });

  it('step two commits to the persistent repository, makes the compatibility link, and imports the third-party manifest from /var/svc/manifest', () => {
    expect(twoStep.console()).toContain('Loading smf(5) service descriptions: 1/1');
    const repo = twoStep.snapshot().repository;
    expect(repo.committed).toEqual(['network/dlmgmt.xml', 'site/inventory.xml']);
    expect(repo.volatile).toEqual([]);
    expect(twoStep.snapshot().files).toContain('/var/svc/manifest/network/dlmgmt.xml');
    expect(twoStep.trace.instances.find((i) => i.fmri === TP)?.initial.present).toBe(false);
    expect(twoStep.state(TP)).toBe('online');
  });
});

describe('import needs a writable / and /var', () => {
  it('root stays read-only: manifest-import never runs; the new services stay absent', () => {
    const r = new Run(set(base, 'filesystems.root', 'read-only'));
    expect(r.hasStarted(IMPORT)).toBe(false);
    expect(r.final(DL).present).toBe(false);
  });

  it('the /var mount fails: late import never happens; two-step has datalink-management only in the volatile repository, which the next boot loses', () => {
    const lateFail = new Run(set(base, 'filesystems.var', 'mount-fails'));
    expect(lateFail.final(DL).present).toBe(false);
    const twoFail = new Run(set(set(base, 'repository.import-scheme', 'two-step'), 'filesystems.var', 'mount-fails'));
    expect(twoFail.state(DL)).toBe('online');
    expect(twoFail.final(TP).present).toBe(false);
    expect(twoFail.snapshot().repository.volatile).toEqual([DLMGMT]);
    expect(twoFail.next().world?.repository?.pending?.map((m) => m.path)).toEqual(['network/dlmgmt.xml', 'site/inventory.xml']);
  });

  it('a separate /var that mounts: the late import still works', () => {
    const r = new Run(set(base, 'filesystems.var', 'separate'));
    expect(r.console()).toContain('Loading smf(5) service descriptions: 2/2');
  });
});
