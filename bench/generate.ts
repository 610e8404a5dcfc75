/**
 * Seeded layered dependency graphs for benchmarks: about three dependencies
 * per service on earlier layers, every grouping and restart_on represented,
 * no failures (so every enabled instance can come up) and no cycles.
 */
import type { Grouping, RestartOn } from '../src/model/smf/states.ts';
import type { Scenario, ServiceSpec } from '../src/model/scenario/types.ts';
import { seededRandom } from '../src/lib/seeded-random.ts';

export function generateLayered(n: number, seed = 42): Scenario {
  const rnd = seededRandom(seed);
  const layers = Math.max(3, Math.min(30, Math.round(Math.sqrt(n))));
  const perLayer = Math.ceil(n / layers);
  const services: ServiceSpec[] = [];
  const groupings: Grouping[] = ['require_all', 'require_all', 'require_all', 'require_any', 'optional_all', 'exclude_all'];
  const restartOns: RestartOn[] = ['none', 'error', 'restart', 'refresh'];
  for (let i = 0; i < n; i++) {
    const layer = Math.floor(i / perLayer);
    const deps = [];
    if (layer > 0) {
      const k = 1 + Math.floor(rnd() * 5); // 1..5, mean 3
      const used = new Set<number>();
      for (let d = 0; d < k; d++) {
        const fromLayer = rnd() < 0.8 ? layer - 1 : Math.max(0, layer - 1 - Math.floor(rnd() * 3));
        const target = Math.min(n - 1, fromLayer * perLayer + Math.floor(rnd() * perLayer));
        if (target >= i || used.has(target)) continue;
        used.add(target);
        let grouping = groupings[Math.floor(rnd() * groupings.length)] ?? 'require_all';
        // An exclusion only of something that is disabled, so the graph can still come up.
        if (grouping === 'exclude_all') grouping = 'require_all';
        deps.push({ name: `dep${d}`, grouping, restart_on: restartOns[Math.floor(rnd() * 4)] ?? 'none', targets: [`svc:/bench/s${target}:default`] });
      }
      if (i % 17 === 0) deps.push({ name: 'excl', grouping: 'exclude_all' as const, restart_on: 'none' as const, targets: ['svc:/bench/never:default'] });
    }
    services.push({ fmri: `svc:/bench/s${i}`, start: { duration: 10 + Math.floor(rnd() * 990) }, dependencies: deps });
  }
  services.push({ fmri: 'svc:/bench/never', instances: { default: { enabled: false } } });
  return { format: 'bootgraph/1', name: `generated ${n}`, services };
}

/**
 * A generated graph of exactly `total` services (the layered ones and the one
 * disabled service they exclude), for the UI benches: drawn with every
 * service, it is exactly `total` nodes, so "1,000 nodes" is 1,000 and not
 * 1,001 (which the draw limit, src/graph-view/draw-limit.ts, would draw as
 * the story instead).
 */
export function generateServices(total: number, seed = 42): Scenario {
  const s = generateLayered(total - 1, seed);
  return { ...s, name: `generated ${total}` };
}
