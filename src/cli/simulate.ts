/**
 * npm run simulate -- <scenario.json | preset> [--format svcs|json|perfetto] [--until <ms>]
 *                     [--explain <fmri> [--at <ms>]] [--milestone <m>]
 *                     [--manifests <file-or-dir>... [--profile <file>]...]
 *
 * Runs the same engine as the browser. Bad input exits 2 with one line naming
 * the file, the JSON path and the problem; no stack traces.
 */
import { causeChain } from '../engine/cause-chain.ts';
import { explain, explainAll } from '../engine/explain.ts';
import { createSeeker } from '../engine/seek.ts';
import { simulate } from '../engine/simulate.ts';
import { formatSvcsTable } from '../engine/svcs-format.ts';
import type { Trace } from '../engine/trace.ts';
import { canonicalFmri } from '../model/smf/fmri.ts';
import type { Scenario } from '../model/scenario/types.ts';
import { resolveMilestoneName } from '../model/scenario/validate.ts';
import { flag, nonNegativeInt, parseArgs, UsageError } from './args.ts';
import { InputError, loadScenario } from './load-scenario.ts';
import { presets } from '../scenarios/catalog.ts';
import { loadManifestScenario } from './manifests.ts';
import { renderCompare } from './compare-output.ts';
import { runExplore, timingArgs } from './explore-command.ts';
import { traceEventsText } from '../export/trace-events.ts';
import { renderCauseChain } from './cause-chain-output.ts';
import { findHazards } from '../engine/hazards.ts';
import { hazardsJson, renderHazards } from './hazards-output.ts';
import { jsonSafe, quietOnClosedPipe, writeErr, writeOut } from './terminal.ts';

const USAGE = `usage: npm run simulate -- <scenario.json | preset> [--format svcs|json|perfetto] [--until <ms>]
                            [--explain <fmri> [--at <ms>]] [--milestone <milestone>]
                            [--compare <scenario.json | preset | next-boot>]
                            [--seed <n> [--jitter <factor>]]
       npm run simulate -- <scenario.json | preset> --hazards [--format json]
       npm run simulate -- <scenario.json | preset> --explore <N> [--jitter <factor>] [--seed <base>] [--format json]
       npm run simulate -- --manifests <file-or-directory>... [--profile <file>]... [options]
       npm run simulate -- --list`;

export function jsonOutput(trace: Trace): unknown {
  const seeker = createSeeker(trace);
  const final = seeker.atIndex(trace.records.length - 1);
  const finalObj: Record<string, { state: string; since: number; next?: string }> = {};
  for (const i of trace.instances) {
    const s = final.get(i.fmri);
    if (s === undefined || !s.present) continue;
    finalObj[i.fmri] = { state: s.state, since: s.since, ...(s.next === 'none' ? {} : { next: s.next }) };
  }
  const events = [];
  const methods = [];
  for (const r of trace.records) {
    if (r.kind === 'status' && r.from !== r.to) events.push({ t: r.t, fmri: r.fmri, from: r.from, to: r.to, reason: r.reason });
    if (r.kind === 'method') {
      methods.push({ t: r.t, fmri: r.fmri, method: r.method, phase: r.phase, attempt: r.attempt, exec: r.exec, ...(r.exit === undefined ? {} : { exit: r.exit }) });
    }
  }
  return {
    scenario: trace.scenarioName,
    milestone: trace.milestone,
    endTime: trace.endTime,
    quiescent: trace.quiescent,
    final: finalObj,
    events,
    methods,
    actions: trace.records.filter((r) => r.kind === 'action').map((r) => (r.kind === 'action' ? { t: r.t, command: r.command, ok: r.ok, output: r.output } : {})),
    console: trace.console.map((c) => ({ t: c.t, text: c.text, ...(c.fmri === undefined ? {} : { fmri: c.fmri }) })),
    // Each instance's service log (/var/svc/log/<fmri>.log or /etc/svc/volatile/…), line by line.
    logs: serviceLogs(trace),
    // The world as it changes: where it started, each change, where it ended (files, /dev links,
    // mounts, NICs, IPMP groups and their addresses, repository layers, boot environments).
    world: {
      initial: trace.worldInitial ?? null,
      changes: trace.records.filter((r) => r.kind === 'world').map((r) => (r.kind === 'world' ? { t: r.t, ...r.change } : {})),
      final: trace.worldFinal ?? null,
    },
    milestones: trace.records.filter((r) => r.kind === 'milestone').map((r) => (r.kind === 'milestone' ? { t: r.t, milestone: r.milestone, reached: r.reached, ...(r.persistent === true ? { persistent: true } : {}) } : {})),
    diagnostics: trace.diagnostics,
  };
}

