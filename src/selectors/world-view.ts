/**
 * Reading the world snapshot generically (its shape belongs to the world
 * model, issue 4): the NIC names a scenario's world exposes, for the cfgadm
 * controls. Tolerant of any shape; returns nothing when it finds nothing.
 * Pure.
 */
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const NIC_NAME = /^[a-z][a-z0-9_]*[0-9]+$/;

function namesIn(v: unknown): string[] {
  if (Array.isArray(v)) {
    return v.flatMap((x) => (typeof x === 'string' ? [x] : isObj(x) && typeof x['name'] === 'string' ? [x['name']] : []));
  }
  if (isObj(v)) return Object.keys(v);
  return [];
}

export function nicNames(world: unknown): string[] {
  if (!isObj(world)) return [];
  const candidates: unknown[] = [world['nics'], isObj(world['network']) ? world['network']['nics'] : undefined, isObj(world['devices']) ? world['devices']['nics'] : undefined];
  const out = new Set<string>();
  for (const c of candidates) for (const n of namesIn(c)) if (NIC_NAME.test(n)) out.add(n);
  return [...out].sort();
}
