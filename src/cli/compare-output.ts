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
  if (ref === 'next-boot') {
    const next = nextBootScenario(a, ta);
    if (!next.ok) throw new InputError(`--compare next-boot: ${next.error}`);
    b = next.scenario;
  } else {
    b = (await loadScenario(ref)).scenario;
  }
  const tb = simulate(b, opts);
  const c = compareTraces(ta, tb);
  if (format === 'json') return `${JSON.stringify(toJson(c, a.name, b.name), null, 2)}\n`;
  return renderText(c, a.name, b.name);
}

function toJson(c: Comparison, a: string, b: string): unknown {
  const d = c.divergence;
  return {
    a,
    b,
    divergence:
      d === undefined
        ? null
        : { t: d.t, fmri: d.fmri, a: d.a ?? null, b: d.b ?? null, explainA: d.explainA?.verbose ?? null, explainB: d.explainB?.verbose ?? null },
    differences: c.outcomes.filter((o) => o.differs !== 'none'),
  };
}

function renderText(c: Comparison, a: string, b: string): string {
  const lines = [`A: ${a}`, `B: ${b}`, ''];
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
