/**
 * The composition root of the UI: the session (created in main.tsx, outside
 * React: document, run, frame, player) → the panels, which subscribe to the
 * slices they show through src/session/react. Layout: top bar; left panel,
 * graph, inspector; timeline at the bottom.
 */
import type { CSSProperties } from 'react';
import { BottomPanel } from '../components/BottomPanel/BottomPanel.tsx';
import { DropZone } from '../components/DropZone/DropZone.tsx';
import { EmbedPlayer } from '../components/EmbedPlayer/EmbedPlayer.tsx';
import { GraphPanel } from '../components/GraphPanel/GraphPanel.tsx';
import { Inspector } from '../components/Inspector/Inspector.tsx';
import { LinkNotice } from '../components/LinkNotice/LinkNotice.tsx';
import { PrintCaption } from '../components/PrintCaption/PrintCaption.tsx';
import { LeftPanel } from '../components/LeftPanel/LeftPanel.tsx';
import { LiveRegion } from '../components/LiveRegion/LiveRegion.tsx';
import { OutcomeSummary } from '../components/OutcomeSummary/OutcomeSummary.tsx';
import { Toast } from '../components/Toast/Toast.tsx';
import { TopBar } from '../components/TopBar/TopBar.tsx';
import type { Session } from '../session/create-session.ts';
import { SessionProvider, useDoc, useRunState, useRunStatus, useSavedWork, useUi } from '../session/react/context.tsx';
import { ThemeSync } from '../session/react/theme.ts';
import { useKeyboard } from '../session/react/use-keyboard.ts';
import { useChangeFeedback } from '../session/react/use-change-feedback.ts';
import { PLAYER_COMMANDS } from '../session/keymap.ts';
import { lazyPanel, useOnceTrue } from '../components/Lazy/lazy-panel.tsx';
import styles from './App.module.css';

// What the first picture does not show is fetched when shown, or when the page is idle after the first graph (issue 16).
const CompareView = lazyPanel('Compare view', () => import('../components/CompareView/CompareView.tsx').then((m) => m.CompareView));
const StateTable = lazyPanel('service table', () => import('../components/StateTable/StateTable.tsx').then((m) => m.StateTable));
const TourPanel = lazyPanel('tour', () => import('../components/TourPanel/TourPanel.tsx').then((m) => m.TourPanel));
const FindingsPanel = lazyPanel('import findings', () => import('../components/FindingsPanel/FindingsPanel.tsx').then((m) => m.FindingsPanel));
const ScenarioEditor = lazyPanel('scenario editor', () => import('../components/ScenarioEditor/ScenarioEditor.tsx').then((m) => m.ScenarioEditor));
const HelpOverlay = lazyPanel('help', () => import('../components/HelpOverlay/HelpOverlay.tsx').then((m) => m.HelpOverlay), 'none');
const SavedWorkNotice = lazyPanel('saved work', () => import('../components/SavedWorkNotice/SavedWorkNotice.tsx').then((m) => m.SavedWorkNotice), 'none');

/** The panels that open on demand, each mounted (and so fetched) from the first time it is to be shown. */
function OnDemand() {
  const editor = useOnceTrue(useUi((s) => s.editorOpen));
  const help = useOnceTrue(useUi((s) => s.helpOpen));
  const saved = useOnceTrue(useSavedWork().visible);
  return (
    <>
      {editor && <ScenarioEditor />}
      {help && <HelpOverlay />}
      {saved && <SavedWorkNotice />}
    </>
  );
}

function Workspace() {
  const view = useUi((s) => s.centreView);
  useChangeFeedback();
  const drawer = useUi((s) => s.drawer);
  const touring = useUi((s) => s.tour) !== undefined;
  const imported = useDoc((s) => s.source.kind === 'inline' && s.source.imported !== undefined);
  return (
    <>
      <main className={styles.main} data-drawer={drawer}>
        <aside className={styles.left} id="panel-left" aria-label="Scenario, conditions and commands">
          <LeftPanel />
        </aside>
        <section className={styles.centre} id="graph-area" tabIndex={-1} aria-label={view === 'graph' ? 'Dependency graph' : view === 'table' ? 'Service table' : 'Compare two boots'}>
          <PrintCaption />
          {touring && <TourPanel />}
          <OutcomeSummary />
          <div className={styles.view}>{view === 'graph' ? <GraphPanel /> : view === 'table' ? <StateTable /> : <CompareView />}</div>
          {imported && <FindingsPanel />}
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

/** What is on screen while no run is: the scenario loading, or why it cannot be opened. */
function Placeholder() {
  const state = useRunState();
  if (state.status === 'ready') return null;
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
  const status = useRunStatus();
  useKeyboard(PLAYER_COMMANDS);
  return (
    <div className={styles.embedApp}>
      {status === 'ready' ? (
        <>
          <EmbedPlayer />
          <LiveRegion />
        </>
      ) : (
        <Placeholder />
      )}
      <LinkNotice />
    </div>
  );
}

function Shell() {
  const status = useRunStatus();
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
      {status === 'ready' ? <Workspace /> : <Placeholder />}
      <OnDemand />
      <LinkNotice />
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
