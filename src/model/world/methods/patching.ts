/**
 * The patching service the patching-milestone proposal (seed 002)
 * recommends: depends on milestone/single-user and system/filesystem/local,
 * and milestone/patching depends on it. When the system booted to
 * milestone/patching it applies the queued patches (stored on a filesystem
 * that system/filesystem/local mounts) and restores the stashed default
 * milestone. Otherwise, with patches queued, it stashes the default
 * milestone and sets milestone/patching, so the next boot patches.
 *
 * The milestone it inspects is the one svc.startd actually went to (the
 * request's `milestone`), not the one the boot asked for: the real svc.startd
 * rejects milestone/patching (dgraph_set_milestone() accepts only the standard
 * milestones, docs/smf-semantics.md §6.1) and boots to all, so nothing is patched on
 * that boot; the queue stays, and the default milestone is set up again.
 *
 * ENGINE-REQUEST: a world change of kind "svcadm" carries the svcadm command
 * the method ran (`command`); svc.startd should run it as an action at that
 * instant, so that restoring the default milestone brings the system up at
 * once (§6.4: svcadm milestone -d also changes the running milestone).
 */
import { SMF_EXIT } from '../messages.ts';
import type { WorldChange } from '../runtime.ts';
import type { MethodModel } from './types.ts';

export const PATCHING_MILESTONE = 'svc:/milestone/patching:default';

export const patching: MethodModel = (world, req) => {
  const spool = world.spec.patching?.spool ?? '/var/sadm/spool';
  const queue = [...world.patchQueue];
  const current = req.milestone ?? world.bootMilestone;
  if (current !== PATCHING_MILESTONE) {
    if (queue.length === 0) return { duration: 100, exit: 0, log: ['no patches queued'] };
    return {
      duration: 100,
      exit: 0,
      log: [`current milestone is ${current === 'all' ? 'all' : current.replace(/^svc:\//, '')}, not ${PATCHING_MILESTONE.replace(/^svc:\//, '')}: ${queue.length} patch(es) queued; setting up patching for the next boot`],
      effect: () => {
        if (world.stashedMilestone === undefined) world.stashedMilestone = world.defaultMilestone;
        world.defaultMilestone = PATCHING_MILESTONE;
        const command = `svcadm milestone -d ${PATCHING_MILESTONE}`;
        return [{ kind: 'svcadm', command, summary: `${req.fmri} stashed default milestone "${world.stashedMilestone}" and ran ${command}` }];
      },
    };
  }
  const missing = queue.filter((id) => !world.readFile(`${spool}/${id}`));
  if (missing.length > 0) {
    world.note(req.t, `patches ${missing.join(', ')} are not visible under ${spool}: the filesystem system/filesystem/local mounts is not mounted`, req.fmri);
    return { duration: 300, exit: SMF_EXIT.ERR_FATAL, log: missing.map((id) => `patchadd: ${spool}/${id}: No such file or directory`) };
  }
  const restore = world.stashedMilestone ?? 'all';
  return {
    duration: 2000 + 1000 * queue.length,
    exit: 0,
    log: queue.map((id) => `Patch number ${id} has been successfully installed.`),
    effect: () => {
      world.patchesApplied.push(...queue);
      world.patchQueue = [];
      world.defaultMilestone = restore;
      world.stashedMilestone = undefined;
      const command = `svcadm milestone -d ${restore}`;
      const changes: WorldChange[] = queue.map((id) => ({ kind: 'patch', summary: `patch ${id} applied`, patch: id }));
      changes.push({ kind: 'svcadm', command, summary: `${req.fmri} restored the default milestone: ${command}` });
      return changes;
    },
  };
};
