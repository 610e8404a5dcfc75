/**
 * npm run bench [-- --json] [-- --quick]
 *
 * The engine against a baseline measured in the same run (issue 7): full boot
 * to quiescence of the real illumos graphs and of generated layered graphs of
 * 300 … 10,000 services; events per second; peak heap; the same graph booted
 * by the plainest loop that still simulates the same graph — instances
 * resolved as the engine resolves them, the four groupings, the same events
 * per instance, a record per state change (bench/baseline.ts; a unit test
 * checks it brings up exactly the engine's set); re-simulation after one
 * condition change and seek on
 * 1,000 services. Ratios, not absolute numbers, are what to compare across
 * machines.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { simulate } from '../src/engine/simulate.ts';
import { createSeeker } from '../src/engine/seek.ts';
import type { Scenario } from '../src/model/scenario/types.ts';
import { validateScenario } from '../src/model/scenario/validate.ts';
import { baselineBoot } from './baseline.ts';
import { benchExplorer } from './explore-bench.ts';
import { generateLayered } from './generate.ts';
import { fmt, median, timeIt } from './stats.ts';

interface Row {
  readonly input: string;
  readonly services: number;
  readonly instances: number;
  readonly engineMedianMs: number;
  readonly baselineMedianMs: number;
  readonly ratio: number;
  readonly records: number;
  /** State-change records the baseline made (the engine's status records are a subset of `records`). */
  readonly baselineRecords: number;
  readonly eventsPerSecond: number;
  readonly peakHeapMB: number;
  readonly reps: number;
}

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const json = args.includes('--json');

function loadFixture(name: string): Scenario | undefined {
  const p = `fixtures/graphs/${name}.json`;
  if (!existsSync(p)) return undefined;
  const v = validateScenario(JSON.parse(readFileSync(p, 'utf8')) as unknown);
  return v.ok ? v.scenario : undefined;
}

/** Small inputs are warmed up and measured for longer (more runs), so that every size is measured with the JIT settled. */
const BUDGET = quick ? {} : { warmupMs: 500, measureMs: 1000, maxReps: 400 };

