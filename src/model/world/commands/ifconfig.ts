/**
 * ifconfig(1M) at run time (seed 001: "You can add interfaces to an IPMP
 * group at any time by using the ifconfig command"): `ifconfig <if> [inet]`
 * followed by ifconfig's commands, processed left to right as ifconfig.c's
 * cmds[] table does, the first failure ending the command: plumb, unplumb,
 * ipmp, group <name> (or group "" to leave), addif, removeif, up, down,
 * standby, -failover, an address with netmask/broadcast. What it changes is
 * recorded interface by interface and address by address; in.mpathd's
 * reaction (group state lines, which interfaces now carry a group's data
 * addresses) follows (ipmp-groups.ts). Nothing here is persistent: the next
 * boot plumbs what /etc/hostname.<if> files say. Texts:
 * docs/console-messages.md §4.3, §4.6.
 */
import { configure, createIpmp, plumb, type IfconfigContext } from '../ifconfig.ts';
import { activeSets, networkChanges, refreshGroups } from '../ipmp-groups.ts';
import { ifconfigNoSuchInterface } from '../messages.ts';
import type { IpInterface } from '../network.ts';
import type { CommandResult } from '../runtime.ts';
import { ipmpStubOpens } from '../methods/net-physical.ts';
import { fail, type WorldCommand } from './types.ts';

export const IFCONFIG_USAGE = 'usage: ifconfig <interface> [inet] [plumb | unplumb | ipmp] [<address>] [netmask +] [broadcast +] [group <name>] [addif <address>] [removeif <address>] [standby | -standby] [-failover] [up | down]';

/** The commands ifconfig.c marks c_abortonfail, and those that take the next word. */
const NEXTARG = new Set(['netmask', 'broadcast', 'mtu', 'metric', 'index', 'group', 'addif', 'removeif', 'subnet', 'destination', 'zone', 'usesrc', 'set']);

export const ifconfig: WorldCommand = (world, args) => {
  const [name, ...rest] = args;
  if (name === undefined || name === '') return fail(IFCONFIG_USAGE);
  // main(): a name starting with "-" is a set of options; only -a selects interfaces.
  if (name.startsWith('-')) return fail(name.includes('a') ? 'ifconfig: -a is not modelled here: the world panel (and --format json world) lists every interface' : `ifconfig: ${name}: no such interface`);
  let words = rest;
  if (words[0] === 'inet6') return fail('ifconfig: inet6: the seeds\' networks are IPv4 only; IPv6 is not modelled');
  if (words[0] === 'inet') words = words.slice(1);
  const net = world.net;
  const before = net.clone();
  const activeBefore = activeSets(net);
  const ctx: IfconfigContext = { net, ipmpStubOpens: () => ipmpStubOpens(world) };
  const r = run(ctx, name, words);
  const changes = [...networkChanges(before, net), ...refreshGroups(net, activeBefore)];
  return { ok: r.ok, output: r.output, changes };
};

function run(ctx: IfconfigContext, name: string, words: readonly string[]): Omit<CommandResult, 'changes'> {
  const net = ctx.net;
  if (words.length === 0) {
    const i = net.interfaces.get(name);
    return i === undefined ? { ok: false, output: [ifconfigNoSuchInterface('status: SIOCGLIFFLAGS', name)] } : { ok: true, output: status(i) };
  }
  let chunk: string[] = [];
  const flush = (): Omit<CommandResult, 'changes'> | undefined => {
    if (chunk.length === 0) return undefined;
    const args = chunk;
    chunk = [];
    if (!net.interfaces.has(name)) return { ok: false, output: [ifconfigNoSuchInterface(firstIoctl(args[0] ?? ''), name)] };
    const r = configure(ctx, name, args);
    return r.ok ? undefined : { ok: false, output: [...r.stderr] };
  };
  for (let k = 0; k < words.length; k++) {
    const w = words[k] ?? '';
    if (w === 'plumb' || w === 'unplumb' || w === 'ipmp' || w === 'removeif') {
      const stop = flush();
      if (stop !== undefined) return stop;
      if (w === 'plumb') {
        if (net.interfaces.has(name)) return { ok: false, output: [`ifconfig: SIOCSLIFNAME for ip: ${name}: already exists`] };
        const r = plumb(ctx, name);
        if (!r.ok) return { ok: false, output: [...r.stderr] };
      } else if (w === 'ipmp') {
        const r = createIpmp(ctx, name);
        if (!r.ok) return { ok: false, output: [...r.stderr] };
      } else if (w === 'unplumb') {
        const r = unplumb(ctx, name);
        if (r !== undefined) return { ok: false, output: [r] };
      } else {
        const addr = words[++k];
        const r = removeif(ctx, name, addr);
        if (r !== undefined) return { ok: false, output: [r] };
      }
      continue;
    }
    chunk.push(w);
    if (NEXTARG.has(w) && k + 1 < words.length) chunk.push(words[++k] ?? '');
  }
  return flush() ?? { ok: true, output: [] };
}

