/**
 * The explorer client (issue 17) without a Worker (as in Node): the same
 * slices run on the page, report progress in order and stop at a cancel.
 * The worker itself is exercised by the e2e test of the Explore panel.
 */
import { describe, expect, it } from 'vitest';
import race from '../scenarios/presets/demo-race-on-a-file.ts';
import { explore } from '../engine/explore.ts';
import { hazardFacts } from '../engine/hazards.ts';
import { createExplorerClient, type ExploreProgress } from './explorer-client.ts';

const PARAMS = { boots: 120, jitter: 0.5, baseSeed: 1 };

describe('explorer client (in the page)', () => {
  it('reports progress up to N and ends with the same classes as explore()', async () => {
    const client = createExplorerClient(undefined);
    const seen: ExploreProgress[] = [];
    const job = client.start(race, PARAMS, (p) => seen.push(p));
    const out = await job.outcome;
    expect(out.status).toBe('done');
    if (out.status !== 'done') return;
    expect(JSON.stringify(out.result)).toBe(JSON.stringify(explore(race, PARAMS, hazardFacts)));
    expect(seen[0]).toEqual({ done: 0, total: 120, classes: 0 });
    expect(seen[seen.length - 1]?.done).toBe(120);
    for (let k = 1; k < seen.length; k++) expect(seen[k]?.done ?? 0).toBeGreaterThanOrEqual(seen[k - 1]?.done ?? 0);
  });

  it('cancel stops it before the end', async () => {
    const client = createExplorerClient(undefined);
    let last = 0;
    const job = client.start(race, { ...PARAMS, boots: 100_000 }, (p) => {
      last = p.done;
      if (p.done > 0) job.cancel();
    });
    const out = await job.outcome;
    expect(out).toEqual({ status: 'cancelled' });
    expect(last).toBeLessThan(100_000);
  });
});
