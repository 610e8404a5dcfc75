/**
 * A guided tour's spotlight (issue 8): the step's services as drawn (through
 * a collapsed model's `shownAs`), and the focus set that lights them and the
 * edges between them while the rest is dimmed. The graph draws every id a
 * tour names (named-resources.ts: a /dev link that no dependency declares
 * gets a node of its own); ids not drawn are left out. Pure.
 */
import type { GraphModel } from './model.ts';

export interface Spotlight {
  /** Node ids to spotlight. */
  readonly nodes: ReadonlySet<string>;
  /** Node and edge ids to light (the focus set); everything else is dimmed. */
  readonly lit: ReadonlySet<string>;
}

export function spotlightMarks(model: GraphModel, shownAs: ReadonlyMap<string, string>, ids: Iterable<string>): Spotlight | undefined {
  const drawn = new Set(model.nodes.map((n) => n.id));
  const nodes = new Set<string>();
  for (const id of ids) {
    const shown = shownAs.get(id) ?? id;
    if (drawn.has(shown)) nodes.add(shown);
  }
  if (nodes.size === 0) return undefined;
  const lit = new Set<string>(nodes);
  for (const e of model.edges) if (nodes.has(e.source) && nodes.has(e.target) && e.source !== e.target) lit.add(e.id);
  return { nodes, lit };
}
