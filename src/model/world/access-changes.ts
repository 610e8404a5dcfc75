/**
 * Every world change a method's effect (or an administrator's command)
 * reports is also an access of the world: /dev/ipmpstub created, /var
 * mounted, / remounted read-write, ipmp0 created, a service imported into the
 * repository. This maps a WorldChange to the access entries it stands for,
 * so that models only record what they read or opened, and what they tried
 * and failed to do (access.ts).
 */
import type { AccessInput } from './access.ts';
import type { WorldChange } from './runtime.ts';

const str = (c: WorldChange, key: string): string | undefined => {
  const v = c[key];
  return typeof v === 'string' ? v : undefined;
};

export function accessesOfChange(c: WorldChange): AccessInput[] {
  const program = str(c, 'program');
  return accessesOf(c).map((a) => (program === undefined ? a : { ...a, program }));
}

function accessesOf(c: WorldChange): AccessInput[] {
  const detail = c.summary;
  switch (c.kind) {
    case 'file':
    case 'devlink': {
      if (c.path === undefined) return [];
      const kind = c.kind === 'devlink' ? 'devlink' : 'path';
      // A path that appears or is hidden because a filesystem was mounted over (or unmounted from) its directory.
      if (c['via'] === 'mount') return [{ op: 'change', kind, name: c.path, ok: true, detail }];
      return [{ op: c.exists === false ? 'remove' : 'create', kind, name: c.path, ok: true, detail }];
    }
    case 'mount': {
      const at = str(c, 'mountpoint');
      if (at === undefined) return [];
      if (c['mounted'] === false) return [{ op: 'unmount', kind: 'mount', name: at, ok: true, detail }];
      if (c['remount'] === true) return [{ op: 'change', kind: 'mount', name: at, ok: true, detail: c['readOnly'] === false ? 'read-write' : 'read-only' }];
      return [{ op: 'mount', kind: 'mount', name: at, ok: true, detail }];
    }
    case 'interface': {
      const name = str(c, 'interface');
      if (name === undefined) return [];
      if (/\bunplumbed\b/.test(c.summary)) return [{ op: 'remove', kind: 'interface', name, ok: true, detail }];
      const out: AccessInput[] = [{ op: 'create', kind: 'interface', name, ok: true, detail }];
      const group = str(c, 'group');
      if (c['ipmp'] === true && group !== undefined) out.push({ op: 'create', kind: 'ipmp-group', name: group, ok: true, detail });
      return out;
    }
    case 'address': {
      const a = str(c, 'address');
      return a === undefined ? [] : [{ op: 'change', kind: 'address', name: a, ok: true, detail }];
    }
    case 'nic': {
      const n = str(c, 'nic');
      return n === undefined ? [] : [{ op: 'change', kind: 'datalink', name: n, ok: true, detail }];
    }
    case 'repository': {
      const services = c['services'];
      if (Array.isArray(services)) return services.filter((s): s is string => typeof s === 'string').map((s) => ({ op: 'create', kind: 'repository', name: s, ok: true, detail }));
      const m = str(c, 'manifest');
      return m === undefined ? [] : [{ op: 'change', kind: 'repository', name: m, ok: true, detail }];
    }
    case 'daemon': {
      const d = str(c, 'daemon');
      return d === undefined ? [] : [{ op: 'create', kind: 'daemon', name: d, ok: true, detail }];
    }
    case 'hostname':
      return [{ op: 'change', kind: 'setting', name: 'nodename', ok: true, detail }];
    case 'svcadm':
      return [{ op: 'change', kind: 'repository', name: 'options/milestone', ok: true, detail }];
    case 'patch': {
      const p = str(c, 'patch');
      return p === undefined ? [] : [{ op: 'create', kind: 'setting', name: `patch ${p}`, ok: true, detail }];
    }
    default:
      return [];
  }
}
