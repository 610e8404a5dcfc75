/**
 * The centre: the dependency graph at the playhead, with focus modes,
 * search, collapsing, tooltips, the legend and zoom controls. Maps the run
 * and UI state to elements; the canvas does the drawing.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useFrame, useFrameReader, useRun, useUi, useUiActions } from '../../session/react/context.tsx';
import { useCommands } from '../../session/react/use-commands.ts';
import { useGraphCommands, useGraphProbe, useLayoutService, usePictureAsk } from '../../session/react/view-commands.ts';
import { useInsight } from '../../session/react/insight.ts';
import { useTourSpotlight } from '../../session/react/use-tour.ts';
import { spotlightMarks } from '../../graph-view/spotlight.ts';
import { useReducedMotion, useTheme } from '../../session/react/theme.ts';
import { GROUP_PREFIX, type CollapsedModel } from '../../graph-view/collapse.ts';
import { focusSet, pathMarks } from '../../graph-view/focus.ts';
import type { GraphEvent } from '../../graph-view/graph-adapter.ts';
import type { GraphCanvas, GraphCanvasProps, LayoutStatus } from '../../graph-view/GraphCanvas.tsx';
import { groupTitleId, type Marks } from '../../graph-view/to-elements.ts';
import { useHazardMarks } from './hazard-marks.ts';
import { svcsLabel } from '../../selectors/narrate.ts';
import { rankSearch } from '../../selectors/search-rank.ts';
import { shortFmri } from '../../model/smf/fmri.ts';
import { CentreToolbar } from '../CentreToolbar/CentreToolbar.tsx';
import { Icon } from '../Icon/Icon.tsx';
import { Legend } from '../Legend/Legend.tsx';
import styles from './GraphPanel.module.css';
import { useGraphElements, useLimitedGraphView, useTourServices } from '../../session/react/use-graph-view.ts';
import { drawLimitText } from '../../graph-view/draw-limit.ts';

import { graphCanvasIfLoaded, loadGraphCanvas } from './load-graph-canvas.ts';
import { PrintGraph } from './PrintGraph.tsx';

/**
 * Cytoscape (≈435 kB) is not in the first chunk; main.tsx starts fetching it
 * before React mounts, so it is usually here by the first render. Not
 * React.lazy: a suspended render is revealed no sooner than 300 ms after its
 * fallback (React's Suspense throttle), which the cold load measured exactly.
 */
function useGraphCanvas(): ReturnType<typeof graphCanvasIfLoaded> | Error {
  const [mod, setMod] = useState(graphCanvasIfLoaded);
  const [error, setError] = useState<Error | undefined>(undefined);
  useEffect(() => {
    if (mod !== undefined) return undefined;
    let live = true;
    loadGraphCanvas().then(
      (m) => live && setMod(m),
      (e: unknown) => live && setError(e instanceof Error ? e : new Error(String(e))),
    );
    return () => {
      live = false;
    };
  }, [mod]);
  return error ?? mod;
}

interface Hover {
  readonly text: string;
  readonly x: number;
  readonly y: number;
}

/**
 * A node or edge tooltip, above the point (below it if there is no room),
 * kept inside the graph's box: measured after render and clamped.
 */
function Tooltip({ hover }: { readonly hover: Hover }) {
  const ref = useRef<HTMLDivElement>(null);
  const [at, setAt] = useState<{ left: number; top: number } | undefined>(undefined);
  useLayoutEffect(() => {
    const el = ref.current;
    const box = el?.parentElement;
    if (el === null || box === null || box === undefined) return;
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    const bw = box.clientWidth;
    const bh = box.clientHeight;
    const gap = 10;
    const left = Math.min(Math.max(4, hover.x - w / 2), Math.max(4, bw - w - 4));
    const above = hover.y - h - gap;
    const top = above >= 4 ? above : Math.min(hover.y + gap + 16, Math.max(4, bh - h - 4));
    setAt({ left, top });
  }, [hover]);
  return (
    <div ref={ref} className={styles.tooltip} style={at === undefined ? { left: 0, top: 0, visibility: 'hidden' } : { left: at.left, top: at.top }} role="tooltip" data-testid="graph.tooltip">
      {hover.text}
    </div>
  );
}

