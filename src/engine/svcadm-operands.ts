/**
 * svcadm's operand handling (svcadm.c): which instances an operand names, and
 * the closure of `svcadm enable -r` (§9).
 */
import { canonicalFmri } from '../model/smf/fmri.ts';
import type { InstanceRuntime } from './instance-runtime.ts';

/** A full FMRI, or a unique suffix such as "physical:default" or "network/physical" (scf_walk_fmri()). */
export function matchOperand(
  instances: readonly InstanceRuntime[],
  byFmri: ReadonlyMap<string, InstanceRuntime>,
  operand: string,
  output: string[],
): InstanceRuntime[] | undefined {
  const canon = canonicalFmri(operand.startsWith('svc:') ? operand : `svc:/${operand}`);
  if (canon !== undefined) {
    const exact = byFmri.get(canon);
    if (exact !== undefined && exact.inRepository) return [exact];
  }
  const [svcPart, instPart] = operand.replace(/^svc:\/?/, '').split(':');
  const matches = instances.filter((i) => {
    if (!i.inRepository) return false;
    const name = i.resolved.service.slice(5);
    const svcOk = svcPart === undefined || svcPart === '' || name === svcPart || name.endsWith(`/${svcPart}`);
    return svcOk && (instPart === undefined || i.resolved.name === instPart);
  });
  if (matches.length === 0) {
    output.push(`svcadm: Pattern '${operand}' doesn't match any instances`);
    return undefined;
  }
  if (matches.length > 1 && instPart === undefined) {
    const services = new Set(matches.map((m) => m.resolved.service));
    if (services.size > 1) {
      output.push(`svcadm: Pattern '${operand}' matches multiple instances:`, ...matches.map((m) => `\t${m.fmri}`));
      return undefined;
    }
  }
  return matches;
}

/** enable -r: the instance and, recursively, its require_all and require_any service dependencies. */
export function enableClosure(
  root: InstanceRuntime,
  instances: readonly InstanceRuntime[],
  byFmri: ReadonlyMap<string, InstanceRuntime>,
  output: string[],
): InstanceRuntime[] {
  const out: InstanceRuntime[] = [];
  const seen = new Set<string>();
  const visit = (i: InstanceRuntime): void => {
    if (seen.has(i.fmri)) return;
    seen.add(i.fmri);
    out.push(i);
    const r = i.resolved.restarter === undefined ? undefined : byFmri.get(i.resolved.restarter);
    if (r !== undefined) visit(r);
    for (const g of i.resolved.groups) {
      if (g.type !== 'service' || (g.grouping !== 'require_all' && g.grouping !== 'require_any')) continue;
      if (g.grouping === 'require_any' && g.targets.length > 1) {
        output.push(`${i.fmri} requires one of:`, ...g.targets.map((t) => `\t${t}`));
        continue;
      }
      for (const t of g.targets) {
        const direct = byFmri.get(t);
        if (direct !== undefined) visit(direct);
        else for (const x of instances.filter((y) => y.resolved.service === t)) visit(x);
      }
    }
  };
  visit(root);
  return out;
}
