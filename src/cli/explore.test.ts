/**
 * `npm run simulate -- <scenario> --explore <N> [--jitter <factor>] [--seed <base>] [--format json]`
 * (issue 17): deterministic outcome classes with counts and each class's seed,
 * and `--seed` replays one boot of a class. Runs the real CLI.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/simulate.ts', ...args], { encoding: 'utf8', cwd: process.cwd() });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

interface ExploreJson {
  boots: number;
  jitter: number;
  baseSeed: number;
  booted: number;
  varying: string[];
  classes: { rank: number; count: number; share: number; seed: number; states: Record<string, string>; seeds: number[] }[];
}

const APP = 'svc:/site/app:default';

describe('npm run simulate -- --explore', () => {
  const json = cli('demo-race-on-a-file', '--explore', '120', '--seed', '40', '--format', 'json');
  const parsed = JSON.parse(json.stdout) as ExploreJson;

  it('prints the outcome classes as JSON with counts and each class seed', () => {
    expect(json.code).toBe(0);
    expect(parsed).toMatchObject({ boots: 120, jitter: 0.5, baseSeed: 40, booted: 120, varying: [APP] });
    expect(parsed.classes.map((c) => c.states[APP]).sort()).toEqual(['maintenance', 'online']);
    expect(parsed.classes.reduce((n, c) => n + c.count, 0)).toBe(120);
    for (const c of parsed.classes) expect(c.seeds[0]).toBe(c.seed);
  });

  it('is deterministic: the same arguments print the same bytes, as text and as JSON', () => {
    expect(cli('demo-race-on-a-file', '--explore', '120', '--seed', '40', '--format', 'json').stdout).toBe(json.stdout);
    const a = cli('demo-race-on-a-file', '--explore', '60', '--jitter', '0.3');
    const b = cli('demo-race-on-a-file', '--explore', '60', '--jitter', '0.3');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it('the text lists one row per class with its count, share and seed', () => {
    const r = cli('demo-race-on-a-file', '--explore', '120', '--seed', '40');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Explored 120 boots of "Two services racing on a file": method durations ×[0.5, 1.5), seeds 40–159.');
    expect(lines).toContain('CLASS  BOOTS  SHARE  SEED  OUTCOME');
    for (const c of parsed.classes) {
      const row = lines.find((l) => l.startsWith(`${c.rank}  `));
      expect(row).toMatch(new RegExp(`^${c.rank}\\s+${c.count}\\s+${(c.share * 100).toFixed(1)}%\\s+${c.seed}\\s+site/app:default ${c.states[APP] ?? ''}$`));
    }
  });

  it("--seed replays a class's boot to the class's outcome", () => {
    for (const c of parsed.classes) {
      const one = JSON.parse(cli('demo-race-on-a-file', '--seed', String(c.seed), '--jitter', '0.5', '--format', 'json').stdout) as { final: Record<string, { state: string }> };
      expect(one.final[APP]?.state).toBe(c.states[APP]);
    }
  });

  it('bad values exit 2 with one line and usage', () => {
    for (const [args, message] of [
      [['--explore', 'many'], '--explore must be a number of boots, not "many"'],
      [['--explore', '0'], '--explore: the number of boots must be a whole number from 1 to 100000, not 0'],
      [['--explore', '10', '--jitter', '2'], '--jitter must be a factor in [0, 1)'],
      [['--jitter', '0.2'], '--jitter needs --seed <n>'],
      [['--explore', '10', '--explain', 'site/app'], '--explore cannot be combined with --explain'],
    ] as const) {
      const r = cli('demo-race-on-a-file', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n')[0]).toContain(`simulate: ${message}`);
    }
  });
});