/** The nodes drawn one edge away from `id`: what it depends on (up) or what depends on it (down). */
function neighbours(model: { readonly edges: readonly { readonly source: string; readonly target: string }[] }, id: string, way: 'dependencies' | 'dependents'): string[] {
  const out = new Set<string>();
  for (const e of model.edges) {
    if (way === 'dependencies' && e.source === id) out.add(e.target);
    if (way === 'dependents' && e.target === id) out.add(e.source);
  }
  out.delete(id);
  return [...out];
}

/**
 * The canvas at the frame shown: the only part of the graph panel redrawn
 * when the playhead reaches another record. The toolbar, the search and the
 * marks are computed when they change, not on every frame of playback (issue 16).
 */
function FrameCanvas({ Canvas, model, marks, ...props }: Omit<GraphCanvasProps, 'elements' | 'model'> & { readonly Canvas: typeof GraphCanvas; readonly model: CollapsedModel; readonly marks: Omit<Marks, 'changed'> }) {
  const frame = useFrame();
  const elements = useGraphElements(model, frame, marks);
  return <Canvas {...props} model={model} elements={elements} />;
}

/** `minimal`: the embedded player's graph, without the centre toolbar (view switch, focus, show mode, search). */
export function GraphPanel({ minimal = false }: { readonly minimal?: boolean } = {}) {
  const ui = useUiActions();
  const commands = useCommands();
  const graphCommands = useGraphCommands();
  const probe = useGraphProbe();
  const layoutService = useLayoutService();
  const canvasModule = useGraphCanvas();
  const run = useRun();
  // The hover text reads the state at the moment of hovering.
  const readFrame = useFrameReader();
  const insight = useInsight();
  const theme = useTheme();
  const reducedMotion = useReducedMotion();
  const selected = useUi((s) => s.selected);
  const focusMode = useUi((s) => s.focusMode);
  const collapse = useUi((s) => s.collapse);
  const expanded = useUi((s) => s.expanded);
  const search = useUi((s) => s.search);
  const [hover, setHover] = useState<Hover | undefined>(undefined);
  const [layout, setLayout] = useState<LayoutStatus | undefined>(undefined);

  const { model, limited } = useLimitedGraphView();
  /** The group the user opened last: the view frames its services. */
  const [opened, setOpened] = useState<string | undefined>(undefined);
  const searchItems = useMemo(
    () => run.model.nodes.map((n) => ({ id: n.id, text: n.kind === 'instance' ? run.index.instances.get(n.id)?.commonName ?? '' : '' })),
    [run.model, run.index],
  );
  // Best first (search-rank.ts): "inetd" is network/inetd:default, not inetd-upgrade.
  const ranked = useMemo(() => (search.trim() === '' ? undefined : rankSearch(search, searchItems)), [search, searchItems]);
  const matches = useMemo(() => (ranked === undefined ? undefined : new Set(ranked.map((m) => model.shownAs.get(m.id) ?? m.id))), [ranked, model]);
  const results = useMemo(
    () =>
      (ranked ?? []).map((m) => {
        const common = run.index.instances.get(m.id)?.commonName ?? '';
        const as = model.shownAs.get(m.id);
        const group = as !== undefined && as !== m.id ? model.nodes.find((n) => n.id === as)?.label : undefined;
        return { id: m.id, label: shortFmri(m.id), detail: [common, group === undefined ? '' : `in “${group}”`].filter((x) => x !== '').join(' · ') };
      }),
    [ranked, run.index, model],
  );

  const shownSelected = selected === undefined ? undefined : model.shownAs.get(selected) ?? selected;
  const focus = useMemo(() => {
    if (selected === undefined || !insight.isInstance) return undefined;
    // svcs -xv's paths, then the cause chain's reach into the world: the service that provides what the failed one needed.
    const causePaths = [
      ...(insight.explanation?.reasons.map((r) => r.path ?? [selected, r.cause]) ?? []),
      ...(insight.why?.hazards.map((h) => [h.reader, h.writer]) ?? []),
    ].filter((p) => p.length > 0);
    return focusSet({
      model,
      shownAs: model.shownAs,
      index: run.index,
      selected,
      mode: focusMode,
      ...(causePaths.length === 0 ? {} : { causePaths }),
      chain: insight.chain.map((l) => l.id),
    });
  }, [selected, insight, model, run.index, focusMode]);
  // Frame the focus set (nodes only), so a focused service and its neighbourhood fill the view.
  // A guided tour's step lights its services unless the user chose a focus mode for the selection.
  const tourSpot = useTourSpotlight();
  const spot = useMemo(() => (tourSpot === undefined ? undefined : spotlightMarks(model, model.shownAs, tourSpot)), [tourSpot, model]);
  const panelHazards = useHazardMarks(model.shownAs);
  // A picked hazard marks its two services and its edge without refocusing the view (the selection is revealed as usual).
  const lit = focus ?? spot?.lit;
  const frameIds = useMemo(() => {
    if (lit === undefined) return undefined;
    const nodes = new Set(model.nodes.map((n) => n.id));
    return new Set([...lit].filter((id) => nodes.has(id)));
  }, [lit, model]);
  // Why the lit set is framed: a focus mode chosen (or its first selection), a tour step. A new selection inside a
  // focus mode changes the set but not the reason: the camera then only reveals the selection (frameAround), it does not refit.
  const frameReason = focus !== undefined ? `focus:${focusMode}` : tourSpot !== undefined ? `tour:${[...tourSpot].sort().join('|')}` : '';
  const chainMarks = useMemo(
    () => (focusMode === 'chain' && insight.chain.length > 1 ? pathMarks(model, model.shownAs, [insight.chain.map((l) => l.id)]) : undefined),
    [focusMode, insight.chain, model],
  );

  // The selection's cause chain found ordering hazards: draw each missing dependency as a dashed edge (issue 13);
  // the Hazards panel adds every hazard of the boot on demand, or the one picked (issue 17). One edge class for both.
  const hazards = useMemo(
    () => [
      ...(insight.why?.hazards.map((h) => ({ reader: model.shownAs.get(h.reader) ?? h.reader, writer: model.shownAs.get(h.writer) ?? h.writer, label: h.object.name })) ?? []),
      ...panelHazards.edges,
    ],
    [insight.why, model, panelHazards],
  );

  // What the last change made end differently (until its summary is dismissed) is marked too (useGraphElements).
  const marks = useMemo(
    () => ({
      ...(hazards.length === 0 ? {} : { hazards }),
      ...(shownSelected === undefined ? {} : { selected: shownSelected }),
      ...(lit === undefined ? {} : { focus: lit }),
      ...(spot === undefined ? {} : { spotlight: spot.nodes }),
      ...(matches === undefined ? {} : { matches }),
      ...(chainMarks === undefined ? {} : { chain: chainMarks }),
      ...(panelHazards.selected === undefined ? {} : { alsoSelected: panelHazards.selected }),
    }),
    [shownSelected, lit, spot, matches, chainMarks, hazards, panelHazards.selected],
  );
  // What the next run's picture is drawn with before this panel renders it (src/session/picture.ts).
  const tourServices = useTourServices();
  usePictureAsk({ collapse, expanded, tour: tourServices, marks, model });

  // The default view: the story's services by importance (story.ts), as drawn.
  const home = useMemo(() => {
    const { story } = run;
    const shown = (ids: Iterable<string>): string[] => [...new Set([...ids].map((id) => model.shownAs.get(id) ?? id))];
    const tiers = [shown([...story.failed, ...story.causes]), shown(story.chain), shown(story.milestones)];
    const group = opened === undefined ? undefined : model.nodes.find((n) => n.id === opened && n.expanded === true);
    return group === undefined ? tiers : [[groupTitleId(group.id), ...(group.members ?? [])], ...tiers];
  }, [run, model, opened]);

  // A service hidden in a closed group is selected (search, a problem card, a link): open its group.
  const hiddenIn = selected === undefined ? undefined : model.shownAs.get(selected);
  useEffect(() => {
    if (selected !== undefined && hiddenIn !== undefined && hiddenIn !== selected && hiddenIn.startsWith(GROUP_PREFIX)) ui.toggleGroup(hiddenIn, true);
  }, [ui, selected, hiddenIn]);

  // The selection and what it is connected to, as drawn.
  const reveal = useMemo(() => {
    if (shownSelected === undefined) return undefined;
    const near = new Set<string>();
    for (const e of model.edges) {
      if (e.source === shownSelected) near.add(e.target);
      else if (e.target === shownSelected) near.add(e.source);
    }
    return { id: shownSelected, neighbours: [...near] };
  }, [model, shownSelected]);

  const openGroup = useCallback(
    (id: string, open?: boolean): void => {
      ui.toggleGroup(id, open);
      setOpened(open === false ? undefined : id);
    },
    [ui],
  );

  const onEvent = useCallback(
    (e: GraphEvent) => {
      switch (e.type) {
        case 'select': {
          // A closed group opens on click (story view); an open one is selected.
          const node = e.id === undefined ? undefined : model.nodes.find((n) => n.id === e.id);
          if (node?.kind === 'group' && node.expanded !== true && collapse === 'story') openGroup(node.id, true);
          ui.select(e.id);
          break;
        }
        case 'activate':
          if (e.id.startsWith(GROUP_PREFIX)) {
            if (collapse === 'story') openGroup(e.id, !expanded.includes(e.id));
            else ui.setCollapse('none');
          } else if (e.id.startsWith('hazard:')) ui.setBottomTab('hazards');
          break;
        case 'hover': {
          let text = e.title;
          if (e.kind === 'node' && !e.id.startsWith(GROUP_PREFIX) && !e.id.startsWith('file:')) {
            text = `${e.title}\nstate: ${svcsLabel(readFrame().statuses.get(e.id))}`;
          }
          setHover({ text, x: e.x, y: e.y });
          break;
        }
        case 'unhover':
          setHover(undefined);
          break;
      }
    },
    [ui, model, collapse, expanded, openGroup, readFrame],
  );

  const onPick = (id: string): void => ui.select(id);

  // Keyboard: ↑ a dependency, ↓ a dependent, ←/→ the others reached the same way, Enter opens it.
  const nav = useRef<{ list: readonly string[]; k: number } | undefined>(undefined);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
    const current = shownSelected;
    const labelOf = (id: string): string => model.nodes.find((n) => n.id === id)?.label ?? id;
    const go = (id: string | undefined): void => {
      if (id !== undefined) ui.select(id);
    };
    switch (e.key) {
      case 'ArrowUp':
      case 'ArrowDown': {
        e.preventDefault();
        if (current === undefined) {
          nav.current = undefined;
          go(home.flat()[0] ?? model.nodes[0]?.id);
          return;
        }
        const list = neighbours(model, current, e.key === 'ArrowUp' ? 'dependencies' : 'dependents').sort((a, b) => labelOf(a).localeCompare(labelOf(b)));
        if (list.length === 0) {
          ui.showToast(`${labelOf(current)} has no ${e.key === 'ArrowUp' ? 'dependencies' : 'dependents'} drawn`);
          return;
        }
        nav.current = { list, k: 0 };
        go(list[0]);
        return;
      }
      case 'ArrowLeft':
      case 'ArrowRight': {
        e.preventDefault();
        const n = nav.current;
        if (n === undefined || current === undefined || n.list[n.k] !== current) return;
        const k = (n.k + (e.key === 'ArrowRight' ? 1 : n.list.length - 1)) % n.list.length;
        nav.current = { list: n.list, k };
        go(n.list[k]);
        return;
      }
      case 'Enter':
      case ' ': {
        if (current === undefined) return;
        e.preventDefault();
        const node = model.nodes.find((x) => x.id === current);
        if (node?.kind === 'group' && collapse === 'story') {
          openGroup(node.id, node.expanded !== true);
          return;
        }
        if (e.key === ' ') return;
        // Open it in the inspector (a drawer on narrow screens) and move there.
        ui.setDrawer('right');
        requestAnimationFrame(() => {
          const heading = document.getElementById('panel-right')?.querySelector<HTMLElement>('h2');
          if (heading === null || heading === undefined) return;
          heading.tabIndex = -1;
          heading.focus();
        });
        return;
      }
      default:
        return;
    }
  };

  const label = `Dependency graph of ${run.trace.instances.length} services at the playhead. The Table view lists the same states as text.`;

  return (
    <div className={styles.panel}>
      {!minimal && <CentreToolbar matchCount={ranked?.length} results={results} onPick={onPick} />}
      <div
        className={styles.stage}
        id="graph-canvas"
        tabIndex={0}
        role="group"
        aria-label="Graph. Arrow keys: ↑ a dependency, ↓ a dependent, ← → the others; Enter opens the inspector or a group."
        aria-keyshortcuts="ArrowUp ArrowDown ArrowLeft ArrowRight Enter"
        onKeyDown={onKeyDown}
        data-testid="graph.stage"
      >
        {canvasModule === undefined ? (
          <p className={styles.loading}>Loading the graph…</p>
        ) : canvasModule instanceof Error ? (
          <p className={styles.loading} role="alert">
            The graph could not be loaded ({canvasModule.message}). The Table view shows the same states.
          </p>
        ) : (
          <FrameCanvas
            Canvas={canvasModule.GraphCanvas}
            model={model}
            marks={marks}
            theme={theme}
            reducedMotion={reducedMotion}
            layout={layoutService}
            commands={graphCommands}
            {...(frameIds === undefined ? {} : { frameIds })}
            frameReason={frameReason}
            home={home}
            {...(reveal === undefined ? {} : { reveal })}
            label={label}
            onEvent={onEvent}
            onLayout={setLayout}
            probe={probe}
          />
        )}
        {hover !== undefined && <Tooltip hover={hover} />}
        {limited !== undefined && (
          <p className={styles.limit} role="status" data-testid="graph.limit">
            {drawLimitText(limited)}
          </p>
        )}
        <PrintGraph />
        <div className={styles.status} aria-live="off" data-testid="layout.status">
          {layout === undefined || !layout.done
            ? 'Laying out…'
            : layout.source === 'elk'
              ? `ELK layered${layout.cached ? ' · cached' : ` · ${layout.ms} ms`}`
              : layout.source === 'precomputed'
                ? 'ELK layered · precomputed'
                : 'Simple layout (ELK unavailable)'}
        </div>
        <div className={styles.zoom} role="group" aria-label="Zoom">
          <button type="button" className="ui-btn ui-btn-icon" aria-label="Zoom in" title="Zoom in" onClick={() => commands.zoomGraph(1.25)}>
            <Icon name="zoomIn" />
          </button>
          <button type="button" className="ui-btn ui-btn-icon" aria-label="Zoom out" title="Zoom out" onClick={() => commands.zoomGraph(0.8)}>
            <Icon name="zoomOut" />
          </button>
          <button type="button" className="ui-btn ui-btn-icon" aria-label="Fit the graph" title="Fit (0)" onClick={() => commands.fitGraph()}>
            <Icon name="fit" />
          </button>
        </div>
      </div>
      <Legend />
    </div>
  );
}
