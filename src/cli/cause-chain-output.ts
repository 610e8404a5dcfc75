/**
 * `--explain <fmri>`'s cause chain (issue 13) after the svcs -xv text: one
 * numbered line per step, then the ordering hazards it found. The JSON form
 * is the CauseChain itself (src/engine/cause-chain.ts), under `causeChain`.
 */
import { objectWords, type CauseChain } from '../engine/cause-chain.ts';

export function renderCauseChain(chain: CauseChain): string {
  const lines = ['', 'Why, from the trace and the world model:'];
  chain.steps.forEach((s, k) => lines.push(`${String(k + 1).padStart(3)}. ${s.text}`));
  for (const h of chain.hazards) lines.push(`Hazard: ${h.writer} provides ${objectWords(h.object)} that ${h.reader} needs; no dependency orders them.`);
  return `${lines.join('\n')}\n`;
}
