/**
 * The views' ends of the session's command queues and probes: the graph
 * canvas takes camera commands (fit, zoom, show) and leaves a probe; the
 * search box takes focus requests; the layout service is shared.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { CommandSource, GraphCommand } from '../../graph-view/commands.ts';
import type { GraphProbe } from '../../graph-view/GraphCanvas.tsx';
import type { LayoutService } from '../../graph-view/layout-service.ts';
import type { PictureAsk } from '../picture.ts';
import { useSession } from './context.tsx';

/** The graph's camera commands, for the canvas to attach to once its layout settles. */
export function useGraphCommands(): CommandSource<GraphCommand> {
  return useSession().graph.commands;
}

/** Where the mounted canvas leaves its probe (exports, the link's camera, the test bridge). */
export function useGraphProbe(): (p: GraphProbe | undefined) => void {
  const { graph } = useSession();
  return useCallback((p: GraphProbe | undefined) => graph.setProbe(p), [graph]);
}

/** The whole graph as the SVG export draws it, with its legend and no title (undefined while no canvas is mounted): the printed page's graph (PrintGraph). */
export function useGraphSvg(): () => string | undefined {
  const { graph } = useSession();
  return useCallback(() => graph.probe()?.svg(undefined, true), [graph]);
}

/**
 * What the graph panel draws besides the run, left with the session after
 * every render: a new run's picture is drawn with it before the panel
 * renders that run (src/session/picture.ts).
 */
export function usePictureAsk(ask: PictureAsk): void {
  const { picture } = useSession();
  useEffect(() => picture.setAsk(ask));
  useEffect(() => () => picture.setAsk(undefined), [picture]);
}

export function useLayoutService(): LayoutService {
  return useSession().layout;
}

/** Run `focus` when the search box is asked to take focus (the `/` key), while this component is mounted. */
export function useSearchFocus(focus: () => void): void {
  const { search } = useSession();
  const latest = useRef(focus);
  useEffect(() => {
    latest.current = focus;
  });
  useEffect(() => search.attach(() => latest.current()), [search]);
}
