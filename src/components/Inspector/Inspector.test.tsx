// @vitest-environment happy-dom
/**
 * Issue 16: a panel out of sight does no work while a boot plays. At
 * 1024×768 the inspector is a drawer (src/app/App.module.css), closed by
 * default: moving the playhead must not render anything in it. Open, or
 * printed, it renders the instant shown. Rendered with react-dom in
 * happy-dom; renders counted with React's Profiler.
 */
import { act, Profiler } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSession, type Clock } from '../../session/create-session.ts';
import { inlineDocument } from '../../session/document.ts';
import { SessionProvider } from '../../session/react/context.tsx';
import { failingBootScenario } from '../../testing/fixtures.ts';
import { Inspector } from './Inspector.tsx';

declare global {
  // React's flag for act() outside a test renderer.
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

interface HappyWindow {
  happyDOM: { setViewport(v: { width: number; height: number }): void };
}

const still: Clock = { requestFrame: () => 0, cancelFrame: () => undefined };

function mount(width: number) {
  (window as unknown as HappyWindow).happyDOM.setViewport({ width, height: 768 });
  const session = createSession({ doc: inlineDocument(failingBootScenario()), clock: still });
  const run = session.runs.current();
  if (run === undefined) throw new Error('no run');
  const host = document.createElement('div');
  document.body.append(host);
  let renders = 0;
  const root: Root = createRoot(host);
  act(() =>
    root.render(
      <SessionProvider session={session}>
        <Profiler id="inspector" onRender={() => renders++}>
          <Inspector />
        </Profiler>
      </SessionProvider>,
    ),
  );
  const times = [...new Set(run.trace.records.map((r) => r.t))];
  return {
    session,
    host,
    times,
    renders: () => renders,
    /** The playhead moved to each instant, as playback moves it (paused: the slow frame follows at once, the most work). */
    tick: (ts: readonly number[]) => {
      for (const t of ts) act(() => session.ui.getState().setPlayhead(t));
    },
    /** What the problem list says (its counts sentence). */
    summary: () => host.querySelector('[data-testid="problems.summary"]')?.textContent ?? '',
    unmount: () => {
      act(() => root.unmount());
      host.remove();
      session.dispose();
    },
  };
}

describe('<Inspector> out of sight', () => {
  beforeEach(() => {
    globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  });
  afterEach(() => {
    globalThis.IS_REACT_ACT_ENVIRONMENT = false;
  });

  it('at 1366 (a column of its own) it renders on every instant shown', () => {
    const m = mount(1366);
    const before = m.renders();
    m.tick(m.times.slice(1, 6));
    expect(m.renders() - before).toBeGreaterThanOrEqual(5);
    m.unmount();
  });

  it('at 1024 with its drawer closed it renders nothing per tick; opened, it shows the instant shown', () => {
    const m = mount(1024);
    const { session, times } = m;
    expect(session.ui.getState().drawer).not.toBe('right');
    act(() => session.ui.getState().setPlayhead(0));
    const atStart = m.summary();
    const before = m.renders();
    m.tick(times.slice(1));
    expect(m.renders()).toBe(before);
    // Still what it showed when it was hidden.
    expect(m.summary()).toBe(atStart);
    act(() => session.ui.getState().setDrawer('right'));
    expect(m.renders()).toBeGreaterThan(before);
    const shown = m.summary();
    expect(shown).not.toBe(atStart);
    // The same sentence a visible inspector gives at this instant.
    const wide = mount(1366);
    act(() => wide.session.ui.getState().setPlayhead(times[times.length - 1] ?? 0));
    expect(shown).toBe(wide.summary());
    wide.unmount();
    act(() => (window as unknown as HappyWindow).happyDOM.setViewport({ width: 1024, height: 768 }));
    // Closed again: ticks are free again.
    act(() => session.ui.getState().setDrawer('none'));
    const closed = m.renders();
    m.tick(times.slice(0, 5));
    expect(m.renders()).toBe(closed);
    m.unmount();
  });

  it('printed with its drawer closed, it catches up before the page is laid out for paper', () => {
    const m = mount(1024);
    act(() => m.session.ui.getState().setPlayhead(0));
    const atStart = m.summary();
    m.tick(m.times.slice(1));
    expect(m.summary()).toBe(atStart);
    act(() => {
      window.dispatchEvent(new Event('beforeprint'));
    });
    expect(m.summary()).not.toBe(atStart);
    act(() => {
      window.dispatchEvent(new Event('afterprint'));
    });
    const after = m.renders();
    m.tick(m.times.slice(0, 3));
    expect(m.renders()).toBe(after);
    m.unmount();
  });
});
