/**
 * The page's main-thread tasks while an action runs, from a Chromium trace
 * (category `toplevel`, light enough not to change what it measures): each
 * task's wall time and its thread (CPU) time. On a shared machine the wall
 * time of a task includes the time the thread waited for a core; the CPU
 * time is the work the app itself did, which is what the wall time is on an
 * idle machine. Benchmarks print both.
 */
import type { Browser, Page } from '@playwright/test';

export interface TaskTime {
  readonly wallMs: number;
  readonly cpuMs: number;
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly name?: string };
}

/** Top-level tasks (not nested in another) of every renderer main thread in the trace, over `minMs` of wall or CPU time. */
export function mainThreadTasks(events: readonly TraceEvent[], minMs = 50): TaskTime[] {
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask' || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!mains.has(key)) continue;
    const list = byThread.get(key);
    if (list === undefined) byThread.set(key, [e]);
    else list.push(e);
  }
  const out: TaskTime[] = [];
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    let end = -Infinity;
    for (const e of list) {
      if (e.ts < end) continue; // nested in the task before
      end = e.ts + (e.dur ?? 0);
      const t = { wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? e.dur ?? 0) / 1000 };
      if (t.wallMs >= minMs || t.cpuMs >= minMs) out.push(t);
    }
  }
  return out;
}

/** CPU time (ms) of all top-level tasks of the renderer main thread, and of its dedicated workers (the simulation worker), in the trace. */
export interface ThreadCpu {
  readonly mainMs: number;
  readonly workerMs: number;
}

export function threadCpu(events: readonly TraceEvent[]): ThreadCpu {
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name !== undefined) names.set(`${e.pid}:${e.tid}`, e.args.name);
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask' || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    const list = byThread.get(key);
    if (list === undefined) byThread.set(key, [e]);
    else list.push(e);
  }
  let mainMs = 0;
  let workerMs = 0;
  for (const [key, list] of byThread) {
    const name = names.get(key) ?? '';
    const isMain = name === 'CrRendererMain';
    if (!isMain && name !== 'DedicatedWorker thread') continue;
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    let end = -Infinity;
    let sum = 0;
    for (const e of list) {
      if (e.ts < end) continue;
      end = e.ts + (e.dur ?? 0);
      sum += (e.tdur ?? e.dur ?? 0) / 1000;
    }
    if (isMain) mainMs += sum;
    else workerMs += sum;
  }
  return { mainMs, workerMs };
}

/** Run `action` with the page traced (top-level tasks); its result and the trace's events. */
async function traced<T>(browser: Browser, page: Page, action: () => Promise<T>): Promise<{ result: T; events: TraceEvent[] }> {
  await browser.startTracing(page, { categories: ['toplevel'] });
  let result: T;
  try {
    result = await action();
  } catch (e) {
    await browser.stopTracing();
    throw e;
  }
  const buf = await browser.stopTracing();
  return { result, events: (JSON.parse(buf.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents };
}

/** Run `action` with the page traced; its result and the CPU time of the page's main thread and workers meanwhile. */
export async function withThreadCpu<T>(browser: Browser, page: Page, action: () => Promise<T>): Promise<{ result: T; cpu: ThreadCpu }> {
  const { result, events } = await traced(browser, page, action);
  return { result, cpu: threadCpu(events) };
}

/** Run `action` with the page traced; its result and the main thread's tasks meanwhile (those over `minMs` of wall or CPU time). */
export async function withTaskTimes<T>(browser: Browser, page: Page, action: () => Promise<T>, minMs = 50): Promise<{ result: T; tasks: TaskTime[] }> {
  const { result, events } = await traced(browser, page, action);
  return { result, tasks: mainThreadTasks(events, minMs) };
}
