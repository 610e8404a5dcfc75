/**
 * FMRIs as svc.startd parses them (docs/smf-semantics.md §1.2): `svc:/service[:instance]`,
 * optionally with a `//localhost` authority, and `file://[host]/path` / `file:///path`.
 * An FMRI naming a property group (`/:properties/`) or anything unparsable is
 * invalid (EINVAL in graph.c: process_dependency_fmri()).
 */
export type Fmri =
  | { readonly scheme: 'svc'; readonly service: string; readonly instance?: string }
  | { readonly scheme: 'file'; readonly path: string };

export type FmriParse = { ok: true; fmri: Fmri } | { ok: false; error: string };

const NAME_COMPONENT = /^[A-Za-z][A-Za-z0-9_.,+-]*$/;
const INSTANCE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.,+-]*$/;

export function isValidServiceName(name: string): boolean {
  if (name.length === 0 || name.length > 256) return false;
  return name.split('/').every((c) => NAME_COMPONENT.test(c));
}

export function isValidInstanceName(name: string): boolean {
  return name.length > 0 && name.length <= 256 && INSTANCE_NAME.test(name);
}

const parseCache = new Map<string, FmriParse>();

/** Parse an FMRI (memoised: the same strings are parsed over and over). */
export function parseFmri(text: string): FmriParse {
  const hit = parseCache.get(text);
  if (hit !== undefined) return hit;
  const r = parseFmriUncached(text);
  if (parseCache.size > 50_000) parseCache.clear();
  parseCache.set(text, r);
  return r;
}

function parseFmriUncached(text: string): FmriParse {
  const s = text.trim();
  if (s.startsWith('file:')) return parseFileFmri(s);
  let rest: string;
  if (s.startsWith('svc://localhost/')) rest = s.slice('svc://localhost/'.length);
  else if (s.startsWith('svc:/') && !s.startsWith('svc://')) rest = s.slice('svc:/'.length);
  else if (s.startsWith('svc://')) return { ok: false, error: `"${text}" names a remote scope; only svc:/ and svc://localhost/ are supported` };
  else return { ok: false, error: `"${text}" is not an FMRI (expected svc:/service[:instance] or file://localhost/path)` };
  if (rest.includes('/:properties')) {
    return { ok: false, error: `"${text}" names a property group, not a service or instance` };
  }
  const colon = rest.indexOf(':');
  const service = colon === -1 ? rest : rest.slice(0, colon);
  const instance = colon === -1 ? undefined : rest.slice(colon + 1);
  if (!isValidServiceName(service)) return { ok: false, error: `"${text}" has an invalid service name "${service}"` };
  if (instance !== undefined && !isValidInstanceName(instance)) {
    return { ok: false, error: `"${text}" has an invalid instance name "${instance}"` };
  }
  return { ok: true, fmri: instance === undefined ? { scheme: 'svc', service } : { scheme: 'svc', service, instance } };
}

function parseFileFmri(s: string): FmriParse {
  // file_ready(): file:///path, file://localhost/path and file://host/path (host ignored).
  if (!s.startsWith('file://')) return { ok: false, error: `"${s}" is not a file FMRI (expected file://localhost/path)` };
  const afterScheme = s.slice('file://'.length);
  const slash = afterScheme.indexOf('/');
  if (slash === -1) return { ok: false, error: `"${s}" has no path` };
  const path = afterScheme.slice(slash);
  if (path.length < 2 || path.includes('\0')) return { ok: false, error: `"${s}" has an empty or invalid path` };
  return { ok: true, fmri: { scheme: 'file', path: normalizePath(path) } };
}

/** Collapse duplicate slashes and a trailing slash; keep it absolute. */
export function normalizePath(p: string): string {
  const parts = p.split('/').filter((x) => x.length > 0 && x !== '.');
  return '/' + parts.join('/');
}

export function formatFmri(f: Fmri): string {
  if (f.scheme === 'file') return `file://localhost${f.path}`;
  return f.instance === undefined ? `svc:/${f.service}` : `svc:/${f.service}:${f.instance}`;
}

const canonicalCache = new Map<string, string | undefined>();

/** The canonical spelling used as a key everywhere in bootgraph (memoised). */
export function canonicalFmri(text: string): string | undefined {
  if (canonicalCache.has(text)) return canonicalCache.get(text);
  const p = parseFmri(text);
  const out = p.ok ? formatFmri(p.fmri) : undefined;
  if (canonicalCache.size > 50_000) canonicalCache.clear();
  canonicalCache.set(text, out);
  return out;
}

/** `svc:/network/physical:default` → `network/physical:default` (svcs prints this). */
export function shortFmri(fmri: string): string {
  if (fmri.startsWith('svc:/')) return fmri.slice(5);
  if (fmri.startsWith('file://localhost')) return fmri.slice('file://localhost'.length);
  return fmri;
}

/** The log stem svc.startd uses: `network/physical:default` → `network-physical:default.log`. */
export function logStem(fmri: string): string {
  return shortFmri(fmri).replace(/\//g, '-') + '.log';
}
