/**
 * Validation of the optional `world` section of a scenario (untrusted JSON):
 * every problem names its JSON path and says what is wrong. Also the world
 * commands of a scenario's actions, checked against the world they act on (a
 * cfgadm of a NIC the world does not have, a pkg install of an unknown
 * package).
 */
import type { ValidationIssue } from '../scenario/validate.ts';
import { bootEnvironments } from './boot-env.ts';

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const WORLD_KEYS = ['nodename', 'boot', 'filesystems', 'symlinks', 'devices', 'network', 'repository', 'proposals', 'site_methods', 'packages', 'patching'];
const FS_TYPES = ['ufs', 'zfs', 'tmpfs'];
const MOUNTED_BY = ['kernel', 'fs-root', 'fs-minimal', 'fs-local', 'zones'];
const IPMP_IMPLS = ['pre-clearview', 'clearview', 'libipadm'];
const GROUPINGS = ['require_all', 'require_any', 'optional_all', 'exclude_all'];
const RESTART_ONS = ['none', 'error', 'restart', 'refresh'];
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
}

export class Issues {
  readonly list: ValidationIssue[] = [];
  add(path: string, message: string): void {
    if (this.list.length < 200) this.list.push({ path, message });
  }
  keys(o: Obj, allowed: readonly string[], path: string): void {
    for (const k of Object.keys(o)) if (!allowed.includes(k)) this.add(`${path}.${k}`, `unknown field "${k}" (expected one of ${allowed.join(', ')})`);
  }
  obj(v: unknown, path: string, what: string): v is Obj {
    if (isObj(v)) return true;
    this.add(path, `${what} must be an object, not ${describe(v)}`);
    return false;
  }
  list_(v: unknown, path: string, what: string): v is unknown[] {
    if (Array.isArray(v)) return true;
    this.add(path, `${what} must be a list, not ${describe(v)}`);
    return false;
  }
  str(o: Obj, key: string, path: string, required = false): string | undefined {
    const v = o[key];
    if (v === undefined) {
      if (required) this.add(`${path}.${key}`, `"${key}" is required`);
      return undefined;
    }
    if (typeof v !== 'string') {
      this.add(`${path}.${key}`, `"${key}" must be a string, not ${describe(v)}`);
      return undefined;
    }
    return v;
  }
  abs(o: Obj, key: string, path: string, required = false): string | undefined {
    const v = this.str(o, key, path, required);
    if (v !== undefined && !v.startsWith('/')) this.add(`${path}.${key}`, `"${key}" must be an absolute path such as "/var", not ${describe(v)}`);
    return v;
  }
  bool(o: Obj, key: string, path: string): void {
    const v = o[key];
    if (v !== undefined && typeof v !== 'boolean') this.add(`${path}.${key}`, `"${key}" must be true or false, not ${describe(v)}`);
  }
  oneOf(o: Obj, key: string, values: readonly string[], path: string, required = false): string | undefined {
    const v = o[key];
    if (v === undefined) {
      if (required) this.add(`${path}.${key}`, `"${key}" is required (one of ${values.join(', ')})`);
      return undefined;
    }
    if (typeof v !== 'string' || !values.includes(v)) {
      this.add(`${path}.${key}`, `unknown ${key} ${describe(v)} (expected ${values.join(', ')})`);
      return undefined;
    }
    return v;
  }
  paths(v: unknown, path: string, what = 'files'): void {
    if (v === undefined) return;
    if (!this.list_(v, path, `"${what}"`)) return;
    v.forEach((p, k) => {
      if (typeof p !== 'string' || !p.startsWith('/')) this.add(`${path}[${k}]`, `must be an absolute path, not ${describe(p)}`);
    });
  }
}

/** Structural validation of the optional `world` section. */
export function validateWorld(world: unknown, path: string): ValidationIssue[] {
  const c = new Issues();
  if (!c.obj(world, path, '"world"')) return c.list;
  c.keys(world, WORLD_KEYS, path);
  c.str(world, 'nodename', path);
  checkBoot(c, world['boot'], `${path}.boot`);
  checkFilesystems(c, world['filesystems'], `${path}.filesystems`);
  checkSymlinks(c, world['symlinks'], `${path}.symlinks`);
  checkDevices(c, world['devices'], `${path}.devices`);
  checkNetwork(c, world['network'], `${path}.network`);
  checkRepository(c, world['repository'], `${path}.repository`);
  checkProposals(c, world['proposals'], `${path}.proposals`);
  checkSiteMethods(c, world['site_methods'], `${path}.site_methods`);
  checkPackages(c, world['packages'], `${path}.packages`);
  checkPatching(c, world['patching'], `${path}.patching`);
  if (isObj(world['boot']) && typeof world['boot']['be'] === 'string' && Array.isArray(world['filesystems'])) {
    const bes = bootEnvironments({ filesystems: world['filesystems'].filter(isObj).map((f) => ({ mountpoint: String(f['mountpoint']), type: 'zfs', device: '', ...(typeof f['be'] === 'string' ? { be: f['be'] } : {}) })) });
    if (!bes.includes(world['boot']['be'])) c.add(`${path}.boot.be`, `no filesystem belongs to boot environment "${world['boot']['be']}" (known: ${bes.join(', ') || 'none'})`);
  }
  return c.list;
}

