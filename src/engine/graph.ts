/**
 * The dependency graph as svc.startd holds it (graph.c, smf-semantics.md §1.2):
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
    if (!(from.kind === VertexKind.Group && from.grouping === 'exclude_all')) {
      const path = this.pathTo(to, from);
      if (path !== undefined) return path;
    }
    this.addEdge(from, to);
    return undefined;
  }

  /** is_path_to(): a path from `from` to `to` along dependencies, not through exclude_all groups. */
  pathTo(from: Vertex, to: Vertex): Vertex[] | undefined {
    const gen = ++this.walkGeneration;
    const stack: { v: Vertex; i: number }[] = [{ v: from, i: 0 }];
    from.mark = gen;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top === undefined) break;
      if (top.v === to) return stack.map((s) => s.v);
      const next = top.v.deps[top.i];
      top.i++;
      if (next === undefined) {
        stack.pop();
        continue;
      }
      if (next.mark === gen) continue;
      if (next.kind === VertexKind.Group && next.grouping === 'exclude_all') continue;
      next.mark = gen;
      stack.push({ v: next, i: 0 });
    }
    return undefined;
  }

  /**
   * graph_walk(WALK_DEPENDENTS): every transitive dependent once, pre-order,
   * not through exclude_all groups.
   */
  walkDependents(root: Vertex, visit: (v: Vertex) => void): void {
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
