/**
 * npx tsx bench/ui-profile.ts [open|play|scrub|resim|toggle|cold|import] [1000|2025|<n>] [--top=40] [--trace [--calling=<function> | --timeline [--min=1]]] [--longest | --task=<k>|<function> | --each]
 *
 * Where the main thread's time goes (a helper for the UI benchmark, not part
 * of it): builds the bundle unminified (VITE_E2E=1, --minify false) so that
 * function names survive, opens the app in Chromium, records a CPU profile
 * (CDP Profiler) around one action, and prints self and inclusive time per
 * function. Sampling profiles are approximate; use them to find the hot
 * spot, then measure with `npm run bench:ui`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import type { CollapseMode } from '../src/graph-view/collapse.ts';
import { manifestsOf } from './generate-manifests.ts';
import { generateServices } from './generate.ts';
import { importedGraphDrawn, installProbe, interveneAt, openScenario, pickFiles, playBoot, scrubTimeline, toggleVerbose } from './ui/page.ts';
import { startPreview, TRIVIAL_PAGE } from './ui/server.ts';
import { writeFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [action = 'open', what = '1000'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const top = Number(/--top=(\d+)/.exec(process.argv.join(' '))?.[1] ?? 40);

function scenario(): { json: unknown; name: string } {
  if (what === '2025') {
    const j = JSON.parse(readFileSync('fixtures/graphs/illumos-2025.json', 'utf8')) as { name: string };
    return { json: j, name: j.name };
  }
  const s = generateServices(Number(what));
  return { json: s, name: s.name };
}

/** `window`: only samples whose page time (ms since navigation) falls in it; `pageAt`: page time of the profile's start. */
function summarise(p: Profile, window?: { from: number; to: number; pageAt: number }): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  let at = 0;
  p.samples.forEach((id, i) => {
    const d = (p.timeDeltas[i] ?? 0) / 1000;
    at += d;
    if (window !== undefined && (window.pageAt + at < window.from || window.pageAt + at > window.to)) return;
    self.set(id, (self.get(id) ?? 0) + d);
  });
  const key = (n: ProfileNode): string => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}`;
  const selfBy = new Map<string, number>();
  const inclBy = new Map<string, number>();
  for (const [id, ms] of self) {
    const n = byId.get(id);
    if (n === undefined) continue;
    selfBy.set(key(n), (selfBy.get(key(n)) ?? 0) + ms);
    // inclusive: every distinct function on the stack
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const c = byId.get(cur);
      if (c === undefined) break;
      const k = key(c);
      if (seen.has(k)) continue;
      seen.add(k);
      inclBy.set(k, (inclBy.get(k) ?? 0) + ms);
    }
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fmtRows = (m: Map<string, number>): string[] =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `${v.toFixed(1).padStart(9)} ms  ${k}`);
  return [`total sampled ${total.toFixed(0)} ms`, '', 'self time:', ...fmtRows(selfBy), '', 'inclusive time:', ...fmtRows(inclBy)].join('\n');
}

/** Time (ms from the profile's start) of the first sample with a function of this name on its stack. */
function firstSampleOf(p: Profile, name: string): number | undefined {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  let at = 0;
  for (let i = 0; i < p.samples.length; i++) {
    at += (p.timeDeltas[i] ?? 0) / 1000;
    for (let cur: number | undefined = p.samples[i]; cur !== undefined; cur = parent.get(cur)) {
      if (byId.get(cur)?.callFrame.functionName === name) return at;
    }
  }
  return undefined;
}

/** The stretch of non-idle samples around `at` (ms from the profile's start), in page time: about the task running then. */
function busyAround(p: Profile, at: number, pageAt: number): { start: number; dur: number } | undefined {
  const idle = new Set(p.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  const times: number[] = [];
  let t = 0;
  for (let i = 0; i < p.samples.length; i++) {
    t += (p.timeDeltas[i] ?? 0) / 1000;
    times.push(t);
  }
  const k = times.findIndex((x) => x >= at);
  if (k < 0) return undefined;
  let a = k;
  let b = k;
  while (a > 0 && !idle.has(p.samples[a - 1] ?? -1)) a--;
  while (b < p.samples.length - 1 && !idle.has(p.samples[b + 1] ?? -1)) b++;
  const from = times[a] ?? at;
  return { start: pageAt + from, dur: (times[b] ?? at) - from };
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, µs. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { functionName?: string; url?: string; type?: string } };
}

/**
 * Main-thread tasks over 50 ms, and inside each the self time of the event kinds (JS by function).
 * `calling`: instead, every task (of any length) that calls a function of that name.
 */
function longTaskBreakdown(trace: { traceEvents: TraceEvent[] }, calling?: string): string {
  const ev = trace.traceEvents;
  const main = ev.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (main === undefined) return 'no renderer main thread in the trace';
  const onMain = ev.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const calls = (t: TraceEvent): boolean => onMain.some((e) => e.name === 'FunctionCall' && e.args?.data?.functionName === calling && e.ts >= t.ts && e.ts <= t.ts + (t.dur ?? 0));
  const tasks = onMain.filter((e) => e.name === 'RunTask' && (calling === undefined ? (e.dur ?? 0) > 50_000 : calls(e)));
  const out: string[] = [calling === undefined ? `${tasks.length} tasks over 50 ms` : `${tasks.length} tasks calling ${calling}`];
  for (const t of tasks) {
    const end = t.ts + (t.dur ?? 0);
    const inner = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= end);
    const by = selfTimeByKind(inner.filter((e) => e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask'));
    const top = [...by.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${(v / 1000).toFixed(0)}`);
    out.push(`${((t.dur ?? 0) / 1000).toFixed(0).padStart(5)} ms: ${top.join(' | ')}`);
  }
  return out.join('\n');
}

