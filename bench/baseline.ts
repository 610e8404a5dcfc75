/**
 * The baseline the engine is compared with (issue 7): a plain priority-queue
 * discrete-event loop that only honours require_all and durations. It is what
 * a "boot order" tool without svc.startd's semantics would do.
 */
import type { Scenario } from '../src/model/scenario/types.ts';

export function baselineBoot(s: Scenario): { events: number; makespan: number } {
  const index = new Map<string, number>();
  s.services.forEach((svc, i) => index.set(`${svc.fmri}:default`, i));
  const n = s.services.length;
  const pending = new Int32Array(n);
  const dependents: number[][] = Array.from({ length: n }, () => []);
  const duration = new Float64Array(n);
  s.services.forEach((svc, i) => {
    duration[i] = svc.start?.duration ?? 100;
    for (const d of svc.dependencies ?? []) {
      if (d.grouping !== 'require_all') continue;
      for (const t of d.targets) {
        const j = index.get(t);
        if (j === undefined) continue;
        pending[i] = (pending[i] ?? 0) + 1;
        dependents[j]?.push(i);
      }
    }
  });
  // binary heap of (time, id)
  const heapT: number[] = [];
  const heapI: number[] = [];
  const push = (t: number, id: number): void => {
    heapT.push(t);
    heapI.push(id);
    let k = heapT.length - 1;
    while (k > 0) {
      const p = (k - 1) >> 1;
      if ((heapT[p] ?? 0) <= t) break;
      heapT[k] = heapT[p] ?? 0;
      heapI[k] = heapI[p] ?? 0;
      k = p;
    }
    heapT[k] = t;
    heapI[k] = id;
  };
  const pop = (): [number, number] => {
    const t = heapT[0] ?? 0;
    const id = heapI[0] ?? 0;
    const lt = heapT.pop() ?? 0;
    const li = heapI.pop() ?? 0;
    const len = heapT.length;
    if (len > 0) {
      let k = 0;
      for (;;) {
        const l = 2 * k + 1;
        if (l >= len) break;
        const r = l + 1;
        const c = r < len && (heapT[r] ?? 0) < (heapT[l] ?? 0) ? r : l;
        if ((heapT[c] ?? 0) >= lt) break;
        heapT[k] = heapT[c] ?? 0;
        heapI[k] = heapI[c] ?? 0;
        k = c;
      }
      heapT[k] = lt;
      heapI[k] = li;
    }
    return [t, id];
  };
  for (let i = 0; i < n; i++) if (pending[i] === 0) push(duration[i] ?? 0, i);
  let events = 0;
  let makespan = 0;
  while (heapT.length > 0) {
    const [t, id] = pop();
    events++;
    makespan = t;
    for (const d of dependents[id] ?? []) {
      pending[d] = (pending[d] ?? 0) - 1;
      if (pending[d] === 0) push(t + (duration[d] ?? 0), d);
    }
  }
  return { events, makespan };
}
