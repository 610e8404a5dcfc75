/**
 * The session's line to the graph view: the queue of camera commands (fit,
 * zoom, show a camera) the canvas takes once its layout settles, and the
 * probe the mounted canvas leaves for exports, the link's camera and the
 * test bridge. Framework-free.
 */
import type { GraphCommand } from '../graph-view/commands.ts';
import type { GraphProbe } from '../graph-view/GraphCanvas.tsx';
import { CommandQueue } from './command-queue.ts';

export class GraphLink {
  readonly commands = new CommandQueue<GraphCommand>();
  private current: GraphProbe | undefined;

  /** Set by the graph panel while a canvas is mounted. */
  setProbe(p: GraphProbe | undefined): void {
    this.current = p;
  }

  probe(): GraphProbe | undefined {
    return this.current;
  }

  fit(): void {
    this.commands.push({ type: 'fit' });
  }

  zoom(factor: number): void {
    this.commands.push({ type: 'zoom', factor });
  }
}
