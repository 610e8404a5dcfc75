/** touch and rm: create or remove files in the world's namespace (through symlinks and mounts). */
import { READ_ONLY_FS } from '../messages.ts';
import { normalizePath } from '../paths.ts';
import type { WorldChange } from '../runtime.ts';
import { hostnameFile } from '../state.ts';
import { fail, type WorldCommand } from './types.ts';

export const touch: WorldCommand = (world, args) => {
  if (args.length === 0) return fail('usage: touch <file>...');
  const changes: WorldChange[] = [];
  const output: string[] = [];
  for (const a of args) {
    if (!a.startsWith('/')) return fail(`touch: ${a}: not an absolute path`);
    const p = normalizePath(a);
    const existed = world.fileExists(p);
    const r = world.fs.write(p);
    if (!r.ok) {
      output.push(`touch: ${p}: ${r.error === 'EROFS' ? READ_ONLY_FS : 'No such file or directory'}`);
      continue;
    }
    if (!existed) changes.push({ kind: 'file', path: r.at, exists: true, summary: `${p} created${r.at === p ? '' : ` (${r.at})`}`, requested: p });
  }
  return { ok: output.length === 0, output, changes };
};

export const rm: WorldCommand = (world, args) => {
  if (args.length === 0) return fail('usage: rm <file>...');
  const changes: WorldChange[] = [];
  const output: string[] = [];
  for (const a of args) {
    if (!a.startsWith('/')) return fail(`rm: ${a}: not an absolute path`);
    const p = normalizePath(a);
    if (world.extraFiles.delete(p)) {
      changes.push({ kind: 'file', path: p, exists: false, summary: `${p} removed` });
      continue;
    }
    const hf = hostnameFile(p);
    const spec = hf === undefined ? undefined : world.net.files.get(hf.ifname);
    if (hf !== undefined && spec !== undefined && (hf.kind === 'hostname' ? spec.hostname !== undefined : spec.dhcp !== undefined)) {
      if (!world.rootWritable()) {
        output.push(`rm: ${p}: ${READ_ONLY_FS}`);
        continue;
      }
      const { hostname: _h, dhcp: _d, ...rest } = spec;
      void _h;
      void _d;
      world.net.files.set(hf.ifname, hf.kind === 'hostname' ? { ...rest, ...(spec.dhcp === undefined ? {} : { dhcp: spec.dhcp }) } : { ...rest, ...(spec.hostname === undefined ? {} : { hostname: spec.hostname }) });
      changes.push({ kind: 'file', path: p, exists: false, summary: `${p} removed` });
      continue;
    }
    if (world.devices.links.delete(p)) {
      changes.push({ kind: 'devlink', path: p, exists: false, summary: `${p} removed` });
      continue;
    }
    const resolved = world.fs.resolve(p);
    const r = world.fs.remove(p);
    if (!r.ok) output.push(`rm: ${p}: ${r.error === 'EROFS' ? READ_ONLY_FS : 'No such file or directory'}`);
    else changes.push({ kind: 'file', path: resolved, exists: world.fileExists(resolved), summary: `${p} removed`, requested: p });
  }
  return { ok: output.length === 0, output, changes };
};
