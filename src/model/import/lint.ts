/**
 * Graph-level checks on a scenario, after composition: dependencies on things
 * that exist nowhere (svc.startd shows them as absent, §1.2, §10.5) and
 * dependency cycles (§1.2: the instance whose edge completes a cycle goes to
 * maintenance with dependency_cycle). Works on any scenario; the importer
 * passes `locate` so findings point at the XML that declared the dependency.
 *
 * The per-element checks (unknown grouping, restart_on or type, FMRIs that do
 * not parse, duplicate property groups, EEXIST on `<dependent>`) are made while
 * reading and composing (entity.ts, compose.ts), where the positions are.
 */
import type { DependencySpec, InstanceSpec, Scenario, ServiceSpec } from '../scenario/types.ts';
import { resolveScenario } from '../graph/resolve.ts';
import { canonicalFmri, parseFmri } from '../smf/fmri.ts';
import { FindingSink, groupKey, targetKey, type Finding, type SourcePos } from './findings.ts';

export type { Finding } from './findings.ts';

export interface LintOptions {
  /** Position of a dependency pg (`groupKey`) or one of its entities (`targetKey`), if known. */
  readonly locate?: (key: string) => SourcePos | undefined;
}

interface Index {
  readonly services: Map<string, ServiceSpec>;
  readonly instances: Map<string, { service: ServiceSpec; instance: InstanceSpec }>;
  readonly deathrow: Set<string>;
}

function canon(fmri: string): string {
  return canonicalFmri(fmri) ?? fmri;
}

/** A service's instances as the scenario format defines them: omitted means one enabled `default`. */
function instancesOf(service: ServiceSpec): [string, InstanceSpec][] {
  return Object.entries(service.instances ?? { default: {} });
}

/** A dependency pg as declared, with the entity that holds it. */
interface Declared {
  readonly dep: DependencySpec;
  readonly holder: string;
  readonly targets: readonly string[];
}

function buildIndex(scenario: Scenario): Index {
  const services = new Map<string, ServiceSpec>();
  const instances = new Map<string, { service: ServiceSpec; instance: InstanceSpec }>();
  for (const s of scenario.services) {
    const sfmri = canon(s.fmri);
    services.set(sfmri, s);
    for (const [name, instance] of instancesOf(s)) instances.set(`${sfmri}:${name}`, { service: s, instance });
  }
  return { services, instances, deathrow: new Set((scenario.deathrow ?? []).map(canon)) };
}

export function lintScenario(scenario: Scenario, options: LintOptions = {}): Finding[] {
  const sink = new FindingSink();
  const index = buildIndex(scenario);
  const locate = options.locate ?? (() => undefined);
  lintMissingTargets(scenario, index, locate, sink);
  lintCycles(scenario, index, locate, sink);
  return sink.findings;
}

// ---------------------------------------------------------------- absent targets

type Presence = 'present' | 'undefined' | 'no-instances' | 'unconfigured';

function presence(target: string, index: Index): Presence {
  const p = parseFmri(target);
  if (!p.ok || p.fmri.scheme !== 'svc') return 'present'; // files are the world's business, not the importer's
  if (index.deathrow.has(target)) return 'present';
  const sfmri = `svc:/${p.fmri.service}`;
  const service = index.services.get(sfmri);
  if (service === undefined) return 'undefined';
  if (p.fmri.instance === undefined) {
    const insts = instancesOf(service);
    if (insts.length === 0) return 'no-instances';
    return insts.some(([, i]) => i.configured !== false) ? 'present' : 'unconfigured';
  }
  const entry = index.instances.get(target);
  if (entry === undefined) return 'undefined';
  return entry.instance.configured === false ? 'unconfigured' : 'present';
}

function subject(holder: string): string {
  const p = parseFmri(holder);
  return p.ok && p.fmri.scheme === 'svc' && p.fmri.instance === undefined ? `the instances of ${holder}` : holder;
}

