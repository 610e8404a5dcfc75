/**
 * The dependency graph as svc.startd holds it (graph.c, docs/smf-semantics.md §1.2):
 * instance, service, file and group vertices, with edges from the dependent to
 * what it depends on. Insertion checks for cycles the way
 * graph_insert_dependency() does (is_path_to(), not through exclude_all).
 */
import type { Grouping } from '../model/smf/states.ts';
import { RERR, type Rerr } from '../model/smf/states.ts';
import type { InstanceRuntime } from './instance-runtime.ts';

export const enum VertexKind {
  Instance = 0,
  Service = 1,
  File = 2,
  Group = 3,
}

export interface Vertex {
  readonly id: number;
  readonly kind: VertexKind;
  /** FMRI, file FMRI, or `<instance FMRI>><pg name>` for groups. */
  readonly name: string;
  readonly deps: Vertex[];
  readonly dependents: Vertex[];
  /** Groups only. */
  readonly grouping: Grouping;
  readonly restartOn: Rerr;
  /** Groups: the pg name. Files: the path. */
  readonly label: string;
  /** Instances only. */
  inst: InstanceRuntime | undefined;
  /** Walk marker (graph_walk), compared against a generation counter. */
  mark: number;
  /** The second marker of a search from both ends (DependencyGraph.reaches). */
  markBack: number;
  /** Memo of instanceSatisfied(v, true) valid while the graph's state version is unchanged. */
  memoVersion: number;
  memoValue: 1 | 0 | -1;
}

export class DependencyGraph {
  readonly vertices: Vertex[] = [];
  readonly byName = new Map<string, Vertex>();
  private walkGeneration = 0;

  get(name: string): Vertex | undefined {
    return this.byName.get(name);
  }

  add(name: string, kind: VertexKind, grouping: Grouping = 'require_all', restartOn: Rerr = RERR.none, label = name): Vertex {
    const existing = this.byName.get(name);
    if (existing !== undefined) return existing;
    const v: Vertex = {
      id: this.vertices.length,
      kind,
      name,
      deps: [],
      dependents: [],
      grouping,
      restartOn,
      label,
      inst: undefined,
      mark: 0,
      markBack: 0,
      memoVersion: -1,
      memoValue: 0,
    };
    this.vertices.push(v);
    this.byName.set(name, v);
    return v;
  }

  /** graph_add_edge(): no cycle check (used for SVC → INST). */
  addEdge(from: Vertex, to: Vertex): void {
    from.deps.push(to);
    to.dependents.push(from);
  }

  removeEdge(from: Vertex, to: Vertex): void {
    const i = from.deps.indexOf(to);
    if (i >= 0) from.deps.splice(i, 1);
    const j = to.dependents.indexOf(from);
    if (j >= 0) to.dependents.splice(j, 1);
  }

  /**
   * graph_insert_dependency(): returns the cycle path (from `to` back to
   * `from`) when the edge would close a cycle, else inserts it.
   */
  insertDependency(from: Vertex, to: Vertex): Vertex[] | undefined {
    if (!(from.kind === VertexKind.Group && from.grouping === 'exclude_all') && this.reaches(to, from)) {
      const path = this.pathTo(to, from);
      if (path !== undefined) return path;
    }
    this.addEdge(from, to);
    return undefined;
  }

  /**
   * Whether a path leads from `start` to `goal` along dependencies, not
   * through exclude_all groups: searched from both ends at once, one vertex
   * each way in turn, so it stops as soon as the smaller side is exhausted.
   * One direction alone is quadratic for some graph: forwards for a chain
   * declared dependencies-first, backwards for one declared dependents-first
   * (issue 15). The path itself (rare: a cycle) comes from pathTo().
   */
  reaches(start: Vertex, goal: Vertex): boolean {
    if (start === goal) return true;
    const fwd = ++this.walkGeneration;
    const back = ++this.walkGeneration;
    const ahead: Vertex[] = [start];
    const behind: Vertex[] = [goal];
    start.mark = fwd;
    goal.markBack = back;
    while (ahead.length > 0 && behind.length > 0) {
      const v = ahead.pop();
      if (v !== undefined) {
        for (const d of v.deps) {
          if (d.mark === fwd || (d.kind === VertexKind.Group && d.grouping === 'exclude_all')) continue;
          if (d.markBack === back) return true;
          d.mark = fwd;
          ahead.push(d);
        }
      }
      const w = behind.pop();
      if (w !== undefined) {
        for (const d of w.dependents) {
          if (d.markBack === back || (d.kind === VertexKind.Group && d.grouping === 'exclude_all')) continue;
          if (d.mark === fwd) return true;
          d.markBack = back;
          behind.push(d);
        }
      }
    }
    return false;
  }

  /**
   * is_path_to(): a path from `from` to `to` along dependencies, not through
   * exclude_all groups. Searched backwards from `to` along dependents (the
   * same reachability): when an edge is inserted, `to` is a freshly created
   * group vertex or an instance being configured, with few ancestors, so this
   * stays cheap where a forward search would walk all of `from`'s
   * dependencies for every edge.
   */
  pathTo(from: Vertex, to: Vertex): Vertex[] | undefined {
    const gen = ++this.walkGeneration;
    const parent = new Map<Vertex, Vertex>();
    const stack: Vertex[] = [to];
    to.mark = gen;
    while (stack.length > 0) {
      const v = stack.pop();
      if (v === undefined) break;
      if (v === from) {
        const path: Vertex[] = [from];
        let cur: Vertex | undefined = parent.get(from);
        while (cur !== undefined) {
          path.push(cur);
          cur = parent.get(cur);
        }
        return path;
      }
      for (let i = v.dependents.length - 1; i >= 0; i--) {
        const d = v.dependents[i];
        if (d === undefined || d.mark === gen) continue;
        if (d.kind === VertexKind.Group && d.grouping === 'exclude_all' && d !== from) continue;
        d.mark = gen;
        parent.set(d, v);
        stack.push(d);
      }
    }
    return undefined;
  }

  /**
   * graph_walk(WALK_DEPENDENTS): every transitive dependent once, pre-order,
   * not through exclude_all groups. `descend(v)` may cut the walk below a
   * vertex whose value, as its dependents see it, cannot have changed.
   */
  walkDependents(root: Vertex, visit: (v: Vertex) => void, descend: (v: Vertex) => boolean = () => true): void {
    const gen = ++this.walkGeneration;
    root.mark = gen;
    const stack: Vertex[] = [];
    for (let i = root.dependents.length - 1; i >= 0; i--) {
      const d = root.dependents[i];
      if (d !== undefined) stack.push(d);
    }
    while (stack.length > 0) {
      const v = stack.pop();
      if (v === undefined || v.mark === gen) continue;
      v.mark = gen;
      if (v.kind === VertexKind.Group && v.grouping === 'exclude_all') continue;
      visit(v);
      if (!descend(v)) continue;
      for (let i = v.dependents.length - 1; i >= 0; i--) {
        const d = v.dependents[i];
        if (d !== undefined && d.mark !== gen) stack.push(d);
      }
    }
  }

  nextGeneration(): number {
    return ++this.walkGeneration;
  }
}
