/**
 * window.__BOOTGRAPH__: a typed handle for end-to-end tests on what is drawn
 * on the canvas (tldraw's EndToEndApi, cytoscape.js's window.cy, typed).
 * Installed only in development and in VITE_E2E=1 builds (main.tsx).
 */
import { goEnd, goHome, intervene, openInline, openPreset, scrubTo, stepBackCmd, stepForwardCmd } from '../session/commands.ts';
import type { Session } from '../session/create-session.ts';
import type { Autosaver } from '../session/persistence/autosave.ts';
import { isPlaying } from '../session/player.machine.ts';
import { explain, stateLabel } from '../engine/index.ts';
import type { CollapseMode } from '../graph-view/collapse.ts';
import { validateScenario } from '../model/scenario/validate.ts';
import { encodeShareState } from '../share/codec.ts';
import type { ShareStateV1 } from '../share/share-state.ts';
import { filesAtIndex } from '../selectors/files.ts';
import { effectiveIndex } from '../selectors/playhead.ts';
import { selectPosition } from '../store/selectors.ts';
import { teachBridge, type TeachBridge } from './teach-bridge.ts';
import { timingBridge, type TimingBridge } from './timing-bridge.ts';

export interface StatusChange {
  readonly t: number;
  readonly index: number;
  readonly fmri: string;
  readonly from: string;
  readonly to: string;
}

export interface BootgraphBridge extends TeachBridge, TimingBridge {
  /** The run on screen is the document's (nothing loading or simulating), and the views have rendered it (src/session/picture.ts). */
  ready(): boolean;
  scenarioName(): string | undefined;
  presetId(): string | undefined;
  /** svcs' label of an instance at the playhead ("online", "offline*", "absent"), or undefined if unknown. */
  getState(fmri: string): string | undefined;
  states(): Record<string, string>;
  playhead(): number;
  /** The record index applied at the playhead (-1: none). */
  eventIndex(): number;
  setPlayhead(t: number): void;
  endTime(): number;
  playing(): boolean;
  speed(): number;
  selected(): string | undefined;
  select(fmri: string | undefined): void;
  openPreset(id: string): void;
  stepForward(): void;
  stepBack(): void;
  home(): void;
  end(): void;
  interventions(): { at: number; run: string }[];
  conditions(): Record<string, string>;
  nodeCount(): number;
  edgeCount(): number;
  nodeClasses(id: string): string[];
  /** Where a node is drawn, in page coordinates (to click it). */
  nodeClientPosition(id: string): { x: number; y: number } | undefined;
  layoutDone(): boolean;
  layoutSource(): string;
  layoutMs(): number;
  /** The canvas's layout status: nodes laid out, source, ELK wall time, from the cache or not. */
  layoutInfo(): { done: boolean; source: string; ms: number; cached: boolean; nodes: number } | undefined;
  traceSummary(): { records: number; instances: number; console: number; endTime: number; changes: StatusChange[] } | undefined;
  /** The engine's svcs -xv explanation of an instance at the playhead. */
  explanation(fmri: string): { codes: string[]; rootCauses: string[]; impact: string[]; verbose: string } | undefined;
  /** Durations (ms) of main-thread long tasks seen since load (PerformanceObserver 'longtask'). */
  longTasks(): number[];
  simulateMs(): number;
  /** Issue 6: where the scenario comes from, and the graph camera (undefined while it is fitted automatically). */
  sourceKind(): 'preset' | 'inline';
  camera(): { zoom: number; centre: { x: number; y: number } } | undefined;
  /** The zoom level on screen (fitted or placed). */
  zoom(): number | undefined;
  /** Issue 18: the view layout a link keeps. */
  layoutState(): { centreView: string; focusMode: string; collapse: string; bottomTab: string; bottomHeight: number; helpOpen: boolean; compare: unknown; hazardsOnGraph: boolean; hazardPick: string | undefined };
  /** Issue 18: the link fragment (without '#') the app's encoder makes for a share state, as given (not validated: a test makes out-of-range links with it). */
  encodeLink(state: unknown): string | undefined;
  /** The graph as Cytoscape draws it, unframed (to compare with the framed PNG export). */
  graphPng(): Promise<Blob> | undefined;
  /**
   * Benchmarks (bench/ui-bench.ts): open a scenario given as parsed JSON, as
   * the Import button does, without a file chooser or its size limit.
   */
  loadScenario(json: unknown): { ok: true; services: number } | { ok: false; errors: string[] };
  setSpeed(speed: number): void;
  play(): void;
  pause(): void;
  setCollapse(mode: CollapseMode): void;
  /** Run a command at the playhead, as the console does (the run re-simulates). */
  intervene(command: string): void;
  /** Redraws of the graph canvas since it was created. */
  graphRenders(): number;
  /** Which renderer draws the graph ('webgl' only for a large graph on hardware WebGL2); undefined with no canvas. */
  graphRenderer(): 'canvas' | 'webgl' | undefined;
  /** How many times the autosave has looked at a change (saved or not, after its debounce). */
  autosaveChecks(): number;
}

declare global {
  interface Window {
    __BOOTGRAPH__?: BootgraphBridge;
  }
}

