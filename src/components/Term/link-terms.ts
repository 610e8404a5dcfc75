/**
 * Finding glossary terms in running text (tour steps, condition help), so
 * each can carry its explanation. The first occurrence of each term is
 * linked; FMRIs and paths are left alone ("milestone" in
 * svc:/milestone/network is a name, not the concept). Pure.
 */
import { GLOSSARY, lookupTerm } from '../../teaching/glossary.ts';

export type TextPart = { readonly text: string } | { readonly text: string; readonly term: string };

/** Other spellings on screen → the glossary term that explains them. */
export const TERM_ALIASES: Readonly<Record<string, string>> = {
  'svcs -xv': 'svcs -x',
  'boot environment': 'BE',
  'boot environments': 'BE',
  'manifest-import': 'manifest import',
  'dependency groups': 'dependency group',
  'dependency cycles': 'dependency cycle',
};

/**
 * Glossary terms that are also everyday words: linked only when a caller
 * names them (a condition's `terms`), never found in free text.
 */
const ONLY_WHEN_ASKED: ReadonlySet<string> = new Set(['service', 'instance', 'method', 'wait', 'contract', 'transient', 'dependent', 'online', 'seed repository', 'sulogin']);

/** The glossary term for a word on screen (its own entry, or an alias), if there is one. */
export function glossaryTermFor(word: string): string | undefined {
  const alias = TERM_ALIASES[word] ?? TERM_ALIASES[word.toLowerCase()];
  if (alias !== undefined) return alias;
  return lookupTerm(word)?.term;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Surface {
  readonly surface: string;
  readonly term: string;
}

function surfaces(extra: readonly string[]): Surface[] {
  const out: Surface[] = [];
  const asked = new Set(extra.map((t) => glossaryTermFor(t)).filter((t): t is string => t !== undefined));
  for (const g of GLOSSARY) if (!ONLY_WHEN_ASKED.has(g.term) || asked.has(g.term)) out.push({ surface: g.term, term: g.term });
  for (const [surface, term] of Object.entries(TERM_ALIASES)) out.push({ surface, term });
  for (const t of extra) {
    const term = glossaryTermFor(t);
    if (term !== undefined && !out.some((s) => s.surface === t)) out.push({ surface: t, term });
  }
  // Longest first, so "svcs -xv" wins over "svcs -x" and "dependency cycle" over shorter overlaps.
  return out.sort((a, b) => b.surface.length - a.surface.length);
}

const cache = new Map<string, { readonly re: RegExp; readonly list: Surface[] }>();

function patternFor(extra: readonly string[]): { readonly re: RegExp; readonly list: Surface[] } {
  const key = extra.join('\u0000');
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const list = surfaces(extra);
  // Lowercase terms also match capitalised (start of a sentence) and plural forms; acronyms match exactly.
  const alts = list.map((s) => {
    const body = escape(s.surface);
    const first = s.surface[0] ?? '';
    const cap = /[a-z]/.test(first) ? `[${first}${first.toUpperCase()}]${escape(s.surface.slice(1))}` : body;
    return `(${cap}(?:s|es)?)`;
  });
  const out = { re: new RegExp(`(?<![\\w/:.*-])(?:${alts.join('|')})(?![\\w/*-]|:/)`, 'g'), list };
  cache.set(key, out);
  return out;
}

/**
 * Texts already split (the same help texts are shown again for every run:
 * a condition's panel re-renders with the new run's definitions), bounded.
 */
const LINKED = new Map<string, readonly TextPart[]>();
const LINKED_MAX = 512;

/**
 * Split text into plain runs and glossary terms (first occurrence of each).
 * `terms`: extra words to link (a condition's terms), everyday words included.
 */
export function linkTerms(text: string, terms: readonly string[] = []): readonly TextPart[] {
  const key = `${terms.join('\u0000')}\u0001${text}`;
  const hit = LINKED.get(key);
  if (hit !== undefined) return hit;
  const out = split(text, terms);
  if (LINKED.size >= LINKED_MAX) {
    const oldest = LINKED.keys().next().value;
    if (oldest !== undefined) LINKED.delete(oldest);
  }
  LINKED.set(key, out);
  return out;
}

function split(text: string, terms: readonly string[]): TextPart[] {
  const { re, list } = patternFor(terms);
  const out: TextPart[] = [];
  const seen = new Set<string>();
  let last = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const k = m.slice(1).findIndex((g) => g !== undefined);
    const hit = list[k];
    if (hit === undefined || seen.has(hit.term)) continue;
    seen.add(hit.term);
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    out.push({ text: m[0], term: hit.term });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}