/**
 * Self time (µs) of each kind of work among `inner` (the trace events inside one task): an event's duration minus
 * its direct children's, keyed by the event's name and, for calls, events and timers, their type and function.
 */
function selfTimeByKind(inner: readonly TraceEvent[]): Map<string, number> {
  const by = new Map<string, number>();
  for (const e of inner) {
    const kids = inner.filter((c) => c !== e && c.ts >= e.ts && c.ts + (c.dur ?? 0) <= e.ts + (e.dur ?? 0));
    let child = 0;
    let edge = e.ts;
    for (const c of kids) {
      if (c.ts < edge) continue;
      child += c.dur ?? 0;
      edge = c.ts + (c.dur ?? 0);
    }
    const fn = e.args?.data?.functionName;
    const key = e.name === 'FunctionCall' || e.name === 'EventDispatch' || e.name === 'TimerFire' || e.name === 'FireAnimationFrame' ? `${e.name}${e.args?.data?.type !== undefined ? `(${e.args.data.type})` : ''}${fn !== undefined && fn !== '' ? ` ${fn}` : ''}` : e.name;
    by.set(key, (by.get(key) ?? 0) + Math.max(0, (e.dur ?? 0) - child));
  }
  return by;
}

/**
 * `--timeline`: every task of the renderer's main thread and of its workers
 * (the simulation worker included) over the traced action, in time order, with
 * the kinds of work inside each: where an intervention's time to the next
 * frame goes (the worker's simulation, the message's crossing, React, Cytoscape).
 */
