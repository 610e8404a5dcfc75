/**
 * The embeddable player (issue 18): the same link with the embed flag opens a
 * minimal player for an iframe in a course page or a slide. This makes the
 * `<iframe>` snippet Share offers; the title and the address are escaped for
 * an HTML attribute (a scenario name is user text). Pure.
 */
import { encodeShareState } from './codec.ts';
import type { ShareStateV1 } from './share-state.ts';

const attr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The embed link for a state (its own link with `e: 1`), or why there is none. */
export function embedFragment(state: ShareStateV1): { ok: true; fragment: string } | { ok: false; message: string } {
  const e = encodeShareState({ ...state, e: 1 });
  return e.ok ? { ok: true, fragment: e.fragment } : { ok: false, message: e.message };
}

export function embedSnippet(href: string, title: string): string {
  return `<iframe src="${attr(href)}" title="${attr(`bootgraph: ${title}`)}" width="100%" height="560" style="border:0;max-width:1100px" loading="lazy"></iframe>`;
}
