/**
 * The sizes bootgraph accepts (issue 15: never crash, never hang). Every
 * reader — files, links, storage, the CLI — refuses input past these with a
 * message naming the limit, before the engine or the page sees it. The
 * numbers are generous for real SMF (the illumos corpus: names under 100
 * characters, exec strings under 300) and small enough that a hostile input
 * cannot make the app allocate more than a few tens of MB.
 */
export const LIMITS = {
  /** Deepest JSON nesting anywhere in a scenario or a link (a scenario needs 7). */
  depth: 64,
  /** The scenario's name. */
  name: 200,
  /** The scenario's description. */
  description: 10_000,
  /** An FMRI (svc:/… or file://…); SMF's own limit, scf_limit(SCF_LIMIT_MAX_FMRI_LENGTH), is 628. */
  fmri: 1_024,
  /** A method's exec string, an action's command. */
  command: 4_096,
  /** Any other string (common names, documentation, manifest paths, property group names, world fields). */
  string: 4_096,
  /** Services in one scenario (the CLI simulates this many in seconds; see README "Limits"). */
  services: 100_000,
  /** Entries of any one list or object (targets of a group, files, actions, instances of a service). */
  entries: 100_000,
} as const;

export interface LimitIssue {
  readonly path: string;
  readonly message: string;
}

const plural = (n: number): string => n.toLocaleString('en-US');

/**
 * Walk any JSON value without recursion and report the first place it is
 * nested deeper than LIMITS.depth or holds a string longer than any field
 * may be (LIMITS.description) or a list/object with more than LIMITS.entries.
 * Deep values are refused here
 * because later code (JSON.stringify when saving or exporting) recurses.
 */
export function checkJsonShape(value: unknown, root = '$'): LimitIssue | undefined {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: root, depth: 0 }];
  const longest = Math.max(LIMITS.description, LIMITS.command, LIMITS.string);
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { v, path, depth } = item;
    if (typeof v === 'string') {
      if (v.length > longest) return { path, message: `a text of ${plural(v.length)} characters is longer than any field may be (${plural(longest)})` };
      continue;
    }
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= LIMITS.depth) return { path, message: `nested more than ${LIMITS.depth} levels deep (a scenario needs fewer than 10)` };
    if (Array.isArray(v)) {
      if (v.length > LIMITS.entries) return { path, message: `a list of ${plural(v.length)} entries is more than bootgraph reads (${plural(LIMITS.entries)})` };
      for (let k = v.length - 1; k >= 0; k--) stack.push({ v: v[k], path: `${path}[${k}]`, depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(v);
    if (keys.length > LIMITS.entries) return { path, message: `an object of ${plural(keys.length)} fields is more than bootgraph reads (${plural(LIMITS.entries)})` };
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k] ?? '';
      if (key.length > LIMITS.string) return { path, message: `a field name of ${plural(key.length)} characters is longer than ${plural(LIMITS.string)}` };
      stack.push({ v: (v as Record<string, unknown>)[key], path: `${path}.${key}`, depth: depth + 1 });
    }
  }
  return undefined;
}

/** The message for a string field over its limit. */
export function tooLong(what: string, length: number, limit: number): string {
  return `${what} is ${plural(length)} characters long, more than the ${plural(limit)} bootgraph accepts`;
}

/**
 * Services the app opens (links, files, manifests, storage). Past about 1,000
 * the page's redraw makes tasks longer than 200 ms (BENCHMARKS.md); past this
 * it would freeze for many seconds, so it refuses up front and points to the
 * CLI, which simulates LIMITS.services (README "Limits").
 */
export const APP_SERVICE_LIMIT = 5_000;

/** Why the app will not open a scenario this large, or undefined. */
export function appSizeProblem(services: number): string | undefined {
  if (services <= APP_SERVICE_LIMIT) return undefined;
  return `${plural(services)} services are more than bootgraph opens in the browser (${plural(APP_SERVICE_LIMIT)}); simulate it with the command line (npm run simulate), which takes up to ${plural(LIMITS.services)}.`;
}

