/**
 * `npm run simulate -- <a> --compare <b | next-boot>` (issue 8): the first
 * divergence and the differing final states, from the real CLI.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

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
});
