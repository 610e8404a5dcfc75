/**
 * Filesystem conditions: how / becomes writable, how /var is mounted
 * (including the Snap Upgrade /var/shared dataset of seed 004), whether
 * Solaris Volume Manager is installed, and when a site service that writes
 * logs runs relative to those mounts.
 */
import type { DependencySpec, Scenario } from '../../scenario/types.ts';
import { isUnder, normalizePath } from '../paths.ts';
import type { FilesystemSpec, WorldSpec } from '../types.ts';
import { checkOption, withWorld, type ConditionDef, type ConditionFamily, type ConditionOption } from './types.ts';

const ROOT: readonly ConditionOption[] = [
  { value: 'ufs', label: 'remounted by system/filesystem/usr (UFS)', description: 'The kernel mounts a UFS / read-only; fs-usr checks it with fsck and remounts it read-write.' },
  { value: 'zfs', label: 'read-write from the start (ZFS root)', description: 'A ZFS root boot environment is read-write before svc.startd starts; fs-usr skips the remount.' },
  { value: 'read-only', label: 'stays read-only (fsck fails)', description: 'fsck cannot repair /, so fs-usr exits 95 and / stays read-only.' },
];

const VAR: readonly ConditionOption[] = [
  { value: 'on-root', label: '/var on the root filesystem', description: '/var is a directory of /, there when / is.' },
  { value: 'separate', label: 'separate /var, mounted by fs/minimal', description: '/var is its own filesystem, mounted by system/filesystem/minimal.' },
  { value: 'mount-fails', label: 'the /var mount fails', description: 'system/filesystem/minimal cannot mount /var and exits 95.' },
  { value: 'var-shared', label: '/var/shared dataset (Snap Upgrade)', description: '/var/adm, /var/log, /var/mail and /var/spool are links into a /var/shared dataset every boot environment shares, mounted by fs/minimal.' },
];

const SVM: readonly ConditionOption[] = [
  { value: 'installed', label: 'SVM installed (metainit)', description: 'system/metainit is in the repository; its <dependent> makes system/filesystem/root wait for it, and it requires system/identity:node.' },
  { value: 'not-installed', label: 'SVM not installed', description: 'No system/metainit: nothing orders system/filesystem/root after the node name, so network/physical no longer precedes /.' },
];

const WRITER: readonly ConditionOption[] = [
  { value: 'early', label: 'right after / is writable', description: 'It depends on system/filesystem/usr only, so it runs before system/filesystem/minimal mounts /var/shared.' },
  { value: 'after-minimal', label: 'after system/filesystem/minimal', description: 'It depends on system/filesystem/minimal, so it writes once /var and /var/shared are mounted.' },
];

const SVM_SERVICES = ['svc:/system/metainit', 'svc:/system/metasync', 'svc:/system/mdmonitor', 'svc:/network/rpc/meta', 'svc:/network/rpc/metamed', 'svc:/network/rpc/metamh', 'svc:/network/rpc/mdcomm'];
const SHARED_DIRS = ['/var/adm', '/var/log', '/var/mail', '/var/spool'];
const FS_USR = 'svc:/system/filesystem/usr';
const FS_MINIMAL = 'svc:/system/filesystem/minimal';

function roots(w: WorldSpec | undefined): FilesystemSpec[] {
  return (w?.filesystems ?? []).filter((f) => normalizePath(f.mountpoint) === '/');
}

function rootValue(w: WorldSpec | undefined): string {
  const r = roots(w)[0];
  if (r === undefined) return 'ufs';
  if (r.type === 'zfs') return 'zfs';
  return r.fails === true ? 'read-only' : 'ufs';
}

function varValue(w: WorldSpec | undefined): string {
  const fss = w?.filesystems ?? [];
  if (fss.some((f) => normalizePath(f.mountpoint) === '/var/shared')) return 'var-shared';
  const v = fss.find((f) => normalizePath(f.mountpoint) === '/var');
  if (v === undefined) return 'on-root';
  return v.fails === true ? 'mount-fails' : 'separate';
}

