/**
 * What the rest of the app may ask of the graph's camera, as typed events.
 * The canvas takes them from a queue only once the current structure is laid
 * out (GraphCanvas attaches when its layout settles and detaches when a new
 * structure arrives), so a request made while the graph is still being laid
 * out (a link's view, a fit from the keyboard) is applied to the final
 * layout, not to a transient one.
 */
import type { Camera } from './camera.ts';

export type GraphCommand =
  /** Fit the graph (or the focus set, when one is lit) into the view. */
  | { readonly type: 'fit' }
  /** Zoom about the centre; factor > 1 zooms in. */
  | { readonly type: 'zoom'; readonly factor: number }
  /** Show exactly this camera (a link's view). */
  | { readonly type: 'show'; readonly camera: Camera };

/** The consuming end of a command queue: commands are delivered to the attached consumer (queued while none is). */
export interface CommandSource<C> {
  attach(consumer: (command: C) => void): () => void;
}
