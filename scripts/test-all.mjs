#!/usr/bin/env node
// `npm test`: everything, in order, stopping at the first failure:
// typecheck → lint → dead exports (knip) → unit (vitest) → bench quick mode → e2e (Playwright in Debian Chromium)
// → UI bench quick mode (its own build and port; no timing is asserted, it only must run).
import { spawnSync } from 'node:child_process';

const steps = [
  ['typecheck', 'npm', ['run', '-s', 'typecheck']],
  ['lint', 'npm', ['run', '-s', 'lint']],
  ['knip (dead exports and files)', 'npx', ['knip']],
  ['unit', 'npx', ['vitest', 'run']],
  ['bench (quick)', 'npx', ['tsx', 'bench/engine-bench.ts', '--quick']],
  ['bench:restarter (quick)', 'npx', ['tsx', 'bench/restarter-bench.ts', '--quick']],
  ['e2e', 'npm', ['run', '-s', 'test:e2e']],
  ['bench:ui (quick)', 'npm', ['run', '-s', 'bench:ui', '--', '--quick']],
];

const only = process.env.BOOTGRAPH_TEST_STEPS?.split(',');
for (const [name, cmd, args] of steps) {
  if (only && !only.includes(name.split(' ')[0])) continue;
  const started = Date.now();
  console.info(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, CI: process.env.CI ?? '1' } });
  if (r.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
  console.info(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
console.info('\nAll checks passed.');
