/**
 * The virtual clock: a binary min-heap keyed on (time, seq). Entries at the
 * same instant come out in the order they were pushed (FIFO), which is the
 * engine's documented tie-break. No real timers anywhere.
 */
export interface QueueEntry<T> {
  readonly time: number;
  readonly seq: number;
  readonly value: T;
}

export class EventQueue<T> {
  private readonly heap: QueueEntry<T>[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(time: number, value: T): void {
    const e: QueueEntry<T> = { time, seq: this.seq++, value };
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p];
      if (parent === undefined || !less(e, parent)) break;
      h[i] = parent;
      i = p;
    }
    h[i] = e;
  }

  peekTime(): number | undefined {
    return this.heap[0]?.time;
  }

  pop(): QueueEntry<T> | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (top === undefined || last === undefined) return undefined;
    if (h.length === 0) return top;
    let i = 0;
    const n = h.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const left = h[l];
      const right = h[r];
      if (left === undefined) break;
      let child = l;
      let c = left;
      if (right !== undefined && less(right, left)) {
        child = r;
        c = right;
      }
      if (!less(c, last)) break;
      h[i] = c;
      i = child;
    }
    h[i] = last;
    return top;
  }
}

function less<T>(a: QueueEntry<T>, b: QueueEntry<T>): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
