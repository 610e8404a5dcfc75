/**
 * The dependency graph as Graphviz dot (issue 6): one node per instance,
 * absent service and file, one edge per dependency from the dependent to
 * what it depends on, drawn with the grouping's line style as the app draws
 * it — require_all solid bold, require_any solid, optional_all dashed,
 * exclude_all red with a tee arrowhead — and restart_on in the tooltip (and
 * as a small label when it is not "none"). Every string is quoted and
 * escaped, so a name with markup or quotes stays text. Pure.
 */
import type { Grouping } from '../model/smf/states.ts';
import type { GraphEdge, GraphModel, GraphNode } from './model.ts';

/** A dot double-quoted string: backslashes and quotes escaped, line breaks as \n, control characters dropped. */
export function dotString(s: string): string {
  const clean = s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  return `"${clean.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

export const GROUPING_DOT: Readonly<Record<Grouping, string>> = {
  require_all: 'style=bold',
  require_any: 'style=solid',
  optional_all: 'style=dashed',
  exclude_all: 'style=solid, color="#d6336c", fontcolor="#d6336c", arrowhead=tee',
};

function nodeAttrs(n: GraphNode): string {
  const label = `label=${dotString(n.label)}, tooltip=${dotString(n.title)}`;
  switch (n.kind) {
    case 'stub':
      return `${label}, style="rounded,dashed", fontcolor="#666d77", color="#9aa1ab"`;
    case 'file':
      return `${label}, shape=note, color="#0c8599", fontcolor="#0b5663"`;
    case 'group':
      return `${label}, shape=box3d`;
    case 'instance':
      return label;
  }
}

function edgeAttrs(e: GraphEdge): string {
  if (e.restarter === true) return `style=dotted, arrowhead=box, tooltip=${dotString('delegated restarter (general/restarter)')}`;
  const tip = dotString(`${e.grouping}, restart_on ${e.restartOn} — group “${e.group}”`);
  const label = e.restartOn === 'none' ? '' : `, label=${dotString(`restart_on ${e.restartOn}`)}, fontsize=8`;
  return `${GROUPING_DOT[e.grouping]}, tooltip=${tip}${label}`;
}

export interface DotOptions {
  /** The graph's label (the scenario name). */
  readonly title?: string;
}

export function graphToDot(model: GraphModel, opts: DotOptions = {}): string {
  const lines: string[] = [];
  lines.push('// The dependency graph of a bootgraph scenario. Render with: dot -Tsvg this.dot > graph.svg');
  lines.push('// Edges go from a service to what it depends on. Line style = grouping: require_all bold,');
  lines.push('// require_any solid, optional_all dashed, exclude_all red with a tee; restart_on in the tooltip/label.');
  lines.push('digraph bootgraph {');
  lines.push(`  graph [rankdir=BT, fontname="Helvetica", fontsize=12, nodesep=0.25, ranksep=0.5${opts.title === undefined ? '' : `, label=${dotString(opts.title)}, labelloc=t`}];`);
  lines.push('  node [shape=box, style=rounded, fontname="Courier", fontsize=10, height=0.3];');
  lines.push('  edge [color="#6c727b", arrowsize=0.7, fontname="Helvetica"];');
  for (const n of model.nodes) lines.push(`  ${dotString(n.id)} [${nodeAttrs(n)}];`);
  for (const e of model.edges) lines.push(`  ${dotString(e.source)} -> ${dotString(e.target)} [${edgeAttrs(e)}];`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
