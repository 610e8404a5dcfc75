/**
 * `npm run simulate -- <scenario> --explore <N> [--jitter <factor>] [--seed <base>] [--format json]`
 * (issue 17): the outcome classes of N perturbed boots, with counts, shares
 * and the seed that replays each class.
 */
import type { Exploration, OutcomeClass } from '../engine/explore.ts';

function shortFmri(fmri: string): string {
  return fmri.replace(/^svc:\//, '');
}

function pct(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

export function jitterRange(jitter: number): string {
  const r = (x: number): string => String(Math.round(x * 1000) / 1000);
  return `×[${r(1 - jitter)}, ${r(1 + jitter)})`;
}

function outcomeText(c: OutcomeClass): string {
  const parts = Object.entries(c.states).map(([f, s]) => `${shortFmri(f)} ${s}`);
  return parts.length === 0 ? 'every boot ends the same' : parts.join(', ');
}

/** The text the CLI prints. `replay` is how to name the scenario on a command line. */
type MixedCounts = OutcomeClass['mixed'][number]['counts'];

export function renderExploration(
  e: Exploration,
  replay: string,
  describeFact: (key: string, value: string) => string = (k, v) => `${k}: ${v}`,
  describeMixed: (key: string, counts: MixedCounts) => string = (k, c) => `${k}: ${c.map((x) => `${x.value} in ${x.boots}`).join(', ')}`,
): string {
  const { boots, jitter, baseSeed } = e.params;
  const lines: string[] = [];
  const last = baseSeed + e.booted - 1;
  lines.push(`Explored ${e.booted} boot${e.booted === 1 ? '' : 's'} of "${e.scenario}": method durations ${jitterRange(jitter)}, seeds ${baseSeed}${e.booted > 1 ? `–${last}` : ''}.`);
  if (e.booted < boots) lines.push(`(stopped after ${e.booted} of ${boots} boots)`);
  const n = e.classes.length;
  lines.push(
    n === 1
      ? `1 outcome class: every boot ends the same (${e.instances} instances).`
      : `${n} outcome classes: ${e.varying.length} of ${e.instances} instances ${e.varying.length === 1 ? 'ends' : 'end'} differently between boots.`,
  );
  lines.push('');
  const rows = e.classes.map((c) => [`${c.rank}`, `${c.count}`, pct(c.share), `${c.seed}`, outcomeText(c)]);
  const head = ['CLASS', 'BOOTS', 'SHARE', 'SEED', 'OUTCOME'];
  const width = head.map((h, k) => Math.max(h.length, ...rows.map((r) => (r[k] ?? '').length)));
  const fmt = (r: readonly string[]): string =>
    r.map((cell, k) => (k === r.length - 1 ? cell : k === 0 ? cell.padEnd(width[k] ?? 0) : cell.padStart(width[k] ?? 0))).join('  ');
  lines.push(fmt(head));
  for (const r of rows) lines.push(fmt(r));
  const decided = e.classes.filter((c) => c.deciding.length > 0 || c.mixed.length > 0);
  if (decided.length > 0) {
    lines.push('');
    lines.push('What decided each class:');
    for (const c of decided) {
      lines.push(`  class ${c.rank}:`);
      for (const d of c.deciding) lines.push(`    ${describeFact(d.key, d.value)}`);
      // The class ended this way in either order (a retry saved it, or another hazard decided).
      for (const m of c.mixed) lines.push(`    either order: ${describeMixed(m.key, m.counts)}`);
    }
  }
  lines.push('');
  lines.push(`Replay a class's boot: npm run simulate -- ${replay} --seed <SEED> --jitter ${jitter}`);
  return `${lines.join('\n')}\n`;
}

export function explorationJson(e: Exploration): unknown {
  return {
    scenario: e.scenario,
    boots: e.params.boots,
    jitter: e.params.jitter,
    baseSeed: e.params.baseSeed,
    booted: e.booted,
    instances: e.instances,
    varying: e.varying,
    classes: e.classes.map((c) => ({
      rank: c.rank,
      count: c.count,
      share: c.share,
      seed: c.seed,
      states: c.states,
      endTime: c.endTime,
      deciding: c.deciding,
      mixed: c.mixed,
      seeds: c.seeds,
    })),
  };
}