function measure(input: string, scenario: Scenario): Row {
  const reps = quick ? 1 : scenario.services.length >= 3000 ? 7 : 15;
  const warmup = quick ? 0 : 3;
  let records = 0;
  let instances = 0;
  let peak = process.memoryUsage().heapUsed;
  // A fresh services array each time: resolution is memoised per array (model/graph/resolve.ts), and a
  // full boot here means all of it, for the engine and the baseline alike.
  const fresh = (): Scenario => ({ ...scenario, services: [...scenario.services] });
  const engine = timeIt(() => {
    const t = simulate(fresh());
    records = t.records.length;
    instances = t.instances.length;
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, reps, warmup, BUDGET);
  let baseRecords = 0;
  const base = timeIt(() => {
    baseRecords = baselineBoot(fresh()).records.length;
  }, reps, warmup, BUDGET);
  const e = median(engine);
  const b = Math.max(median(base), 0.001);
  return {
    input,
    services: scenario.services.length,
    instances,
    engineMedianMs: e,
    baselineMedianMs: b,
    ratio: e / b,
    records,
    baselineRecords: baseRecords,
    eventsPerSecond: records / (e / 1000),
    peakHeapMB: peak / 1024 / 1024,
    reps: engine.length,
  };
}

function reSimulateAndSeek(scenario: Scenario): { medianMs: number; seekMedianMs: number } {
  const reps = quick ? 1 : 15;
  // One condition change: disable a service half way down the graph, then seek to mid-boot.
  const target = scenario.services[Math.floor(scenario.services.length / 2)]?.fmri ?? 'svc:/bench/s0';
  const changed: Scenario = { ...scenario, actions: [{ at: 1, run: `svcadm disable ${target}:default` }] };
  let mid = 0;
  const times = timeIt(() => {
    const t = simulate(changed);
    mid = t.endTime / 2;
    createSeeker(t).atTime(mid);
  }, reps, quick ? 0 : 3, BUDGET);
  const trace = simulate(changed);
  const seeker = createSeeker(trace);
  const seeks = timeIt(() => void seeker.atTime(Math.random() * trace.endTime), quick ? 5 : 200, quick ? 0 : 20);
  return { medianMs: median(times), seekMedianMs: median(seeks) };
}

function main(): void {
  // First, in a fresh process: the explorer's cold run is what a newly started worker does.
  const graph2009 = loadFixture('illumos-2009');
  const explorer = graph2009 === undefined ? undefined : benchExplorer('illumos-2009', graph2009, quick);
  const rows: Row[] = [];
  for (const name of ['illumos-2009', 'illumos-2025']) {
    const s = loadFixture(name);
    if (s !== undefined) rows.push(measure(name, s));
  }
  const sizes = quick ? [300, 1000] : [300, 1000, 3000, 10000];
  for (const n of sizes) rows.push(measure(`generated-${n}`, generateLayered(n)));
  const resim = reSimulateAndSeek(generateLayered(1000));
  const resim300 = reSimulateAndSeek(generateLayered(300));
  const growth = [];
  const gen = rows.filter((r) => r.input.startsWith('generated-'));
  for (let k = 1; k < gen.length; k++) {
    const a = gen[k - 1];
    const b = gen[k];
    if (a === undefined || b === undefined) continue;
    const nlogn = (x: number): number => x * Math.log2(x);
    growth.push({ from: a.services, to: b.services, timeGrowth: b.engineMedianMs / a.engineMedianMs, nLogNGrowth: nlogn(b.services * 4) / nlogn(a.services * 4) });
  }
  const result = {
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGB: Math.round(totalmem() / 1024 ** 3), node: process.version },
    quick,
    boots: rows,
    resimulateAfterToggle1000: resim,
    resimulateAfterToggle300: resim300,
    growth,
    explorer,
    targets: {
      illumos2025UnderFiveMs: rows.find((r) => r.input === 'illumos-2025')?.engineMedianMs,
      tenThousandUnderOneSecond: rows.find((r) => r.input === 'generated-10000')?.engineMedianMs,
      maxRatioToBaseline: Math.max(...rows.map((r) => r.ratio)),
      explore200Boots2009UnderThreeSeconds: explorer === undefined ? undefined : Math.max(explorer.coldMs, explorer.warmMedianMs),
    },
  };
  if (json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const lines = [
    `bootgraph engine benchmark${quick ? ' (quick mode: 1 repetition, small sizes)' : ''} — ${result.machine.cpus} × ${result.machine.cpuModel}, Node ${result.machine.node}`,
    '',
    'input              services  instances  engine (median)  baseline   ratio  records   events/s     peak heap',
  ];
  for (const r of rows) {
    lines.push(
      `${r.input.padEnd(18)} ${String(r.services).padStart(8)} ${String(r.instances).padStart(10)} ${fmt(r.engineMedianMs).padStart(16)} ${fmt(r.baselineMedianMs).padStart(10)} ${(r.ratio.toFixed(1) + '×').padStart(7)} ${String(r.records).padStart(8)} ${Math.round(r.eventsPerSecond).toLocaleString('en-US').padStart(12)} ${(r.peakHeapMB.toFixed(0) + ' MB').padStart(11)}`,
    );
  }
  lines.push('', `re-simulate after one toggle + seek, 1,000 services: ${fmt(resim.medianMs)} (median); seek alone: ${fmt(resim.seekMedianMs)}`);
  lines.push(`re-simulate after one toggle + seek,   300 services: ${fmt(resim300.medianMs)} (median; the issue's one-frame budget is 16 ms in the browser)`);
  if (explorer !== undefined) {
    lines.push(
      `timing explorer, ${explorer.boots} boots of ${explorer.input} (×[0.5, 1.5)): cold ${fmt(explorer.coldMs)}, warm ${fmt(explorer.warmMedianMs)} (median of ${explorer.warmMs.length}; ${fmt(explorer.perBootMs)}/boot), ${explorer.classes} outcome class${explorer.classes === 1 ? '' : 'es'}; target ≤ 3 s: ${Math.max(explorer.coldMs, explorer.warmMedianMs) <= explorer.targetMs ? 'met' : 'missed'}`,
    );
  }
  for (const g of growth) lines.push(`growth ${g.from} → ${g.to}: time ×${g.timeGrowth.toFixed(2)}, (V+E)·log V ×${g.nLogNGrowth.toFixed(2)}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
