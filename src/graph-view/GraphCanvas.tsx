/**
 * The long-lived container for the graph (Kiali's rule: Cytoscape cannot be
 * re-parented, so this div lives as long as the graph). Props in, typed
 * events out; all Cytoscape work goes through GraphAdapter.
 */
import { useEffect, useRef, useState } from 'react';
import { PALETTES, type ThemeName } from '../theme/palette.ts';
import { framePng } from './export-png.ts';
import type { Camera } from './camera.ts';
import type { CommandSource, GraphCommand } from './commands.ts';
import { graphToSvg, svgGraphFrom } from './export-svg.ts';
import { GraphAdapter, type GraphEvent } from './graph-adapter.ts';
import { detailFor, edgeLayerFor, isLarge } from './lod.ts';
import type { LayoutResult, LayoutService } from './layout-service.ts';
import { chooseDirection, simpleLayout } from './layout-simple.ts';
import type { GraphModel } from './model.ts';
import { graphStylesheet } from './stylesheet.ts';
import type { ElementDef } from './to-elements.ts';
import { webglForLargeGraphs } from './webgl.ts';

/** Above this many nodes the switch to the ELK layout is not animated (each frame redraws everything). */
const ANIMATE_MAX = 80;

export interface LayoutStatus {
  /** The final layout for the current structure is in place. */
  readonly done: boolean;
  readonly source: 'elk' | 'fallback' | 'precomputed' | 'quick';
  readonly ms: number;
  readonly cached: boolean;
  readonly nodes: number;
  readonly error?: string;
}

/** What the test bridge may read from the canvas. */
export interface GraphProbe {
  nodeCount(): number;
  edgeCount(): number;
  classesOf(id: string): string[];
  /** Centre of a node in page (client) coordinates, if drawn. */
  clientPositionOf(id: string): { x: number; y: number } | undefined;
  layout(): LayoutStatus;
  /** Redraws of the canvas since it was created (benchmarks). */
  renders(): number;
  /** Which Cytoscape renderer draws the graph: WebGL only for a large graph on hardware WebGL2 (webgl.ts). */
  renderer(): 'canvas' | 'webgl';
  /** The camera if the user or a link placed it; undefined while the graph is fitted automatically. */
  view(): Camera | undefined;
  /** The zoom level on screen, fitted or placed (1 = labels at their drawn size). */
  zoom(): number;
  /** The whole graph as drawn, as a PNG; with a title, framed with it and the legend (like the SVG). */
  png(title?: string): Promise<Blob>;
  /** The whole graph as drawn, as a standalone SVG document. */
  /** `legend`: draw the legend below the graph (default: with a title). */
  svg(title?: string, legend?: boolean): string;
  /**
   * Draw these elements now, before React renders them (a new run's picture first: src/session/picture.ts), if
   * they are the structure on screen (`key`: the model's); false, drawing nothing, for another structure.
   */
  paint(elements: readonly ElementDef[], key: string): boolean;
}

export interface GraphCanvasProps {
  readonly model: GraphModel;
  readonly elements: readonly ElementDef[];
  readonly theme: ThemeName;
  readonly reducedMotion: boolean;
  readonly layout: LayoutService;
  /** Camera commands (fit, zoom, show a camera), taken only while the current structure's layout has settled. */
  readonly commands: CommandSource<GraphCommand>;
  /** Frame these nodes (a focus mode's set); undefined or empty: the default view. Changes animate. */
  readonly frameIds?: ReadonlySet<string>;
  /**
   * Why frameIds are lit (a focus mode, a tour step): they are framed when this changes, not whenever the set does
   * (another selection in the same focus mode keeps the camera, the selection is revealed). Default: the set itself.
   */
  readonly frameReason?: string;
  /**
   * The default view: node ids by importance (legibility.ts). A new graph
   * opens on them at a legible zoom; so does a resize while the camera is automatic.
   */
  readonly home: readonly (readonly string[])[];
  /** Keep this node and its neighbours in view at a legible zoom (the selection). */
  readonly reveal?: { readonly id: string; readonly neighbours: readonly string[] };
  readonly label: string;
  readonly onEvent: (e: GraphEvent) => void;
  readonly onLayout?: (s: LayoutStatus) => void;
  readonly probe?: (p: GraphProbe | undefined) => void;
}

/**
 * A graph that crosses the large-graph threshold (lod.ts) gets a new canvas:
 * Cytoscape's renderer options are fixed at construction. So does a WebGL
 * canvas when the theme changes (it clears to the background it was made with).
 */
