/**
 * window.__BOOTGRAPH__: a typed handle for end-to-end tests on what is drawn
 * on the canvas (tldraw's EndToEndApi, cytoscape.js's window.cy, typed).
 * Installed only in development and in VITE_E2E=1 builds (main.tsx).
 */
import { goEnd, goHome, openPreset, stepBackCmd, stepForwardCmd } from '../app/actions.ts';
import type { AppServices } from '../app/services.ts';
import { isPlaying } from '../app/player.machine.ts';
import { explain, stateLabel } from '../engine/index.ts';
import { filesAtIndex } from '../selectors/files.ts';
import { effectiveIndex } from '../selectors/playhead.ts';
import { selectPosition } from '../store/selectors.ts';

export interface StatusChange {
  readonly t: number;
  readonly index: number;
  readonly fmri: string;
  readonly from: string;
  readonly to: string;
}

export interface BootgraphBridge {
  /** A run is on screen. */
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
  traceSummary(): { records: number; instances: number; console: number; endTime: number; changes: StatusChange[] } | undefined;
  /** The engine's svcs -xv explanation of an instance at the playhead. */
  explanation(fmri: string): { codes: string[]; rootCauses: string[]; impact: string[]; verbose: string } | undefined;
  /** Durations (ms) of main-thread long tasks seen since load (PerformanceObserver 'longtask'). */
  longTasks(): number[];
  simulateMs(): number;
}

declare global {
  interface Window {
    __BOOTGRAPH__?: BootgraphBridge;
  }
}

export function installE2eBridge(s: AppServices): BootgraphBridge {
  const long: number[] = [];
  try {
    const po = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) long.push(Math.round(e.duration));
    });
    po.observe({ type: 'longtask', buffered: true });
  } catch {
    // Not supported: longTasks() stays empty.
  }
  const run = () => s.run.current;
  const statuses = () => {
    const r = run();
    if (r === undefined) return undefined;
    return r.seeker.atIndex(effectiveIndex(r.trace.records, selectPosition(s.ui.getState())));
  };
  const bridge: BootgraphBridge = {
    ready: () => run() !== undefined,
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
    setPlayhead: (t) => {
      s.player.send({ type: 'PAUSE' });
      s.ui.getState().setPlayhead(t);
    },
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
    nodeCount: () => s.graph.current?.nodeCount() ?? 0,
    edgeCount: () => s.graph.current?.edgeCount() ?? 0,
    nodeClasses: (id) => s.graph.current?.classesOf(id) ?? [],
    nodeClientPosition: (id) => s.graph.current?.clientPositionOf(id),
    layoutDone: () => s.graph.current?.layout().done ?? false,
    layoutSource: () => s.graph.current?.layout().source ?? 'none',
    layoutMs: () => s.graph.current?.layout().ms ?? 0,
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
  };
  window.__BOOTGRAPH__ = bridge;
  return bridge;
}
