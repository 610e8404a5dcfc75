/**
 * Is a side panel out of sight? Below 1200 px the left and right panels are
 * drawers (src/app/App.module.css: `@media (max-width: 1199px)`), hidden
 * unless open; printed, the inspector is on paper whether its drawer is open
 * or not. A hidden panel keeps what it showed and does no work per frame
 * (FrozenWhile, context.tsx; issue 16).
 */
import { useUi } from './context.tsx';
import { media, useMedia, usePrinting } from './media.ts';

/** The width below which the side panels are drawers (App.module.css). */
const NARROW = media('(max-width: 1199px)');

export function usePanelHidden(side: 'left' | 'right'): boolean {
  const drawer = useUi((s) => s.drawer);
  const narrow = useMedia(NARROW);
  const printing = usePrinting();
  return narrow && drawer !== side && !printing;
}
