/**
 * Network conditions: how IPMP groups are made (seed 000), which NICs are in
 * the machine at boot (seed 001), and whether a data address is static or
 * comes from DHCP (seed 001: DHCP addresses of a missing NIC are not moved).
 * The hostname files are rewritten from the addresses they hold: data
 * addresses, per-interface test addresses, the group name.
 */
import { explicitDataAddresses, hostnameLines, isAddressWord } from '../ifconfig.ts';
import type { InterfaceSpec, IpmpImplementation, NetworkSpec, WorldSpec } from '../types.ts';
import { checkOption, withWorld, type ConditionDef, type ConditionFamily, type ConditionOption } from './types.ts';
import { eraRules, type Era } from '../../smf/era-rules.ts';

const IPMP_CLEARVIEW: readonly ConditionOption[] = [
  { value: 'none', label: 'no IPMP', description: 'Each interface is configured on its own; no group, no IPMP interface.' },
  { value: 'explicit', label: 'explicit (hostname.ipmp0 with "ipmp")', description: 'net-physical creates ipmp0 first with "ifconfig ipmp0 ipmp"; the data addresses are in /etc/hostname.ipmp0.' },
  { value: 'on-demand', label: 'on demand ("group ipmp0")', description: 'Only the members name the group; ifconfig creates ipmp0 when the first one joins, as Nevada IPMP configurations do after an upgrade.' },
];

const IPMP_PRE: readonly ConditionOption[] = [
  { value: 'none', label: 'no IPMP', description: 'Each interface is configured on its own; no group.' },
  { value: 'on-demand', label: 'IPMP group ("group <name>")', description: 'The interfaces share an IPMP group name; data addresses stay on the interfaces and fail over between them.' },
];

const PRESENCE: readonly ConditionOption[] = [
  { value: 'present', label: 'present', description: 'The NIC is in the machine when it boots.' },
  { value: 'missing', label: 'missing at boot', description: 'The NIC is not there at boot (removed, or failed), so its interface cannot be plumbed.' },
];

const ADDRESS: readonly ConditionOption[] = [
  { value: 'static', label: 'static (hostname file)', description: 'The data address is written in /etc/hostname.<if>.' },
  { value: 'dhcp', label: 'DHCP (/etc/dhcp.<if>)', description: 'The address comes from a DHCP server, so nothing in the hostname file says what it is.' },
];

interface Plan {
  readonly group: string;
  /** Physical interfaces with a NIC, in order. */
  readonly members: readonly string[];
  /** Data addresses per member (where they are written now; those of ipmp0's file go to the first member). */
  readonly data: ReadonlyMap<string, readonly string[]>;
  readonly tests: ReadonlyMap<string, readonly string[]>;
}

function ipmpOptions(impl: IpmpImplementation): readonly ConditionOption[] {
  return impl === 'pre-clearview' ? IPMP_PRE : IPMP_CLEARVIEW;
}

function impl(w: WorldSpec, era: Era): IpmpImplementation {
  return w.network?.ipmp ?? eraRules(era).defaultIpmp;
}

function words(text: string | undefined): string[] {
  return (text ?? '').split(/\s+/).filter((x) => x !== '');
}

function ipmpValue(net: NetworkSpec): string {
  const ifs = net.interfaces ?? [];
  if (ifs.some((i) => words(i.hostname)[0] === 'ipmp')) return 'explicit';
  if (ifs.some((i) => words(i.hostname).includes('group'))) return 'on-demand';
  return 'none';
}

/** Test addresses (-failover) a hostname file configures. */
function testAddresses(text: string, hosts: Readonly<Record<string, string>>): string[] {
  const all: string[] = [];
  for (const line of hostnameLines(text)) {
    let cur: string | undefined;
    for (let k = 0; k < line.length; k++) {
      const w = line[k] ?? '';
      if (w === 'addif') cur = line[++k];
      else if (w === '-failover' && cur !== undefined) all.push(cur);
      else if (['netmask', 'broadcast', 'group'].includes(w)) k++;
      else if (isAddressWord(w, hosts)) cur = w;
    }
  }
  return all;
}

