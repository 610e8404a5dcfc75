/**
 * A queue of typed commands for a view that may not be ready to take them
 * (the graph while it is laid out, the search box before it is mounted):
 * commands wait until a consumer attaches, then flow straight through until
 * it detaches. Framework-free.
 */
import type { CommandSource } from '../graph-view/commands.ts';

export class CommandQueue<C> implements CommandSource<C> {
  private readonly waiting: C[] = [];
  private consumer: ((command: C) => void) | undefined;

  /** At most this many commands wait (older ones are dropped: only recent intent matters). */
  constructor(private readonly limit = 16) {}

  push(command: C): void {
    if (this.consumer !== undefined) return this.consumer(command);
    this.waiting.push(command);
    if (this.waiting.length > this.limit) this.waiting.shift();
  }

  attach(consumer: (command: C) => void): () => void {
    this.consumer = consumer;
    for (const c of this.waiting.splice(0)) consumer(c);
    return () => {
      if (this.consumer === consumer) this.consumer = undefined;
    };
  }

  /** Commands waiting for a consumer (tests, the bridge). */
  pending(): readonly C[] {
    return [...this.waiting];
  }
}
