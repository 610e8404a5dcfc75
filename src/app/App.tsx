/**
 * The composition root of the UI: the session (created in main.tsx, outside
 * React: document, run, frame, player) → the panels, which subscribe to the
 * slices they show through src/session/react. Layout: top bar; left panel,
 * graph, inspector; timeline at the bottom.
 */
import type { CSSProperties } from 'react';
import { BottomPanel } from '../components/BottomPanel/BottomPanel.tsx';
import { CompareView } from '../components/CompareView/CompareView.tsx';
import { DropZone } from '../components/DropZone/DropZone.tsx';
import { EmbedPlayer } from '../components/EmbedPlayer/EmbedPlayer.tsx';
import { FindingsPanel } from '../components/FindingsPanel/FindingsPanel.tsx';
import { GraphPanel } from '../components/GraphPanel/GraphPanel.tsx';
import { HelpOverlay } from '../components/HelpOverlay/HelpOverlay.tsx';
import { Inspector } from '../components/Inspector/Inspector.tsx';
import { LinkNotice } from '../components/LinkNotice/LinkNotice.tsx';
import { SavedWorkNotice } from '../components/SavedWorkNotice/SavedWorkNotice.tsx';
import { PrintCaption } from '../components/PrintCaption/PrintCaption.tsx';
import { LeftPanel } from '../components/LeftPanel/LeftPanel.tsx';
import { LiveRegion } from '../components/LiveRegion/LiveRegion.tsx';
import { OutcomeSummary } from '../components/OutcomeSummary/OutcomeSummary.tsx';
import { ScenarioEditor } from '../components/ScenarioEditor/ScenarioEditor.tsx';
import { StateTable } from '../components/StateTable/StateTable.tsx';
import { Toast } from '../components/Toast/Toast.tsx';
import { TopBar } from '../components/TopBar/TopBar.tsx';
import { TourPanel } from '../components/TourPanel/TourPanel.tsx';
import type { Session } from '../session/create-session.ts';
import { SessionProvider, useRunState, useUi, type RunState } from '../session/react/context.tsx';
import { ThemeSync } from '../session/react/theme.ts';
import { useKeyboard } from '../session/react/use-keyboard.ts';
import { useChangeFeedback } from '../session/react/use-change-feedback.ts';
import { PLAYER_COMMANDS } from '../session/keymap.ts';
import styles from './App.module.css';

function Workspace() {
  const view = useUi((s) => s.centreView);
  useChangeFeedback();
  const drawer = useUi((s) => s.drawer);
  return (
    <>
      <main className={styles.main} data-drawer={drawer}>
        <aside className={styles.left} id="panel-left" aria-label="Scenario, conditions and commands">
          <LeftPanel />
        </aside>
        <section className={styles.centre} id="graph-area" tabIndex={-1} aria-label={view === 'graph' ? 'Dependency graph' : view === 'table' ? 'Service table' : 'Compare two boots'}>
          <PrintCaption />
          <TourPanel />
          <OutcomeSummary />
          <div className={styles.view}>{view === 'graph' ? <GraphPanel /> : view === 'table' ? <StateTable /> : <CompareView />}</div>
          <FindingsPanel />
        </section>
        <aside className={styles.right} id="panel-right" aria-label="Inspector">
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

/** The embedded player (issue 18): a link with the embed flag, in an iframe of a course page or a slide. */
function EmbedShell() {
  const state = useRunState();
  useKeyboard(PLAYER_COMMANDS);
  return (
    <div className={styles.embedApp}>
      {state.status === 'ready' ? (
        <>
          <EmbedPlayer />
          <LiveRegion />
        </>
      ) : (
        <Placeholder state={state} />
      )}
      <LinkNotice />
    </div>
  );
}

function Shell() {
  const state = useRunState();
  const bottomHeight = useUi((s) => s.bottomHeight);
  useKeyboard();
  return (
    <div className={styles.app} style={{ '--bottom-h': `${bottomHeight}px` } as CSSProperties}>
      <a
        href="#graph-canvas"
        className={styles.skip}
        data-testid="skip.graph"
        onClick={(e) => {
          const graph = document.getElementById('graph-canvas');
          if (graph === null) return;
          e.preventDefault();
          graph.focus();
        }}
      >
        Skip to the graph
      </a>
      <TopBar />
      {state.status === 'ready' ? (
        <Workspace />
      ) : (
        <Placeholder state={state} />
      )}
      <ScenarioEditor />
      <HelpOverlay />
      <LinkNotice />
      <SavedWorkNotice />
      <DropZone />
      <Toast />
    </div>
  );
}

function Root() {
  return useUi((s) => s.embed) ? <EmbedShell /> : <Shell />;
}

export function App({ session }: { session: Session }) {
  return (
    <SessionProvider session={session}>
      <ThemeSync />
      <Root />
    </SessionProvider>
  );
}
