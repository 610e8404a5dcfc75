/**
 * npx tsx bench/restarter-bench.ts [--json] [--quick]
 *
 * The engine's design choice, measured (issue 7, BENCHMARKS.md): svc.startd's
 * restarter is an XState machine (src/engine/restarter.machine.ts), but the
 * scheduler does not run one actor per instance, nor call XState's pure
 * transition() on every step; it compiles the machine into a lookup table
 * (src/engine/restarter-table.ts, each (state, event) pair answered once by
 * transition() and cached) and steps every instance with a Map lookup.
 *
 * The workload is the restarter steps of a real boot: the state changes the
 * engine recorded while booting the 1,000-service generated graph, turned
 * back into the events that cause them, replayed in the same order by
 *   - table:       restarterStep(leaf, event) (what the engine does),
 *   - transition:  transition(restarterMachine, snapshot, event) per step, one snapshot per instance,
 *   - actors:      one started actor per instance, actor.send(event) (spawning included and shown apart).
 * Every variant must end with every instance in the same state (checked).
 */
import { createActor, initialTransition, transition, type SnapshotFrom } from 'xstate';
import { simulate } from '../src/engine/simulate.ts';
import { restarterMachine, type RestarterEventType } from '../src/engine/restarter.machine.ts';
import { describeLeaf, INITIAL_RESTARTER_STATE, restarterStep } from '../src/engine/restarter-table.ts';
import type { StatusRecord } from '../src/engine/trace.ts';
import { baselineBoot } from './baseline.ts';
import { generateLayered } from './generate.ts';
import { fmt, median, timeIt } from './stats.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const json = args.includes('--json');
const n = quick ? 300 : 1000;

interface Step {
  readonly inst: number;
  readonly event: RestarterEventType;
}

/** The event that moves an instance from one recorded (state, next_state) to the next, for a failure-free boot. */
function eventFor(r: StatusRecord): RestarterEventType | undefined {
  if (r.from === 'uninitialized' && r.to === 'offline') return 'ENABLE';
  if (r.from === 'uninitialized' && r.to === 'disabled') return 'DISABLE';
  if (r.from === 'offline' && r.to === 'offline' && r.fromNext === 'none' && r.next === 'online') return 'START';
  if (r.from === 'offline' && r.fromNext === 'online' && r.to === 'online') return 'METHOD_OK';
  return undefined;
}

type Snap = SnapshotFrom<typeof restarterMachine>;
const leafOf = (s: Snap): string => {
  const v = s.value;
  if (typeof v === 'string') return v;
  const [k, child] = Object.entries(v)[0] ?? ['', ''];
  return typeof child === 'string' ? `${k}.${child}` : k;
};

function main(): void {
  const scenario = generateLayered(n);
  const trace = simulate(scenario);
  const ids = new Map<string, number>();
  trace.instances.forEach((i, k) => ids.set(i.fmri, k));
  const steps: Step[] = [];
  let skipped = 0;
  for (const r of trace.records) {
    if (r.kind !== 'status') continue;
    const e = eventFor(r);
    const inst = ids.get(r.fmri);
    if (e === undefined || inst === undefined) {
      skipped++;
      continue;
    }
    steps.push({ inst, event: e });
  }
  const count = trace.instances.length;
  const reps = quick ? 1 : 15;
  const warmup = quick ? 0 : 3;

  // The compiled table (warm: the engine has already compiled every pair it needed).
  let tableLeaves: string[] = [];
  const table = timeIt(() => {
    const leaf: string[] = Array.from({ length: count }, () => INITIAL_RESTARTER_STATE);
    for (const s of steps) {
      const step = restarterStep(leaf[s.inst] ?? INITIAL_RESTARTER_STATE, s.event);
      if (step.changed) leaf[s.inst] = step.next;
    }
    tableLeaves = leaf;
  }, reps, warmup);

  // XState's pure transition() on every step.
  let transitionLeaves: string[] = [];
  const initial = initialTransition(restarterMachine)[0];
  const pure = timeIt(() => {
    const snaps: Snap[] = Array.from({ length: count }, () => initial);
    for (const s of steps) {
      const cur = snaps[s.inst] ?? initial;
      snaps[s.inst] = transition(restarterMachine, cur, { type: s.event } as Parameters<typeof transition<typeof restarterMachine>>[2])[0];
    }
    transitionLeaves = snaps.map(leafOf);
  }, reps, warmup);

  // One actor per instance (spawn, then the same events).
  let actorLeaves: string[] = [];
  const spawnTimes: number[] = [];
  const actors = timeIt(() => {
    const t0 = performance.now();
    const refs = Array.from({ length: count }, () => createActor(restarterMachine).start());
    spawnTimes.push(performance.now() - t0);
    for (const s of steps) refs[s.inst]?.send({ type: s.event } as Parameters<(typeof refs)[number]['send']>[0]);
    actorLeaves = refs.map((r) => leafOf(r.getSnapshot()));
    for (const r of refs) r.stop();
  }, quick ? 1 : 7, quick ? 0 : 2);

  const same = tableLeaves.every((l, i) => l === transitionLeaves[i] && l === actorLeaves[i]);
  if (!same) throw new Error('the three variants disagree on the final states');
  const states = new Map<string, number>();
  for (const l of tableLeaves) states.set(describeLeaf(l).state, (states.get(describeLeaf(l).state) ?? 0) + 1);

  const engine = timeIt(() => void simulate(scenario), quick ? 1 : 9, quick ? 0 : 2);
  const base = timeIt(() => void baselineBoot(scenario), reps, warmup);

  const t = median(table);
  const result = {
    services: n,
    instances: count,
    steps: steps.length,
    skippedRecords: skipped,
    finalStates: Object.fromEntries(states),
    tableMs: t,
    transitionMs: median(pure),
    actorsMs: median(actors),
    actorSpawnMs: median(spawnTimes),
    perStepUs: { table: (t * 1000) / steps.length, transition: (median(pure) * 1000) / steps.length, actors: ((median(actors) - median(spawnTimes)) * 1000) / steps.length },
    ratioTransitionToTable: median(pure) / Math.max(t, 1e-6),
    ratioActorsToTable: median(actors) / Math.max(t, 1e-6),
    engineSimulateMs: median(engine),
    baselineBootMs: median(base),
  };
  if (json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  process.stdout.write(
    [
      `restarter stepping, generated-${n} (${count} instances, ${steps.length} restarter steps of its boot${quick ? '; quick mode, 1 run' : '; medians'})`,
      '',
      `compiled table (the engine)      ${fmt(result.tableMs).padStart(10)}   ${result.perStepUs.table.toFixed(3)} µs/step`,
      `xstate transition() per step     ${fmt(result.transitionMs).padStart(10)}   ${result.perStepUs.transition.toFixed(2)} µs/step   ${result.ratioTransitionToTable.toFixed(0)}× the table`,
      `one actor per instance           ${fmt(result.actorsMs).padStart(10)}   (spawning ${fmt(result.actorSpawnMs)}; ${result.perStepUs.actors.toFixed(2)} µs/step)   ${result.ratioActorsToTable.toFixed(0)}× the table`,
      '',
      `for scale: the whole engine boots this graph in ${fmt(result.engineSimulateMs)}; the plain priority-queue baseline in ${fmt(result.baselineBootMs)}`,
      `final states identical in all three: ${JSON.stringify(result.finalStates)}`,
    ].join('\n') + '\n',
  );
}

main();
