/**
 * `npm run simulate -- <scenario> --hazards [--format json]` (issue 17): the
 * ordering hazards of the boot, with who writes, who reads, when, and whether
 * this boot's order was right or wrong; then the dependency cycles the engine
 * reported.
 */
import { accessText, hazardObject, hazardSummary, hazardWhy } from '../engine/hazard-text.ts';
import type { HazardReport } from '../engine/hazards.ts';

export function renderHazards(scenario: string, report: HazardReport): string {
  const { hazards, cycles } = report;
  const wrong = hazards.filter((h) => !h.right).length;
  const lines: string[] = [];
  lines.push(
    hazards.length === 0
      ? `No ordering hazards in "${scenario}": every service that needs something another service makes is ordered after it.`
      : `${hazards.length} ordering hazard${hazards.length === 1 ? '' : 's'} in "${scenario}" (${wrong} in the wrong order this boot):`,
  );
  for (const h of hazards) {
    lines.push('');
    lines.push(`${h.right ? 'right' : 'WRONG'}  ${hazardObject(h)}`);
    if (h.kind === 'unordered-writes') {
      lines.push(`       written by  ${accessText(h.writer)}`);
      lines.push(`       and by      ${accessText(h.reader)}`);
    } else {
      lines.push(`       needed by  ${accessText(h.reader)}`);
      lines.push(`       made by    ${accessText(h.writer)}`);
    }
    lines.push(`       ${hazardSummary(h)}`);
    lines.push(`       ${hazardWhy(h)}`);
  }
  if (cycles.length > 0) {
    lines.push('');
    lines.push(`Dependency cycle${cycles.length === 1 ? '' : 's'} the engine reports:`);
    for (const c of cycles) lines.push(`  ${c.join(' -> ')}`);
  }
  return `${lines.join('\n')}\n`;
}

export function hazardsJson(scenario: string, report: HazardReport): unknown {
  return {
    scenario,
    hazards: report.hazards.map((h) => ({ ...h, summary: hazardSummary(h), why: hazardWhy(h) })),
    cycles: report.cycles,
  };
}