export function GraphCanvas(props: GraphCanvasProps) {
  const large = isLarge(props.model.nodes.length);
  const webgl = large && webglForLargeGraphs();
  return <GraphCanvasView key={large ? (webgl ? `webgl-${props.theme}` : 'large') : 'small'} large={large} webgl={webgl} {...props} />;
}

function GraphCanvasView(props: GraphCanvasProps & { readonly large: boolean; readonly webgl: boolean }) {
  const { large, webgl, model, elements, theme, reducedMotion, layout, commands, frameIds, frameReason, home, reveal, label, onEvent, onLayout, probe } = props;
  const container = useRef<HTMLDivElement>(null);
  const [adapter, setAdapter] = useState<GraphAdapter | undefined>(undefined);
  const placedKey = useRef<string | undefined>(undefined);
  const status = useRef<LayoutStatus>({ done: false, source: 'quick', ms: 0, cached: false, nodes: 0 });
  const events = useRef(onEvent);
  const layoutCb = useRef(onLayout);
  const latest = useRef({ elements, theme, frameIds });
  /** Detaches from the command queue (set while the current structure's layout has settled). */
  const detach = useRef<(() => void) | undefined>(undefined);
  const homeRef = useRef(home);
  const revealRef = useRef(reveal);
  useEffect(() => {
    events.current = onEvent;
    layoutCb.current = onLayout;
    latest.current = { elements, theme, frameIds };
    // A focus or a tour step's set, when lit, is the view to keep on resize (framed as the frame effect frames it).
    homeRef.current = frameIds !== undefined && frameIds.size > 0 ? frameTiers(frameIds, reveal) : home;
    revealRef.current = reveal;
  });

  // Create the adapter once; it lives as long as the container.
  useEffect(() => {
    const el = container.current;
    if (el === null) return undefined;
    // A big graph does not pulse: each pulse would redraw every element.
    // A large graph on the canvas renderer: its edges on a layer of their own, stroked in batches (edge-layer.ts).
    const a = new GraphAdapter({
      container: el,
      style: graphStylesheet({ theme, reducedMotion }),
      pulse: !reducedMotion && !large,
      large,
      ...(webgl ? { webgl: { background: PALETTES[theme].bg } } : {}),
      ...(edgeLayerFor(large, webgl) ? { edgeLayer: { palette: PALETTES[theme] } } : {}),
    });
    const off = a.listen((e) => events.current(e));
    setAdapter(a);
    // Import, window resize, a panel opened or dragged: the default view again, or the same focus.
    const ro = new ResizeObserver(() => a.resizeKeepingView(homeRef.current, revealRef.current));
    ro.observe(el);
    return () => {
      detach.current?.();
      detach.current = undefined;
      ro.disconnect();
      off();
      a.destroy();
      setAdapter(undefined);
      placedKey.current = undefined;
    };
    // The stylesheet is updated by its own effect; this runs once per mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Colour transitions are per-element work on every change: only for small graphs.
  const big = model.nodes.length > ANIMATE_MAX;
  const still = reducedMotion || big;
  const detail = detailFor(model.nodes.length);
  useEffect(() => {
    adapter?.setStyle(graphStylesheet({ theme, reducedMotion: still, arrows: !big, detail }), PALETTES[theme]);
  }, [adapter, theme, still, big, detail]);

  // Elements first, then (for a new structure) positions, in the same task: no frame shows unplaced nodes.
  useEffect(() => {
    if (adapter === undefined) return;
    // A big graph already on screen (a boot playing): coalesce the redraws.
    if (large && placedKey.current === model.key) {
      adapter.applySoon(elements);
      return;
    }
    adapter.apply(elements, { structureChanged: placedKey.current !== model.key });
    if (placedKey.current === model.key) return;
    placedKey.current = model.key;
    const key = model.key;
    // A new structure: camera commands wait until it is laid out.
    detach.current?.();
    detach.current = undefined;
    const run = (c: GraphCommand): void => {
      if (c.type === 'fit') adapter.fit(28, latest.current.frameIds);
      else if (c.type === 'zoom') adapter.zoomBy(c.factor);
      else adapter.setCamera(c.camera);
    };
    const report = (s: LayoutStatus): void => {
      status.current = s;
      // Laid out: the selection and its neighbours, legibly; a queued camera (a link's view) then wins.
      if (s.done) {
        const r = revealRef.current;
        if (r !== undefined) adapter.frameAround(r.id, r.neighbours, false);
      }
      layoutCb.current?.(s);
      if (s.done && placedKey.current === key && detach.current === undefined) detach.current = commands.attach(run);
    };
    const cached = layout.cached(key, model);
    if (cached !== undefined) {
      adapter.setPositions(cached.positions);
      adapter.home(homeRef.current);
      // Done once every node is in (a big graph enters over several frames).
      void adapter.settled().then(() => {
        if (placedKey.current === key) report(statusOf(cached, model.nodes.length));
      });
      return;
    }
    adapter.setPositions(simpleLayout(model, { direction: chooseDirection(model) }));
    adapter.home(homeRef.current);
    report({ done: false, source: 'quick', ms: 0, cached: false, nodes: model.nodes.length });
    void layout.layout(model).then((r) => {
      if (placedKey.current !== key) return;
      // Done once the nodes have landed (tests and the bridge click them).
      void adapter
        .place(r.positions, !reducedMotion && model.nodes.length <= ANIMATE_MAX, homeRef.current)
        .then(() => adapter.settled())
        .then(() => {
          if (placedKey.current === key) report(statusOf(r, model.nodes.length));
        });
    });
  }, [adapter, elements, model, layout, reducedMotion, large, commands]);

  // Entering, changing or leaving a focus frames what is lit.
  const frameKey = frameReason ?? (frameIds === undefined ? '' : [...frameIds].sort().join('|'));
  const framed = useRef('');
  /** The lit set was framed in this commit (with the selection first): the selection needs no reveal of its own. */
  const framedNow = useRef(false);
  useEffect(() => {
    if (adapter === undefined || framed.current === frameKey) return;
    const first = framed.current === '' && frameKey === '';
    framed.current = frameKey;
    if (first) return;
    if (frameIds === undefined || frameIds.size === 0) {
      adapter.home(homeRef.current, !reducedMotion);
      return;
    }
    adapter.home(frameTiers(frameIds, revealRef.current), !reducedMotion);
    framedNow.current = true;
    // frameIds is represented by frameKey.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [adapter, frameKey, reducedMotion]);

  // A new selection: it and its neighbours, legibly (once laid out; report() does it otherwise).
  const revealKey = reveal === undefined ? '' : `${reveal.id}|${reveal.neighbours.join('|')}`;
  useEffect(() => {
    const r = revealRef.current;
    if (adapter === undefined || r === undefined || !status.current.done || framedNow.current) return;
    adapter.frameAround(r.id, r.neighbours, !reducedMotion);
    // revealKey stands for reveal.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [adapter, revealKey]);
  // Last effect of every commit.
  useEffect(() => {
    framedNow.current = false;
  });

  useEffect(() => {
    if (probe === undefined) return undefined;
    if (adapter === undefined) {
      probe(undefined);
      return undefined;
    }
    probe({
      nodeCount: () => adapter.nodeCount(),
      edgeCount: () => adapter.edgeCount(),
      classesOf: (id) => adapter.classesOf(id),
      clientPositionOf: (id) => {
        const p = adapter.renderedPositionOf(id);
        const box = container.current?.getBoundingClientRect();
        return p === undefined || box === undefined ? undefined : { x: box.left + p.x, y: box.top + p.y };
      },
      layout: () => status.current,
      renders: () => adapter.renders,
      renderer: () => (webgl ? 'webgl' : 'canvas'),
      view: () => adapter.camera(),
      zoom: () => adapter.zoom(),
      png: async (title) => {
        const palette = PALETTES[latest.current.theme];
        const graph = await adapter.png(palette.bg, 2);
        return title === undefined ? graph : await framePng(graph, title, palette, 2);
      },
      svg: (title, legend) => {
        const pos = adapter.positions();
        return graphToSvg(svgGraphFrom(latest.current.elements, (id) => pos.get(id)), { theme: latest.current.theme, ...(title === undefined ? {} : { title }), ...(legend === undefined ? {} : { legend }) });
      },
      paint: (next, key) => {
        if (placedKey.current !== key) return false;
        adapter.apply(next);
        return true;
      },
    });
    return () => probe(undefined);
  }, [adapter, probe, webgl]);

  return <div ref={container} role="img" aria-label={label} data-testid="graph.canvas" style={{ position: 'absolute', inset: 0 }} />;
}

/** A lit set's view: the selection and its lit neighbours first, then the rest of the set (this frames the selection too). */
function frameTiers(frameIds: ReadonlySet<string>, reveal: GraphCanvasProps['reveal']): string[][] {
  const near = reveal === undefined ? [] : [reveal.id, ...reveal.neighbours].filter((id) => frameIds.has(id));
  return near.length === 0 ? [[...frameIds]] : [near, [...frameIds]];
}

function statusOf(r: LayoutResult, nodes: number): LayoutStatus {
  return { done: true, source: r.source, ms: Math.round(r.ms), cached: r.cached, nodes, ...(r.error === undefined ? {} : { error: r.error }) };
}
