/**
 * The work saved in this browser (issue 15: never lose work): one autosave
 * slot per tab, unreadable records kept aside, and a marker that notices an
 * opening that never finished. Pure over a key-value store; main.tsx supplies
 * localStorage, the tab's id (sessionStorage) and which slots other tabs hold.
 *
 * - **Per-tab slots.** A tab saves only into `bootgraph.autosave.<id>`, so two
 *   tabs never overwrite each other. A plain visit opens the tab's own slot
 *   (a reload), else the newest slot no other open tab holds, which the tab
 *   then adopts (so one user's visits keep one slot); if every slot is held,
 *   it opens a copy of the newest in a slot of its own and says so.
 * - **Kept aside.** A record that cannot be read, or was written by a newer
 *   bootgraph, is moved to `bootgraph.aside.*` untouched and listed, never
 *   overwritten or silently dropped.
 * - **Crash-safe start.** Before the app opens saved work it writes
 *   `bootgraph.opening`; once the first graph is drawn the marker goes. A
 *   marker found at start means the last opening crashed or froze: that slot
 *   is not reopened (safe mode) until the user asks.
 */
import { AUTOSAVE_FORMAT, AUTOSAVE_KEY, decodeAutosave, type AutosaveRecord } from './autosave-record.ts';
import type { KeyValueStore } from './autosave.ts';

/** localStorage's shape, as far as this module uses it. */
export interface WorkStorage extends KeyValueStore {
  readonly length: number;
  key(index: number): string | null;
  removeItem(key: string): void;
}

export const SLOT_PREFIX = `${AUTOSAVE_KEY}.`;
export const ASIDE_PREFIX = 'bootgraph.aside.';
export const OPENING_KEY = 'bootgraph.opening';
/** Slots kept: the newest free ones beyond this are removed when a tab starts. */
export const MAX_SLOTS = 6;

export const slotKey = (tabId: string): string => `${SLOT_PREFIX}${tabId}`;
export const tabIdOf = (key: string): string => key.slice(SLOT_PREFIX.length);

export interface Slot {
  readonly key: string;
  readonly record: AutosaveRecord;
}

export interface AsideItem {
  readonly key: string;
  readonly reason: 'newer' | 'unreadable';
  /** Characters stored. */
  readonly size: number;
}

export interface SavedWork {
  /** Readable slots, newest first. */
  readonly slots: readonly Slot[];
  readonly aside: readonly AsideItem[];
  /** The slot whose opening never finished (the last visit crashed or froze opening it). */
  readonly unfinished?: Slot;
  /** Items moved aside by this scan (the user has not been told about them yet). */
  readonly movedAside: readonly AsideItem[];
}

function keys(storage: WorkStorage): string[] {
  const out: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k !== null) out.push(k);
  }
  return out;
}

/** Why a stored record cannot be opened: written by a newer bootgraph, or damaged. */
export function unreadableReason(text: string): AsideItem['reason'] {
  try {
    const v = JSON.parse(text) as unknown;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const f = (v as Record<string, unknown>)['format'];
      if (typeof f === 'string' && f !== AUTOSAVE_FORMAT && /^bootgraph-autosave\/\d+$/.test(f)) {
        const n = Number(f.slice(f.indexOf('/') + 1));
        const ours = Number(AUTOSAVE_FORMAT.slice(AUTOSAVE_FORMAT.indexOf('/') + 1));
        if (n > ours) return 'newer';
      }
    }
  } catch {
    // not JSON at all
  }
  return 'unreadable';
}

function freeAsideKey(storage: WorkStorage, from: string, taken: Set<string>): string {
  const base = `${ASIDE_PREFIX}${from.startsWith(SLOT_PREFIX) ? tabIdOf(from) : 'autosave'}`;
  let key = base;
  for (let n = 2; taken.has(key) || storage.getItem(key) !== null; n++) key = `${base}.${n}`;
  taken.add(key);
  return key;
}

const savedAtOf = (s: Slot): string => s.record.savedAt ?? '';

/**
 * Read everything saved: move unreadable records aside (and the pre-slot
 * `bootgraph.autosave` into a slot), and find the unfinished opening. A
 * storage that refuses a write leaves the record where it was; it is still
 * never opened or overwritten (no tab's slot has that key).
 */
export function scanSavedWork(storage: WorkStorage, newTabId: () => string): SavedWork {
  const slots: Slot[] = [];
  const aside: AsideItem[] = [];
  const movedAside: AsideItem[] = [];
  const taken = new Set<string>();
  for (const key of keys(storage)) {
    if (key.startsWith(ASIDE_PREFIX)) {
      const text = storage.getItem(key) ?? '';
      aside.push({ key, reason: unreadableReason(text), size: text.length });
      taken.add(key);
    }
  }
  for (const key of keys(storage)) {
    if (key !== AUTOSAVE_KEY && !key.startsWith(SLOT_PREFIX)) continue;
    const text = storage.getItem(key);
    if (text === null) continue;
    const record = decodeAutosave(text);
    if (record !== undefined) {
      if (key === AUTOSAVE_KEY) {
        // The one autosave of earlier versions becomes a slot of its own.
        const moved = slotKey(newTabId());
        try {
          storage.setItem(moved, text);
          storage.removeItem(key);
          slots.push({ key: moved, record });
        } catch {
          slots.push({ key, record });
        }
      } else slots.push({ key, record });
      continue;
    }
    const item = { reason: unreadableReason(text), size: text.length };
    try {
      const to = freeAsideKey(storage, key, taken);
      storage.setItem(to, text);
      storage.removeItem(key);
      const moved = { key: to, ...item };
      aside.push(moved);
      movedAside.push(moved);
    } catch {
      const kept = { key, ...item };
      aside.push(kept);
      movedAside.push(kept);
    }
  }
  slots.sort((a, b) => (savedAtOf(a) < savedAtOf(b) ? 1 : savedAtOf(a) > savedAtOf(b) ? -1 : 0));
  const marker = readOpening(storage);
  const unfinished = marker === undefined ? undefined : slots.find((s) => s.key === marker);
  return { slots, aside, movedAside, ...(unfinished === undefined ? {} : { unfinished }) };
}

