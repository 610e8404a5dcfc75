/**
 * /lib/svc/method/manifest-import (system/manifest-import), docs/smf-semantics.md
 * §10.4 and docs/console-messages.md §5.4.
 *
 * Late one-step scheme: import the manifests under /var/svc/manifest that are
 * not in the repository yet (svccfg import needs the persistent repository,
 * so a writable /, and /var mounted). The console keeps
 * "Loading smf(5) service descriptions: N/N"; the log says "Loaded N smf(5)
 * service descriptions".
 *
 * Two-step scheme (seed 003), step two: commit what step one imported into
 * the volatile repository to /etc/svc/repository.db, make a compatibility
 * link under /var/svc/manifest for each /etc/svc/manifest manifest, and
 * import what third parties delivered to /var/svc/manifest.
 *
 * Either way (seed 003, §10.4): a manifest an upgrade changed is imported
 * again and svccfg refreshes the instances it changed (the engine then reads
 * their new dependencies); site profiles not applied yet are applied after
 * the manifests (svccfg apply: persistent general/enabled).
 */
import { loadedDescriptions, loadingDescriptions, SMF_EXIT } from '../messages.ts';
import { instancesOf, manifestPath } from '../repository.ts';
import type { WorldChange } from '../runtime.ts';
import type { MethodModel } from './types.ts';

export const manifestImport: MethodModel = (world, req) => {
  const repo = world.repo;
  if (!world.writableFor('/etc/svc/repository.db')) {
    return { duration: 300, exit: SMF_EXIT.ERR_FATAL, log: ['Repository switch back operation failed, please check the system log for the possible fatal error messages.'] };
  }
  const fromVar = repo.toImportFromVar().filter((m) => {
    const path = manifestPath(repo.scheme, m);
    const visible = world.onDiskVisible(path);
    world.access.read('path', path, visible, { program: 'svccfg', ...(visible ? {} : { detail: 'its filesystem is not mounted' }) });
    return visible;
  });
  const profiles = repo.profilesToApply().filter((p) => {
    const visible = world.onDiskVisible(p.path);
    world.access.read('path', p.path, visible, { program: 'svccfg', ...(visible ? {} : { detail: 'its filesystem is not mounted' }) });
    return visible;
  });
  const n = fromVar.length;
  const console = n > 0 ? [loadingDescriptions(world.era, n)] : [];
  const log = n > 0 ? [loadedDescriptions(world.era, n)] : [];
  const toCommit = repo.scheme === 'two-step' ? repo.pending.filter((m) => repo.imported.has(m.path) && !repo.committed.has(m.path)) : [];
  return {
    duration: 500 + 300 * n,
    exit: 0,
    console,
    log,
    effect: (t) => {
      const changes: WorldChange[] = [];
      for (const m of toCommit) {
        repo.committed.add(m.path);
        for (const s of m.services) repo.volatile.delete(s);
        changes.push({ kind: 'repository', summary: `${m.path}: committed from the volatile repository to /etc/svc/repository.db (step two)`, manifest: m.path });
        const link = manifestPath('late', m);
        if (world.fs.write(link).ok) {
          repo.compatLinks.add(link);
          changes.push({ kind: 'file', path: link, exists: true, summary: `${link} created: compatibility link to ${manifestPath(repo.scheme, m)}` });
        }
      }
      for (const m of fromVar) {
        repo.imported.add(m.path);
        repo.committed.add(m.path);
        const instances = m.services.flatMap((s) => instancesOf(world.scenario, s));
        if (m.upgrade !== undefined) {
          // Its hash changed: imported again, and svccfg import refreshes the instances it changed (§10.4).
          const refresh = Object.keys(m.upgrade).flatMap((s) => instancesOf(world.scenario, s));
          changes.push({
            kind: 'repository',
            summary: `${manifestPath(repo.scheme, m)} imported again (an upgrade changed it): ${Object.keys(m.upgrade).join(', ')} updated; svccfg refreshes ${refresh.join(', ') || 'no instance'}`,
            manifest: m.path,
            reimported: manifestPath(repo.scheme, m),
            refresh,
            services: m.services,
            program: 'svccfg',
          });
          continue;
        }
        changes.push({ kind: 'repository', summary: `${manifestPath(repo.scheme, m)} imported: ${m.services.join(', ')} now in the repository`, manifest: m.path, imported: instances, services: m.services, program: 'svccfg' });
      }
      // Step 3: the site profiles, after the manifests (svccfg apply).
      for (const p of profiles) {
        repo.appliedProfiles.add(p.path);
        const enable: Record<string, boolean> = {};
        for (const f of p.enable ?? []) enable[f] = true;
        for (const f of p.disable ?? []) enable[f] = false;
        const what = Object.entries(enable).map(([f, on]) => `${f} ${on ? 'enabled' : 'disabled'}`);
        changes.push({ kind: 'profile', summary: `svccfg apply ${p.path}: ${what.join(', ') || 'nothing to change'} (general/enabled, persistent)`, path: p.path, enable, program: 'svccfg' });
      }
      if (n > 0) world.note(t, `manifest-import imported ${n} manifest${n === 1 ? '' : 's'} from /var/svc/manifest`, req.fmri);
      return changes;
    },
  };
};
