/**
 * `npm run simulate -- <a> --compare <b | next-boot>`: the first event where
 * the two boots diverge (with both svcs -xv explanations) and the instances
 * whose final state or time differs (issue 8).
 */
import { compareTraces, type Comparison } from '../engine/compare.ts';
import { simulate } from '../engine/simulate.ts';
import { formatStime } from '../engine/svcs-format.ts';
import type { Scenario } from '../model/scenario/types.ts';
import { nextBootScenario } from '../scenarios/next-boot.ts';
import { loadScenario, InputError } from './load-scenario.ts';

export async function renderCompare(a: Scenario, ref: string, format: string, until: number | undefined): Promise<string> {
  const opts = until === undefined ? {} : { until };
  const ta = simulate(a, opts);
  let b: Scenario;
  let reboot: Reboot | undefined;
  if (ref === 'next-boot') {
    const next = nextBootScenario(a, ta);
    if (!next.ok) throw new InputError(`--compare next-boot: ${next.error}`);
    b = next.scenario;
    reboot = { boot: next.number, carried: next.carried, dropped: next.dropped };
  } else {
    b = (await loadScenario(ref)).scenario;
  }
  const tb = simulate(b, opts);
  const c = compareTraces(ta, tb);
  if (format === 'json') return `${JSON.stringify(toJson(c, a.name, b.name, reboot), null, 2)}\n`;
  return renderText(c, a.name, b.name, reboot);
}

/** For --compare next-boot: which boot B is, and what it inherits from A (persistent repository writes) and does not. */
interface Reboot {
  readonly boot: number;
  readonly carried: readonly string[];
  readonly dropped: readonly string[];
}

function toJson(c: Comparison, a: string, b: string, reboot: Reboot | undefined): unknown {
  const d = c.divergence;
  return {
    a,
    b,
    ...(reboot === undefined ? {} : { reboot }),
    divergence:
      d === undefined
        ? null
        : { t: d.t, fmri: d.fmri, a: d.a ?? null, b: d.b ?? null, explainA: d.explainA?.verbose ?? null, explainB: d.explainB?.verbose ?? null },
    differences: c.outcomes.filter((o) => o.differs !== 'none'),
  };
}

function renderText(c: Comparison, a: string, b: string, reboot: Reboot | undefined): string {
  const lines = [`A: ${a}`, `B: ${b}`];
  if (reboot !== undefined) {
    lines.push(`B is boot ${reboot.boot}: it starts from the repository A left.`);
    for (const x of reboot.carried) lines.push(`  carried over: ${x}`);
    for (const x of reboot.dropped) lines.push(`  not carried (non-persistent): ${x}`);
  }
  lines.push('');
  const d = c.divergence;
  if (d === undefined) {
    lines.push('The two boots are identical: no event differs.');
    return `${lines.join('\n')}\n`;
  }
  lines.push(`First divergence at ${formatStime(d.t)} (event #${d.position + 1}), ${d.fmri}:`);
  lines.push(`  A: ${d.a === undefined ? '(no further events)' : `${formatStime(d.a.t)}  ${d.a.fmri}  ${d.a.what}`}`);
  lines.push(`  B: ${d.b === undefined ? '(no further events)' : `${formatStime(d.b.t)}  ${d.b.fmri}  ${d.b.what}`}`);
  if (d.explainA !== undefined) lines.push('', '$ svcs -xv (A)', d.explainA.verbose);
  if (d.explainB !== undefined) lines.push('', '$ svcs -xv (B)', d.explainB.verbose);
  const diffs = c.outcomes.filter((o) => o.differs !== 'none');
  lines.push('', `${diffs.length} instance${diffs.length === 1 ? '' : 's'} end differently:`);
  lines.push(`  ${'FMRI'.padEnd(52)} ${'A'.padEnd(24)} B`);
  for (const o of diffs) {
    const fa = o.a === undefined ? 'absent' : `${o.a.state} @ ${formatStime(o.a.since)}`;
    const fb = o.b === undefined ? 'absent' : `${o.b.state} @ ${formatStime(o.b.since)}`;
    lines.push(`  ${o.fmri.padEnd(52)} ${fa.padEnd(24)} ${fb}`);
  }
  return `${lines.join('\n')}\n`;
}
