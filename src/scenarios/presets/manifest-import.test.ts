/**
 * Seed 003_4d3f5a16761acb21.txt: late one-step vs proposed two-step manifest
 * import. Repository semantics from docs/smf-semantics.md §10; texts from
 * docs/console-messages.md §4.1 (net_reconfigure) and §5.4 (manifest-import).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../model/scenario/types.ts';
import { DLMGMT, manifestImport, REPORTER, THIRD_PARTY } from './manifest-import.ts';
import { nextBootScenario } from '../next-boot.ts';
import { spawnSync } from 'node:child_process';
import { Run, set } from './outcome.test-support.ts';

const DL = `${DLMGMT}:default`;
const TP = `${THIRD_PARTY}:default`;
const REP = `${REPORTER}:default`;
const NTP = 'svc:/network/ntp:default';
const SENDMAIL = 'svc:/network/smtp:sendmail';
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
    // dlmgmt.xml and inventory.xml are new; reporter.xml changed (its hash differs), so it is imported again too.
    expect(late.console()).toContain('Loading smf(5) service descriptions: 3/3');
    expect(late.log(IMPORT)).toContain('Loaded 3 smf(5) service descriptions');
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

describe('a manifest the upgrade changed, and the site profile (§10.4)', () => {
  it('the reporter starts with its old definition, before the inventory agent it now requires even exists', () => {
    expect(late.trace.instances.find((i) => i.fmri === REP)?.initial.present).toBe(true);
    expect(late.entered(REP, 'online')).toBeLessThan(late.entered(TP, 'online'));
  });

  it('manifest-import imports reporter.xml again and svccfg refreshes the reporter: "Rereading configuration."; its new dependency is in the graph from then on', () => {
    const at = late.started(IMPORT);
    const reimport = late.world().find((w) => w.change.summary.startsWith('/var/svc/manifest/site/reporter.xml imported again'));
    expect(reimport?.t).toBe(late.entered(IMPORT, 'online'));
    expect(reimport?.t).toBeGreaterThan(at);
    expect(late.log(REP).some((l) => l.endsWith('Rereading configuration. ]'))).toBe(true);
    expect(late.trace.instances.find((i) => i.fmri === REP)?.groups.map((g) => g.name)).toEqual(['minimal', 'inventory']);
  });

  it('then svccfg applies site.xml: ntp enabled, sendmail disabled, persistently', () => {
    const applied = late.world().find((w) => w.change.kind === 'profile');
    expect(applied?.change.summary).toBe('svccfg apply /var/svc/profile/site.xml: svc:/network/ntp:default enabled, svc:/network/smtp:sendmail disabled (general/enabled, persistent)');
    expect(late.final(NTP)).toMatchObject({ enabled: true, temporary: false });
    expect(late.state(SENDMAIL)).toBe('disabled');
  });

  it('the next boot reads the new reporter manifest at boot, keeps the profile\'s writes, and does not apply it again', () => {
    const n = nextBootScenario(late.scenario, late.trace);
    if (!n.ok) throw new Error(n.error);
    expect(n.carried).toContain('svc:/network/ntp:default: general/enabled=true (svccfg apply /var/svc/profile/site.xml)');
    expect(n.scenario.world?.repository?.profiles?.[0]?.applied).toBe(true);
    const next = new Run(n.scenario);
    expect(next.entered(REP, 'online')).toBeGreaterThan(next.entered(TP, 'online'));
    expect(next.world().some((w) => w.change.kind === 'profile')).toBe(false);
    expect(next.final(NTP).enabled).toBe(true);
  });

  it('through the CLI: --format json shows the re-import, the refresh and the profile', () => {
    const out = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', 'manifest-import', '--format', 'json'], { encoding: 'utf8' });
    expect(out.status).toBe(0);
    const json = JSON.parse(out.stdout) as { world: { changes: { kind: string; summary: string }[] }; logs: Record<string, { text: string }[]>; final: Record<string, { state: string }> };
    expect(json.world.changes.filter((c) => c.kind === 'repository' || c.kind === 'profile').map((c) => c.summary)).toEqual([
      '/var/svc/manifest/network/dlmgmt.xml imported: svc:/network/datalink-management now in the repository',
      '/var/svc/manifest/site/inventory.xml imported: svc:/site/inventory now in the repository',
      '/var/svc/manifest/site/reporter.xml imported again (an upgrade changed it): svc:/site/reporter updated; svccfg refreshes svc:/site/reporter:default',
      'svccfg apply /var/svc/profile/site.xml: svc:/network/ntp:default enabled, svc:/network/smtp:sendmail disabled (general/enabled, persistent)',
    ]);
    expect(json.logs[REP]?.map((l) => l.text).some((t) => t.endsWith('Rereading configuration. ]'))).toBe(true);
    expect(json.final[SENDMAIL]?.state).toBe('disabled');
  });
});

describe('proposed two-step import', () => {
  it('step one imports /etc/svc/manifest into the volatile repository before any service starts: datalink-management is there from the start', () => {
    expect(twoStep.trace.instances.find((i) => i.fmri === DL)?.initial.present).toBe(true);
    expect(twoStep.entered(DL, 'online')).toBeLessThanOrEqual(twoStep.started(PHYSICAL));
    expect(twoStep.state(PHYSICAL)).toBe('online');
  });

  it('step two commits to the persistent repository, makes the compatibility link, and imports the third-party manifest from /var/svc/manifest', () => {
    expect(twoStep.console()).toContain('Loading smf(5) service descriptions: 2/2');
    const repo = twoStep.snapshot().repository;
    expect(repo.committed).toEqual(['network/dlmgmt.xml', 'site/inventory.xml', 'site/reporter.xml']);
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
    expect(twoFail.next().world?.repository?.pending?.map((m) => m.path)).toEqual(['network/dlmgmt.xml', 'site/inventory.xml', 'site/reporter.xml']);
  });

  it('a separate /var that mounts: the late import still works', () => {
    const r = new Run(set(base, 'filesystems.var', 'separate'));
    expect(r.console()).toContain('Loading smf(5) service descriptions: 3/3');
  });
});