function absentMessage(d: Declared, target: string, why: Presence): string {
  const g = d.dep;
  const what =
    why === 'undefined'
      ? `${target}, which exists nowhere in the imported set`
      : why === 'no-instances'
        ? `${target}, which has no instances`
        : `${target}, which has no general/enabled (never configured)`;
  let effect: string;
  switch (g.grouping) {
    case 'require_all':
      effect = `: ${subject(d.holder)} cannot start ("Dependency ${target} is absent.")`;
      break;
    case 'require_any':
      effect = d.targets.length > 1 ? '; require_any is satisfied only by its other members' : `: ${subject(d.holder)} cannot start ("Dependency ${target} is absent.")`;
      break;
    case 'optional_all':
      effect = '; optional_all ignores an absent member, so it has no effect';
      break;
    case 'exclude_all':
      effect = '; exclude_all is satisfied by an absent member, so it has no effect';
      break;
  }
  return `dependency "${g.name}" (${g.grouping}) names ${what}; shown as absent, as svc.startd would${effect}`;
}

function lintMissingTargets(scenario: Scenario, index: Index, locate: (key: string) => SourcePos | undefined, sink: FindingSink): void {
  for (const s of scenario.services) {
    const sfmri = canon(s.fmri);
    const declared: Declared[] = [];
    const groupsOf = (deps: ServiceSpec['dependencies'], holder: string): void => {
      for (const dep of deps ?? []) declared.push({ dep, holder, targets: dep.targets.map(canon) });
    };
    groupsOf(s.dependencies, sfmri);
    for (const [name, inst] of instancesOf(s)) groupsOf(inst.dependencies, `${sfmri}:${name}`);
    for (const d of declared) {
      if (d.targets.some((t) => t.startsWith('file:'))) continue;
      for (const t of d.targets) {
        const why = presence(t, index);
        if (why === 'present') continue;
        const at = locate(targetKey(d.holder, d.dep.name, t)) ?? locate(groupKey(d.holder, d.dep.name));
        sink.warn('missing-target', at ?? s.manifest ?? sfmri, absentMessage(d, t, why), d.holder);
      }
    }
  }
}

// ---------------------------------------------------------------- cycles

