/** Path helpers for the world's namespace (absolute, "/"-separated, no "." or ".."). */

/** Normalise an absolute path: collapse "//", drop a trailing "/" (except for "/"). */
export function normalizePath(p: string): string {
  const parts = p.split('/').filter((x) => x !== '' && x !== '.');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

/** Whether `path` is `dir` or below it. */
export function isUnder(path: string, dir: string): boolean {
  if (dir === '/') return true;
  return path === dir || path.startsWith(`${dir}/`);
}

/** `path` relative to `dir` (which must contain it), as an absolute path: relativeTo("/var/log/x", "/var") = "/log/x". */
export function relativeTo(path: string, dir: string): string {
  if (dir === '/') return path;
  const rest = path.slice(dir.length);
  return rest === '' ? '/' : rest;
}

/** Join an absolute path below a directory: joinUnder("/var", "/log/x") = "/var/log/x". */
export function joinUnder(dir: string, rel: string): string {
  if (dir === '/') return rel;
  return rel === '/' ? dir : `${dir}${rel}`;
}

/** Resolve symbolic links (whole-component prefixes), at most 16 hops as the kernel's MAXSYMLINKS-ish limit. */
export function resolveSymlinks(path: string, links: Readonly<Record<string, string>>): string {
  let p = normalizePath(path);
  for (let hop = 0; hop < 16; hop++) {
    let changed = false;
    for (const [from, to] of Object.entries(links)) {
      const f = normalizePath(from);
      if (isUnder(p, f)) {
        p = normalizePath(joinUnder(normalizePath(to), relativeTo(p, f)));
        changed = true;
        break;
      }
    }
    if (!changed) return p;
  }
  return p;
}