function checkBoot(c: Issues, v: unknown, path: string): void {
  if (v === undefined || !c.obj(v, path, '"boot"')) return;
  c.keys(v, ['number', 'after', 'be'], path);
  const n = v['number'];
  if (n !== undefined && (typeof n !== 'number' || !Number.isInteger(n) || n < 1)) c.add(`${path}.number`, `"number" must be a whole number from 1 (the first boot), not ${describe(n)}`);
  c.oneOf(v, 'after', ['upgrade'], path);
  c.str(v, 'be', path);
}

function checkFilesystems(c: Issues, v: unknown, path: string): void {
  if (v === undefined || !c.list_(v, path, '"filesystems"')) return;
  const seen = new Set<string>();
  v.forEach((f, k) => {
    const p = `${path}[${k}]`;
    if (!c.obj(f, p, 'a filesystem')) return;
    c.keys(f, ['mountpoint', 'type', 'device', 'mounted_by', 'be', 'fails', 'read_only', 'files'], p);
    const mp = c.abs(f, 'mountpoint', p, true);
    c.oneOf(f, 'type', FS_TYPES, p, true);
    c.str(f, 'device', p, true);
    c.oneOf(f, 'mounted_by', MOUNTED_BY, p);
    const be = c.str(f, 'be', p);
    c.bool(f, 'fails', p);
    c.bool(f, 'read_only', p);
    c.paths(f['files'], `${p}.files`);
    if (mp !== undefined) {
      const key = `${mp}|${be ?? ''}`;
      if (seen.has(key)) c.add(`${p}.mountpoint`, `a second filesystem on ${mp}${be === undefined ? '' : ` in boot environment ${be}`}`);
      seen.add(key);
    }
  });
}

function checkSymlinks(c: Issues, v: unknown, path: string): void {
  if (v === undefined || !c.obj(v, path, '"symlinks"')) return;
  for (const [from, to] of Object.entries(v)) {
    if (!from.startsWith('/')) c.add(`${path}.${from}`, `a link must be an absolute path, not "${from}"`);
    if (typeof to !== 'string' || !to.startsWith('/')) c.add(`${path}.${from}`, `the target must be an absolute path, not ${describe(to)}`);
  }
}

function checkDevices(c: Issues, v: unknown, path: string): void {
  if (v === undefined || !c.list_(v, path, '"devices"')) return;
  v.forEach((d, k) => {
    const p = `${path}[${k}]`;
    if (!c.obj(d, p, 'a device')) return;
    c.keys(d, ['node', 'link', 'link_on_disk'], p);
    const node = c.abs(d, 'node', p, true);
    if (node !== undefined && !node.startsWith('/devices/')) c.add(`${p}.node`, `a device node is under /devices, not "${node}"`);
    const link = c.abs(d, 'link', p);
    if (link !== undefined && !link.startsWith('/dev/')) c.add(`${p}.link`, `a /dev link is under /dev, not "${link}"`);
    c.bool(d, 'link_on_disk', p);
    if (d['link_on_disk'] === true && link === undefined) c.add(`${p}.link_on_disk`, '"link_on_disk" needs a "link"');
  });
}

