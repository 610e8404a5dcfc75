/**
 * The composition root of the UI: services → run (derived from the session
 * document) → frame at the playhead → the panels. Layout: top bar; left
 * panel, graph, inspector; timeline at the bottom.
 */
import { useLayoutEffect, useMemo, type CSSProperties, type ReactNode } from 'react';
import { BottomPanel } from '../components/BottomPanel/BottomPanel.tsx';
import { CompareView } from '../components/CompareView/CompareView.tsx';
import { DropZone } from '../components/DropZone/DropZone.tsx';
import { FindingsPanel } from '../components/FindingsPanel/FindingsPanel.tsx';
import { GraphPanel } from '../components/GraphPanel/GraphPanel.tsx';
import { HelpOverlay } from '../components/HelpOverlay/HelpOverlay.tsx';
import { Inspector } from '../components/Inspector/Inspector.tsx';
import { LinkNotice } from '../components/LinkNotice/LinkNotice.tsx';
import { LeftPanel } from '../components/LeftPanel/LeftPanel.tsx';
import { LiveRegion } from '../components/LiveRegion/LiveRegion.tsx';
import { ScenarioEditor } from '../components/ScenarioEditor/ScenarioEditor.tsx';
import { StateTable } from '../components/StateTable/StateTable.tsx';
import { Toast } from '../components/Toast/Toast.tsx';
import { TopBar } from '../components/TopBar/TopBar.tsx';
import { TourPanel } from '../components/TourPanel/TourPanel.tsx';
import { FrameProvider, RunProviderContext, ServicesProvider, useDoc, useRunState, useServices, useUi, type RunState } from '../session/react/context.tsx';
import { deriveRun } from '../session/derive-run.ts';
import { InsightProvider } from '../session/react/insight.tsx';
import type { AppServices } from '../session/create-session.ts';
import { ThemeSync } from '../session/react/theme.ts';
import { useBaseScenario } from '../session/base-scenario.ts';
import { useKeyboard } from '../session/react/use-keyboard.ts';
import styles from './App.module.css';

function RunProvider({ children }: { children: ReactNode }) {
  const services = useServices();
  const source = useDoc((s) => s.source);
  const conditions = useDoc((s) => s.conditions);
  const interventions = useDoc((s) => s.interventions);
  const boot = useDoc((s) => s.boot);
  const base = useBaseScenario(source);
  const state = useMemo<RunState>(() => {
    if (base.status === 'loading') return { status: 'loading', label: base.label };
    if (base.status === 'error') return { status: 'error', message: base.message };
    try {
      return { status: 'ready', run: deriveRun(base.scenario, { conditions, interventions, boot }) };
    } catch (e) {
      return { status: 'error', message: `The simulation failed: ${e instanceof Error ? e.message : String(e)}` };
    }
  }, [base, conditions, interventions, boot]);
  useLayoutEffect(() => {
    services.run.current = state.status === 'ready' ? state.run : undefined;
    if (state.status !== 'ready') services.player.send({ type: 'PAUSE' });
  }, [services, state]);
  return <RunProviderContext value={state}>{children}</RunProviderContext>;
}

function Workspace() {
  const view = useUi((s) => s.centreView);
  return (
    <>
      <main className={styles.main}>
        <aside className={styles.left} aria-label="Scenario, conditions and commands">
          <LeftPanel />
        </aside>
        <section className={styles.centre} aria-label={view === 'graph' ? 'Dependency graph' : view === 'table' ? 'Service table' : 'Compare two boots'}>
          <TourPanel />
          <div className={styles.view}>{view === 'graph' ? <GraphPanel /> : view === 'table' ? <StateTable /> : <CompareView />}</div>
          <FindingsPanel />
        </section>
        <aside className={styles.right} aria-label="Inspector">
          <Inspector />
        </aside>
      </main>
      <section className={styles.bottom} aria-label="Timeline">
        <BottomPanel />
      </section>
      <LiveRegion />
    </>
  );
}

function Placeholder({ state }: { state: Exclude<RunState, { status: 'ready' }> }) {
  return (
    <main className={styles.placeholder}>
      {state.status === 'loading' ? (
        <p className={styles.loading}>Simulating {state.label}…</p>
      ) : (
        <div className={styles.error} role="alert">
          <h1>Cannot open this scenario</h1>
          <p>{state.message}</p>
          <p>Choose another scenario from the picker above.</p>
        </div>
      )}
    </main>
  );
}

function Shell() {
  const services = useServices();
  const state = useRunState();
  const bottomHeight = useUi((s) => s.bottomHeight);
  useKeyboard(services);
  return (
    <div className={styles.app} style={{ '--bottom-h': `${bottomHeight}px` } as CSSProperties}>
      <TopBar />
      {state.status === 'ready' ? (
        <FrameProvider>
          <InsightProvider>
            <Workspace />
          </InsightProvider>
        </FrameProvider>
      ) : (
        <Placeholder state={state} />
      )}
      <ScenarioEditor />
      <HelpOverlay />
      <LinkNotice />
      <DropZone />
      <Toast />
    </div>
  );
}

export function App({ services }: { services: AppServices }) {
  return (
    <ServicesProvider services={services}>
      <ThemeSync />
      <RunProvider>
        <Shell />
      </RunProvider>
    </ServicesProvider>
  );
}
