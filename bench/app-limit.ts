/**
 * How big a graph the app holds (issue 15: "the app either stays responsive
 * — no main-thread task over 200 ms while stepping or scrubbing — up to the
 * largest size it accepts, or refuses the scenario up front"). Opens
 * generated layered scenarios of growing size in the production build (Debian
 * Chromium), in the view a user gets (`story`) and with every service drawn
 * (`none`), then scrubs across the whole timeline and steps event by event,
 * and reports the longest main-thread task of each: its wall time (the Long
 * Tasks API) and, from a trace, the longest task's CPU time — the main
 * thread's own work, which is what the wall time is on an idle machine (on a
 * shared one a task's wall time includes waiting for a core). A size holds
 * when no task while scrubbing or stepping takes over 200 ms of CPU; the
 * wall times and the load average are printed beside it.
 *
 *   npm run bench:limit [-- --sizes=1000,2000,5000] [-- --views=story,none] [-- --json]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import type { CollapseMode } from '../src/graph-view/collapse.ts';
import { APP_SERVICE_LIMIT } from '../src/model/scenario/limits.ts';
import { generateServices } from './generate.ts';
import { installProbe, openScenario, scrubTimeline, type LongTask } from './ui/page.ts';
import { buildApp, startPreview } from './ui/server.ts';
import { withTaskTimes, type TaskTime } from './ui/task-times.ts';

const argv = process.argv.slice(2);
const arg = (name: string): string | undefined => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const json = argv.includes('--json');
const sizes = (arg('sizes') ?? `1000,2000,3000,${APP_SERVICE_LIMIT}`).split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
const views = (arg('views') ?? 'story,none').split(',') as CollapseMode[];
const chromiumPath = process.env.BOOTGRAPH_CHROMIUM ?? '/usr/bin/chromium';
const TARGET_MS = 200;
const SCRUB_STEPS = 30;
const STEPS = 30;

interface Row {
  readonly services: number;
  readonly view: CollapseMode;
  readonly nodesDrawn: number;
  readonly openLongestMs: number;
  /** Wall time of the longest task (Long Tasks API). */
  readonly scrubLongestMs: number;
  readonly stepLongestMs: number;
  /** CPU time of the task that took the most CPU (trace). */
  readonly scrubCpuMs: number;
  readonly stepCpuMs: number;
  readonly holds: boolean;
}

const longest = (ls: readonly LongTask[]): number => Math.round(Math.max(0, ...ls.map((l) => l.dur)));
const mostCpu = (ts: readonly TaskTime[]): number => Math.round(Math.max(0, ...ts.map((t) => t.cpuMs)));

/** Step forward event by event, a frame each, and collect the long tasks meanwhile. */
async function stepEvents(args: { steps: number }): Promise<LongTask[]> {
  const b = window.__BOOTGRAPH__;
  const probe = window.__bench;
  if (b === undefined || probe === undefined) throw new Error('no bridge or probe');
  b.setPlayhead(0);
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const t0 = performance.now();
  for (let i = 0; i < args.steps; i++) {
    b.stepForward();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  }
  const t1 = performance.now();
  await new Promise((r) => setTimeout(r, 150));
  return probe.long.filter((e) => e.start >= t0 && e.start <= t1);
}

async function measure(browser: Browser, base: string, n: number, view: CollapseMode): Promise<Row> {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await ctx.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  await ctx.addInitScript(installProbe);
  const page = await ctx.newPage();
  try {
    await page.goto(`${base}/?preset=demo-restart-on`);
    await page.waitForFunction(() => window.__bench?.laidOut !== undefined, null, { timeout: 120_000, polling: 100 });
    const s = generateServices(n);
    const open = await page.evaluate(openScenario, { json: s, name: s.name, collapse: view, timeoutMs: 600_000 });
    await page.waitForTimeout(500);
    const scrub = await withTaskTimes(browser, page, () => page.evaluate(scrubTimeline, { steps: SCRUB_STEPS }));
    const step = await withTaskTimes(browser, page, () => page.evaluate(stepEvents, { steps: STEPS }));
    const scrubCpuMs = mostCpu(scrub.tasks);
    const stepCpuMs = mostCpu(step.tasks);
    return {
      services: n,
      view,
      nodesDrawn: open.nodes,
      openLongestMs: longest(open.long),
      scrubLongestMs: longest(scrub.result.long),
      stepLongestMs: longest(step.result),
      scrubCpuMs,
      stepCpuMs,
      holds: scrubCpuMs <= TARGET_MS && stepCpuMs <= TARGET_MS,
    };
  } finally {
    await ctx.close();
  }
}

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'bootgraph-limit-'));
  const log = (m: string): void => {
    if (!json) process.stderr.write(`… ${m}\n`);
  };
  log('building the production bundle (vite build --mode e2e)');
  buildApp(outDir);
  const preview = await startPreview(outDir);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const loadBefore = loadavg()[0] ?? 0;
  const rows: Row[] = [];
  try {
    for (const n of sizes) {
      for (const view of views) {
        log(`${n} services, view ${view}`);
        rows.push(await measure(browser, preview.url, n, view));
      }
    }
  } finally {
    await browser.close();
    await preview.stop();
    rmSync(outDir, { recursive: true, force: true });
  }
  const loadAfter = loadavg()[0] ?? 0;
  if (json) {
    process.stdout.write(`${JSON.stringify({ targetMs: TARGET_MS, appLimit: APP_SERVICE_LIMIT, load: [loadBefore, loadAfter], rows }, null, 2)}\n`);
    return;
  }
  const lines = [
    `app responsiveness by size (issue 15): longest main-thread task while scrubbing ${SCRUB_STEPS} positions and stepping ${STEPS} events, CPU time (wall time); target ≤ ${TARGET_MS} ms of CPU; the app accepts ${APP_SERVICE_LIMIT.toLocaleString('en-US')} services`,
    `load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)} on this machine (wall times grow with it; CPU times do not)`,
    'services  view   nodes drawn  open longest (wall)  scrub longest: CPU (wall)  step longest: CPU (wall)  holds',
    ...rows.map((r) =>
      [
        String(r.services).padStart(8),
        r.view.padEnd(6),
        String(r.nodesDrawn).padStart(11),
        `${r.openLongestMs} ms`.padStart(19),
        `${r.scrubCpuMs} ms (${r.scrubLongestMs} ms)`.padStart(25),
        `${r.stepCpuMs} ms (${r.stepLongestMs} ms)`.padStart(24),
        r.holds ? ' yes' : ' NO',
      ].join('  '),
    ),
  ];
  const held = rows.filter((r) => r.view === views[0] && r.holds).map((r) => r.services);
  lines.push(`largest size that holds in the "${views[0]}" view: ${held.length === 0 ? 'none measured' : Math.max(...held).toLocaleString('en-US')} (ratio to the app's limit ${held.length === 0 ? '—' : (Math.max(...held) / APP_SERVICE_LIMIT).toFixed(2)})`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
