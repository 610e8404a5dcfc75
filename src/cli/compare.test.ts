/**
 * `npm run simulate -- <a> --compare <b | next-boot>` (issue 8): the first
 * divergence and the differing final states, from the real CLI.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function cli(...args: string[]): { code: number; stdout: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', ...args], { encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout };
}

describe('simulate --compare', () => {
  it('finds network/physical as the first divergence between the flagship first boot and the next boot', () => {
    const r = cli('clearview-ipmp-first-boot', '--compare', 'next-boot', '--format', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { divergence: { fmri: string; a: { what: string }; b: { what: string } }; differences: { fmri: string; a?: { state: string }; b?: { state: string } }[] };
    expect(out.divergence.fmri).toBe('svc:/network/physical:default');
    expect(out.divergence.a.what).toBe('start method exits 96');
    expect(out.divergence.b.what).toBe('start method exits 0');
    expect(out.differences.find((d) => d.fmri === 'svc:/network/physical:default')).toMatchObject({ a: { state: 'maintenance' }, b: { state: 'online' } });
  });

  it('says when two boots are identical', () => {
    const r = cli('demo-restart-on', '--compare', 'demo-restart-on');
    expect(r.stdout).toContain('The two boots are identical: no event differs.');
  });

  it('next-boot: says what the next boot carries from the repository and what it drops (issue 14, §1.1, §6.4)', () => {
    const su = { name: 'su', grouping: 'require_all', restart_on: 'none', targets: ['svc:/milestone/single-user:default'] };
    const scenario = {
      format: 'bootgraph/1',
      name: 'persistence',
      services: [{ fmri: 'svc:/milestone/single-user' }, { fmri: 'svc:/network/ssh', dependencies: [su] }, { fmri: 'svc:/network/smtp', dependencies: [su] }],
      actions: [
        { at: 1000, run: 'svcadm disable svc:/network/ssh:default' },
        { at: 1000, run: 'svcadm disable -t svc:/network/smtp:default' },
        { at: 2000, run: 'svcadm milestone -d single-user' },
      ],
    };
    const file = join(mkdtempSync(join(tmpdir(), 'bootgraph-')), 'persist.json');
    writeFileSync(file, JSON.stringify(scenario));
    const text = cli(file, '--compare', 'next-boot');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('carried over: svc:/network/ssh:default: general/enabled=false (svcadm disable)');
    expect(text.stdout).toContain('carried over: options/milestone=svc:/milestone/single-user:default (svcadm milestone -d)');
    expect(text.stdout).toContain('not carried (non-persistent): svc:/network/smtp:default: temporary disable (general_ovr/enabled)');
    const json = JSON.parse(cli(file, '--compare', 'next-boot', '--format', 'json').stdout) as { reboot: { boot: number; carried: string[] } };
    expect(json.reboot.boot).toBe(2);
    expect(json.reboot.carried).toHaveLength(2);
  });
});
