/**
 * An independent check of a Chrome/Perfetto trace-event file (tests only,
 * never imported by the app): the rules of the Trace Event Format ("JSON
 * Object Format") that chrome://tracing and ui.perfetto.dev's JSON importer
 * apply, written from the format, not from our exporter, so that a file the
 * exporter gets wrong is caught here rather than by a reader's empty track.
 *
 * - The file is an object with a `traceEvents` array; `displayTimeUnit`, if
 *   present, is "ms" or "ns"; `otherData`, if present, is an object.
 * - Every event has a string `name`, a one-letter phase `ph` and integer
 *   `pid` and `tid`; `cat` (if present) is a string; `args` (if present) an
 *   object.
 * - Phases used here and their fields: "X" (complete event) has a finite
 *   `ts` ≥ 0 and `dur` ≥ 0 in microseconds; "i"/"I" (instant) has a finite
 *   `ts` ≥ 0 and a scope `s` of "g", "p" or "t" (absent means "t"), and no
 *   `dur`; "M" (metadata) is one of process_name, process_labels,
 *   process_sort_index, thread_name, thread_sort_index with its argument
 *   (`args.name` a string, `args.labels` a string, `args.sort_index` an
 *   integer). "B"/"E" duration events must pair up per thread, in order.
 *   Other phases are reported: the exporter has no reason to write them.
 * - Complete events on one thread must nest: sorted by start (and, at the
 *   same start, longest first), each one either starts at or after the end
 *   of the one enclosing it, or ends within it. A partial overlap is what
 *   the importers cannot draw (Perfetto drops the later slice).
 * - At most one thread_name per (pid, tid) and one process_name per pid.
 */

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

const METADATA: Readonly<Record<string, (args: Json) => boolean>> = {
  process_name: (a) => typeof a['name'] === 'string',
  process_labels: (a) => typeof a['labels'] === 'string',
  process_sort_index: (a) => Number.isInteger(a['sort_index']),
  thread_name: (a) => typeof a['name'] === 'string',
  thread_sort_index: (a) => Number.isInteger(a['sort_index']),
};

export interface Span {
  readonly name: string;
  readonly ts: number;
  readonly end: number;
}

/** Complete events of one thread that partially overlap (neither disjoint nor nested): [enclosing, offending]. */
export function badNesting(spans: readonly Span[]): [Span, Span][] {
  const sorted = [...spans].sort((a, b) => a.ts - b.ts || b.end - a.end);
  const stack: Span[] = [];
  const bad: [Span, Span][] = [];
  for (const s of sorted) {
    // Spans that ended by the time this one starts enclose nothing more (touching is not overlapping).
    while (stack.length > 0 && (stack[stack.length - 1]?.end ?? 0) <= s.ts) stack.pop();
    const top = stack[stack.length - 1];
    if (top !== undefined && s.end > top.end) {
      bad.push([top, s]);
      continue;
    }
    stack.push(s);
  }
  return bad;
}

/** Every way `file` breaks the format, one line each (empty: a valid file). */
export function traceEventProblems(file: unknown): string[] {
  const out: string[] = [];
  if (!isObj(file)) return ['the file is not a JSON object'];
  const events = file['traceEvents'];
  if (!Array.isArray(events)) return ['traceEvents is not an array'];
  if (file['displayTimeUnit'] !== undefined && file['displayTimeUnit'] !== 'ms' && file['displayTimeUnit'] !== 'ns') out.push('displayTimeUnit is neither "ms" nor "ns"');
  if (file['otherData'] !== undefined && !isObj(file['otherData'])) out.push('otherData is not an object');
  const spans = new Map<string, Span[]>();
  const open = new Map<string, string[]>();
  const named = new Set<string>();
  events.forEach((e: unknown, k) => {
    const at = `event ${k}`;
    if (!isObj(e)) {
      out.push(`${at}: not an object`);
      return;
    }
    const { name, ph, pid, tid, ts, dur, cat, args, s } = e;
    if (typeof name !== 'string') out.push(`${at}: name is not a string`);
    if (!Number.isInteger(pid) || !Number.isInteger(tid)) out.push(`${at}: pid and tid are not integers`);
    if (cat !== undefined && typeof cat !== 'string') out.push(`${at}: cat is not a string`);
    if (args !== undefined && !isObj(args)) out.push(`${at}: args is not an object`);
    const thread = `${String(pid)}/${String(tid)}`;
    const label = `${at} (${String(ph)} "${String(name)}" on ${thread})`;
    switch (ph) {
      case 'X':
        if (!isTime(ts) || !isTime(dur)) out.push(`${label}: a complete event needs ts and dur ≥ 0`);
        else spans.set(thread, [...(spans.get(thread) ?? []), { name: String(name), ts, end: ts + dur }]);
        break;
      case 'i':
      case 'I':
        if (!isTime(ts)) out.push(`${label}: an instant needs ts ≥ 0`);
        if (dur !== undefined) out.push(`${label}: an instant has no dur`);
        if (s !== undefined && s !== 'g' && s !== 'p' && s !== 't') out.push(`${label}: scope "${String(s)}" is not g, p or t`);
        break;
      case 'B':
      case 'E': {
        if (!isTime(ts)) out.push(`${label}: a duration event needs ts ≥ 0`);
        const stack = open.get(thread) ?? [];
        if (ph === 'B') stack.push(String(name));
        else if (stack.pop() === undefined) out.push(`${label}: an end with no begin`);
        open.set(thread, stack);
        break;
      }
      case 'M': {
        const rule = typeof name === 'string' ? METADATA[name] : undefined;
        if (rule === undefined) out.push(`${label}: not a metadata event the format defines`);
        else if (!isObj(args) || !rule(args)) out.push(`${label}: its argument is missing or of the wrong type`);
        if (name === 'thread_name' || name === 'process_name') {
          const key = name === 'thread_name' ? `t ${thread}` : `p ${String(pid)}`;
          if (named.has(key)) out.push(`${label}: named twice`);
          named.add(key);
        }
        break;
      }
      default:
        out.push(`${label}: phase "${String(ph)}" is not one the exporter writes`);
    }
  });
  for (const [thread, stack] of open) if (stack.length > 0) out.push(`thread ${thread}: ${stack.length} duration event(s) never end`);
  for (const [thread, list] of spans) {
    for (const [outer, inner] of badNesting(list)) {
      out.push(`thread ${thread}: "${inner.name}" [${inner.ts}, ${inner.end}] overlaps "${outer.name}" [${outer.ts}, ${outer.end}] without nesting in it`);
    }
  }
  return out;
}
