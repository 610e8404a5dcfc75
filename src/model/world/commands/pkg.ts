/**
 * pkg [-R <root>] install <package>: install the files of a package the world
 * lists (world.packages) under an image root. A transaction: if any file would
 * land on a read-only filesystem (an alternate BE's shared /var/shared, seed
 * 004) nothing is written. The error text is assembled (strerror(EROFS)).
 */
import { READ_ONLY_FS } from '../messages.ts';
import { joinUnder, normalizePath } from '../paths.ts';
import type { WorldChange } from '../runtime.ts';
import { fail, type WorldCommand } from './types.ts';

export const pkg: WorldCommand = (world, args) => {
  let root = '/';
  const rest: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k] ?? '';
    if (a === '-R') root = normalizePath(args[++k] ?? '/');
    else rest.push(a);
  }
  const [verb, name, ...extra] = rest;
  if (verb !== 'install' || name === undefined || extra.length > 0) return fail('usage: pkg [-R <root>] install <package>');
  const files = world.spec.packages?.[name];
  if (files === undefined) return fail(`pkg: no package named '${name}' is known`);
  const paths = files.map((f) => normalizePath(joinUnder(root, normalizePath(f))));
  const refused = paths.filter((p) => !world.writable(p));
  if (refused.length > 0) return fail(...refused.map((p) => `pkg: ${p}: ${READ_ONLY_FS}`), `pkg: install of ${name} failed; nothing was changed`);
  const changes: WorldChange[] = [];
  for (const p of paths) {
    const r = world.fs.write(p);
    if (r.ok) changes.push({ kind: 'file', path: r.at, exists: true, summary: `${p} installed by pkg (${name})`, requested: p });
  }
  return { ok: true, output: [], changes };
};
