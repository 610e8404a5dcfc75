/**
 * The saved work of this browser in the running app (issue 15): what the
 * start found (safe mode, records kept aside, a copy of another tab's work,
 * other saved sessions) for the notice to show, and the user's choices on it.
 * Framework-free; the notice subscribes through src/session/react.
 */
import { scenarioFileText, fileSlug } from '../scenario-file.ts';
import { sessionFromShared } from './open-session.ts';
import { applySession, type SessionTarget } from './session-io.ts';
import type { Autosaver } from './autosave.ts';
import { decodeAutosave } from './autosave-record.ts';
import { OPENING_KEY, describeRecord, readOpening, tabIdOf, type AsideItem, type SavedWork, type StartPlan, type WorkStorage } from './saved-work.ts';

export interface SavedWorkView {
  /** The last visit did not finish opening this work: it was not reopened. */
  readonly safeMode?: { readonly key: string; readonly description: string };
  /** Records that could not be read, kept aside. */
  readonly aside: readonly (AsideItem & { readonly description: string })[];
  /** The work on screen is a copy of what another open tab holds. */
  readonly copiedFrom?: string;
  /** Other saved sessions in this browser (not the one this tab saves into). */
  readonly others: readonly { readonly key: string; readonly description: string }[];
  /** The notice is showing (dismissed by the user or by a choice). */
  readonly visible: boolean;
}

export interface Download {
  readonly name: string;
  readonly text: string;
}

const asideDescription = (a: AsideItem): string =>
  `${a.reason === 'newer' ? 'Saved by a newer version of bootgraph' : 'Damaged saved work'} (${a.size.toLocaleString('en-US')} characters)`;

export class SavedWorkService {
  private view: SavedWorkView;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly storage: WorkStorage | undefined,
    private readonly target: SessionTarget,
    private readonly autosave: Pick<Autosaver, 'arm' | 'setKey' | 'key'>,
    private readonly defaultPreset: string,
    work: SavedWork,
    plan: StartPlan,
    private readonly ports: {
      /** Slot keys other open tabs held when this tab started. */
      readonly held: ReadonlySet<string>;
      /** This tab now saves into `key` (hold its lock, remember it for a reload). */
      readonly adopt: (key: string) => void;
      /** Resolves once the session on screen has been drawn and the page lived on (the opening finished). */
      readonly opened: () => Promise<void>;
      /** A built-in scenario's title, for the descriptions. */
      readonly presetTitle?: (id: string) => string;
    },
  ) {
    const safeMode = work.unfinished === undefined ? undefined : { key: work.unfinished.key, description: describeRecord(work.unfinished.record, this.ports.presetTitle) };
    this.view = {
      ...(safeMode === undefined ? {} : { safeMode }),
      aside: work.aside.map((a) => ({ ...a, description: asideDescription(a) })),
      ...(plan.copiedFrom === undefined ? {} : { copiedFrom: describeRecord(plan.copiedFrom.record, this.ports.presetTitle) }),
      others: plan.others.map((s) => ({ key: s.key, description: describeRecord(s.record, this.ports.presetTitle) })),
      visible: safeMode !== undefined || work.movedAside.length > 0 || plan.copiedFrom !== undefined,
    };
  }

  /** The newest saved session this tab does not save into (the bad-link notice's "Open my last session"). */
  newest(): string | undefined {
    return this.view.others[0]?.key;
  }

  get(): SavedWorkView {
    return this.view;
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private set(next: SavedWorkView): void {
    this.view = next;
    for (const fn of this.listeners) fn();
  }

  show(): void {
    this.set({ ...this.view, visible: true });
  }

  dismiss(): void {
    this.set({ ...this.view, visible: false });
  }

  /**
   * Open a saved session (the unfinished one included, on the user's word).
   * This tab then saves into that slot, or, when another open tab holds it,
   * into its own (a copy). The opening marker is written first: if it
   * freezes the page again, the next visit is in safe mode again.
   */
  open(key: string): boolean {
    const storage = this.storage;
    const record = decodeAutosave(storage?.getItem(key) ?? null);
    if (record === undefined || storage === undefined) return false;
    markOpening(storage, key);
    applySession(this.target, sessionFromShared(record.state, this.defaultPreset, record.imported));
    const copy = this.ports.held.has(key);
    const previous = this.autosave.key();
    if (!copy) {
      this.autosave.setKey(key);
      this.ports.adopt(key);
    }
    this.autosave.arm();
    void this.ports.opened().then(() => {
      if (readOpening(storage) === key) clearOpening(storage);
    });
    const still = (k: string): boolean => k !== key && k !== previous;
    const before = copy ? undefined : decodeAutosave(storage.getItem(previous));
    const left = [
      ...(this.view.safeMode !== undefined && still(this.view.safeMode.key) ? [this.view.safeMode] : []),
      ...this.view.others.filter((o) => still(o.key)),
      // The session this tab saved into before stays openable.
      ...(before === undefined ? [] : [{ key: previous, description: describeRecord(before, this.ports.presetTitle) }]),
    ];
    this.set({ aside: this.view.aside, others: left, visible: false });
    return true;
  }

  /** Remove a saved session or a record kept aside, for good. */
  discard(key: string): void {
    if (this.storage === undefined || key === this.autosave.key()) return;
    try {
      this.storage.removeItem(key);
    } catch {
      // nothing to do: it stays
    }
    if (readOpening(this.storage) === key) clearOpening(this.storage);
    const { safeMode, ...rest } = this.view;
    this.set({
      ...rest,
      ...(safeMode === undefined || safeMode.key === key ? {} : { safeMode }),
      aside: this.view.aside.filter((a) => a.key !== key),
      others: this.view.others.filter((o) => o.key !== key),
    });
  }

  /** The file for a saved session (a scenario file when it holds a scenario) or a record kept aside (as stored). */
  download(key: string): Download | undefined {
    const text = this.storage?.getItem(key) ?? null;
    if (text === null) return undefined;
    const record = decodeAutosave(text);
    const scenario = record?.state.s;
    if (scenario !== undefined) return { name: `${fileSlug(scenario.name)}.bootgraph.json`, text: scenarioFileText(scenario) };
    return { name: `bootgraph-saved-work-${fileSlug(tabIdOf(key)) || 'record'}.json`, text };
  }
}

export function markOpening(storage: WorkStorage, key: string, now: Date = new Date()): void {
  try {
    storage.setItem(OPENING_KEY, JSON.stringify({ slot: key, at: now.toISOString() }));
  } catch {
    // storage full: no crash guard this time, nothing else lost
  }
}

export function clearOpening(storage: WorkStorage): void {
  try {
    storage.removeItem(OPENING_KEY);
  } catch {
    // ignore
  }
}
