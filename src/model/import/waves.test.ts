/**
 * The imported graphs reproduce the start-order tables of docs/boot-graph.md, which
 * were derived independently (a Python port of graph.c's satisfiability rules
 * over the same manifests and profiles). The tables below are copied from
 * docs/boot-graph.md §1.2 and §2.2, not from this importer's output.
 *
 * `staticWaves()` is that analysis again: docs/smf-semantics.md §13's
 * dependency_satisfied() and grouping evaluators (with the 2009 optional_all
 * rules of §11 for the 2009 tree); every method succeeds instantly, every file
 * exists, and a wave is what becomes satisfied once the previous waves are online.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario/types.ts';
import { parseFmri } from '../smf/fmri.ts';
import { resolveScenario, type ResolvedGroup } from '../graph/resolve.ts';
import graph2009Text from '../../../fixtures/graphs/illumos-2009.json?raw';
import graph2025Text from '../../../fixtures/graphs/illumos-2025.json?raw';

/** docs/boot-graph.md §1.2, current tree, generic_open + ns_files + platform_none applied. */
const WAVES_2025 = [
  /*  0 */ 'milestone/name-services:default network/datalink-management:default network/ip-interface-management:default network/netcfg:default network/tnctl:default system/early-manifest-import:default system/filesystem/root:default system/svc/restarter:default',
  /*  1 */ 'network/loopback:default system/auditset:default system/boot-archive:default system/cryptosvc:default system/scheduler:default',
  /*  2 */ 'network/ipmp:default system/filesystem/usr:default',
  /*  3 */ 'network/physical:default system/device/local:default system/keymap:default system/pfexec:default',
  /*  4 */ 'network/ipsec/ipsecalgs:default system/filesystem/minimal:default system/identity:node',
  /*  5 */ 'application/print/ppd-cache-update:default network/ibd-post-upgrade:default network/ipsec/policy:default system/hostid:default system/identity:domain system/logadm-upgrade:default system/pkgserv:default system/power:default system/rbac:default system/resource-mgmt:default system/rmtmpfiles:default system/sysevent:default system/tsol-zones:default system/zones-monitoring:default',
  /*  6 */ 'milestone/network:default network/iptun:default network/npiv_config:default platform/i86pc/acpihpd:default system/manifest-import:default system/name-service-cache:default system/picl:default',
  /*  7 */ 'network/initial:default system/coreadm:default system/device/fc-fabric:default system/fcoe_initiator:default',
  /*  8 */ 'milestone/devices:default network/netmask:default network/service:default',
  /*  9 */ 'milestone/single-user:default network/iscsi/initiator:default network/routing-setup:default system/device/audio:default',
  /* 10 */ 'milestone/sysconfig:default network/rpc/bind:default system/filesystem/local:default',
  /* 11 */ 'network/inetd-upgrade:default network/nfs/cbd:default network/nfs/mapid:default network/nfs/status:default network/shares/group:default system/boot-archive-update:default system/cron:default system/sac:default system/update-man-index:default system/utmp:default system/xvm/ipagent:default',
  /* 12 */ 'network/inetd:default network/nfs/nlockmgr:default system/console-login:default',
  /* 13 */ 'network/nfs/client:default network/nfs/server:default',
  /* 14 */ 'system/filesystem/autofs:default',
  /* 15 */ 'network/ssh:default system/dumpadm:default system/system-log:default',
  /* 16 */ 'network/dns/multicast:default network/sendmail-client:default network/smtp:sendmail system/fmd:default',
  /* 17 */ 'milestone/multi-user:default',
  /* 18 */ 'milestone/multi-user-server:default system/boot-config:default system/fm/smtp-notify:default system/intrd:default',
  /* 19 */ 'system/zones:default',
];
const OFFLINE_FOREVER_2025 = [
  'network/smb/client:default unsatisfiable',
  'system/filesystem/rmvolmgr:default unsatisfiable',
  'system/hal:default unsatisfiable',
];