function plan(net: NetworkSpec): Plan {
  const hosts = net.hosts ?? {};
  const nics = new Set((net.nics ?? []).map((n) => n.name));
  const ifs = net.interfaces ?? [];
  const members = ifs.filter((i) => nics.has(i.name)).map((i) => i.name);
  let group = 'ipmp0';
  for (const i of ifs) {
    const w = words(i.hostname);
    const k = w.indexOf('group');
    const g = k >= 0 ? w[k + 1] : undefined;
    if (g !== undefined) {
      group = g;
      break;
    }
  }
  const data = new Map<string, string[]>();
  const tests = new Map<string, string[]>();
  const extra: string[] = [];
  for (const i of ifs) {
    const text = i.hostname ?? '';
    const t = testAddresses(text, hosts);
    const d = explicitDataAddresses(text, hosts).map((a) => a.addr).map((addr) => Object.keys(hosts).find((h) => hosts[h] === addr) ?? addr).filter((a) => !t.includes(a));
    if (nics.has(i.name)) {
      data.set(i.name, d);
      tests.set(i.name, t);
    } else extra.push(...d);
  }
  const first = members[0];
  if (first !== undefined && extra.length > 0) data.set(first, [...extra, ...(data.get(first) ?? [])]);
  return { group, members, data, tests };
}

function dataLine(addrs: readonly string[], tail: string): string {
  const [first, ...rest] = addrs;
  if (first === undefined) return tail;
  return [`${first} netmask + broadcast + ${tail}`.trim(), ...rest.map((a) => `addif ${a} netmask + broadcast + up`)].join(' ');
}

function testLine(tests: readonly string[]): string {
  return tests.map((t) => `addif ${t} deprecated -failover netmask + broadcast + up`).join(' ');
}

function rewriteIpmp(net: NetworkSpec, value: string): NetworkSpec {
  const p = plan(net);
  const byName = new Map((net.interfaces ?? []).map((i) => [i.name, i]));
  const out: InterfaceSpec[] = [];
  const allData = p.members.flatMap((m) => p.data.get(m) ?? []);
  if (value === 'explicit') {
    out.push({ name: 'ipmp0', hostname: ['ipmp', 'group', p.group, dataLine(allData, 'up')].join(' ') });
  }
  for (const m of p.members) {
    const old = byName.get(m);
    const data = value === 'explicit' ? [] : p.data.get(m) ?? [];
    const tests = value === 'none' ? [] : p.tests.get(m) ?? [];
    const tail = value === 'none' ? 'up' : `group ${p.group} up`;
    const line = [data.length > 0 ? dataLine(data, tail) : value === 'none' ? '' : tail, testLine(tests)].filter((x) => x !== '').join(' ');
    const spec: InterfaceSpec = { name: m, ...(line === '' ? {} : { hostname: line }), ...(old?.dhcp === undefined ? {} : { dhcp: old.dhcp }) };
    if (spec.hostname !== undefined || spec.dhcp !== undefined) out.push(spec);
  }
  return { ...net, interfaces: out };
}

function setAddress(net: NetworkSpec, ifname: string, value: string): NetworkSpec {
  const hosts = net.hosts ?? {};
  return {
    ...net,
    interfaces: (net.interfaces ?? []).map((i) => {
      if (i.name !== ifname) return i;
      if (value === 'dhcp') {
        if (i.dhcp !== undefined) return i;
        const tests = testAddresses(i.hostname ?? '', hosts);
        const data = explicitDataAddresses(i.hostname ?? '', hosts).map((a) => a.addr).filter((a) => !tests.includes(a) && !tests.some((t) => hosts[t] === a));
        const g = words(i.hostname).indexOf('group');
        const group = g >= 0 ? words(i.hostname)[g + 1] : undefined;
        const line = [group === undefined ? '' : `group ${group}`, testLine(tests)].filter((x) => x !== '').join(' ');
        return { name: i.name, ...(line === '' ? {} : { hostname: line }), dhcp: data[0] ?? '192.168.1.200' };
      }
      if (i.dhcp === undefined) return i;
      const w = words(i.hostname);
      const g = w.indexOf('group');
      const group = g >= 0 ? w[g + 1] : undefined;
      const tests = testAddresses(i.hostname ?? '', hosts);
      const tail = group === undefined ? 'up' : `group ${group} up`;
      return { name: i.name, hostname: [dataLine([i.dhcp], tail), testLine(tests)].filter((x) => x !== '').join(' ') };
    }),
  };
}