function setRoot(w: WorldSpec, value: string): WorldSpec {
  const filesystems = (w.filesystems ?? []).map((f) => {
    if (normalizePath(f.mountpoint) !== '/') return f;
    const { fails: _f, ...rest } = f;
    void _f;
    if (value === 'zfs') return { ...rest, type: 'zfs' as const, device: f.device.startsWith('/') ? `rpool/ROOT/${f.be ?? 'nv'}` : f.device };
    const ufs = { ...rest, type: 'ufs' as const, device: f.device.startsWith('/') ? f.device : '/dev/dsk/c0t0d0s0' };
    return value === 'read-only' ? { ...ufs, fails: true } : ufs;
  });
  return { ...w, filesystems };
}

/** Move files stored on removed filesystems onto the root filesystems, so nothing on disk is lost by a layout change. */
function mergeInto(list: FilesystemSpec[], removed: readonly FilesystemSpec[]): FilesystemSpec[] {
  const moved = removed.flatMap((f) => f.files ?? []);
  if (moved.length === 0) return list;
  return list.map((f) => (normalizePath(f.mountpoint) === '/' ? { ...f, files: [...new Set([...(f.files ?? []), ...moved])] } : f));
}

function setVar(w: WorldSpec, value: string): WorldSpec {
  const all = w.filesystems ?? [];
  const isVarLayout = (f: FilesystemSpec): boolean => ['/var', '/var/shared'].includes(normalizePath(f.mountpoint));
  const removed = all.filter(isVarLayout);
  let list = mergeInto(all.filter((f) => !isVarLayout(f)), removed);
  const symlinks: Record<string, string> = { ...(w.symlinks ?? {}) };
  for (const d of SHARED_DIRS) if (symlinks[d] === `/var/shared${d.slice(4)}`) delete symlinks[d];
  const rootList = roots({ filesystems: list });
  if (value === 'separate' || value === 'mount-fails') {
    const fails = value === 'mount-fails';
    const vars: FilesystemSpec[] = rootList.map((r) =>
      r.type === 'zfs'
        ? { mountpoint: '/var', type: 'zfs', device: `${r.device}/var`, ...(r.be === undefined ? {} : { be: r.be }), ...(fails ? { fails } : {}) }
        : { mountpoint: '/var', type: 'ufs', device: '/dev/md/dsk/d30', ...(r.be === undefined ? {} : { be: r.be }), ...(fails ? { fails } : {}) },
    );
    // Files under /var move onto the new /var filesystem.
    list = list.map((f) => (normalizePath(f.mountpoint) === '/' ? { ...f, files: (f.files ?? []).filter((p) => !isUnder(normalizePath(p), '/var')) } : f));
    const varFiles = rootList.flatMap((r) => (r.files ?? []).filter((p) => isUnder(normalizePath(p), '/var')));
    list = [...list, ...vars.map((v, k) => (k === 0 && varFiles.length > 0 ? { ...v, files: varFiles } : v))];
  } else if (value === 'var-shared') {
    const sharedFiles: string[] = [];
    list = list.map((f) => {
      if (normalizePath(f.mountpoint) !== '/') return f;
      const keep: string[] = [];
      for (const p of f.files ?? []) {
        const n = normalizePath(p);
        const dir = SHARED_DIRS.find((d) => isUnder(n, d));
        if (dir === undefined) keep.push(p);
        else sharedFiles.push(`/var/shared${n.slice(4)}`);
      }
      return { ...f, files: keep };
    });
    list = [...list, { mountpoint: '/var/shared', type: 'zfs', device: 'rpool/VARSHARE', files: [...new Set(sharedFiles)] }];
    for (const d of SHARED_DIRS) symlinks[d] = `/var/shared${d.slice(4)}`;
  }
  const { symlinks: _s, ...rest } = w;
  void _s;
  return { ...rest, filesystems: list, ...(Object.keys(symlinks).length === 0 ? {} : { symlinks }) };
}

function svmServices(scenario: Scenario): string[] {
  return SVM_SERVICES.filter((f) => scenario.services.some((s) => s.fmri === f));
}

function writers(scenario: Scenario): string[] {
  return (scenario.world?.site_methods ?? []).filter((m) => (m.writes ?? []).length > 0).map((m) => m.fmri);
}

