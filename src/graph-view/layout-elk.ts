/**
 * ELK layered in a Web Worker (toolchain-notes §4, §7): the fast options, no
 * main-thread work beyond building the input and reading positions back.
 * elkjs is imported lazily so it is not part of the first load; the worker
 * script is a separate asset.
 */
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { GraphModel } from './model.ts';
import { chooseDirection, type Point, type Positions } from './layout-simple.ts';

export const ELK_OPTIONS: Readonly<Record<string, string>> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.layered.thoroughness': '1',
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
  'elk.edgeRouting': 'POLYLINE',
  'elk.spacing.nodeNode': '12',
  'elk.layered.spacing.nodeNodeBetweenLayers': '28',
  'elk.spacing.componentComponent': '48',
  'elk.separateConnectedComponents': 'true',
};

/**
 * The ELK input: edges point from a dependency to its dependent so that
 * layers run downward in boot order. Exclusions order nothing, but laying
 * them out like dependencies keeps the two services next to each other
 * instead of drawing a long line across the graph.
 */
export function elkGraph(model: GraphModel, options: Readonly<Record<string, string>> = ELK_OPTIONS): ElkNode {
  const ids = new Set(model.nodes.map((n) => n.id));
  return {
    id: 'root',
    layoutOptions: { ...options, 'elk.direction': chooseDirection(model) },
    children: model.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: model.edges
      .filter((e) => e.source !== e.target && ids.has(e.source) && ids.has(e.target))
      .map((e) => ({ id: e.id, sources: [e.target], targets: [e.source] })),
  };
}

/** Node centres (ELK gives top-left corners). */
export function positionsFromElk(result: ElkNode): Positions {
  const out = new Map<string, Point>();
  for (const c of result.children ?? []) {
    out.set(c.id, { x: Math.round((c.x ?? 0) + (c.width ?? 0) / 2), y: Math.round((c.y ?? 0) + (c.height ?? 0) / 2) });
  }
  return out;
}

interface ElkLike {
  layout(graph: ElkNode): Promise<ElkNode>;
  terminateWorker(): void;
}

let elk: Promise<ElkLike> | undefined;

async function createElk(): Promise<ElkLike> {
  const [{ default: ELK }, { default: workerUrl }] = await Promise.all([
    import('elkjs/lib/elk-api.js'),
    import('elkjs/lib/elk-worker.min.js?url'),
  ]);
  return new ELK({ workerFactory: () => new Worker(workerUrl) });
}

/** Lay out in the worker. Rejects if the worker fails; the caller falls back. */
export async function elkLayout(model: GraphModel): Promise<Positions> {
  elk ??= createElk();
  try {
    const instance = await elk;
    const result = await instance.layout(elkGraph(model));
    return positionsFromElk(result);
  } catch (err) {
    // A broken worker is dropped so that the next layout starts a fresh one.
    const broken = elk;
    elk = undefined;
    void broken?.then((e) => e.terminateWorker()).catch(() => undefined);
    throw err;
  }
}