function checkNetwork(c: Issues, v: unknown, path: string): void {
  if (v === undefined || !c.obj(v, path, '"network"')) return;
  c.keys(v, ['nics', 'interfaces', 'ipmp', 'hosts'], path);
  c.oneOf(v, 'ipmp', IPMP_IMPLS, path);
  const names = new Set<string>();
  if (v['nics'] !== undefined && c.list_(v['nics'], `${path}.nics`, '"nics"')) {
    v['nics'].forEach((n, k) => {
      const p = `${path}.nics[${k}]`;
      if (!c.obj(n, p, 'a NIC')) return;
      c.keys(n, ['name', 'present', 'ap_id'], p);
      const name = c.str(n, 'name', p, true);
      if (name !== undefined && !/^[a-z][a-z0-9_]*[0-9]$/.test(name)) c.add(`${p}.name`, `"${name}" is not a datalink name (a driver name and instance number, such as "bge0")`);
      if (name !== undefined && names.has(name)) c.add(`${p}.name`, `a second NIC named "${name}"`);
      if (name !== undefined) names.add(name);
      c.bool(n, 'present', p);
      c.str(n, 'ap_id', p);
    });
  }
  const hosts = v['hosts'];
  if (hosts !== undefined && c.obj(hosts, `${path}.hosts`, '"hosts"')) {
    for (const [h, a] of Object.entries(hosts)) if (typeof a !== 'string' || !IPV4.test(a)) c.add(`${path}.hosts.${h}`, `must be an IPv4 address, not ${describe(a)}`);
  }
  if (v['interfaces'] !== undefined && c.list_(v['interfaces'], `${path}.interfaces`, '"interfaces"')) {
    v['interfaces'].forEach((i, k) => {
      const p = `${path}.interfaces[${k}]`;
      if (!c.obj(i, p, 'an interface')) return;
      c.keys(i, ['name', 'hostname', 'dhcp'], p);
      const name = c.str(i, 'name', p, true);
      c.str(i, 'hostname', p);
      const dhcp = c.str(i, 'dhcp', p);
      if (dhcp !== undefined && !IPV4.test(dhcp)) c.add(`${p}.dhcp`, `"dhcp" is the address the DHCP server hands out (IPv4), not ${describe(dhcp)}`);
      if (name !== undefined && !/^ipmp\d+$/.test(name) && !name.startsWith('lo') && !names.has(name)) {
        c.add(`${p}.name`, `no NIC "${name}" in ${path}.nics (an interface is plumbed on a NIC; only IPMP interfaces such as ipmp0 need none)`);
      }
    });
  }
}

function checkDependents(c: Issues, v: unknown, path: string): void {
  if (!c.list_(v, path, 'held dependents')) return;
  v.forEach((d, k) => {
    const p = `${path}[${k}]`;
    if (!c.obj(d, p, 'a dependent')) return;
    c.str(d, 'name', p, true);
    c.oneOf(d, 'grouping', GROUPINGS, p, true);
    c.oneOf(d, 'restart_on', RESTART_ONS, p, true);
    const t = c.str(d, 'target', p, true);
    if (t !== undefined && !t.startsWith('svc:/')) c.add(`${p}.target`, `a dependent names a service or instance (svc:/...), not "${t}"`);
  });
}

function checkRepository(c: Issues, v: unknown, path: string): void {
  if (v === undefined || !c.obj(v, path, '"repository"')) return;
  c.keys(v, ['scheme', 'pending', 'not_installed', 'profiles'], path);
  c.oneOf(v, 'scheme', ['late', 'two-step'], path);
  if (v['not_installed'] !== undefined && c.list_(v['not_installed'], `${path}.not_installed`, '"not_installed"')) {
    v['not_installed'].forEach((f, k) => {
      if (typeof f !== 'string' || !/^svc:\/[^:]+$/.test(f)) c.add(`${path}.not_installed[${k}]`, `must be a service FMRI such as "svc:/system/metainit", not ${describe(f)}`);
    });
  }
  if (v['pending'] !== undefined && c.list_(v['pending'], `${path}.pending`, '"pending"')) {
    v['pending'].forEach((m, k) => {
      const p = `${path}.pending[${k}]`;
      if (!c.obj(m, p, 'a pending manifest')) return;
      c.keys(m, ['path', 'services', 'vendor', 'held_dependents', 'upgrade'], p);
      const mp = c.str(m, 'path', p, true);
      if (mp !== undefined && (!mp.endsWith('.xml') || mp.startsWith('/'))) c.add(`${p}.path`, `a manifest path relative to the manifest directory, such as "network/dlmgmt.xml", not "${mp}"`);
      const s = m['services'];
      if (!Array.isArray(s) || s.length === 0) c.add(`${p}.services`, '"services" must be a non-empty list of service FMRIs');
      else s.forEach((f, j) => {
        if (typeof f !== 'string' || !/^svc:\/[^:]+$/.test(f)) c.add(`${p}.services[${j}]`, `must be a service FMRI, not ${describe(f)}`);
      });
      c.oneOf(m, 'vendor', ['sun', 'third-party'], p);
      const held = m['held_dependents'];
      if (held !== undefined && c.obj(held, `${p}.held_dependents`, '"held_dependents"')) {
        for (const [f, deps] of Object.entries(held)) checkDependents(c, deps, `${p}.held_dependents["${f}"]`);
      }
      const up = m['upgrade'];
      if (up !== undefined && c.obj(up, `${p}.upgrade`, '"upgrade"')) {
        for (const [f, u] of Object.entries(up)) {
          const q = `${p}.upgrade["${f}"]`;
          if (!Array.isArray(s) || !s.includes(f)) c.add(q, `the upgraded service ${f} must be one of this manifest's "services"`);
          if (!c.obj(u, q, 'an upgraded service')) continue;
          c.keys(u, ['dependencies'], q);
          checkUpgradeDependencies(c, u['dependencies'], `${q}.dependencies`);
        }
      }
    });
  }
  if (v['profiles'] !== undefined && c.list_(v['profiles'], `${path}.profiles`, '"profiles"')) {
    v['profiles'].forEach((pr, k) => {
      const p = `${path}.profiles[${k}]`;
      if (!c.obj(pr, p, 'a site profile')) return;
      c.keys(pr, ['path', 'enable', 'disable', 'applied'], p);
      c.abs(pr, 'path', p, true);
      c.bool(pr, 'applied', p);
      for (const key of ['enable', 'disable']) {
        const l = pr[key];
        if (l === undefined) continue;
        if (!Array.isArray(l)) c.add(`${p}.${key}`, `"${key}" must be a list of instance FMRIs`);
        else l.forEach((f, j) => {
          if (typeof f !== 'string' || !/^svc:\/[^:]+:[^:]+$/.test(f)) c.add(`${p}.${key}[${j}]`, `must be an instance FMRI such as "svc:/network/ntp:default", not ${describe(f)}`);
        });
      }
    });
  }
}

