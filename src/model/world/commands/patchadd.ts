/**
 * patchadd <id>, run by hand in single-user mode (seed 002). Patching needs
 * the mounts system/filesystem/local makes; the proposals differ in how
 * patchadd gets them when that service is offline:
 *   1. fs/local is under milestone/single-user, so they are already there;
 *   2. patchadd temporarily enables system/filesystem/local (it asks svc.startd
 *      through a "svcadm" world change, which the engine runs as an action) and
 *      must be run again once the mounts are there; when it has patched it
 *      disables system/filesystem/local again, as the seed says;
 *   3. patchadd runs fs-local's start method itself (mountall -l, zfs mount
 *      -a) without telling SMF, and its stop method afterwards, which is
 *      `:true`, so the filesystems stay mounted while SMF shows fs/local offline.
 * A patch already applied is a no-op: pkg's "No updates necessary for this
 * image." (IPS pkg install's message for nothing to do; patchadd of 2009
 * printed its own wording, which the reference does not record).
 */
import { mountedBy } from '../filesystems.ts';
import { mountAll } from '../methods/mounts.ts';
import type { WorldChange } from '../runtime.ts';
import { fail, type WorldCommand } from './types.ts';

export const patchadd: WorldCommand = (world, args, t) => {
  const [id, ...extra] = args;
  if (id === undefined || extra.length > 0) return fail('usage: patchadd <patch-id>');
  if (world.patchesApplied.includes(id)) return { ok: true, output: ['No updates necessary for this image.'], changes: [] };
  const spool = world.spec.patching?.spool ?? '/var/sadm/spool';
  const file = `${spool}/${id}`;
  const changes: WorldChange[] = [];
  const output: string[] = [];
  if (!world.fileExists(file)) {
    const proposal = world.spec.proposals?.patching;
    const local = world.bootFilesystems().filter((f) => mountedBy(f.spec) === 'fs-local' && !world.fs.isMounted(f.spec.mountpoint) && f.spec.fails !== true);
    if (proposal === 3 && local.length > 0) {
      output.push('patchadd: running /lib/svc/method/fs-local start (system/filesystem/local is offline)');
      changes.push(...mountAll(world, local.map((fs) => ({ fs, readOnly: fs.spec.read_only === true })), 'patchadd (fs-local start method)'));
      world.note(t, 'patchadd ran fs-local itself: the filesystems are mounted but SMF still shows system/filesystem/local offline; its stop method is :true, so they stay mounted');
    } else if (proposal === 2 && local.length > 0) {
      const command = 'svcadm enable -t svc:/system/filesystem/local:default';
      world.patchaddEnabledLocal = true;
      return { ok: false, output: [`patchadd: system/filesystem/local is offline; ${command}`, `patchadd: ${file}: No such file or directory`], changes: [{ kind: 'svcadm', command, summary: `patchadd ran ${command}` }] };
    }
  }
  if (!world.fileExists(file)) return { ok: false, output: [...output, `patchadd: ${file}: No such file or directory`], changes };
  world.patchesApplied.push(id);
  world.patchQueue = world.patchQueue.filter((p) => p !== id);
  changes.push({ kind: 'patch', summary: `patch ${id} applied by patchadd`, patch: id });
  output.push(`Patch number ${id} has been successfully installed.`);
  if (world.patchaddEnabledLocal) {
    // Proposal 2: "temporarily enable system/filesystem/local before patching, and disable it afterward".
    world.patchaddEnabledLocal = false;
    const command = 'svcadm disable -t svc:/system/filesystem/local:default';
    output.push(`patchadd: ${command}`);
    changes.push({ kind: 'svcadm', command, summary: `patchadd ran ${command}` });
  }
  return { ok: true, output, changes };
};