function serviceLogs(trace: Trace): Record<string, { t: number; text: string }[]> {
  const out: Record<string, { t: number; text: string }[]> = {};
  for (const l of trace.logs) (out[l.fmri] ??= []).push({ t: l.t, text: l.text });
  return out;
}

function resolveInstance(trace: Trace, text: string): string {
  const canon = canonicalFmri(text.startsWith('svc:') ? text : `svc:/${text}`);
  if (canon !== undefined && trace.instances.some((i) => i.fmri === canon)) return canon;
  const withDefault = canon !== undefined && !canon.slice(5).includes(':') ? `${canon}:default` : undefined;
  if (withDefault !== undefined && trace.instances.some((i) => i.fmri === withDefault)) return withDefault;
  const bare = text.replace(/^svc:\/?/, '');
  const matches = trace.instances.filter((i) => i.fmri.endsWith(`/${bare}`) || i.fmri.endsWith(`/${bare}:default`) || i.fmri.slice(5) === bare);
  if (matches.length === 1 && matches[0] !== undefined) return matches[0].fmri;
  if (matches.length > 1) throw new InputError(`--explain ${text}: matches ${matches.length} instances: ${matches.map((m) => m.fmri).join(', ')}`);
  if (canon === undefined) throw new InputError(`--explain ${text}: not a valid FMRI (expected svc:/service[:instance], or an abbreviation such as network/physical)`);
  throw new InputError(`--explain ${text}: no such instance in this scenario`);
}

