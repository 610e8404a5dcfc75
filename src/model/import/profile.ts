/**
 * Applying a profile, as `svccfg apply` (svccfg_libscf.c: lscf_bundle_apply())
 * does after the manifests are imported: each `<instance name= enabled=>` (or
 * an instance's general/enabled propval) sets that instance's general/enabled.
 *
 * Like svccfg, a profile never creates anything. Services and instances that
 * do not exist are ignored ("Ignoring nonexistent service"), and so are
 * "partial instances": the empty stubs a `<dependent>` created, which have
 * neither general/enabled nor a last-import snapshot. An instance a manifest
 * declared without `enabled` does have a last-import snapshot, so a profile
 * configures it. Other profile content (xi:include, property values that
 * svc.startd does not read) is not applied.
 */
import type { BundleDecl, InstanceDecl } from './bundle-types.ts';
import type { Repository } from './compose.ts';
import type { FindingSink } from './findings.ts';

export function applyProfile(repo: Repository, profile: BundleDecl, sink: FindingSink): void {
  for (const s of profile.services) {
    const fmri = `svc:/${s.name}`;
    const service = repo.services.get(fmri);
    const settings = s.instances.map((i) => ({ decl: i, enabled: enabledSetting(i) })).filter((x) => x.enabled !== undefined);
    if (settings.length === 0) continue;
    if (service === undefined) {
      sink.warn('profile-target-missing', s.pos, `the profile configures ${fmri}, which no imported manifest defines; svccfg apply ignores it`, fmri);
      continue;
    }
    for (const { decl, enabled } of settings) {
      if (enabled === undefined) continue;
      const ifmri = `${fmri}:${decl.name}`;
      const inst = service.instances.get(decl.name);
      if (inst === undefined) {
        sink.warn('profile-target-missing', decl.pos, `the profile sets ${ifmri} enabled=${String(enabled)}, but no imported manifest defines that instance; svccfg apply ignores it`, ifmri);
      } else if (inst.origin === 'stub') {
        sink.warn(
          'profile-target-missing',
          decl.pos,
          `the profile sets ${ifmri} enabled=${String(enabled)}, but ${ifmri} is only an empty stub a <dependent> created; svccfg apply ignores such partial instances`,
          ifmri,
        );
      } else {
        inst.enabled = enabled;
        inst.configured = true;
      }
    }
  }
}

/** The enabled value a profile's `<instance>` sets: the attribute, else a general/enabled propval. */
function enabledSetting(i: InstanceDecl): boolean | undefined {
  if (i.enabled === 'true') return true;
  if (i.enabled === 'false') return false;
  for (const m of i.members) {
    if (m.kind !== 'property_group' || m.name !== 'general') continue;
    const p = m.properties.find((x) => x.name === 'enabled');
    if (p?.value === 'true') return true;
    if (p?.value === 'false') return false;
  }
  return undefined;
}
