/**
 * The browser side of the per-tab autosave slots (saved-work.ts): the tab's
 * id, remembered in sessionStorage so a reload reopens the tab's own work,
 * and which slots other open tabs hold, through the Web Locks API (a tab
 * holds the lock named for its slot while it lives; the browser releases it
 * when the tab goes, even after a crash). Without Web Locks every slot counts
 * as free, which is what a browser with one tab needs.
 */
const TAB_KEY = 'bootgraph.tab';
const LOCK_PREFIX = 'bootgraph.slot:';

export function freshTabId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID().slice(0, 13);
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e9).toString(36)}`;
}

function tabStorage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/** The id this tab had before a reload, if any. */
export function rememberedTabId(): string | undefined {
  const id = tabStorage()?.getItem(TAB_KEY) ?? null;
  return id !== null && /^[\w-]{1,64}$/.test(id) ? id : undefined;
}

export function rememberTabId(id: string): void {
  try {
    tabStorage()?.setItem(TAB_KEY, id);
  } catch {
    // a reload then starts a fresh slot: nothing is lost
  }
}

function locks(): LockManager | undefined {
  return typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : undefined;
}

/** Slot keys that other open tabs hold. */
export async function heldSlots(): Promise<Set<string>> {
  const held = new Set<string>();
  const l = locks();
  if (l === undefined) return held;
  try {
    const snapshot = await l.query();
    for (const lock of snapshot.held ?? []) if (lock.name?.startsWith(LOCK_PREFIX) === true) held.add(lock.name.slice(LOCK_PREFIX.length));
  } catch {
    // no answer: every slot counts as free
  }
  return held;
}

/** Hold the lock for a slot while this tab lives; the returned function lets it go. */
export function holdSlot(key: string): () => void {
  const l = locks();
  if (l === undefined) return () => undefined;
  let release: () => void = () => undefined;
  const kept = new Promise<void>((resolve) => {
    release = resolve;
  });
  void l.request(`${LOCK_PREFIX}${key}`, { ifAvailable: true }, (lock) => (lock === null ? undefined : kept)).catch(() => undefined);
  return release;
}
