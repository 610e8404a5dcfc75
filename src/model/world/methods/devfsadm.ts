/** A full devfsadm pass: every /devices node gets its /dev link (a file on /, so / must be writable). */
import type { WorldChange } from '../runtime.ts';
import type { WorldState } from '../state.ts';

export function makeLinks(world: WorldState, by: string): WorldChange[] {
  if (!world.rootWritable()) {
    for (const link of world.devices.missingLinks()) world.access.record({ op: 'create', kind: 'devlink', name: link, ok: false, error: 'EROFS', detail: '/ is read-only', program: 'devfsadm' });
    return [];
  }
  const out: WorldChange[] = [];
  for (const link of world.devices.missingLinks()) {
    world.devices.links.add(link);
    const node = world.devices.nodeForLink(link)?.node;
    out.push({ kind: 'devlink', path: link, exists: true, summary: `${link} created by devfsadm (${by})${node === undefined ? '' : ` → ${node}`}`, program: 'devfsadm' });
  }
  return out;
}
