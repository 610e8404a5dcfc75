/**
 * `npm run test:hostile`: the hostile-input suite at full size (issue 15).
 * Every generator of src/testing/hostile.ts at 100,000 services, plus the
 * oversized and deeply nested inputs, through the real simulate CLI (a child
 * process per case, capped at 2 GB of heap). Each case must give its result
 * (exit 0, quiescent) or a one-line refusal (exit 2) within its time budget;
 * the table shows wall time, CPU time and peak memory. Mid sizes of the same cases run
 * in `npx vitest` (src/testing/hostile.test.ts, src/cli/hostile-cli.test.ts).
 *
 *   npm run test:hostile [-- --size 20000] [-- --only chain]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brokenChain, chain, cycle, deepJsonText, fanIn, fanOut, flat, oversizedString } from '../src/testing/hostile.ts';

const argv = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const N = Number(opt('--size') ?? 100_000);
const only = opt('--only');
const BUDGET_MS = Number(opt('--budget') ?? 180_000);

interface Case {
  readonly name: string;
  readonly text: () => string;
  /** 0: simulated to quiescence; 2: refused with one line. */
  readonly expect: 0 | 2;
}

const big = N.toLocaleString('en-US');
const cases: Case[] = [
  { name: `flat ${big}`, text: () => JSON.stringify(flat(N)), expect: 0 },
  { name: `chain ${big}, dependencies first`, text: () => JSON.stringify(chain(N, 'dependencies-first')), expect: 0 },
  { name: `chain ${big}, dependents first`, text: () => JSON.stringify(chain(N, 'dependents-first')), expect: 0 },
  { name: `broken chain ${big}, dependencies first`, text: () => JSON.stringify(brokenChain(N, 'dependencies-first')), expect: 0 },
  { name: `broken chain ${big}, dependents first`, text: () => JSON.stringify(brokenChain(N, 'dependents-first')), expect: 0 },
  { name: `cycle ${big}`, text: () => JSON.stringify(cycle(N)), expect: 0 },
  { name: `fan-in ${big} on a missing service`, text: () => JSON.stringify(fanIn(N)), expect: 0 },
  // One service on N − 1 others: N services in all (fanOut(N) would be N + 1, one over the CLI's limit at 100,000).
  { name: `fan-out 1 on ${(N - 1).toLocaleString('en-US')}`, text: () => JSON.stringify(fanOut(N - 1)), expect: 0 },
  { name: 'deep JSON (1,000,000 levels)', text: () => deepJsonText(1_000_000), expect: 2 },
  { name: 'name of 40,000,000 characters', text: () => JSON.stringify(oversizedString('name', 40_000_000)), expect: 2 },
  { name: `${(N + 1).toLocaleString('en-US')} services`, text: () => JSON.stringify(flat(N + 1)), expect: N + 1 > 100_000 ? 2 : 0 },
];

const dir = mkdtempSync(join(tmpdir(), 'bootgraph-hostile-'));
const rows: string[][] = [];
let failed = 0;
try {
  for (const c of cases) {
    if (only !== undefined && !c.name.includes(only)) continue;
    const path = join(dir, 'case.json');
    const text = c.text();
    writeFileSync(path, text);
    const started = performance.now();
    const r = spawnSync(process.execPath, ['--max-old-space-size=2048', '--import', 'tsx', 'scripts/hostile-child.ts', path], {
      encoding: 'utf8',
      timeout: BUDGET_MS,
      maxBuffer: 1024 * 1024 * 1024,
    });
    const ms = performance.now() - started;
    const rss = /hostile: maxrss (\d+) KB/.exec(r.stderr ?? '')?.[1];
    const cpu = /hostile: maxrss \d+ KB cpu ([\d.]+) s/.exec(r.stderr ?? '')?.[1];
    // The CLI's own messages (notes about the trace may span lines: a dependency cycle lists its hops).
    const messages = (r.stderr ?? '').split('\n').filter((l) => l.startsWith('simulate: ') || /^\s+at /.test(l));
    const stopped = /\(stopped at .*events remained\)/.test(r.stdout ?? '');
    let verdict = 'ok';
    if (r.error !== undefined) verdict = `FAIL: ${r.error.message.includes('ETIMEDOUT') ? `no result within ${BUDGET_MS / 1000} s` : r.error.message}`;
    else if (r.status !== c.expect) verdict = `FAIL: exit ${r.status ?? r.signal}, expected ${c.expect}${messages[0] === undefined ? '' : ` (${messages[0].slice(0, 120)})`}`;
    else if (c.expect === 2 && messages.length !== 1) verdict = `FAIL: ${messages.length} lines on stderr, expected one`;
    else if (c.expect === 0 && stopped) verdict = 'FAIL: stopped before quiescence';
    if (verdict !== 'ok') failed++;
    rows.push([c.name, `${(text.length / 1e6).toFixed(1)} MB`, `exit ${r.status ?? '-'}`, `${(ms / 1000).toFixed(1)} s`, cpu === undefined ? '-' : `${cpu} s`, rss === undefined ? '-' : `${Math.round(Number(rss) / 1024)} MB`, c.expect === 2 ? (messages[0] ?? '').slice(0, 90) : verdict]);
    console.info(rows[rows.length - 1]?.join(' | '));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.info('\n| case | input | exit | wall | CPU | peak RSS | result |\n|---|---|---|---|---|---|---|');
for (const row of rows) console.info(`| ${row.join(' | ')} |`);
if (failed > 0) {
  console.error(`\n${failed} hostile case(s) failed`);
  process.exit(1);
}
console.info('\nAll hostile cases gave a result or a one-line refusal.');
