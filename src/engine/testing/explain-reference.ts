/**
 * For tests only: a direct, recursive transliteration of explain.c's
 * determine_causes() / add_causes() / determine_impact() (docs/smf-semantics.md
 * §8.1), copying cause lists with their next_hop as the C code does. The
 * non-recursive O(V + E) analysis in causes.ts must give the same global
 * list, the same cause lists (with the same -v paths) and the same impact
 * lists on small graphs; this is what it is compared against.
 */
import type { InstanceStatus, TraceGroup, TraceInstance } from '../trace.ts';

interface Inst {
  readonly fmri: string;
  readonly service: string;
  readonly st: InstanceStatus;
  readonly groups: readonly TraceGroup[];
  readonly restarter?: string;
  causes?: { svcp: Inst; nextHop?: Inst }[];
  baddeps?: string[];
  active: boolean;
  impactDependents: Inst[];
  impact?: Inst[];
}

export interface ReferenceResult {
  readonly global: string[];
  causes(fmri: string): { fmri: string; path: string[] }[];
  baddeps(fmri: string): string[];
  impact(fmri: string): string[];
}

export function referenceExplain(instances: readonly TraceInstance[], statuses: ReadonlyMap<string, InstanceStatus>, files: ReadonlySet<string>): ReferenceResult {
  const all: Inst[] = [];
  for (const i of instances) {
    const st = statuses.get(i.fmri);
    if (st === undefined || !st.present || !st.configured) continue;
    all.push({ fmri: i.fmri, service: i.service, st, groups: i.groups, ...(i.restarter === undefined ? {} : { restarter: i.restarter }), active: false, impactDependents: [] });
  }
  const byFmri = new Map(all.map((x) => [x.fmri, x]));
  const gCauses: Inst[] = [];
  const addPtr = (list: { svcp: Inst; nextHop?: Inst }[] | Inst[], x: Inst): void => {
    if ((list as { svcp?: Inst }[]).some((e) => ('svcp' in e ? e.svcp : e) === x)) return;
    (list as unknown[]).push(list === gCauses ? x : { svcp: x });
  };
  const running = (x: Inst): boolean => x.st.state === 'online' || x.st.state === 'degraded';
  const getFmri = (f: string): { inst?: Inst; members?: Inst[] } | undefined => {
    const inst = byFmri.get(f);
    if (inst !== undefined) return { inst };
    const members = all.filter((x) => x.service === f);
    return members.length > 0 ? { members } : undefined;
  };
  const ELOOP = 1;
  const addCauses = (dst: Inst, src: Inst): number => {
    if (determine(src, true) !== 0) return ELOOP;
    if (!src.impactDependents.includes(dst)) src.impactDependents.push(dst);
    for (const c of src.causes ?? []) {
      if ((dst.causes ?? []).some((d) => d.svcp === c.svcp)) continue;
      dst.causes?.push({ svcp: c.svcp, nextHop: src });
      if (!gCauses.includes(c.svcp)) gCauses.push(c.svcp);
    }
    return 0;
  };
  const filePath = (t: string): string => t.replace(/^file:\/\/localhost/, '').replace(/^file:\/\//, '');
  const processSvc = (x: Inst, g: TraceGroup): number => {
    const each = (members: Inst[], pred: (m: Inst) => boolean): number => {
      for (const m of members) if (pred(m) && addCauses(x, m) !== 0) return ELOOP;
      return 0;
    };
    switch (g.grouping) {
      case 'require_all':
        for (const t of g.targets) {
          const r = getFmri(t);
          if (r === undefined) {
            x.baddeps?.push(t);
            continue;
          }
          if (r.inst !== undefined) {
            if (!running(r.inst) && addCauses(x, r.inst) !== 0) return ELOOP;
            continue;
          }
          const ms = r.members ?? [];
          if (!ms.some(running) && each(ms, () => true) !== 0) return ELOOP;
        }
        return 0;
      case 'require_any': {
        for (const t of g.targets) {
          const r = getFmri(t);
          if (r === undefined) continue;
          if (r.inst !== undefined ? running(r.inst) : (r.members ?? []).some(running)) return 0;
        }
        for (const t of g.targets) {
          const r = getFmri(t);
          if (r === undefined) {
            x.baddeps?.push(t);
            continue;
          }
          if (each(r.inst !== undefined ? [r.inst] : (r.members ?? []), (m) => !running(m)) !== 0) return ELOOP;
        }
        return 0;
      }
      case 'optional_all':
        for (const t of g.targets) {
          const r = getFmri(t);
          if (r === undefined) continue;
          if (each(r.inst !== undefined ? [r.inst] : (r.members ?? []), (m) => m.st.enabled && !running(m) && m.st.state !== 'maintenance') !== 0) return ELOOP;
        }
        return 0;
      case 'exclude_all':
        for (const t of g.targets) {
          const r = getFmri(t);
          if (r === undefined) continue;
          if (each(r.inst !== undefined ? [r.inst] : (r.members ?? []), running) !== 0) return ELOOP;
        }
        return 0;
    }
  };
  const determine = (x: Inst, canfail: boolean): number => {
    if (x.active) return canfail ? ELOOP : 0;
    if (x.causes !== undefined) return 0;
    x.causes = [];
    x.baddeps = [];
    const s = x.st;
    if (running(x) || s.state === 'uninitialized') {
      addPtr(x.causes, x);
      if (s.state === 'degraded') addPtr(gCauses, x);
      return 0;
    }
    if (s.state === 'maintenance' || (s.state === 'offline' && s.next !== 'none')) {
      addPtr(x.causes, x);
      addPtr(gCauses, x);
      return 0;
    }
    if (s.state === 'disabled') {
      addPtr(x.causes, x);
      if (s.enabled) addPtr(gCauses, x);
      return 0;
    }
    x.active = true;
    for (const g of x.groups) {
      if (g.type === 'path') {
        const missing: string[] = [];
        let any = false;
        for (const t of g.targets) {
          const e = files.has(filePath(t));
          if (g.grouping === 'require_all' || g.grouping === 'optional_all') {
            if (!e) x.baddeps.push(t);
          } else if (g.grouping === 'exclude_all') {
            if (e) x.baddeps.push(t);
          } else if (e) any = true;
          else missing.push(t);
        }
        if (g.grouping === 'require_any' && !any) x.baddeps.push(...missing.reverse());
        continue;
      }
      if (processSvc(x, g) !== 0) {
        x.active = false;
        return canfail ? ELOOP : 0;
      }
    }
    if (x.causes.length === 0) {
      if (x.baddeps.length > 0) {
        addPtr(gCauses, x);
        addPtr(x.causes, x);
      } else {
        const r = x.restarter === undefined ? undefined : byFmri.get(x.restarter);
        if (r !== undefined && !running(r)) {
          if (addCauses(x, r) !== 0) {
            x.active = false;
            return canfail ? ELOOP : 0;
          }
        } else {
          addPtr(x.causes, x);
          addPtr(gCauses, x);
        }
      }
    }
    x.active = false;
    return 0;
  };
  for (const x of all) determine(x, false);
  const impactOf = (x: Inst): Inst[] => {
    if (x.impact !== undefined) return x.impact;
    x.impact = [];
    for (const d of x.impactDependents) {
      const sub = impactOf(d);
      if (!x.impact.includes(d)) x.impact.push(d);
      for (const y of sub) if (!x.impact.includes(y)) x.impact.push(y);
    }
    return x.impact;
  };
  const get = (f: string): Inst => {
    const x = byFmri.get(f);
    if (x === undefined) throw new Error(`no ${f}`);
    return x;
  };
  return {
    global: gCauses.map((x) => x.fmri),
    causes: (f) => {
      const x = get(f);
      return (x.causes ?? []).map((c) => {
        const path = [x.fmri];
        let pp = c.nextHop;
        while (pp !== undefined) {
          path.push(pp.fmri);
          if (pp === c.svcp) break;
          pp = pp.causes?.find((d) => d.svcp === c.svcp)?.nextHop;
        }
        return { fmri: c.svcp.fmri, path };
      });
    },
    baddeps: (f) => [...(get(f).baddeps ?? [])],
    impact: (f) => impactOf(get(f)).map((x) => x.fmri),
  };
}