/** The first ioctl ifconfig.c issues for a command word (what Perror0_exit names when the interface is not plumbed). */
function firstIoctl(word: string): string {
  if (word === 'group') return 'SIOCSLIFGROUPNAME';
  if (word === 'addif') return 'addif: SIOCLIFADDIF';
  if (/^[\d.]+(\/\d+)?$/.test(word)) return 'SIOCGLIFNETMASK';
  return 'SIOCGLIFFLAGS';
}

/**
 * inetunplumb(): the interface and its addresses go. Clearview: an
 * underlying interface's data addresses live on the IPMP interface and stay
 * there; an IPMP interface cannot go while interfaces are still in its group.
 * Before Clearview the addresses on the interface go with it.
 */
function unplumb(ctx: IfconfigContext, name: string): string | undefined {
  const net = ctx.net;
  const i = net.interfaces.get(name);
  if (i === undefined) return ifconfigNoSuchInterface('unplumb: SIOCGLIFFLAGS', name);
  if (i.ipmp && i.group !== undefined && net.members(i.group).length > 0) {
    return `ifconfig: cannot unplumb ${name}: IPMP group ${i.group} still has underlying interfaces (${net.members(i.group).map((m) => m.name).join(', ')}); remove them from the group first`;
  }
  net.interfaces.delete(name);
  return undefined;
}

/** removeif(): remove the logical interface holding `addr`. */
function removeif(ctx: IfconfigContext, name: string, addr: string | undefined): string | undefined {
  if (addr === undefined) return 'ifconfig: no argument for removeif';
  const i = ctx.net.interfaces.get(name);
  if (i === undefined) return ifconfigNoSuchInterface('removeif: SIOCLIFREMOVEIF', name);
  const resolved = ctx.net.hosts[addr] ?? addr;
  const k = i.addresses.findIndex((a) => a.addr === resolved);
  if (k < 0) return ifconfigNoSuchInterface('removeif: SIOCLIFREMOVEIF', name);
  // "This can only happen if ipif_id = 0": the interface's own (first) address cannot be removed.
  if (k === 0 && !i.ipmp) return `ifconfig: removeif: can't remove interface: ${name}`;
  i.addresses.splice(k, 1);
  return undefined;
}

/** `ifconfig <if>` alone: its flags, group and addresses (a short form of in_status()). */
function status(i: IpInterface): string[] {
  const flags = [i.addresses.some((a) => a.up) ? 'UP' : undefined, i.ipmp ? 'IPMP' : undefined, i.standby ? 'STANDBY' : undefined, i.offline ? 'OFFLINE' : undefined].filter((f) => f !== undefined);
  const out = [`${i.name}: flags=<${flags.join(',')}>`];
  for (const a of i.addresses) out.push(`\tinet ${a.addr}${a.up ? '' : ' (down)'}${a.test ? ' NOFAILOVER' : ''}${a.deprecated ? ' DEPRECATED' : ''}`);
  if (i.group !== undefined) out.push(`\tgroupname ${i.group}`);
  return out;
}
