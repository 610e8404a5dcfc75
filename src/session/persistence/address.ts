/**
 * What the page address asks for (issue 6). A `#v1.…` fragment is a share
 * link (src/share decodes it; the fragment never reaches a server); the old
 * `?preset=&t=&select=` query (url-params.ts) is read for ever; anything else
 * is a plain visit, which restores the user's autosaved work. A link that
 * cannot be used says why, in the codec's words; the caller opens the default
 * scenario and leaves the autosave alone. Pure: strings in, values out.
 */
import { decodeShareFragment } from '../../share/codec.ts';
import type { ShareStateV1 } from '../../share/share-state.ts';
import { parseUrlRequest, type UrlRequest } from './url-params.ts';

export type AddressRequest =
  | { readonly kind: 'plain' }
  | { readonly kind: 'link'; readonly fragment: string; readonly state: ShareStateV1; readonly warnings: readonly string[]; readonly notices: readonly string[] }
  | { readonly kind: 'legacy'; readonly request: UrlRequest }
  | { readonly kind: 'bad'; readonly message: string };

export interface Address {
  readonly search: string;
  readonly hash: string;
}

/** The heading of every bad-link message. */
export const BAD_LINK_PREFIX = 'This link could not be opened:';

export function readAddress(address: Address, knownPresets: readonly string[]): AddressRequest {
  const fragment = address.hash.startsWith('#') ? address.hash.slice(1) : address.hash;
  if (fragment.length > 0) {
    const d = decodeShareFragment(fragment);
    if (!d.ok) return { kind: 'bad', message: `${BAD_LINK_PREFIX} ${d.message} The default scenario is open instead.` };
    if (d.state.p !== undefined && !knownPresets.includes(d.state.p)) {
      return { kind: 'bad', message: `${BAD_LINK_PREFIX} it names a built-in scenario this bootgraph does not have (“${d.state.p}”). The default scenario is open instead.` };
    }
    return { kind: 'link', fragment, state: d.state, warnings: d.warnings, notices: d.notices };
  }
  const q = new URLSearchParams(address.search);
  if (q.has('preset') || q.has('t') || q.has('select')) return { kind: 'legacy', request: parseUrlRequest(address.search, knownPresets) };
  return { kind: 'plain' };
}

/** The address of a link: the page without its query (old-style parameters), with the fragment. */
export function linkHref(pageHref: string, fragment: string): string {
  const url = new URL(pageHref);
  url.search = '';
  url.hash = fragment;
  return url.toString();
}

/** The page's plain address (no query, no fragment): what a visit that restores the autosave looks like. */
export function plainHref(pageHref: string): string {
  const url = new URL(pageHref);
  url.search = '';
  url.hash = '';
  return url.toString();
}
