/** `--compare`: the first divergence between two boots (issue 8). */
import type { Scenario } from '../model/scenario/types.ts';
import { InputError } from './load-scenario.ts';

export async function renderCompare(a: Scenario, ref: string, format: string, until: number | undefined): Promise<string> {
  void a;
  void format;
  void until;
  throw new InputError(`--compare ${ref}: comparison is not available in this build`);
}