export function installE2eBridge(s: Session, autosave?: Pick<Autosaver, 'onChange'>): BootgraphBridge {
  let checks = 0;
  autosave?.onChange(() => checks++);
  const long: number[] = [];
  try {
    const po = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) long.push(Math.round(e.duration));
    });
    po.observe({ type: 'longtask', buffered: true });
  } catch {
    // Not supported: longTasks() stays empty.
  }
  const run = () => s.runs.current();
  const statuses = () => {
    const r = run();
    if (r === undefined) return undefined;
    return r.seeker.atIndex(effectiveIndex(r.trace.records, selectPosition(s.ui.getState())));
  };
  const bridge: BootgraphBridge = {
    ...teachBridge(s),
    ...timingBridge(s),
    ready: () => run() !== undefined && s.runs.settled() && !s.gate.isHeld(),
    scenarioName: () => run()?.scenario.name,
    presetId: () => {
      const src = s.doc.getState().source;
      return src.kind === 'preset' ? src.id : undefined;
    },
    getState: (fmri) => {
      const st = statuses()?.get(fmri);
      return st === undefined ? undefined : stateLabel(st);
    },
    states: () => {
      const out: Record<string, string> = {};
      for (const [k, v] of statuses() ?? new Map()) out[k] = stateLabel(v);
      return out;
    },
    playhead: () => s.ui.getState().playhead,
    eventIndex: () => {
      const r = run();
      return r === undefined ? -1 : effectiveIndex(r.trace.records, selectPosition(s.ui.getState()));
    },
    setPlayhead: (t) => scrubTo(s, t),
    endTime: () => run()?.trace.endTime ?? 0,
    playing: () => isPlaying(s.player.getSnapshot()),
    speed: () => s.ui.getState().speed,
    selected: () => s.ui.getState().selected,
    select: (fmri) => s.ui.getState().select(fmri),
    openPreset: (id) => openPreset(s, id),
    stepForward: () => stepForwardCmd(s),
    stepBack: () => stepBackCmd(s),
    home: () => goHome(s),
    end: () => goEnd(s),
    interventions: () => s.doc.getState().interventions.map((i) => ({ at: i.at, run: i.run })),
    conditions: () => ({ ...s.doc.getState().conditions }),
    nodeCount: () => s.graph.probe()?.nodeCount() ?? 0,
    edgeCount: () => s.graph.probe()?.edgeCount() ?? 0,
    nodeClasses: (id) => s.graph.probe()?.classesOf(id) ?? [],
    nodeClientPosition: (id) => s.graph.probe()?.clientPositionOf(id),
    layoutDone: () => s.graph.probe()?.layout().done ?? false,
    layoutSource: () => s.graph.probe()?.layout().source ?? 'none',
    layoutMs: () => s.graph.probe()?.layout().ms ?? 0,
    layoutInfo: () => {
      const l = s.graph.probe()?.layout();
      return l === undefined ? undefined : { done: l.done, source: l.source, ms: l.ms, cached: l.cached, nodes: l.nodes };
    },
    traceSummary: () => {
      const r = run();
      if (r === undefined) return undefined;
      const changes: StatusChange[] = [];
      r.trace.records.forEach((rec, index) => {
        if (rec.kind === 'status' && rec.from !== rec.to) changes.push({ t: rec.t, index, fmri: rec.fmri, from: rec.from, to: rec.to });
      });
      return { records: r.trace.records.length, instances: r.trace.instances.length, console: r.trace.console.length, endTime: r.trace.endTime, changes };
    },
    explanation: (fmri) => {
      const r = run();
      if (r === undefined) return undefined;
      const index = effectiveIndex(r.trace.records, selectPosition(s.ui.getState()));
      const ex = explain({ trace: r.trace, statuses: r.seeker.atIndex(index), files: filesAtIndex(r.trace, index) }, fmri);
      return ex === undefined ? undefined : { codes: ex.reasons.map((x) => x.code), rootCauses: [...ex.rootCauses], impact: [...ex.impact], verbose: ex.verbose };
    },
    longTasks: () => [...long],
    simulateMs: () => run()?.simulateMs ?? 0,
    sourceKind: () => s.doc.getState().source.kind,
    camera: () => s.graph.probe()?.view(),
    zoom: () => s.graph.probe()?.zoom(),
    graphPng: () => s.graph.probe()?.png(),
    layoutState: () => {
      const u = s.ui.getState();
      return { centreView: u.centreView, focusMode: u.focusMode, collapse: u.collapse, bottomTab: u.bottomTab, bottomHeight: u.bottomHeight, helpOpen: u.helpOpen, compare: u.compare, hazardsOnGraph: u.hazardsOnGraph, hazardPick: u.hazardPick };
    },
    encodeLink: (state) => {
      const e = encodeShareState(state as ShareStateV1);
      return e.ok ? e.fragment : undefined;
    },
    loadScenario: (json) => {
      const v = validateScenario(json);
      if (!v.ok) return { ok: false, errors: v.errors.map((e) => `${e.path} ${e.message}`) };
      openInline(s, v.scenario);
      return { ok: true, services: v.scenario.services.length };
    },
    setSpeed: (speed) => s.ui.getState().setSpeed(speed),
    play: () => s.player.send({ type: 'PLAY' }),
    pause: () => s.player.send({ type: 'PAUSE' }),
    setCollapse: (mode) => s.ui.getState().setCollapse(mode),
    intervene: (command) => intervene(s, command),
    graphRenders: () => s.graph.probe()?.renders() ?? 0,
    graphRenderer: () => s.graph.probe()?.renderer(),
    autosaveChecks: () => checks,
  };
  window.__BOOTGRAPH__ = bridge;
  return bridge;
}