export const networkConditions: ConditionFamily = {
  list(scenario) {
    const w = scenario.world;
    const net = w?.network;
    if (w === undefined || net === undefined) return [];
    const out: ConditionDef[] = [];
    const im = impl(w, scenario.era ?? '2025');
    if ((net.nics ?? []).length >= 2) {
      out.push({
        id: 'network.ipmp',
        group: 'network',
        label: 'IPMP group creation',
        description: im === 'pre-clearview' ? 'Whether the interfaces form an IPMP group (pre-Clearview IPMP: a group is a name the interfaces share).' : 'How the IPMP group interface comes to exist (Clearview IPMP: ipmp0 is made by opening /dev/ipmpstub).',
        terms: ['IPMP', 'ipmpstub', 'ifconfig'],
        value: ipmpValue(net),
        options: ipmpOptions(im),
      });
    }
    for (const nic of net.nics ?? []) {
      out.push({ id: `network.nic.${nic.name}`, group: 'network', label: `NIC ${nic.name}`, description: `Whether ${nic.name} is in the machine when it boots.`, terms: ['NIC', 'cfgadm'], value: nic.present === false ? 'missing' : 'present', options: PRESENCE });
    }
    const nics = new Set((net.nics ?? []).map((n) => n.name));
    for (const i of net.interfaces ?? []) {
      if (!nics.has(i.name)) continue;
      out.push({ id: `network.address.${i.name}`, group: 'network', label: `${i.name} data address`, description: `Where ${i.name}'s data address comes from.`, terms: ['DHCP', 'hostname file'], value: i.dhcp === undefined ? 'static' : 'dhcp', options: ADDRESS });
    }
    return out;
  },
  set(scenario, id, value) {
    const w = scenario.world;
    if (id === 'network.ipmp') {
      if (w?.network === undefined) return { ok: false, error: `${id}: this scenario has no network` };
      const bad = checkOption(id, value, ipmpOptions(impl(w, scenario.era ?? '2025')));
      if (bad !== undefined) return bad;
      const net = w.network;
      return { ok: true, scenario: withWorld(scenario, (x) => ({ ...x, network: rewriteIpmp(net, value) })) };
    }
    if (id.startsWith('network.nic.')) {
      const name = id.slice('network.nic.'.length);
      if (!(w?.network?.nics ?? []).some((n) => n.name === name)) return { ok: false, error: `${id}: there is no NIC "${name}" in this scenario` };
      const bad = checkOption(id, value, PRESENCE);
      if (bad !== undefined) return bad;
      return {
        ok: true,
        scenario: withWorld(scenario, (x) => ({
          ...x,
          network: { ...(x.network ?? {}), nics: (x.network?.nics ?? []).map((n) => (n.name === name ? { ...n, present: value === 'present' } : n)) },
        })),
      };
    }
    if (id.startsWith('network.address.')) {
      const name = id.slice('network.address.'.length);
      if (!(w?.network?.interfaces ?? []).some((i) => i.name === name)) return { ok: false, error: `${id}: there is no interface "${name}" in this scenario` };
      const bad = checkOption(id, value, ADDRESS);
      if (bad !== undefined) return bad;
      return { ok: true, scenario: withWorld(scenario, (x) => ({ ...x, network: setAddress(x.network ?? {}, name, value) })) };
    }
    return undefined;
  },
};