/** docs/boot-graph.md §2.2, 2009 tree, with the 2009 generic_open, ns_files and platform_none applied. */
const WAVES_2009 = [
  /*  0 */ 'milestone/name-services:default network/datalink-management:default network/loopback:default network/tnctl:default system/svc/restarter:default',
  /*  1 */ 'network/physical:default',
  /*  2 */ 'system/identity:node',
  /*  3 */ 'system/metainit:default',
  /*  4 */ 'system/filesystem/root:default',
  /*  5 */ 'system/boot-archive:default system/cryptosvc:default system/scheduler:default',
  /*  6 */ 'network/ipsec/ipsecalgs:default system/filesystem/usr:default',
  /*  7 */ 'system/device/local:default system/keymap:default',
  /*  8 */ 'system/filesystem/minimal:default',
  /*  9 */ 'application/print/ppd-cache-update:default network/ipsec/policy:default system/hostid:default system/identity:domain system/manifest-import:default system/metasync:default system/name-service-cache:default system/power:default system/resource-mgmt:default system/rmtmpfiles:default system/sysevent:default',
  /* 10 */ 'milestone/network:default network/npiv_config:default system/coreadm:default system/picl:default',
  /* 11 */ 'network/initial:default network/smb/client:default system/device/fc-fabric:default',
  /* 12 */ 'milestone/devices:default network/service:default',
  /* 13 */ 'milestone/single-user:default network/routing-setup:default',
  /* 14 */ 'milestone/sysconfig:default system/filesystem/local:default',
  /* 15 */ 'network/inetd-upgrade:default network/shares/group:default system/boot-archive-update:default system/cron:default system/dumpadm:default system/sac:default system/system-log:default system/utmp:default',
  /* 16 */ 'network/inetd:default network/smtp:sendmail network/ssh:default system/console-login:default system/fmd:default',
  /* 17 */ 'milestone/multi-user:default system/fpsd:default',
  /* 18 */ 'milestone/multi-user-server:default system/intrd:default',
  /* 19 */ 'system/zones:default',
];
const OFFLINE_FOREVER_2009 = [
  'application/management/snmpdx:default unsatisfiable',
  'network/nfs/cbd:default unsatisfiable',
  'network/nfs/client:default unsatisfiable',
  'network/nfs/mapid:default unsatisfiable',
  'network/nfs/nlockmgr:default unsatisfiable',
  'network/nfs/server:default unsatisfiable',
  'network/nfs/status:default unsatisfiable',
  'network/rpc/bind:default unsatisfiable',
  'system/filesystem/autofs:default unsatisfiable',
  'system/filesystem/rmvolmgr:default unsatisfiable',
  'system/hal:default unsatisfiable',
];

const fixture = (era: '2009' | '2025'): Scenario => JSON.parse(era === '2009' ? graph2009Text : graph2025Text) as Scenario;

const short = (w: Waves): { waves: string[]; offline: string[] } => ({
  waves: w.waves.map((x) => x.map((f) => f.replace('svc:/', '')).join(' ')),
  offline: w.offlineForever.map((o) => `${o.fmri.replace('svc:/', '')}${o.unsatisfiable ? ' unsatisfiable' : ''}`),
});

describe('start order derived from the imported graphs matches docs/boot-graph.md', () => {
  it('2025 (§1.2): 20 waves, then smb/client, rmvolmgr and hal offline forever', () => {
    const w = short(staticWaves(fixture('2025'), '2025'));
    expect(w.waves).toEqual(WAVES_2025);
    expect(w.offline).toEqual(OFFLINE_FOREVER_2025);
  });

  it('2009 (§2.2): network/physical, identity:node and metainit come before filesystem/root', () => {
    const w = short(staticWaves(fixture('2009'), '2009'));
    expect(w.waves).toEqual(WAVES_2009);
    expect(w.offline).toEqual(OFFLINE_FOREVER_2009);
  });
});

// ---------------------------------------------------------------- the static analysis

type State = 'offline' | 'online' | 'disabled';

interface Vertex {
  readonly fmri: string;
  readonly configured: boolean;
  readonly enabled: boolean;
  state: State;
  readonly groups: readonly ResolvedGroup[];
  readonly restarter?: string;
}

interface Waves {
  readonly waves: string[][];
  readonly offlineForever: { fmri: string; unsatisfiable: boolean }[];
}