function taskTimeline(trace: { traceEvents: TraceEvent[] }, minMs: number): string {
  const ev = trace.traceEvents;
  const names = new Map<string, string>();
  for (const e of ev) if (e.name === 'thread_name' && e.args?.name !== undefined) names.set(`${e.pid}:${e.tid}`, e.args.name);
  const main = ev.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (main === undefined) return 'no renderer main thread in the trace';
  const threads = [...names.entries()].filter(([k, n]) => k.startsWith(`${main.pid}:`) && (n === 'CrRendererMain' || n.includes('Worker')));
  const rows: { ts: number; line: string }[] = [];
  const t0 = Math.min(...ev.filter((e) => e.ph === 'X' && e.pid === main.pid).map((e) => e.ts));
  for (const [key, name] of threads) {
    const on = ev.filter((e) => `${e.pid}:${e.tid}` === key && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    for (const t of on.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) >= minMs * 1000)) {
      const end = t.ts + (t.dur ?? 0);
      const by = selfTimeByKind(on.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= end && e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask'));
      const top = [...by.entries()].filter(([, v]) => v >= 500).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`);
      const at = ((t.ts - t0) / 1000).toFixed(1).padStart(7);
      const cpu = `cpu ${((t.tdur ?? t.dur ?? 0) / 1000).toFixed(1).padStart(6)} ms`;
      rows.push({ ts: t.ts, line: `${at} ms  ${(name === 'CrRendererMain' ? 'main' : 'worker').padEnd(6)} ${((t.dur ?? 0) / 1000).toFixed(1).padStart(6)} ms  ${cpu}  ${top.join(' | ')}` });
    }
  }
  return ['at (from the first traced event) · thread · task (wall) · its CPU time · its biggest kinds of work (ms, wall)', ...rows.sort((a, b) => a.ts - b.ts).map((r) => r.line)].join('\n');
}

/** The manifests of a generated graph through the Import button's input, to the imported graph laid out; the main thread's long tasks meanwhile. */
async function importThroughInput(page: Page, n: number): Promise<{ ms: number; long: { start: number; dur: number }[] }> {
  const files = manifestsOf(generateServices(n));
  const before = await page.evaluate(() => window.__BOOTGRAPH__?.scenarioName());
  await page.getByTestId('import.open').hover();
  const t0 = await page.evaluate(pickFiles, { files });
  await page.waitForFunction(importedGraphDrawn, before, { timeout: 240_000, polling: 50 });
  return page.evaluate((from) => ({ ms: performance.now() - from, long: (window.__bench?.long ?? []).filter((l) => l.start >= from) }), t0);
}

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'bootgraph-ui-profile-'));
  const r = spawnSync('npx', ['vite', 'build', '--mode', 'e2e', '--minify', 'false', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, VITE_E2E: '1' },
  });
  if (r.status !== 0) throw new Error('build failed');
  writeFileSync(`${outDir}/${TRIVIAL_PAGE}`, '<!doctype html><title>t</title><body data-ready="1"></body>');
  const preview = await startPreview(outDir);
  const browser = await chromium.launch({ executablePath: process.env.BOOTGRAPH_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 800 } });
    await ctx.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
    await ctx.addInitScript(installProbe);
    const page = await ctx.newPage();
    page.on('pageerror', (e) => console.error(String(e)));
    if (action === 'cold' && process.argv.includes('--trace')) {
      // The cold load's tasks over 50 ms, each with the time of its biggest kinds of work.
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'] });
      await page.goto(`${preview.url}/`);
      await page.waitForFunction(() => window.__bench?.laidOut !== undefined, null, { timeout: 60_000 });
      const buf = await browser.stopTracing();
      const probe = await page.evaluate(() => window.__bench);
      console.info(JSON.stringify({ drawn: probe?.drawn, laidOut: probe?.laidOut }));
      console.info(longTaskBreakdown(JSON.parse(buf.toString('utf8')) as { traceEvents: TraceEvent[] }));
      return;
    }
    if (action === 'cold') {
      // The cold load of the default scenario, from navigation to the final layout.
      const cdp0 = await ctx.newCDPSession(page);
      await cdp0.send('Profiler.enable');
      await cdp0.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp0.send('Profiler.start');
      await page.goto(`${preview.url}/`);
      await page.waitForFunction(() => window.__bench?.laidOut !== undefined, null, { timeout: 60_000 });
      const { profile } = (await cdp0.send('Profiler.stop')) as unknown as { profile: Profile };
      const probe = await page.evaluate(() => window.__bench);
      console.info(JSON.stringify({ drawn: probe?.drawn, laidOut: probe?.laidOut, long: probe?.long.map((l) => `${l.start.toFixed(0)}:${l.dur.toFixed(0)}`).join(' ') }));
      const from = Number(/--from=(\d+)/.exec(process.argv.join(' '))?.[1] ?? NaN);
      const to = Number(/--to=(\d+)/.exec(process.argv.join(' '))?.[1] ?? NaN);
      // The profile starts before navigation; page time 0 is about the navigation start.
      console.info(summarise(profile, Number.isFinite(from) && Number.isFinite(to) ? { from, to, pageAt: 0 } : undefined));
      return;
    }
    await page.goto(`${preview.url}/`);
    await page.waitForFunction(() => window.__bench?.laidOut !== undefined, null, { timeout: 60_000 });
    const s = scenario();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    // --collapse=story profiles the view a user gets (default: every service drawn).
    const collapse = (/--collapse=(\w+)/.exec(process.argv.join(' '))?.[1] ?? 'none') as CollapseMode;
    if (action !== 'open' && action !== 'import' && action !== 'toggle') await page.evaluate(openScenario, { json: s.json, name: s.name, collapse, timeoutMs: 120_000 });
    if (action === 'open' || action === 'import') {
      await page.evaluate(() => window.__BOOTGRAPH__?.setCollapse('none'));
      await page.waitForFunction(() => window.__BOOTGRAPH__?.layoutInfo()?.done === true && window.__BOOTGRAPH__.layoutInfo()?.nodes === window.__BOOTGRAPH__.nodeCount());
    }
    await page.waitForTimeout(500);
    // An intervention halfway through the boot, as bench:ui's: the playhead is moved there first, outside the measurement.
    const at = action === 'resim' ? Math.round((await page.evaluate(() => window.__BOOTGRAPH__?.endTime() ?? 0)) / 2) : 0;
    if (action === 'resim') {
      await page.evaluate((t) => window.__BOOTGRAPH__?.setPlayhead(t), at);
      await page.waitForTimeout(300);
    }
    if (process.argv.includes('--trace')) {
      // Tasks over 50 ms on the main thread, each with the time of its biggest kinds of work.
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'] });
      const summaryT = action === 'open'
        ? await page.evaluate(openScenario, { json: s.json, name: s.name, timeoutMs: 120_000 })
        : action === 'import'
          ? await importThroughInput(page, Number(what))
          : action === 'play'
          ? await page.evaluate(playBoot, { playMs: 3000, windowMs: 3000, timeoutMs: 120_000 })
          : action === 'resim'
            ? await page.evaluate(interveneAt, { t: at, command: 'svcadm disable svc:/bench/s150:default' })
            : action === 'toggle'
              ? await toggleVerbose(page)
              : await page.evaluate(scrubTimeline, { steps: 30 });
      const buf = await browser.stopTracing();
      console.info(JSON.stringify(summaryT, (k, v: unknown) => (k === 'deltas' || k === 'perStep' ? `[${(v as number[]).length} values]` : v)).slice(0, 600));
      // --calling=<function>: the tasks that call it (e.g. port.onmessage: the run arriving from the simulation worker).
      const calling = /--calling=(\S+)/.exec(process.argv.join(' '))?.[1];
      const traced = JSON.parse(buf.toString('utf8')) as { traceEvents: TraceEvent[] };
      if (process.argv.includes('--timeline')) console.info(taskTimeline(traced, Number(/--min=([\d.]+)/.exec(process.argv.join(' '))?.[1] ?? 1)));
      else console.info(longTaskBreakdown(traced, calling));
      return;
    }
    await cdp.send('Profiler.start');
    const pageAt = await page.evaluate(() => performance.now());
    let summary: unknown;
    if (action === 'open') summary = await page.evaluate(openScenario, { json: s.json, name: s.name, timeoutMs: 120_000 });
    else if (action === 'import') summary = await importThroughInput(page, Number(what));
    else if (action === 'play') summary = await page.evaluate(playBoot, { playMs: 3000, windowMs: 3000, timeoutMs: 120_000 });
    else if (action === 'resim') summary = await page.evaluate(interveneAt, { t: at, command: 'svcadm disable svc:/bench/s150:default' });
    else if (action === 'toggle') summary = await toggleVerbose(page);
    else summary = await page.evaluate(scrubTimeline, { steps: 30 });
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const brief = JSON.stringify(summary, (k, v: unknown) => (k === 'deltas' || k === 'perStep' ? `[${(v as number[]).length} values]` : v));
    console.info(brief.slice(0, 1500));
    const long = (summary as { long?: { start: number; dur: number }[] }).long ?? [];
    // --task=<k>: the k-th task over 50 ms (0-based, in time order) instead of the longest;
    // --task=<name>: the task over 50 ms in which a function of that name was first sampled.
    const nth = /--task=(\S+)/.exec(process.argv.join(' '))?.[1];
    const pick = (): { start: number; dur: number } | undefined => {
      if (nth === undefined) return [...long].sort((a, b) => b.dur - a.dur)[0];
      if (/^\d+$/.test(nth)) return long[Number(nth)];
      const at = firstSampleOf(profile, nth);
      if (at === undefined) return undefined;
      // A task under 50 ms is not reported as a long task: the busy stretch of samples around the function's first sample.
      return long.find((l) => pageAt + at >= l.start && pageAt + at <= l.start + l.dur) ?? busyAround(profile, at, pageAt);
    };
    const worst = pick();
    if (process.argv.includes('--each')) {
      // --each: every task over 50 ms in turn, each with its own functions (where a series of frames differs).
      for (const [k, l] of long.entries()) {
        console.info(`\ntask ${k}: ${l.dur.toFixed(0)} ms at ${l.start.toFixed(0)}`);
        console.info(summarise(profile, { from: l.start, to: l.start + l.dur, pageAt }));
      }
    } else if ((process.argv.includes('--longest') || nth !== undefined) && worst !== undefined) {
      console.info(`only the ${nth === undefined ? 'longest task' : `task ${nth}`}: ${worst.dur.toFixed(0)} ms at ${worst.start.toFixed(0)}`);
      console.info(summarise(profile, { from: worst.start, to: worst.start + worst.dur, pageAt }));
    } else console.info(summarise(profile));
  } finally {
    await browser.close();
    await preview.stop();
    rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
