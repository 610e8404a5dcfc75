/**
 * Links in the running app (issue 6): making the link for the Share button,
 * and the browser history of states the user shared or opened. Sharing
 * pushes an entry whose address is the link; back and forward (popstate)
 * reopen the state an entry holds. Once the user changes the state an
 * address denotes, the address is made plain again (replaceState), so a
 * reload shows their work (from the autosave), not the link they started
 * from. The entry remembers its link (history.state): when the user shares
 * again, it gets its link back before the new entry is pushed, so back from
 * the new link returns to the state shared or opened before. An entry with
 * a plain address reopens the autosaved work.
 */
import { encodeShareState } from '../../share/codec.ts';
import type { ShareStateV1 } from '../../share/share-state.ts';
import { linkHref, plainHref, readAddress, type AddressRequest } from './address.ts';
import type { Autosaver } from './autosave.ts';
import type { SavedWorkService } from './saved-work-service.ts';
import { openingFor, sessionFromShared } from './open-session.ts';
import { applySession, captureSession, toShareState, type SessionSource, type SessionTarget } from './session-io.ts';
import type { SessionState } from '../document.ts';

/** The part of `window` this module uses (a fake in tests). */
export interface HistoryPort {
  readonly location: { readonly href: string; readonly search: string; readonly hash: string };
  readonly history: {
    readonly state: unknown;
    pushState(data: unknown, unused: string, url?: string | URL | null): void;
    replaceState(data: unknown, unused: string, url?: string | URL | null): void;
  };
  addEventListener(type: 'popstate', fn: () => void): void;
  removeEventListener(type: 'popstate', fn: () => void): void;
}

export type ShareOutcome =
  | { readonly ok: true; readonly href: string; readonly length: number; readonly long: boolean; readonly state: ShareStateV1 }
  | { readonly ok: false; readonly message: string; readonly length: number; readonly state: ShareStateV1 };

/** What identifies a state for "has the user moved on from this address": everything a link holds but the camera. */
function keyOf(state: ShareStateV1): string {
  const { view: _view, ...rest } = state;
  void _view;
  return JSON.stringify(rest);
}

/** What a history entry remembers: the link it was shared or opened with. */
interface EntryData {
  readonly bootgraph: 1;
  readonly fragment: string;
}

const entry = (fragment: string): EntryData => ({ bootgraph: 1, fragment });

function fragmentOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const f = (data as Record<string, unknown>)['fragment'];
  return typeof f === 'string' && f.startsWith('v') ? f : undefined;
}

export class LinkHistory {
  /** keyOf the state the current address denotes; undefined when the address is plain. */
  private addressKey: string | undefined;
  private readonly stops: (() => void)[] = [];

  constructor(
    private readonly s: SessionSource & SessionTarget,
    private readonly autosave: Autosaver,
    private readonly port: HistoryPort,
    private readonly presets: { readonly known: readonly string[]; readonly defaultId: string },
    /** Other saved sessions (per-tab slots): "Open my last session" opens the newest when this tab has saved nothing yet. */
    private readonly savedWork?: Pick<SavedWorkService, 'newest' | 'open'>,
  ) {}

  /** After the first session is applied: remember what the address says. */
  begin(request: AddressRequest): void {
    if (request.kind === 'plain') {
      this.addressKey = undefined;
      return;
    }
    const state = toShareState(captureSession(this.s));
    this.addressKey = keyOf(state);
    // Remember the state this entry opened (an old-style address too), for back and forward.
    let f: string | undefined;
    if (request.kind === 'link') f = request.fragment;
    else if (request.kind === 'legacy') {
      const e = encodeShareState(state);
      if (e.ok) f = e.fragment;
    }
    if (f !== undefined) this.port.history.replaceState(entry(f), '', this.port.location.href);
  }

  start(): () => void {
    const onPop = (): void => this.onPopState();
    this.port.addEventListener('popstate', onPop);
    this.stops.push(() => this.port.removeEventListener('popstate', onPop));
    this.stops.push(this.autosave.onChange(() => this.checkDiverged()));
    return () => {
      for (const f of this.stops.splice(0)) f();
    };
  }

  /** The link to the state on screen; on success the address becomes that link (a new history entry). */
  share(): ShareOutcome {
    const state = toShareState(captureSession(this.s));
    const enc = encodeShareState(state);
    if (!enc.ok) return { ok: false, message: enc.message, length: enc.length, state };
    const href = linkHref(this.port.location.href, enc.fragment);
    const remembered = fragmentOf(this.port.history.state);
    if (this.addressKey === undefined && remembered !== undefined && readAddress(this.port.location, this.presets.known).kind === 'plain') {
      // This entry was a shared or opened state the user moved on from: it gets its link back.
      this.port.history.replaceState(entry(remembered), '', linkHref(this.port.location.href, remembered));
    }
    if (this.port.location.href !== href) this.port.history.pushState(entry(enc.fragment), '', href);
    this.addressKey = keyOf(state);
    return { ok: true, href, length: href.length, long: enc.long, state };
  }

  /** Open the autosaved work (the "restore" button of a bad-link message); false if there is none. */
  restoreAutosave(): boolean {
    const saved = this.autosave.read();
    if (saved === undefined) {
      const newest = this.savedWork?.newest();
      if (newest === undefined || this.savedWork?.open(newest) !== true) return false;
      this.makePlain();
      return true;
    }
    this.apply(sessionFromShared(saved.state, this.presets.defaultId, saved.imported));
    this.autosave.arm();
    this.makePlain();
    return true;
  }

  hasAutosave(): boolean {
    return this.autosave.read() !== undefined || this.savedWork?.newest() !== undefined;
  }

  private apply(session: SessionState): void {
    applySession(this.s, session);
  }

  /** The address shows the user's own work again; the entry remembers its link (see share). */
  private makePlain(): void {
    const href = plainHref(this.port.location.href);
    if (this.port.location.href !== href) this.port.history.replaceState(this.port.history.state, '', href);
    this.addressKey = undefined;
  }

  private checkDiverged(): void {
    if (this.addressKey === undefined) return;
    if (keyOf(toShareState(captureSession(this.s))) !== this.addressKey) this.makePlain();
  }

  private onPopState(): void {
    const request = readAddress(this.port.location, this.presets.known);
    const ui = this.s.ui.getState();
    if (request.kind === 'plain') {
      const saved = this.autosave.read();
      if (saved !== undefined) {
        this.apply(sessionFromShared(saved.state, this.presets.defaultId, saved.imported));
        this.autosave.arm();
      }
      this.addressKey = undefined;
      ui.dismissLinkNotice();
      return;
    }
    const opening = openingFor(request, undefined, this.presets.defaultId, this.presets.known);
    this.apply(opening.session);
    // A link the user navigated to is not their work: keep the autosave until they change something.
    this.autosave.disarm();
    this.addressKey = keyOf(toShareState(captureSession(this.s)));
    if (opening.problem !== undefined) ui.showLinkNotice(opening.problem, request.kind === 'bad' && this.hasAutosave());
    else ui.dismissLinkNotice();
  }
}