export async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, ['--format', '--until', '--explain', '--at', '--milestone', '--manifests', '--profile', '--compare', '--name', '--explore', '--jitter', '--seed'], ['--list', '--help', '--hazards']);
  if (args.flags.has('--help')) {
    writeOut(`${USAGE}\n`);
    return 0;
  }
  if (args.flags.has('--list')) {
    for (const p of presets()) writeOut(`${p.id.padEnd(28)} ${p.story}\n`);
    return 0;
  }
  const format = flag(args, '--format') ?? 'svcs';
  if (format !== 'svcs' && format !== 'json' && format !== 'perfetto') throw new UsageError(`--format must be svcs, json or perfetto, not "${format}"`);
  const until = nonNegativeInt('--until', flag(args, '--until'));
  const at = nonNegativeInt('--at', flag(args, '--at'));
  const explainTarget = flag(args, '--explain');
  if (at !== undefined && explainTarget === undefined) throw new UsageError('--at needs --explain <fmri>');

  let scenario: Scenario;
  const manifests = args.flags.get('--manifests');
  if (manifests !== undefined) {
    if (args.positionals.length > 0) throw new UsageError('give either a scenario or --manifests, not both');
    const loaded = loadManifestScenario(manifests, args.flags.get('--profile') ?? [], flag(args, '--name'));
    for (const w of loaded.warnings) writeErr(`${w}\n`);
    scenario = loaded.scenario;
  } else {
    const ref = args.positionals[0];
    if (ref === undefined || args.positionals.length > 1) throw new UsageError(args.positionals.length > 1 ? `one scenario at a time (got ${args.positionals.join(' ')})` : 'no scenario given');
    const loaded = await loadScenario(ref);
    for (const w of loaded.warnings) writeErr(`warning: ${w}\n`);
    scenario = loaded.scenario;
  }
  const milestone = flag(args, '--milestone');
  if (milestone !== undefined) {
    if (resolveMilestoneName(milestone) === undefined) throw new UsageError(`--milestone: "${milestone}" is not a milestone`);
    scenario = { ...scenario, boot: { ...(scenario.boot ?? {}), milestone } };
  }

  const timing = timingArgs(args);
  if (args.flags.has('--hazards') && (timing.explore !== undefined || explainTarget !== undefined || flag(args, '--compare') !== undefined)) {
    throw new UsageError('--hazards cannot be combined with --explore, --explain or --compare');
  }
  if (timing.explore !== undefined) {
    if (format === 'perfetto') throw new UsageError('--format perfetto writes one whole boot: not with --explore');
    if (explainTarget !== undefined || flag(args, '--compare') !== undefined || until !== undefined) throw new UsageError('--explore cannot be combined with --explain, --compare or --until');
    const explored = runExplore(scenario, timing.explore, timing.jitter, timing.seed, format, args.positionals[0] ?? '<scenario.json>');
    if (format === 'json') process.stdout.write(jsonSafe(explored));
    else writeOut(explored);
    return 0;
  }
  if (timing.seed !== undefined) scenario = { ...scenario, seed: timing.seed };
  if (timing.jitter !== undefined) {
    if (scenario.seed === undefined) throw new UsageError('--jitter needs --seed <n> (or --explore <N>): without a seed durations are not perturbed');
    scenario = { ...scenario, jitter: timing.jitter };
  }

  const compareRef = flag(args, '--compare');
  if (compareRef !== undefined) {
    if (format === 'perfetto') throw new UsageError('--format perfetto writes one whole boot: not with --compare');
    const out = await renderCompare(scenario, compareRef, format, until);
    if (format === 'json') process.stdout.write(jsonSafe(out));
    else writeOut(out);
    return 0;
  }

  const trace = simulate(scenario, until === undefined ? {} : { until });
  for (const d of trace.diagnostics) writeErr(`note: ${d}\n`);
  if (args.flags.has('--hazards')) {
    if (format === 'perfetto') throw new UsageError('--format perfetto writes one whole boot: not with --hazards');
    if (format === 'json') process.stdout.write(`${jsonSafe(JSON.stringify(hazardsJson(scenario.name, findHazards(trace)), null, 2))}\n`);
    else writeOut(renderHazards(scenario.name, findHazards(trace)));
    return 0;
  }
  if (explainTarget !== undefined) {
    if (format === 'perfetto') throw new UsageError('--format perfetto writes one whole boot: not with --explain');
    const fmri = resolveInstance(trace, explainTarget);
    const seeker = createSeeker(trace);
    const t = at ?? trace.endTime;
    const statuses = seeker.atTime(t);
    const ctx = { trace, statuses, files: seeker.filesAtTime(t) };
    const e = explain(ctx, fmri);
    const chain = causeChain(ctx, fmri, t);
    if (e === undefined || chain === undefined) throw new InputError(`--explain ${explainTarget}: not in the repository at ${t} ms`);
    if (format === 'json') process.stdout.write(`${jsonSafe(JSON.stringify({ ...e, causeChain: chain }, null, 2))}\n`);
    else writeOut(`${e.verbose}\n${renderCauseChain(chain)}`);
    return 0;
  }
  if (format === 'json') {
    process.stdout.write(`${jsonSafe(JSON.stringify(jsonOutput(trace), null, 2))}\n`);
    return 0;
  }
  if (format === 'perfetto') {
    process.stdout.write(jsonSafe(traceEventsText(trace)));
    return 0;
  }
  const seeker = createSeeker(trace);
  const statuses = seeker.atIndex(trace.records.length - 1);
  writeOut(`${formatSvcsTable(trace, statuses)}\n`);
  const problems = explainAll({ trace, statuses, files: seeker.filesAtTime(trace.endTime) });
  if (problems.length > 0) {
    writeOut(`\n$ svcs -x\n${problems.map((p) => p.text).join('\n\n')}\n`);
  }
  if (!trace.quiescent) writeOut(`\n(stopped at ${trace.endTime} ms; events remained)\n`);
  return 0;
}

/** A resource the input exhausted (the JS engine's own limits): the input's fault, exit 2 like any bad input. */
function resourceLimit(e: unknown): string | undefined {
  if (!(e instanceof RangeError)) return undefined;
  if (/call stack|string length|array length|allocation failed|Map maximum size/i.test(e.message)) return e.message;
  return undefined;
}

export async function run(argv: readonly string[]): Promise<void> {
  quietOnClosedPipe();
  try {
    process.exitCode = await main(argv);
  } catch (e) {
    const limit = resourceLimit(e);
    if (e instanceof UsageError) {
      writeErr(`simulate: ${e.message}\n${USAGE}\n`);
      process.exitCode = 2;
    } else if (e instanceof InputError) {
      writeErr(`simulate: ${e.message}\n`);
      process.exitCode = 2;
    } else if (limit !== undefined) {
      writeErr(`simulate: the input is too large for this machine (${limit})\n`);
      process.exitCode = 2;
    } else {
      writeErr(`simulate: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    }
  }
}

if (process.argv[1] !== undefined && /simulate\.ts$/.test(process.argv[1])) void run(process.argv.slice(2));
