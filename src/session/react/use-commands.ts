/**
 * The session's commands for components, bound once per session: a button
 * calls `commands.stepForward()`; what that touches is decided in
 * commands.ts and its neighbours, each taking only the stores it needs.
 */
import type { Scenario } from '../../model/scenario/types.ts';
import type { Tour } from '../../teaching/tour-types.ts';
import type { TourPosition } from '../../store/teach-slice.ts';
import {
  goEnd, goHome, intervene, nextBootCmd, nextInstantCmd, openInline, openPreset, prevBootCmd, prevInstantCmd,
  scrubTo, seekRecord, stepBackCmd, stepForwardCmd, togglePlay,
} from '../commands.ts';
import type { Session } from '../create-session.ts';
import { applyEditedScenario } from '../editor-commands.ts';
import { compareTiming, jumpTo, openTiming, pickHazardCmd, startExplore, unperturb } from '../explore-commands.ts';
import { downloadDot, downloadPng, downloadScenario, downloadSvg, downloadTrace, downloadTraceEvents, importFiles } from '../file-commands.ts';
import type { PickedFile } from '../import-files.ts';
import { downloadText } from '../download.ts';
import type { ShareOutcome } from '../persistence/link-history.ts';
import { fullAppFragment } from '../persistence/session-io.ts';
import { linkHref } from '../persistence/address.ts';
import { embedFragment, embedSnippet } from '../../share/embed.ts';
import type { ShareStateV1 } from '../../share/share-state.ts';
import {
  leaveTour, nextStep, playTry, predict, prevStep, restartTour, resumeTour, retryTry, revealTry, showStep, startTour, toggleTour,
  tourVerdict, type TryVerdictView,
} from '../tour-commands.ts';
import { useSession } from './context.tsx';

function bind(s: Session) {
  return {
    openPreset: (id: string) => openPreset(s, id),
    openInline: (scenario: Scenario) => openInline(s, scenario),
    stepForward: () => stepForwardCmd(s),
    stepBack: () => stepBackCmd(s),
    nextInstant: () => nextInstantCmd(s),
    prevInstant: () => prevInstantCmd(s),
    home: () => goHome(s),
    end: () => goEnd(s),
    scrubTo: (t: number) => scrubTo(s, t),
    seekRecord: (t: number, index: number) => seekRecord(s, t, index),
    togglePlay: () => togglePlay(s),
    pause: () => s.player.send({ type: 'PAUSE' }),
    intervene: (run: string) => intervene(s, run),
    nextBoot: () => nextBootCmd(s),
    prevBoot: () => prevBootCmd(s),
    applyEditedScenario: (scenario: Scenario) => applyEditedScenario(s, scenario),
    importFiles: (files: readonly PickedFile[]) => importFiles(s, files),
    /** Files may be about to come (the pointer is on Import, files are dragged in): start an import worker now. */
    prepareImport: () => s.importWorkers?.warm(),
    downloadScenario: () => downloadScenario(s),
    downloadTrace: () => downloadTrace(s),
    downloadTraceEvents: () => downloadTraceEvents(s),
    downloadDot: () => downloadDot(s),
    downloadSvg: () => downloadSvg(s),
    downloadPng: () => downloadPng(s),
    fitGraph: () => s.graph.fit(),
    zoomGraph: (factor: number) => s.graph.zoom(factor),
    /** The link to the state on screen (undefined when links are not installed: unit tests). */
    share: (): ShareOutcome | undefined => s.links?.share(),
    restoreAutosave: (): boolean => s.links?.restoreAutosave() ?? false,
    hasAutosave: (): boolean => s.links?.hasAutosave() ?? false,
    openSavedWork: (key: string): boolean => s.savedWork?.open(key) ?? false,
    discardSavedWork: (key: string): void => s.savedWork?.discard(key),
    downloadSavedWork: (key: string): void => {
      const d = s.savedWork?.download(key);
      if (d !== undefined) downloadText(d.name, d.text, 'application/json');
    },
    showSavedWork: (): void => s.savedWork?.show(),
    dismissSavedWork: (): void => s.savedWork?.dismiss(),
    /** The moment on screen as a full-app link from this page (the embedded player's "Open in bootgraph"). */
    fullAppHref: (pageHref: string): string => linkHref(pageHref, fullAppFragment(s) ?? ''),
    /** The `<iframe>` snippet of a shared state as the embedded player, or undefined if it is too large for a link. */
    embedCode: (state: ShareStateV1, pageHref: string, title: string): string | undefined => {
      const f = embedFragment(state);
      return f.ok ? embedSnippet(linkHref(pageHref, f.fragment), title) : undefined;
    },
    showStep: (id: string, step: number) => showStep(s, id, step),
    startTour: (tour: Tour) => startTour(s, tour),
    nextStep: () => nextStep(s),
    prevStep: () => prevStep(s),
    restartTour: () => restartTour(s),
    leaveTour: () => leaveTour(s),
    resumeTour: (parked: TourPosition) => resumeTour(s, parked),
    toggleTour: () => toggleTour(s),
    predict: (choice: number) => predict(s, choice),
    playTry: () => playTry(s),
    revealTry: (at: number) => revealTry(s, at),
    retryTry: () => retryTry(s),
    jumpTo: (t: number, fmri: string) => jumpTo(s, t, fmri),
    pickHazard: (id: string, reader: { readonly t: number; readonly fmri: string }) => pickHazardCmd(s, id, reader),
    startExplore: () => startExplore(s),
    cancelExplore: () => s.explorer.cancel(),
    /** Change the explorer's parameters; a sentence when out of range. */
    setExploreParams: (p: Parameters<Session['explorer']['setParams']>[0]) => s.explorer.setParams(p),
    openTiming: (seed: number, jitter: number) => openTiming(s, seed, jitter),
    compareTiming: (a: number, b: { readonly seed: number; readonly label: string }, jitter: number) => compareTiming(s, a, b, jitter),
    unperturb: () => unperturb(s),
    tourVerdict: (base: Scenario, tour: Tour, played?: number): TryVerdictView | undefined => tourVerdict(s.runs, base, tour, played),
  };
}

export type Commands = ReturnType<typeof bind>;

const BOUND = new WeakMap<Session, Commands>();

export function useCommands(): Commands {
  const s = useSession();
  let c = BOUND.get(s);
  if (c === undefined) {
    c = bind(s);
    BOUND.set(s, c);
  }
  return c;
}
