/**
 * The centre: the dependency graph at the playhead, with focus modes,
 * search, collapsing, tooltips, the legend and zoom controls. Maps the run
 * and UI state to elements; the canvas does the drawing.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useFrame, useRun, useUi, useUiActions } from '../../session/react/context.tsx';
import { useCommands } from '../../session/react/use-commands.ts';
import { useGraphCommands, useGraphProbe, useLayoutService } from '../../session/react/view-commands.ts';
import { useInsight } from '../../session/react/insight.ts';
import { useTourSpotlight } from '../../session/react/use-tour.ts';
import { spotlightMarks } from '../../graph-view/spotlight.ts';
import { useReducedMotion, useTheme } from '../../session/react/theme.ts';
import { collapseModel, GROUP_PREFIX } from '../../graph-view/collapse.ts';
import { focusSet, pathMarks } from '../../graph-view/focus.ts';
import type { GraphEvent } from '../../graph-view/graph-adapter.ts';
import type { LayoutStatus } from '../../graph-view/GraphCanvas.tsx';
import { toElements } from '../../graph-view/to-elements.ts';
import { useHazardMarks } from './hazard-marks.ts';
import { svcsLabel } from '../../selectors/narrate.ts';
import { searchMatches } from '../../store/selectors.ts';
import { CentreToolbar } from '../CentreToolbar/CentreToolbar.tsx';
import { Icon } from '../Icon/Icon.tsx';
import { Legend } from '../Legend/Legend.tsx';
import styles from './GraphPanel.module.css';

import { graphCanvasIfLoaded, loadGraphCanvas } from './load-graph-canvas.ts';

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

export function GraphPanel() {
  const ui = useUiActions();
  const commands = useCommands();
  const graphCommands = useGraphCommands();
  const probe = useGraphProbe();
  const layoutService = useLayoutService();
  const canvasModule = useGraphCanvas();
  const run = useRun();
  const frame = useFrame();
  // The hover text reads the state at the moment of hovering.
  const statuses = useRef(frame.statuses);
  useEffect(() => {
    statuses.current = frame.statuses;
  });
  const insight = useInsight();
  const theme = useTheme();
  const reducedMotion = useReducedMotion();
  const selected = useUi((s) => s.selected);
  const focusMode = useUi((s) => s.focusMode);
  const collapse = useUi((s) => s.collapse);
  const search = useUi((s) => s.search);
  const [hover, setHover] = useState<Hover | undefined>(undefined);
  const [layout, setLayout] = useState<LayoutStatus | undefined>(undefined);

  const model = useMemo(() => collapseModel(run.model, run.index, collapse, run.quiet), [run.model, run.index, collapse, run.quiet]);
  const searchItems = useMemo(
    () => run.model.nodes.map((n) => ({ id: n.id, text: n.kind === 'instance' ? run.index.instances.get(n.id)?.commonName ?? '' : '' })),
    [run.model, run.index],
  );
  const matches = useMemo(() => {
    const m = searchMatches(search, searchItems);
    return m === undefined ? undefined : new Set([...m].map((id) => model.shownAs.get(id) ?? id));
  }, [search, searchItems, model]);

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

  // What the last change made end differently (until its summary is dismissed).
  const outcome = useUi((s) => s.outcome);
  const changed = useMemo(
    () => (outcome === undefined || outcome.changed.length === 0 ? undefined : new Set(outcome.changed.map((c) => model.shownAs.get(c.fmri) ?? c.fmri))),
    [outcome, model],
  );

  const elements = useMemo(
    () =>
      toElements(model, frame, {
        ...(changed === undefined ? {} : { changed }),
        ...(hazards.length === 0 ? {} : { hazards }),
        ...(shownSelected === undefined ? {} : { selected: shownSelected }),
        ...(lit === undefined ? {} : { focus: lit }),
        ...(spot === undefined ? {} : { spotlight: spot.nodes }),
        ...(matches === undefined ? {} : { matches }),
        ...(chainMarks === undefined ? {} : { chain: chainMarks }),
        ...(panelHazards.selected === undefined ? {} : { alsoSelected: panelHazards.selected }),
      }),
    [model, frame, shownSelected, lit, spot, matches, chainMarks, hazards, changed, panelHazards.selected],
  );

  const onEvent = useCallback(
    (e: GraphEvent) => {
      switch (e.type) {
        case 'select':
          ui.select(e.id);
          break;
        case 'activate':
          if (e.id.startsWith(GROUP_PREFIX)) ui.setCollapse('none');
          else if (e.id.startsWith('hazard:')) ui.setBottomTab('hazards');
          break;
        case 'hover': {
          let text = e.title;
          if (e.kind === 'node' && !e.id.startsWith(GROUP_PREFIX) && !e.id.startsWith('file:')) {
            text = `${e.title}\nstate: ${svcsLabel(statuses.current.get(e.id))}`;
          }
          setHover({ text, x: e.x, y: e.y });
          break;
        }
        case 'unhover':
          setHover(undefined);
          break;
      }
    },
    [ui],
  );

  const onSearchEnter = (): void => {
    const first = matches === undefined ? undefined : model.nodes.find((n) => matches.has(n.id));
    if (first !== undefined) ui.select(first.id);
  };

  const label = `Dependency graph of ${run.trace.instances.length} services at the playhead. The Table view lists the same states as text.`;

  return (
    <div className={styles.panel}>
      <CentreToolbar matchCount={matches?.size} onSearchEnter={onSearchEnter} />
      <div className={styles.stage}>
        {canvasModule === undefined ? (
          <p className={styles.loading}>Loading the graph…</p>
        ) : canvasModule instanceof Error ? (
          <p className={styles.loading} role="alert">
            The graph could not be loaded ({canvasModule.message}). The Table view shows the same states.
          </p>
        ) : (
          <canvasModule.GraphCanvas
            model={model}
            elements={elements}
            theme={theme}
            reducedMotion={reducedMotion}
            layout={layoutService}
            commands={graphCommands}
            {...(frameIds === undefined ? {} : { frameIds })}
            {...(shownSelected === undefined ? {} : { reveal: shownSelected })}
            label={label}
            onEvent={onEvent}
            onLayout={setLayout}
            probe={probe}
          />
        )}
        {hover !== undefined && (
          <div className={styles.tooltip} style={{ left: hover.x, top: hover.y }} role="tooltip">
            {hover.text}
          </div>
        )}
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
