/**
 * What runs inside the page for the UI benchmark. Every exported function is
 * handed to Playwright (addInitScript / evaluate), which sends its source
 * text to the browser: each one must be self-contained (no imports, no
 * helpers from this file). Times are performance.now() in the page, whose
 * origin is the navigation start.
 */
import type { Page } from '@playwright/test';
import type { CollapseMode } from '../../src/graph-view/collapse.ts';
import type { BootgraphBridge } from '../../src/testing/e2e-bridge.ts';

export interface LongTask {
  readonly start: number;
  readonly dur: number;
}

export interface BenchProbe {
  readonly long: LongTask[];
  /** App: the first frame after the graph had nodes and the bridge reported a run. */
  drawn?: number;
  /** App: the final (ELK) layout is in place. */
  laidOut?: number;
  /** The trivial page: its script ran and the document is complete. */
  loaded?: number;
}

declare global {
  interface Window {
    __bench?: BenchProbe;
  }
}

/**
 * Installed with page.addInitScript before any page script: collects long
 * tasks (PerformanceObserver 'longtask', buffered) and watches, once per
 * frame, for the app (or the trivial page) to be ready.
 */
export function installProbe(): void {
  const probe: BenchProbe = { long: [] };
  window.__bench = probe;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.long.push({ start: e.startTime, dur: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: the long-task figures stay empty.
  }
  const trivial = location.pathname.endsWith('bench-trivial.html');
  let seen = false;
  const tick = (): void => {
    if (trivial) {
      if (document.body?.dataset['ready'] === '1' && document.readyState === 'complete') {
        probe.loaded = performance.now();
        return;
      }
    } else {
      const b = window.__BOOTGRAPH__;
      if (b !== undefined && b.ready() && b.nodeCount() > 0) {
        // Elements were in the graph during the previous frame: it has been drawn.
        if (seen && probe.drawn === undefined) probe.drawn = performance.now();
        seen = true;
        if (probe.drawn !== undefined && b.layoutDone()) {
          probe.laidOut = performance.now();
          return;
        }
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

export interface OpenSample {
  /** loadScenario() itself (validation and store updates, synchronous). */
  readonly callMs: number;
  /** Open → first frame showing the new graph (quick layout). */
  readonly drawnMs: number;
  /** Open → the ELK layout in place (or the cached one). */
  readonly laidOutMs: number;
  readonly layoutSource: string;
  readonly layoutCached: boolean;
  /** The ELK worker's wall time as the layout service measured it. */
  readonly elkMs: number;
  readonly simulateMs: number;
  readonly nodes: number;
  readonly edges: number;
  /** Graph redraws (Cytoscape 'render' events) from the open to the layout in place: frames the canvas drew. */
  readonly renders: number;
  readonly long: LongTask[];
}

/** Open a scenario through the bridge and wait for its final layout. */
export async function openScenario(args: { json: unknown; name: string; collapse?: CollapseMode; timeoutMs: number }): Promise<OpenSample> {
  const b: BootgraphBridge | undefined = window.__BOOTGRAPH__;
  const probe = window.__bench;
  if (b === undefined || probe === undefined) throw new Error('no bridge or probe');
  if (args.collapse !== undefined) {
    // Switch the view first and let the current graph settle in it: only the opening is measured.
    b.setCollapse(args.collapse);
    await new Promise<void>((resolve) => {
      const settled = (): void => {
        const info = b.layoutInfo();
        if (info !== undefined && info.done && info.nodes === b.nodeCount()) requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
        else setTimeout(settled, 20);
      };
      requestAnimationFrame(() => requestAnimationFrame(settled));
    });
  }
  const t0 = performance.now();
  // Redraws, counted across a canvas replaced by the opening (a large graph gets a new canvas, counting from 0).
  let renders = 0;
  let lastRenders = b.graphRenders();
  const countRenders = (): void => {
    const n = b.graphRenders();
    renders += n >= lastRenders ? n - lastRenders : n;
    lastRenders = n;
  };
  const r = b.loadScenario(args.json);
  const callMs = performance.now() - t0;
  if (!r.ok) throw new Error(`scenario rejected: ${r.errors.slice(0, 3).join('; ')}`);
  return new Promise<OpenSample>((resolve, reject) => {
    let seen = false;
    let drawn: number | undefined;
    const tick = (): void => {
      const now = performance.now();
      if (now - t0 > args.timeoutMs) {
        reject(new Error(`${args.name}: no layout within ${args.timeoutMs} ms`));
        return;
      }
      countRenders();
      const info = b.layoutInfo();
      const n = b.nodeCount();
      const mine = b.scenarioName() === args.name && info !== undefined && n > 0 && info.nodes === n;
      if (mine) {
        if (seen && drawn === undefined) drawn = now;
        seen = true;
        if (drawn !== undefined && info.done) {
          // The final layout is in place; the frame that draws it (and the long-task entries of its task) come next:
          // wait for them, so that the long tasks measured include the layout's application.
          const laidOut = now;
          const drawnAt = drawn;
          const sample = (): OpenSample => {
            countRenders();
            return {
              callMs,
              drawnMs: drawnAt - t0,
              laidOutMs: laidOut - t0,
              layoutSource: info.source,
              layoutCached: info.cached,
              elkMs: info.ms,
              simulateMs: b.simulateMs(),
              nodes: n,
              edges: b.edgeCount(),
              renders,
              long: probe.long.filter((e) => e.start >= t0),
            };
          };
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(sample()), 0)));
          return;
        }
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

export interface PlaySample {
  readonly deltas: number[];
  readonly wallMs: number;
  readonly speed: number;
  readonly endTime: number;
  readonly statusChanges: number;
  /** Graph canvas redraws while playing. */
  readonly renders: number;
  /** Frames the page drew (rAF callbacks) in the fixed window from the start of playback. */
  readonly framesInWindow: number;
  /** Graph canvas redraws in the same window. */
  readonly rendersInWindow: number;
  readonly windowMs: number;
  readonly long: LongTask[];
}

/**
 * Play the whole boot from 0 at the speed that makes it last about `playMs`.
 * Frames are counted, not inferred: every rAF callback in the fixed window of
 * `windowMs` from the start of playback is a frame the page drew (a busy main
 * thread makes fewer of them), so fps = frames / window.
 */
export async function playBoot(args: { playMs: number; windowMs: number; timeoutMs: number }): Promise<PlaySample> {
  const b = window.__BOOTGRAPH__;
  const probe = window.__bench;
  if (b === undefined || probe === undefined) throw new Error('no bridge or probe');
  b.home();
  const endTime = b.endTime();
  const speed = Math.max(1, endTime / args.playMs);
  b.setSpeed(speed);
  const statusChanges = b.traceSummary()?.changes.length ?? 0;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const deltas: number[] = [];
  let last: number | undefined;
  let recording = true;
  let inWindow = 0;
  let rendersAtWindowEnd: number | undefined;
  const t0 = performance.now();
  const r0 = b.graphRenders();
  const rec = (ts: number): void => {
    if (last !== undefined) deltas.push(ts - last);
    last = ts;
    if (ts - t0 <= args.windowMs) inWindow++;
    else rendersAtWindowEnd ??= b.graphRenders();
    if (recording) requestAnimationFrame(rec);
  };
  requestAnimationFrame(rec);
  b.play();
  await new Promise<void>((resolve, reject) => {
    const check = (): void => {
      if (!b.playing()) resolve();
      else if (performance.now() - t0 > args.timeoutMs) reject(new Error('playback did not end'));
      else setTimeout(check, 25);
    };
    setTimeout(check, 25);
  });
  recording = false;
  const t1 = performance.now();
  const renders = b.graphRenders() - r0;
  return {
    deltas,
    wallMs: t1 - t0,
    speed,
    endTime,
    statusChanges,
    renders,
    framesInWindow: inWindow,
    rendersInWindow: (rendersAtWindowEnd ?? b.graphRenders()) - r0,
    windowMs: Math.min(args.windowMs, t1 - t0),
    long: probe.long.filter((e) => e.start >= t0 && e.start <= t1),
  };
}

export interface ScrubSample {
  /** Per position: set the playhead → the frame after the redrawn one begins. */
  readonly perStep: number[];
  readonly totalMs: number;
  readonly long: LongTask[];
}

/** Drag the playhead across the whole timeline: `steps` positions from 0 to the end, one after the other. */
export async function scrubTimeline(args: { steps: number }): Promise<ScrubSample> {
  const b = window.__BOOTGRAPH__;
  const probe = window.__bench;
  if (b === undefined || probe === undefined) throw new Error('no bridge or probe');
  const end = b.endTime();
  b.setPlayhead(0);
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const perStep: number[] = [];
  const t0 = performance.now();
  for (let i = 1; i <= args.steps; i++) {
    const s = performance.now();
    b.setPlayhead((end * i) / args.steps);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    perStep.push(performance.now() - s);
  }
  const t1 = performance.now();
  return { perStep, totalMs: t1 - t0, long: probe.long.filter((e) => e.start >= t0 && e.start <= t1) };
}

export interface InterveneSample {
  /** intervene() → the frame after the re-simulated run is on screen, every view included. */
  readonly toFrameMs: number;
  /**
   * intervene() → the first frame whose graph shows the service the command changed in its new state: the task after
   * the Cytoscape redraw that first drew it (that frame is painted before the task runs).
   */
  readonly toPictureMs: number;
  /** The engine's share (re-simulation, in the page). */
  readonly simulateMs: number;
  readonly long: LongTask[];
}

/**
 * A condition change mid-boot: disable one service at the playhead; the run re-simulates and the graph redraws.
 * `watch`: the node whose look the command changes (default: the command's last word, its FMRI).
 */
export async function interveneAt(args: { t: number; command: string; watch?: string }): Promise<InterveneSample> {
  const b = window.__BOOTGRAPH__;
  const probe = window.__bench;
  interface Cy {
    getElementById(id: string): { classes(): string[] };
    on(event: 'render', fn: () => void): void;
    off(event: 'render', fn: () => void): void;
  }
  const cy = (window as unknown as { __BOOTGRAPH_CY__?: Cy }).__BOOTGRAPH_CY__;
  if (b === undefined || probe === undefined || cy === undefined) throw new Error('no bridge, probe or graph');
  b.setPlayhead(args.t);
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const before = b.interventions().length;
  const watch = args.watch ?? args.command.trim().split(/\s+/).pop() ?? '';
  const look = (): string => cy.getElementById(watch).classes().join(' ');
  const was = look();
  const pictured = new Promise<number>((resolve, reject) => {
    const onRender = (): void => {
      if (look() === was) return;
      cy.off('render', onRender);
      clearTimeout(never);
      setTimeout(() => resolve(performance.now()), 0);
    };
    const never = setTimeout(() => {
      cy.off('render', onRender);
      reject(new Error(`${watch} was not drawn differently within 30 s of "${args.command}"`));
    }, 30_000);
    cy.on('render', onRender);
  });
  const t0 = performance.now();
  b.intervene(args.command);
  // The run is re-simulated (in the worker, if the app uses one); then the next frame shows it.
  await new Promise<void>((resolve) => {
    const wait = (): void => {
      if (b.ready()) requestAnimationFrame(() => resolve());
      else requestAnimationFrame(wait);
    };
    requestAnimationFrame(wait);
  });
  const t1 = performance.now();
  const tp = await pictured;
  if (b.interventions().length !== before + 1) throw new Error('the intervention was not recorded');
  // Long-task entries are delivered after the task ends: give the observer time to report them.
  await new Promise((r) => setTimeout(r, 150));
  return { toFrameMs: t1 - t0, toPictureMs: tp - t0, simulateMs: b.simulateMs(), long: probe.long.filter((e) => e.start + e.dur >= t0 && e.start <= t1) };
}

/** Idle frame intervals on a quiet page (the frame-time baseline). */
export async function idleFrames(args: { frames: number }): Promise<number[]> {
  const out: number[] = [];
  let last: number | undefined;
  await new Promise<void>((resolve) => {
    const rec = (ts: number): void => {
      if (last !== undefined) out.push(ts - last);
      last = ts;
      if (out.length >= args.frames) resolve();
      else requestAnimationFrame(rec);
    };
    requestAnimationFrame(rec);
  });
  return out;
}

/**
 * Hand files to the Import button's input as a user's pick does (a change
 * event), built in the page first: the File objects are made before the clock
 * starts and the change is dispatched in a task of its own, so that the
 * harness's work is not counted as the app's. Returns the page time the
 * clock started.
 */
export function pickFiles(args: { files: readonly { name: string; text: string }[] }): Promise<number> {
  const input = document.querySelector<HTMLInputElement>('[data-testid="import.file"]');
  if (input === null) throw new Error('no import input');
  const dt = new DataTransfer();
  for (const f of args.files) dt.items.add(new File([f.text], f.name, { type: 'text/xml' }));
  input.files = dt.files;
  return new Promise<number>((resolve) => {
    setTimeout(() => {
      const t0 = performance.now();
      input.dispatchEvent(new Event('change', { bubbles: true }));
      resolve(t0);
    }, 50);
  });
}

/**
 * For page.waitForFunction after an import: another scenario than `was` is the
 * run's, and its graph is laid out with every node drawn.
 */
export function importedGraphDrawn(was: string | undefined): boolean {
  const b = window.__BOOTGRAPH__;
  const info = b?.layoutInfo();
  return b !== undefined && b.scenarioName() !== was && info?.done === true && b.nodeCount() > 0 && info.nodes === b.nodeCount();
}

export interface RenderCount {
  /** Counting (the action measured is running). */
  on: boolean;
  /** React commits while counting. */
  commits: number;
  /** Function components that rendered in those commits (mounted or re-rendered). */
  rendered: number;
  /** The same by component name (readable in an unminified build: bench/ui-profile.ts). */
  byName: Record<string, number>;
}

declare global {
  interface Window {
    __renders?: RenderCount;
  }
}

/**
 * Installed with page.addInitScript before the app (only where a section
 * counts renders): React DOM reports each commit to the React DevTools hook,
 * so a minimal hook counts the commits and, while `on`, the function
 * components that rendered in each (React's PerformedWork flag, in the
 * subtrees the commit replaced: a subtree React bailed out of keeps its
 * child fibers, and is not walked). How many panels re-render for a change,
 * independent of how loaded the machine is.
 */
export function installRenderCounter(): void {
  interface Fiber {
    tag: number;
    flags: number;
    child: Fiber | null;
    sibling: Fiber | null;
    alternate: Fiber | null;
    type: { name?: string; displayName?: string; type?: { name?: string }; render?: { name?: string } } | null;
  }
  const count: RenderCount = { on: false, commits: 0, rendered: 0, byName: {} };
  window.__renders = count;
  // FunctionComponent 0, ForwardRef 11, MemoComponent 14, SimpleMemoComponent 15; PerformedWork = 1.
  const FUNCTION_TAGS = new Set([0, 11, 14, 15]);
  const walk = (fiber: Fiber | null): void => {
    const stack: Fiber[] = fiber === null ? [] : [fiber];
    while (stack.length > 0) {
      const f = stack.pop();
      if (f === undefined) break;
      if (FUNCTION_TAGS.has(f.tag) && (f.flags & 1) !== 0) {
        count.rendered++;
        const t = f.type;
        const name = t?.displayName ?? t?.name ?? t?.type?.name ?? t?.render?.name ?? '?';
        count.byName[name] = (count.byName[name] ?? 0) + 1;
      }
      if (f.sibling !== null) stack.push(f.sibling);
      if (f.child !== null && (f.alternate === null || f.alternate.child !== f.child)) stack.push(f.child);
    }
  };
  const hook = {
    supportsFiber: true,
    renderers: new Map<number, unknown>(),
    inject(renderer: unknown): number {
      hook.renderers.set(1, renderer);
      return 1;
    },
    onCommitFiberRoot(_id: number, root: { current: Fiber }): void {
      if (!count.on) return;
      count.commits++;
      walk(root.current.child);
    },
    onCommitFiberUnmount(): void {},
    onPostCommitFiberRoot(): void {},
    checkDCE(): void {},
  };
  (window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = hook;
}

/** bench:ui's toggle: a click on the default scenario's "verbose" boot option, to the next frame with the new run. */
export async function toggleVerbose(page: Page): Promise<{ toFrameMs: number }> {
  const button = page.getByTestId('condition.boot.verbose').getByRole('button', { name: 'verbose' });
  await button.waitFor();
  const t0 = await page.evaluate(() => performance.now());
  await button.click();
  const t1 = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const b = window.__BOOTGRAPH__;
        const wait = (): void => {
          if (b !== undefined && b.ready() && Object.keys(b.conditions()).length > 0) requestAnimationFrame(() => resolve(performance.now()));
          else requestAnimationFrame(wait);
        };
        wait();
      }),
  );
  return { toFrameMs: t1 - t0 };
}