interface Edge {
  readonly to: string;
  /** The dependency as written: the target FMRI (a service or an instance). */
  readonly written: string;
  readonly grouping: string;
  /** The pg's holder and name, to locate it; undefined for a restarter edge. */
  readonly group?: { holder: string; name: string };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * svc.startd's graph restricted to instance vertices: an instance points at
 * every instance its non-exclude_all groups name (a service target stands for
 * each of its instances) and at its delegated restarter. Only configured
 * instances have dependencies, so only they have outgoing edges. The groups
 * are the engine's own composition (model/graph/resolve.ts, §1.1 and §5).
 */
function instanceGraph(scenario: Scenario): Map<string, Edge[]> {
  const resolved = resolveScenario(scenario);
  const byService = new Map(resolved.services.map((s) => [s.fmri, s.instances]));
  const expand = (target: string): readonly string[] => (resolved.byFmri.has(target) ? [target] : (byService.get(target) ?? []));
  const graph = new Map<string, Edge[]>();
  for (const i of resolved.instances) {
    const edges: Edge[] = [];
    if (i.configured) {
      for (const g of i.groups) {
        if (g.grouping === 'exclude_all' || g.type !== 'service') continue;
        const holder = g.level === 'service' ? i.service : i.fmri;
        for (const t of g.targets) {
          for (const to of expand(t)) edges.push({ to, written: t, grouping: g.grouping, group: { holder, name: g.name } });
        }
      }
      if (i.restarter !== undefined && resolved.byFmri.has(i.restarter)) edges.push({ to: i.restarter, written: i.restarter, grouping: 'restarter' });
    }
    edges.sort((a, b) => cmp(a.to, b.to) || cmp(a.written, b.written) || cmp(a.group?.name ?? '', b.group?.name ?? ''));
    graph.set(i.fmri, edges);
  }
  return graph;
}

/** Strongly connected components (Tarjan, iterative), vertices visited in sorted order. */
function components(graph: Map<string, Edge[]>): string[][] {
  const order = [...graph.keys()].sort(cmp);
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let next = 0;
  for (const root of order) {
    if (indexOf.has(root)) continue;
    const work: { v: string; i: number }[] = [{ v: root, i: 0 }];
    indexOf.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame === undefined) break;
      const edges = graph.get(frame.v) ?? [];
      const e = edges[frame.i];
      if (e !== undefined) {
        frame.i++;
        if (!graph.has(e.to)) continue;
        if (!indexOf.has(e.to)) {
          indexOf.set(e.to, next);
          low.set(e.to, next++);
          stack.push(e.to);
          onStack.add(e.to);
          work.push({ v: e.to, i: 0 });
        } else if (onStack.has(e.to)) {
          low.set(frame.v, Math.min(low.get(frame.v) ?? 0, indexOf.get(e.to) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low.set(parent.v, Math.min(low.get(parent.v) ?? 0, low.get(frame.v) ?? 0));
      if (low.get(frame.v) === indexOf.get(frame.v)) {
        const comp: string[] = [];
        for (;;) {
          const w = stack.pop();
          if (w === undefined) break;
          onStack.delete(w);
          comp.push(w);
          if (w === frame.v) break;
        }
        out.push(comp.sort(cmp));
      }
    }
  }
  return out;
}

/** The shortest cycle through `start` inside `members` (BFS over sorted edges, so always the same one). */
function cycleThrough(start: string, members: Set<string>, graph: Map<string, Edge[]>): { from: string; edge: Edge }[] {
  const parent = new Map<string, { from: string; edge: Edge }>();
  const queue = [start];
  for (let qi = 0; qi < queue.length; qi++) {
    const v = queue[qi];
    if (v === undefined) break;
    for (const edge of graph.get(v) ?? []) {
      if (!members.has(edge.to)) continue;
      if (edge.to === start) {
        const path = [{ from: v, edge }];
        for (let cur = v; cur !== start; ) {
          const p = parent.get(cur);
          if (p === undefined) break;
          path.unshift(p);
          cur = p.from;
        }
        return path;
      }
      if (!parent.has(edge.to) && edge.to !== start) {
        parent.set(edge.to, { from: v, edge });
        queue.push(edge.to);
      }
    }
  }
  return [];
}

/** "svc:/a:default requires svc:/b (optional_all)". */
function describeStep(from: string, edge: Edge): string {
  if (edge.grouping === 'restarter') return `${from} requires ${edge.written} (its restarter)`;
  return `${from} requires ${edge.written}${edge.grouping === 'require_all' ? '' : ` (${edge.grouping})`}`;
}

function lintCycles(scenario: Scenario, index: Index, locate: (key: string) => SourcePos | undefined, sink: FindingSink): void {
  const graph = instanceGraph(scenario);
  for (const comp of components(graph)) {
    const start = comp[0];
    if (start === undefined) continue;
    const selfLoop = (graph.get(start) ?? []).some((e) => e.to === start);
    if (comp.length === 1 && !selfLoop) continue;
    const steps = cycleThrough(start, new Set(comp), graph);
    const first = steps[0];
    if (first === undefined) continue;
    const sentence = steps.map((s) => describeStep(s.from, s.edge)).join(', ');
    const g = first.edge.group;
    const at = g === undefined ? undefined : locate(targetKey(g.holder, g.name, first.edge.written)) ?? locate(groupKey(g.holder, g.name));
    const fallback = index.instances.get(start)?.service.manifest ?? start;
    sink.warn(
      'dependency-cycle',
      at ?? fallback,
      `dependency cycle: ${sentence}; svc.startd sends the instance whose dependency completes the cycle to maintenance ("Completes a dependency cycle.", SMF-8000-HP)`,
      start,
    );
  }
}
