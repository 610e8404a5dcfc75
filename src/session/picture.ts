/**
 * The graph's picture first (issue 16): when the run store publishes a new
 * run of the boot on screen (a toggle, a command, an edit), the stores take
 * it at once (the playhead policy and the outcome summary included:
 * follow-change-feedback.ts), this module draws the new frame on the graph
 * straight away, outside React, and the views hear of the change only after
 * the next frame has been drawn (view-gate.ts). So the frame after a
 * simulation arrives shows the new picture, and the panels (~25 ms of React
 * at 300 services) render after it instead of before it.
 *
 * The elements are the graph panel's own: the panel leaves what it drew
 * besides the run (its view ask and its marks, `PictureAsk`) on every
 * render, and both compute elements with `pictureElements` over
 * `graphViewOf` (graph-view.ts), so the panel's render that follows finds
 * the canvas already as it would draw it. Marks computed from the run (a
 * focus set's cause paths, a selection's hazards) are the previous run's
 * until the panel renders, a frame later. A change that alters the structure
 * (in the story view: the outcome's services drawn out of their groups,
 * another story) needs a new layout, which the panel makes when it renders:
 * here the structure on screen is drawn with the new run's states meanwhile.
 * Another scenario is not drawn here.
 * Framework-free.
 */
import type { CollapseMode, CollapsedModel } from '../graph-view/collapse.ts';
import type { ElementDef, Marks } from '../graph-view/to-elements.ts';
import { toElements } from '../graph-view/to-elements.ts';
import type { OutcomeNotice, UiStore } from '../store/ui-store.ts';
import type { Run } from './derive-run.ts';
import type { Frame } from './frame-store.ts';
import { graphViewOf } from './graph-view.ts';
import type { ViewGate } from './view-gate.ts';

/** What the graph panel drew besides the run, as it last rendered. */
export interface PictureAsk {
  readonly collapse: CollapseMode;
  /** The story view's open groups. */
  readonly expanded: readonly string[];
  /** A guided tour's services and files, drawn as themselves (tour-services.ts). */
  readonly tour: readonly string[];
  /** The marks besides the outcome's (which follow the ui store's outcome). */
  readonly marks: Omit<Marks, 'changed'>;
  /** The graph the panel drew: the structure on screen. */
  readonly model: CollapsedModel;
}

/** The canvas's side: draw these elements now if they are the structure on screen (false: not drawn). */
export interface PictureCanvas {
  paint(elements: readonly ElementDef[], key: string): boolean;
}

/** Drawn as themselves besides the story: a tour's services, then the services that end differently after the last change. */
export function alsoStoryOf(tour: readonly string[], outcome: OutcomeNotice | undefined): string[] {
  return [...tour, ...(outcome?.changed.map((c) => c.fmri) ?? [])];
}

/** The nodes that show a service ending differently after the last change (issue 13). */
export function changedNodes(outcome: OutcomeNotice | undefined, shownAs: ReadonlyMap<string, string>): ReadonlySet<string> | undefined {
  return outcome === undefined || outcome.changed.length === 0 ? undefined : new Set(outcome.changed.map((c) => shownAs.get(c.fmri) ?? c.fmri));
}

interface Drawn {
  readonly model: CollapsedModel;
  readonly frame: Frame;
  readonly marks: Omit<Marks, 'changed'>;
  readonly outcome: OutcomeNotice | undefined;
  readonly elements: ElementDef[];
}

/** The last elements computed: the panel's render after a picture drawn first asks for the same ones. */
let last: Drawn | undefined;

/** The graph's elements: the view at the frame, with the panel's marks and the outcome's. */
export function pictureElements(model: CollapsedModel, frame: Frame, marks: Omit<Marks, 'changed'>, outcome: OutcomeNotice | undefined): ElementDef[] {
  const l = last;
  if (l !== undefined && l.model === model && l.frame === frame && l.marks === marks && l.outcome === outcome) return l.elements;
  const changed = changedNodes(outcome, model.shownAs);
  const elements = toElements(model, frame, changed === undefined ? marks : { ...marks, changed });
  last = { model, frame, marks, outcome, elements };
  return elements;
}

