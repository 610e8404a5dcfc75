/**
 * `npm run simulate -- <scenario> --explain <fmri> [--at ms]` prints the cause
 * chain after the svcs -xv text, and `--format json` carries it as data
 * (issue 13). Runs the real CLI on the flagship.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { CauseChain } from '../engine/cause-chain.ts';
import type { Explanation } from '../engine/explain.ts';

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', ...args], { encoding: 'utf8', cwd: process.cwd() });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const PHYSICAL = 'svc:/network/physical:default';
const DEVICE_LOCAL = 'svc:/system/device/local:default';

describe('--explain prints the cause chain after svcs -xv', () => {
  it('text: the svcs -xv block, then the numbered chain naming /dev/ipmpstub and system/device/local, then the hazard', () => {
    const r = cli('clearview-ipmp-first-boot', '--explain', 'network/physical');
    expect(r.code).toBe(0);
    const [xv, why] = r.stdout.split('\nWhy, from the trace and the world model:\n');
    expect(xv).toContain('Reason: Start method exited with $SMF_EXIT_ERR_CONFIG.');
    const steps = (why ?? '').split('\n').filter((l) => /^\s+\d+\. /.test(l));
    expect(steps).toHaveLength(4);
    expect(steps[1]).toContain('/dev/ipmpstub');
    expect(steps[2]).toContain(DEVICE_LOCAL);
    expect(why).toContain(`Hazard: ${DEVICE_LOCAL} provides /dev/ipmpstub that ${PHYSICAL} needs`);
  });

  it('json: the explanation with causeChain {fmri, at, state, steps, hazards, summary}', () => {
    const r = cli('clearview-ipmp-first-boot', '--explain', 'network/physical', '--format', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Explanation & { causeChain: CauseChain };
    expect(out.fmri).toBe(PHYSICAL);
    expect(Object.keys(out.causeChain).sort()).toEqual(['at', 'fmri', 'hazards', 'state', 'steps', 'summary']);
    expect(out.causeChain.steps.map((s) => s.kind)).toEqual(['method', 'access', 'provided', 'order']);
    expect(out.causeChain.hazards).toEqual([expect.objectContaining({ reader: PHYSICAL, writer: DEVICE_LOCAL, object: { kind: 'devlink', name: '/dev/ipmpstub' } })]);
  });

  it('--at: the chain at that instant (while network/physical\'s start method runs, it is starting)', () => {
    const r = cli('clearview-ipmp-first-boot', '--explain', 'network/physical', '--at', '500', '--format', 'json');
    const out = JSON.parse(r.stdout) as { causeChain: CauseChain };
    expect(out.causeChain.at).toBe(500);
    expect(out.causeChain.steps.map((s) => s.kind)).toEqual(['starting']);
  });
});
