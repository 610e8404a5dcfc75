/**
 * A link's instant checked against its boot (issue 18): the instant in a link
 * is only known to be in the boot once the boot is simulated. One past the
 * end opens at the end and the user is told, rather than being shown an
 * instant that does not exist ("16 min 39 s" of a 5-second boot). Negative
 * instants are clamped when the link is decoded (share/codec.ts).
 * Framework-free: it follows the run store and the UI store.
 */
import { formatTime } from '../selectors/playhead.ts';
import type { UiStore } from '../store/ui-store.ts';
import type { RunStore } from './run-store.ts';

/** If the playhead came from a link, clamp it to the boot's end (with a notice) and forget that it did. */
export function settleLinkInstant(store: UiStore, endTime: number): void {
  const ui = store.getState();
  if (!ui.linkInstant) return;
  ui.setLinkInstant(false);
  if (ui.playhead <= endTime) return;
  const asked = formatTime(ui.playhead);
  ui.setPlayhead(endTime);
  const earlier = ui.linkNotice === undefined ? '' : `${ui.linkNotice.text} `;
  ui.showLinkNotice(`${earlier}The link's instant (${asked}) is past the end of this boot (${formatTime(endTime)}): showing the end.`, ui.linkNotice?.restorable ?? false);
}

/** Settle a link's instant whenever the run on screen becomes the document's, or a link is applied; returns a function that stops. */
export function followLinkInstant(s: { readonly ui: UiStore; readonly runs: RunStore }): () => void {
  const check = (): void => {
    if (!s.ui.getState().linkInstant || !s.runs.settled()) return;
    const run = s.runs.current();
    // A scenario that cannot be opened has no end to check against.
    if (run === undefined) s.ui.getState().setLinkInstant(false);
    else settleLinkInstant(s.ui, run.trace.endTime);
  };
  const offRuns = s.runs.subscribe(check);
  const offUi = s.ui.subscribe((now, before) => {
    if (now.linkInstant && !before.linkInstant) check();
  });
  check();
  return () => {
    offRuns();
    offUi();
  };
}