/** The picture for a run at a frame, over what the panel asked: its structure's key and elements. */
export function pictureOf(run: Run, frame: Frame, outcome: OutcomeNotice | undefined, ask: Omit<PictureAsk, 'model'>): { readonly key: string; readonly elements: ElementDef[] } {
  const { model } = graphViewOf(run, { collapse: ask.collapse, expanded: ask.expanded, alsoStory: alsoStoryOf(ask.tour, outcome) });
  return { key: model.key, elements: pictureElements(model, frame, ask.marks, outcome) };
}

/** Calls back once the next frame has been drawn. */
export type AfterFrame = (cb: () => void) => void;

/** A frame not drawn by then (a hidden tab, a stalled page): the views hear of the run anyway. */
const RELEASE_LATEST_MS = 1000;

/** After the next frame: a task queued from its animation-frame callback runs once that frame is drawn. */
export const afterNextFrame: AfterFrame = (cb) => {
  if (typeof document !== 'undefined' && document.visibilityState === 'hidden') {
    setTimeout(cb, 0);
    return;
  }
  let done = false;
  const go = (): void => {
    if (done) return;
    done = true;
    clearTimeout(latest);
    cb();
  };
  const latest = setTimeout(go, RELEASE_LATEST_MS);
  requestAnimationFrame(() => setTimeout(go, 0));
};

export interface PictureDeps {
  readonly runs: { current(): Run | undefined };
  readonly frames: { getFrame(): Frame };
  readonly ui: UiStore;
  readonly gate: ViewGate;
  /** The mounted canvas, if any (the graph link's probe). */
  readonly canvas: () => PictureCanvas | undefined;
  readonly afterFrame?: AfterFrame;
}

export class PictureFirst {
  private ask: PictureAsk | undefined;
  private releasing = false;
  /** Pictures drawn ahead of the views (tests, the bench). */
  painted = 0;

  constructor(private readonly deps: PictureDeps) {}

  /** The graph panel, on every render (undefined when it unmounts). */
  setAsk(ask: PictureAsk | undefined): void {
    this.ask = ask;
  }

  /**
   * The run store's way to publish a run (run-store.ts): the stores take it
   * (`publish`), the graph draws it, then the views hear of it after the
   * next frame. Without a graph to draw on, or for another structure, the
   * views hear of it at once.
   */
  present = (publish: () => void): void => {
    const { gate } = this.deps;
    if (this.deps.canvas() === undefined || this.ask === undefined) return publish();
    gate.hold();
    let drawn = false;
    try {
      publish();
      drawn = this.paint();
    } finally {
      if (drawn) this.releaseAfterFrame();
      else if (!this.releasing) gate.release();
    }
  };

  private paint(): boolean {
    const run = this.deps.runs.current();
    const ask = this.ask;
    const canvas = this.deps.canvas();
    if (run === undefined || ask === undefined || canvas === undefined) return false;
    const frame = this.deps.frames.getFrame();
    const outcome = this.deps.ui.getState().outcome;
    const p = pictureOf(run, frame, outcome, ask);
    let drawn = canvas.paint(p.elements, p.key);
    // Another structure (the story view: the outcome's services out of their groups, another story): it needs a
    // layout, which the panel makes when it renders; meanwhile the structure on screen shows the new run's states.
    if (!drawn) drawn = canvas.paint(pictureElements(ask.model, frame, ask.marks, outcome), ask.model.key);
    if (drawn) this.painted++;
    return drawn;
  }

  private releaseAfterFrame(): void {
    if (this.releasing) return;
    this.releasing = true;
    (this.deps.afterFrame ?? afterNextFrame)(() => {
      this.releasing = false;
      this.deps.gate.release();
    });
  }
}
