/**
 * A small ifconfig(1M): enough of its argument processing to run the lines of
 * /etc/hostname.<if> files the way net-physical does (docs/console-messages.md §4).
 * Arguments are processed left to right and the first error exits 1, so what
 * came before it stays done and what came after it (often `up`) never
 * happens. IPMP follows the implementation: Clearview makes IPMP interfaces
 * by opening the /dev/ipmpstub DLPI node (explicitly with `ipmp`, or on
 * demand when `group` names a group that has no interface yet) and moves data
 * addresses onto them; pre-Clearview groups are just names.
 */
import { cannotCreateIpmpToday, cannotOpenLink, plumbNoSuchInterface } from './messages.ts';
import type { Address, IpInterface, NetworkState } from './network.ts';

export interface IfconfigContext {
  readonly net: NetworkState;
  /** dlpi_open("ipmpstub0", DLPI_DEVONLY) succeeds: /dev/ipmpstub exists, or the /devices fallback applies. */
  readonly ipmpStubOpens: () => boolean;
}

export interface IfconfigResult {
  readonly ok: boolean;
  /** What ifconfig wrote to stderr (net-physical sends it to the service log). */
  readonly stderr: readonly string[];
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(\/\d{1,2})?$/;
const VALUED = new Set(['netmask', 'broadcast', 'mtu', 'metric', 'zone', 'index', 'ether', 'token', 'dest', 'destination', 'subnet', 'tdst', 'tsrc', 'encaplimit', 'thoplimit']);
const FLAGS = new Set([
  'inet', 'inet6', 'plumb', 'trailers', '-trailers', 'private', '-private', 'arp', '-arp', 'router', '-router', 'nud', '-nud',
  'xmit', '-xmit', 'preferred', '-preferred', 'anycast', '-anycast', 'auto-revarp', 'failover', '-failover', 'deprecated',
  '-deprecated', 'standby', '-standby', 'up', 'down', 'ipmp',
]);

export function isAddressWord(word: string, hosts: Readonly<Record<string, string>>): boolean {
  return IPV4.test(word) || word in hosts;
}

/** Split one hostname-file line into ifconfig arguments (net-physical: a one-word file gets "netmask + broadcast + up"). */
export function hostnameLines(text: string): string[][] {
  const lines = text.split('\n').map((l) => l.replace(/#.*$/, '').trim()).filter((l) => l !== '');
  const out = lines.map((l) => l.split(/\s+/));
  const only = out[0];
  if (out.length === 1 && only !== undefined && only.length === 1 && only[0] !== 'ipmp') {
    out[0] = [...only, 'netmask', '+', 'broadcast', '+', 'up'];
  }
  return out;
}

function plumbError(ctx: IfconfigContext, ifname: string): string {
  if (ctx.net.impl === 'pre-clearview') return plumbNoSuchInterface(ifname);
  if (ctx.net.impl === 'libipadm') return `ifconfig: cannot plumb ${ifname}: Could not open DLPI link`;
  return cannotOpenLink(ifname);
}

function ipmpStubError(ctx: IfconfigContext, ifname: string): string {
  return ctx.net.impl === 'libipadm' ? cannotCreateIpmpToday(ifname) : cannotOpenLink('ipmpstub0');
}

/** `ifconfig <if> plumb`: the NIC must be in the machine and attached. */
export function plumb(ctx: IfconfigContext, ifname: string): IfconfigResult {
  if (ctx.net.interfaces.has(ifname)) return { ok: true, stderr: [] };
  const nic = ctx.net.nics.get(ifname);
  if (nic === undefined || !nic.present || !nic.attached) return { ok: false, stderr: [plumbError(ctx, ifname)] };
  ctx.net.interfaces.set(ifname, { name: ifname, ipmp: false, standby: false, offline: false, addresses: [] });
  return { ok: true, stderr: [] };
}

/** `ifconfig <if> ipmp`: create a Clearview IPMP interface (its group name defaults to its own name). */
export function createIpmp(ctx: IfconfigContext, ifname: string, group?: string): IfconfigResult {
  if (ctx.net.impl === 'pre-clearview') return { ok: false, stderr: [plumbError(ctx, ifname)] };
  if (ctx.net.interfaces.has(ifname)) return { ok: false, stderr: [`ifconfig: ${ifname}: cannot create IPMP interface: already exists`] };
  if (!ctx.ipmpStubOpens()) return { ok: false, stderr: [ipmpStubError(ctx, ifname)] };
  ctx.net.interfaces.set(ifname, { name: ifname, ipmp: true, group: group ?? ifname, standby: false, offline: false, addresses: [] });
  ctx.net.mpathd = true;
  return { ok: true, stderr: [] };
}

/** Join (or name) an IPMP group: setifgroupname(). */
function setGroup(ctx: IfconfigContext, iface: IpInterface, group: string): string | undefined {
  if (group === '') {
    // `group ""`: leave the group (SIOCSLIFGROUPNAME with an empty name).
    delete iface.group;
    return undefined;
  }
  if (iface.ipmp) {
    iface.group = group;
    return undefined;
  }
  if (ctx.net.impl !== 'pre-clearview' && ctx.net.groupInterface(group) === undefined) {
    // ENOENT: create_ipmp(grname, af, NULL, B_TRUE) makes ipmpN for the group on demand.
    const name = ctx.net.nextIpmpName();
    const r = createIpmp(ctx, name, group);
    if (!r.ok) return r.stderr[0];
  }
  iface.group = group;
  ctx.net.mpathd = true;
  return undefined;
}

function newAddress(iface: IpInterface, addr: string): Address {
  const placeholder = iface.addresses.findIndex((a) => a.addr === '0.0.0.0' && a.home === iface.name);
  const a: Address = { addr, up: false, test: false, deprecated: false, source: 'static', home: iface.name };
  if (placeholder >= 0) iface.addresses.splice(placeholder, 1, a);
  else iface.addresses.push(a);
  return a;
}

/** Clearview: data addresses on an underlying interface of a group belong on the group's IPMP interface. */
export function migrateDataAddresses(net: NetworkState, iface: IpInterface): void {
  if (net.impl === 'pre-clearview' || iface.ipmp || iface.group === undefined) return;
  const gi = net.groupInterface(iface.group);
  if (gi === undefined) return;
  let wasUp = false;
  const moved: Address[] = [];
  for (let k = iface.addresses.length - 1; k >= 0; k--) {
    const a = iface.addresses[k];
    if (a === undefined || a.test || a.addr === '0.0.0.0') continue;
    iface.addresses.splice(k, 1);
    moved.unshift(a);
    wasUp = wasUp || a.up;
  }
  gi.addresses.push(...moved);
  // The underlying interface stays up with no data address of its own (0.0.0.0).
  if (wasUp && iface.addresses.length === 0) iface.addresses.push({ addr: '0.0.0.0', up: true, test: false, deprecated: false, source: 'static', home: iface.name });
}

/** `ifconfig <if> inet <args...>` on a plumbed interface. */
export function configure(ctx: IfconfigContext, ifname: string, args: readonly string[]): IfconfigResult {
  const iface = ctx.net.interfaces.get(ifname);
  if (iface === undefined) return { ok: false, stderr: [`ifconfig: ${ifname}: no such interface`] };
  let cur: Address | undefined;
  const current = (): Address => {
    if (cur === undefined) cur = iface.addresses.find((a) => a.home === ifname) ?? newAddress(iface, '0.0.0.0');
    return cur;
  };
  for (let k = 0; k < args.length; k++) {
    const w = args[k] ?? '';
    if (VALUED.has(w)) {
      k++;
      continue;
    }
    if (w === 'group') {
      const g = args[++k];
      if (g === undefined) return { ok: false, stderr: ['ifconfig: group: missing group name'] };
      const err = setGroup(ctx, iface, g);
      if (err !== undefined) return { ok: false, stderr: [err] };
      continue;
    }
    if (w === 'addif') {
      const a = args[++k];
      const addr = a === undefined ? undefined : resolveAddress(ctx, a);
      if (addr === undefined) return { ok: false, stderr: [`ifconfig: ${a ?? 'addif'}: bad address`] };
      cur = { addr, up: false, test: false, deprecated: false, source: 'static', home: ifname };
      iface.addresses.push(cur);
      continue;
    }
    switch (w) {
      case 'up':
        current().up = true;
        continue;
      case 'down':
        current().up = false;
        continue;
      case '-failover':
        current().test = true;
        continue;
      case 'failover':
        current().test = false;
        continue;
      case 'deprecated':
        current().deprecated = true;
        continue;
      case '-deprecated':
        current().deprecated = false;
        continue;
      case 'standby':
        iface.standby = true;
        continue;
      case '-standby':
        iface.standby = false;
        continue;
      default:
        break;
    }
    if (FLAGS.has(w) || w === '+') continue;
    const addr = resolveAddress(ctx, w);
    if (addr === undefined) return { ok: false, stderr: [`ifconfig: ${w}: bad address`] };
    cur = newAddress(iface, addr);
  }
  migrateDataAddresses(ctx.net, iface);
  return { ok: true, stderr: [] };
}

function resolveAddress(ctx: IfconfigContext, word: string): string | undefined {
  const m = IPV4.exec(word);
  if (m !== null) return word.replace(/\/\d+$/, '');
  return ctx.net.hosts[word];
}

/**
 * The data addresses a hostname file names explicitly (not -failover test
 * addresses): what move_addresses() moves for a NIC that could not be plumbed.
 * Addresses from DHCP or RARP are not in the file, so they are never moved.
 */
export function explicitDataAddresses(text: string, hosts: Readonly<Record<string, string>>): { addr: string; up: boolean }[] {
  const out: { addr: string; test: boolean; up: boolean }[] = [];
  for (const line of hostnameLines(text)) {
    let cur: { addr: string; test: boolean; up: boolean } | undefined;
    for (let k = 0; k < line.length; k++) {
      const w = line[k] ?? '';
      if (VALUED.has(w) || w === 'group') {
        k++;
        continue;
      }
      if (w === 'addif') {
        const a = line[++k];
        const addr = a === undefined ? undefined : resolveWord(a, hosts);
        if (addr !== undefined) out.push((cur = { addr, test: false, up: false }));
        continue;
      }
      if (w === '-failover' && cur !== undefined) cur.test = true;
      else if (w === 'up' && cur !== undefined) cur.up = true;
      else if (!FLAGS.has(w) && w !== '+') {
        const addr = resolveWord(w, hosts);
        if (addr !== undefined) out.push((cur = { addr, test: false, up: false }));
      }
    }
  }
  return out.filter((a) => !a.test).map((a) => ({ addr: a.addr, up: a.up }));
}

function resolveWord(word: string, hosts: Readonly<Record<string, string>>): string | undefined {
  if (IPV4.test(word)) return word.replace(/\/\d+$/, '');
  return hosts[word];
}
