/**
 * Search ranking (issue 12): what a sysadmin types is usually a service's
 * name as svcs accepts it ("inetd", "network/physical", "physical:nwam"), so
 * an exact name beats a prefix, which beats a substring, which beats a match
 * in the common name only: "inetd" selects svc:/network/inetd:default, not
 * network/inetd-upgrade. Pure.
 */
import { shortFmri } from '../model/smf/fmri.ts';

export interface SearchItem {
  readonly id: string;
  /** The common name (or ""). */
  readonly text: string;
}

export interface RankedMatch {
  readonly id: string;
  /** 0 is best: exact FMRI or name, 1 exact last component, 2 prefix of it, 3 prefix of another component, 4 substring, 5 common name only. */
  readonly rank: number;
}

/** The names svcs would accept for an FMRI, lower-cased: "network/inetd:default", "network/inetd", "inetd:default", "inetd". */
function namesOf(id: string): { full: string; short: string; service: string; base: string; baseInstance: string; parts: string[] } {
  const full = id.toLowerCase();
  const short = shortFmri(id).toLowerCase();
  const service = short.replace(/:[^/:]*$/, '');
  const parts = service.split('/');
  const base = parts[parts.length - 1] ?? service;
  const instance = short.slice(service.length);
  return { full, short, service, base, baseInstance: `${base}${instance}`, parts };
}

export function rankOf(query: string, item: SearchItem): number | undefined {
  const q = query.trim().toLowerCase();
  if (q === '') return undefined;
  const n = namesOf(item.id);
  if (q === n.full || q === n.short || q === n.service || q === `svc:/${n.service}`) return 0;
  if (q === n.base || q === n.baseInstance) return 1;
  if (n.base.startsWith(q)) return 2;
  if (n.parts.some((p) => p.startsWith(q)) || n.short.startsWith(q)) return 3;
  if (n.full.includes(q)) return 4;
  if (item.text.toLowerCase().includes(q)) return 5;
  return undefined;
}

const notDefault = (id: string): number => (id.endsWith(':default') ? 0 : 1);

/** Every item that matches, best first; ties: the default instance, then the shorter name, then alphabetically. */
export function rankSearch(query: string, items: readonly SearchItem[]): RankedMatch[] {
  const out: RankedMatch[] = [];
  for (const it of items) {
    const rank = rankOf(query, it);
    if (rank !== undefined) out.push({ id: it.id, rank });
  }
  return out.sort(
    (a, b) => a.rank - b.rank || notDefault(a.id) - notDefault(b.id) || shortFmri(a.id).length - shortFmri(b.id).length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