/** An upgraded manifest's dependencies: the shape of a service's (docs/scenario-format.md). */
function checkUpgradeDependencies(c: Issues, v: unknown, path: string): void {
  if (!c.list_(v, path, '"dependencies"')) return;
  v.forEach((d, k) => {
    const p = `${path}[${k}]`;
    if (!c.obj(d, p, 'a dependency')) return;
    c.str(d, 'name', p, true);
    c.oneOf(d, 'grouping', GROUPINGS, p, true);
    c.oneOf(d, 'restart_on', RESTART_ONS, p, true);
    const t = d['targets'];
    if (!Array.isArray(t) || t.length === 0 || t.some((x) => typeof x !== 'string')) c.add(`${p}.targets`, '"targets" must be a non-empty list of FMRIs');
  });
}

function checkProposals(c: Issues, v: unknown, path: string): void {
  if (v === undefined || !c.obj(v, path, '"proposals"')) return;
  c.keys(v, ['libdlpi_devices_fallback', 'patching'], path);
  c.bool(v, 'libdlpi_devices_fallback', path);
  const p = v['patching'];
  if (p !== undefined && p !== 1 && p !== 2 && p !== 3) c.add(`${path}.patching`, `"patching" is proposal 1, 2 or 3 of seed 002, not ${describe(p)}`);
}

function checkSiteMethods(c: Issues, v: unknown, path: string): void {
  if (v === undefined || !c.list_(v, path, '"site_methods"')) return;
  v.forEach((m, k) => {
    const p = `${path}[${k}]`;
    if (!c.obj(m, p, 'a site method')) return;
    c.keys(m, ['fmri', 'reads', 'writes', 'duration'], p);
    const f = c.str(m, 'fmri', p, true);
    if (f !== undefined && !/^svc:\/[^:]+:[^:]+$/.test(f)) c.add(`${p}.fmri`, `must be an instance FMRI such as "svc:/site/logger:default", not "${f}"`);
    c.paths(m['reads'], `${p}.reads`, 'reads');
    c.paths(m['writes'], `${p}.writes`, 'writes');
    const d = m['duration'];
    if (d !== undefined && (typeof d !== 'number' || d < 0)) c.add(`${p}.duration`, `"duration" must be simulated milliseconds, not ${describe(d)}`);
  });
}

function checkPackages(c: Issues, v: unknown, path: string): void {
  if (v === undefined || !c.obj(v, path, '"packages"')) return;
  for (const [name, files] of Object.entries(v)) c.paths(files, `${path}.${name}`, 'package files');
}

function checkPatching(c: Issues, v: unknown, path: string): void {
  if (v === undefined || !c.obj(v, path, '"patching"')) return;
  c.keys(v, ['queue', 'spool', 'stashed_milestone', 'applied'], path);
  c.abs(v, 'spool', path, true);
  c.str(v, 'stashed_milestone', path);
  for (const key of ['queue', 'applied']) {
    const l = v[key];
    if (l !== undefined && (!Array.isArray(l) || l.some((x) => typeof x !== 'string'))) c.add(`${path}.${key}`, `"${key}" must be a list of patch ids`);
  }
}