export function readOpening(storage: KeyValueStore): string | undefined {
  try {
    const v = JSON.parse(storage.getItem(OPENING_KEY) ?? 'null') as unknown;
    if (typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>)['slot'] === 'string') return (v as Record<string, string>)['slot'];
  } catch {
    // a damaged marker means nothing
  }
  return undefined;
}

export interface SlotChoice {
  /** The slot this tab saves into from now on. */
  readonly ownKey: string;
  /** The saved work to open (undefined: the default scenario). */
  readonly open?: Slot;
  /** The work opened is a copy of a slot another open tab holds. */
  readonly copiedFrom?: Slot;
}

/**
 * The slot a tab saves into: its own, unless that holds work that must stay
 * as it is until the user decides (an opening that never finished, a record
 * that could not be read and could not be moved aside).
 */
function ownSlot(work: SavedWork, tabId: string, freshId: () => string): string {
  const key = slotKey(tabId);
  const blocked = work.unfinished?.key === key || work.aside.some((a) => a.key === key);
  return blocked ? slotKey(freshId()) : key;
}

/**
 * Which slot a plain visit opens and which this tab saves into. `tabId` is
 * the tab's remembered id (a reload) or a fresh one; `held` the slot keys
 * other open tabs hold. The unfinished slot is never chosen.
 */
export function chooseSlot(work: SavedWork, tabId: string, held: ReadonlySet<string>, freshId: () => string): SlotChoice {
  const own = ownSlot(work, tabId, freshId);
  const openable = work.slots.filter((s) => s.key !== work.unfinished?.key);
  const mine = openable.find((s) => s.key === own);
  if (mine !== undefined) return { ownKey: own, open: mine };
  if (work.unfinished !== undefined) return { ownKey: own };
  const newest = openable[0];
  if (newest === undefined) return { ownKey: own };
  if (!held.has(newest.key)) return { ownKey: newest.key, open: newest };
  return { ownKey: own, open: newest, copiedFrom: newest };
}

/** Slots to remove so at most MAX_SLOTS remain: the oldest that no tab holds, never the unfinished one nor `keep`. */
export function slotsToPrune(work: SavedWork, held: ReadonlySet<string>, keep: string): string[] {
  const excess = work.slots.length - MAX_SLOTS;
  if (excess <= 0) return [];
  const removable = work.slots.filter((s) => !held.has(s.key) && s.key !== keep && s.key !== work.unfinished?.key);
  return removable.slice(-excess).map((s) => s.key);
}

/** A short human description of saved work: its scenario, what was changed, where the playhead was, when it was saved. */
export function describeRecord(record: AutosaveRecord, presetTitle: (id: string) => string = (id) => id): string {
  const st = record.state;
  const what = st.s !== undefined ? `“${st.s.name}” (${st.s.services.length} services)` : `“${presetTitle(st.p ?? '?')}”`;
  const changed = Object.keys(st.c ?? {}).length + (st.a?.length ?? 0);
  const details = [
    ...(changed > 0 ? [`${changed} change${changed === 1 ? '' : 's'}`] : []),
    ...(st.t !== undefined && st.t > 0 ? [`at ${(st.t / 1000).toFixed(3)} s`] : []),
  ];
  const when = record.savedAt === undefined ? '' : `, saved ${record.savedAt.slice(0, 16).replace('T', ' ')} UTC`;
  return `${what}${details.length > 0 ? ` (${details.join(', ')})` : ''}${when}`;
}

export interface StartPlan extends SlotChoice {
  /** Saved sessions the user can still open from the notice: not this tab's, not the one opened, not the unfinished one. */
  readonly others: readonly Slot[];
}

/**
 * How a tab starts: a plain visit opens saved work (chooseSlot); a link or
 * an old-style address opens what it says, in the tab's own slot, so a link
 * never takes over saved work another visit left.
 */
export function planStart(work: SavedWork, plainVisit: boolean, tabId: string, held: ReadonlySet<string>, freshId: () => string): StartPlan {
  const choice: SlotChoice = plainVisit ? chooseSlot(work, tabId, held, freshId) : { ownKey: ownSlot(work, tabId, freshId) };
  const others = work.slots.filter((s) => s.key !== choice.ownKey && s.key !== choice.open?.key && s.key !== work.unfinished?.key);
  return { ...choice, others };
}

export const NO_SAVED_WORK: SavedWork = { slots: [], aside: [], movedAside: [] };