function staticWaves(scenario: Scenario, era: '2009' | '2025'): Waves {
  // The composed dependency pgs (§1.1) with <dependent>s placed on their targets (§5), as the engine reads them.
  const resolved = resolveScenario(scenario);
  const vertices = new Map<string, Vertex>();
  const byService = new Map<string, readonly string[]>(resolved.services.map((s) => [s.fmri, s.instances]));
  for (const i of resolved.instances) {
    const enabled = i.configured && i.enabled;
    vertices.set(i.fmri, {
      fmri: i.fmri,
      configured: i.configured,
      enabled,
      state: enabled ? 'offline' : 'disabled',
      groups: i.groups,
      ...(i.restarter === undefined ? {} : { restarter: i.restarter }),
    });
  }

  const visiting = new Set<string>();
  const instSat = (v: Vertex, sat: boolean): number => {
    if (visiting.has(v.fmri)) return 0;
    visiting.add(v.fmri);
    try {
      const members: (() => number)[] = v.groups.map((g) => () => group(g, sat));
      if (v.restarter !== undefined) {
        const r = v.restarter;
        members.push(() => dep(r, sat));
      }
      return requireAll(members, sat);
    } finally {
      visiting.delete(v.fmri);
    }
  };
  const dep = (t: string, sat: boolean): number => {
    const p = parseFmri(t);
    if (!p.ok || p.fmri.scheme === 'file') return 1;
    if (p.fmri.instance === undefined) {
      const insts = byService.get(t) ?? [];
      if (insts.length === 0) return -1;
      return requireAny(insts.map((i) => () => dep(i, sat)), sat);
    }
    const v = vertices.get(t);
    if (v === undefined || !v.configured) return -1;
    switch (v.state) {
      case 'online':
        return 1;
      case 'offline':
        if (!sat) return 0;
        return instSat(v, true) === -1 ? -1 : 0;
      case 'disabled':
        if (!sat) return 0;
        return -1;
    }
  };
  const requireAll = (xs: (() => number)[], sat: boolean): number => {
    let unsatisfied = false;
    for (const x of xs) {
      const r = x();
      if (r === 1) continue;
      if (!sat) return 0;
      if (r === -1) return -1;
      unsatisfied = true;
    }
    return unsatisfied ? 0 : 1;
  };
  const requireAny = (xs: (() => number)[], sat: boolean): number => {
    if (xs.length === 0) return 1;
    let some = false;
    for (const x of xs) {
      const r = x();
      if (r === 1) return 1;
      if (sat && r === 0) some = true;
    }
    return !sat || some ? 0 : -1;
  };
  const optionalInstance = (t: string, sat: boolean): number | undefined => {
    const v = vertices.get(t);
    if (v === undefined || !v.configured) return undefined;
    if (era === '2009') {
      if (!v.enabled) return undefined;
      if (v.state === 'offline' && instSat(v, true) === -1) return 1;
      return dep(t, sat);
    }
    if (v.state === 'offline' || v.state === 'disabled') {
      const r = dep(t, true);
      return r === -1 ? 1 : r;
    }
    return dep(t, sat);
  };
  const optionalAll = (targets: readonly string[], sat: boolean): number => {
    let qualified = false;
    let unsatisfied = false;
    for (const t of targets) {
      const p = parseFmri(t);
      let r: number | undefined;
      if (!p.ok || p.fmri.scheme === 'file') r = 1;
      else if (p.fmri.instance === undefined) {
        const insts = byService.get(t) ?? [];
        if (era === '2009') {
          const rs = insts.map((i) => optionalInstance(i, sat)).filter((x): x is number => x !== undefined);
          r = rs.length === 0 ? 1 : rs.includes(1) ? 1 : Math.max(...rs);
        } else r = optionalAll(insts, sat);
      } else r = optionalInstance(t, sat);
      if (r === undefined) continue;
      qualified = true;
      if (r === 1) continue;
      if (!sat) return 0;
      if (r === -1) return -1;
      unsatisfied = true;
    }
    return !qualified || !unsatisfied ? 1 : 0;
  };
  const excludeAll = (targets: readonly string[]): number => {
    for (const t of targets) {
      const p = parseFmri(t);
      if (!p.ok || p.fmri.scheme === 'file') return -1;
      const insts = p.fmri.instance === undefined ? (byService.get(t) ?? []) : [t];
      for (const i of insts) {
        const v = vertices.get(i);
        if (v === undefined || !v.configured) continue;
        if (v.state === 'online') return v.enabled ? -1 : 0;
        if (v.state === 'offline') return 0;
      }
    }
    return 1;
  };
  const group = (g: ResolvedGroup, sat: boolean): number => {
    switch (g.grouping) {
      case 'require_all':
        return requireAll(g.targets.map((t) => () => dep(t, sat)), sat);
      case 'require_any':
        return requireAny(g.targets.map((t) => () => dep(t, sat)), sat);
      case 'optional_all':
        return optionalAll(g.targets, sat);
      case 'exclude_all':
        return excludeAll(g.targets);
    }
  };

  const waves: string[][] = [];
  for (;;) {
    const ready = [...vertices.values()].filter((v) => v.state === 'offline' && v.enabled && instSat(v, false) === 1);
    if (ready.length === 0) break;
    for (const v of ready) v.state = 'online';
    waves.push(ready.map((v) => v.fmri).sort());
  }
  const offlineForever = [...vertices.values()]
    .filter((v) => v.state === 'offline' && v.enabled)
    .map((v) => ({ fmri: v.fmri, unsatisfiable: instSat(v, true) === -1 }))
    .sort((a, b) => (a.fmri < b.fmri ? -1 : 1));
  return { waves, offlineForever };
}
