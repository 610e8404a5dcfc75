/**
 * Entry: read the address (a `#v1.` link, an old `?preset=&t=&select=`
 * address, or a plain visit that restores the autosave), create the
 * session with it (outside React), start the autosave and the link history,
 * mount React, and in development or e2e builds install the test bridge.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/global.css';
import { App } from './app/App.tsx';
import { readAddress } from './session/persistence/address.ts';
import { Autosaver } from './session/persistence/autosave.ts';
import { LinkHistory } from './session/persistence/link-history.ts';
import { openingFor } from './session/persistence/open-session.ts';
import { NO_SAVED_WORK, planStart, readOpening, scanSavedWork, slotsToPrune, tabIdOf, type WorkStorage } from './session/persistence/saved-work.ts';
import { SavedWorkService, clearOpening, markOpening } from './session/persistence/saved-work-service.ts';
import { freshTabId, heldSlots, holdSlot, rememberTabId, rememberedTabId } from './session/persistence/tab-slots.ts';
import { applyLayout, reopenExplorer } from './session/persistence/session-io.ts';
import { createSession } from './session/create-session.ts';
import { needsLinkCheck } from './session/link-checks.ts';
import { browserRunWorker, WorkerEngine } from './session/worker/worker-engine.ts';
import { browserImportWorker, importWorkers } from './session/import-worker/import-client.ts';
import { applyTheme } from './session/react/theme.ts';
import { defaultPresetId, presetLabel } from './session/base-scenario.ts';
import { presetIds } from './scenarios/catalog.ts';
import { loadGraphCanvas } from './components/GraphPanel/load-graph-canvas.ts';
import { preloadPanels } from './components/Lazy/lazy-panel.tsx';

function browserStorage(): WorkStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    // Storage disabled (some privacy modes): no autosave.
    return undefined;
  }
}

// The graph canvas chunk downloads while the session is read, simulated and rendered.
void loadGraphCanvas().catch(() => undefined);

const known = presetIds();
const defaultId = defaultPresetId();
const storage = browserStorage();
const request = readAddress(window.location, known);
// The saved work of this browser (issue 15): one slot per tab, unreadable records kept aside, and safe mode
// when the last opening of saved work never finished (session/persistence/saved-work.ts).
const held = await heldSlots();
const work = storage === undefined ? NO_SAVED_WORK : scanSavedWork(storage, freshTabId);
const plan = planStart(work, request.kind === 'plain', rememberedTabId() ?? freshTabId(), held, freshTabId);
const adopt = (key: string): void => {
  rememberTabId(tabIdOf(key));
  holdSlot(key);
};
// A link with the embed flag opens the minimal player (issue 18): in an iframe of a course page or a slide.
const embed = request.kind === 'link' && request.state.e === 1;
if (!embed) {
  adopt(plan.ownKey);
  if (storage !== undefined) for (const k of slotsToPrune(work, held, plan.ownKey)) storage.removeItem(k);
}
const opening = openingFor(request, plan.open?.record, defaultId, known);
if (storage !== undefined && opening.restored && plan.open !== undefined) markOpening(storage, plan.open.key);
const opened = opening.session;
// Simulations run in a worker (the first one here, at once): the page never waits on one to stay interactive.
const engine = typeof Worker === 'function' ? new WorkerEngine(browserRunWorker) : undefined;
const session = createSession({
  storage,
  ...(engine === undefined ? {} : { engine }),
  ...(typeof Worker === 'function' ? { importWorkers: importWorkers(browserImportWorker) } : {}),
  doc: { source: opened.source, conditions: opened.conditions, interventions: opened.interventions, boot: opened.boot, ...(opened.timing === undefined ? {} : { timing: opened.timing }) },
  ui: {
    playhead: opened.playhead,
    pin: undefined,
    selected: opened.selected,
    tour: opened.tour,
    // A link's instant and Compare condition are checked against its boot once simulated (session/link-checks.ts).
    linkCheck: opening.fromAddress && needsLinkCheck(opened),
    embed,
  },
});
applyLayout(session.ui, opened.layout);
// A link's camera waits for the graph's layout (session/command-queue.ts).
if (opened.view !== undefined) session.graph.commands.push({ type: 'show', camera: opened.view });
// The timing explorer's parameters (issue 17): explore again once the boot is on screen.
if (opened.explore !== undefined) reopenExplorer(session, opened.explore, opened.layout?.bottomTab === undefined);
if (opening.problem !== undefined) session.ui.getState().showLinkNotice(opening.problem, request.kind === 'bad' && plan.others.length + (plan.open === undefined ? 0 : 1) > 0);

// A link (good or bad) is not the user's work: the autosave keeps their last session until they change something.
const autosave = new Autosaver(session, storage, {
  armed: !opening.fromAddress,
  key: plan.ownKey,
  onError: (message) => session.ui.getState().showToast(message, 'error'),
});
/** Resolves once the session on screen is simulated and drawn and the page has lived on for a moment. */
function drawn(): Promise<void> {
  return session.runs.whenSettled().then(
    () =>
      new Promise<void>((resolve) => {
        const check = (): void => {
          if (session.graph.probe() !== undefined || session.ui.getState().centreView !== 'graph') setTimeout(resolve, 1000);
          else setTimeout(check, 200);
        };
        check();
      }),
  );
}
// The embedded player (issue 18) never writes the autosave or touches saved work (a course page must not
// overwrite the reader's own work) and keeps its link in the address (a reload of the frame is the same
// player): no autosave, no saved-work service, no link history.
if (!embed) {
  autosave.start();
  const savedWork = new SavedWorkService(storage, session, autosave, defaultId, work, plan, { held, adopt, opened: drawn, presetTitle: presetLabel });
  session.savedWork = savedWork;
  const openedKey = opening.restored ? plan.open?.key : undefined;
  if (storage !== undefined && openedKey !== undefined) void drawn().then(() => readOpening(storage) === openedKey && clearOpening(storage));
  const links = new LinkHistory(session, autosave, window, { known, defaultId }, savedWork);
  links.begin(request);
  links.start();
  session.links = links;
}
window.addEventListener('pagehide', () => autosave.flush());
/** Run `fn` once the first run is on screen and the page is idle: what the first picture does not need waits for this. */
function afterFirstGraph(fn: () => void): void {
  void session.runs.whenSettled().then(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 3000 });
    else setTimeout(fn, 1000);
  });
}
// Start the worker once the first graph is up and the page is idle, with the base on screen and its code warm, so the
// first change does not wait for it.
if (engine !== undefined) afterFirstGraph(() => session.runs.warmEngine());
// The panels the first picture does not show (issue 16): fetched now, so a click rarely waits for them.
afterFirstGraph(() => void preloadPanels());
// The offline app (issue 18): the service worker precaches the whole build, so it is registered only after the
// first graph (its install fetches every chunk). Only production builds have one (vite-plugin-pwa, vite.config.ts).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  afterFirstGraph(() => void navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => undefined));
}

// Paint the right theme before React mounts (no flash of the wrong colours).
applyTheme(window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');

if (import.meta.env.DEV || import.meta.env.VITE_E2E === '1') {
  void import('./testing/e2e-bridge.ts').then((m) => m.installE2eBridge(session, autosave));
}

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <App session={session} />
    </StrictMode>,
  );
}