function serviceOfInstance(fmri: string): string {
  const k = fmri.indexOf(':', 5);
  return k < 0 ? fmri : fmri.slice(0, k);
}

function writerValue(scenario: Scenario, fmri: string): string {
  const s = scenario.services.find((x) => x.fmri === serviceOfInstance(fmri));
  const minimal = (s?.dependencies ?? []).some((d) => d.targets.some((t) => t.startsWith(FS_MINIMAL)));
  return minimal ? 'after-minimal' : 'early';
}

function setWriter(scenario: Scenario, fmri: string, value: string): Scenario {
  const svc = serviceOfInstance(fmri);
  const fsDep: DependencySpec = { name: 'filesystem', grouping: 'require_all', restart_on: 'none', targets: [value === 'early' ? FS_USR : FS_MINIMAL] };
  return {
    ...scenario,
    services: scenario.services.map((s) => {
      if (s.fmri !== svc) return s;
      const others = (s.dependencies ?? []).filter((d) => !d.targets.some((t) => t.startsWith(FS_USR) || t.startsWith(FS_MINIMAL)));
      return { ...s, dependencies: [...others, fsDep] };
    }),
  };
}

export const filesystemConditions: ConditionFamily = {
  list(scenario) {
    const w = scenario.world;
    if (w === undefined) return [];
    const out: ConditionDef[] = [];
    if (roots(w).length > 0) {
      out.push({ id: 'filesystems.root', group: 'filesystems', label: 'Root read-write', description: 'When / becomes writable: system/filesystem/usr remounts it, it is writable from the start, or it never is.', terms: ['fs-usr', 'fsck', 'ZFS'], value: rootValue(w), options: ROOT });
      out.push({ id: 'filesystems.var', group: 'filesystems', label: '/var mounts', description: 'Where /var lives and whether system/filesystem/minimal can mount it.', terms: ['fs-minimal', '/var/shared', 'boot environment'], value: varValue(w), options: VAR });
    }
    if (svmServices(scenario).length > 0) {
      const off = svmServices(scenario).every((f) => (w.repository?.not_installed ?? []).includes(f));
      out.push({ id: 'filesystems.svm', group: 'filesystems', label: 'SVM metainit', description: 'Whether Solaris Volume Manager is installed: its system/metainit chains system/filesystem/root after system/identity:node and so after network/physical (docs/boot-graph.md §2.1).', terms: ['metainit', 'SVM'], value: off ? 'not-installed' : 'installed', options: SVM });
    }
    for (const fmri of writers(scenario)) {
      out.push({ id: `filesystems.writer:${fmri}`, group: 'filesystems', label: `When ${fmri.replace(/^svc:\//, '')} writes`, description: 'Which filesystem service the writer waits for, and so whether its files land before or after the mounts.', terms: ['shadowed mount'], value: writerValue(scenario, fmri), options: WRITER });
    }
    return out;
  },
  set(scenario, id, value) {
    if (id === 'filesystems.root') {
      return checkOption(id, value, ROOT) ?? { ok: true, scenario: withWorld(scenario, (w) => setRoot(w, value)) };
    }
    if (id === 'filesystems.var') {
      return checkOption(id, value, VAR) ?? { ok: true, scenario: withWorld(scenario, (w) => setVar(w, value)) };
    }
    if (id === 'filesystems.svm') {
      const bad = checkOption(id, value, SVM);
      if (bad !== undefined) return bad;
      const svm = svmServices(scenario);
      return {
        ok: true,
        scenario: withWorld(scenario, (w) => {
          const rest = (w.repository?.not_installed ?? []).filter((f) => !svm.includes(f));
          return { ...w, repository: { ...(w.repository ?? {}), not_installed: value === 'installed' ? rest : [...rest, ...svm] } };
        }),
      };
    }
    if (id.startsWith('filesystems.writer:')) {
      const fmri = id.slice('filesystems.writer:'.length);
      if (!writers(scenario).includes(fmri)) return { ok: false, error: `${id}: ${fmri} is not a site service that writes files in this scenario` };
      return checkOption(id, value, WRITER) ?? { ok: true, scenario: setWriter(scenario, fmri, value) };
    }
    return undefined;
  },
};
