/**
 * cfgadm -c configure|unconfigure [-f] <ap_id>: dynamic reconfiguration of a
 * NIC as "IPMP and Dynamic Reconfiguration" (seed 001) describes it through
 * RCM. Detach: refused for a NIC that is not in an IPMP group, or whose
 * interfaces are the group's only functioning ones, unless -f; otherwise its
 * data addresses fail over to a functioning interface of the group, its test
 * addresses are unconfigured and it is unplumbed. Attach (a new NIC, a
 * reattached one, or one missing at boot): RCM plumbs it and, if
 * /etc/hostname.<if> exists, configures it from the file and fails back the
 * data addresses that were hosted on it; without the file nothing fails back.
 */
import { configure, hostnameLines, plumb, type IfconfigContext } from '../ifconfig.ts';
import type { Address, IpInterface, Nic } from '../network.ts';
import type { WorldChange } from '../runtime.ts';
import type { WorldState } from '../state.ts';
import { ipmpStubOpens } from '../methods/net-physical.ts';
import { fail, type WorldCommand } from './types.ts';

export const USAGE = 'usage: cfgadm -c configure|unconfigure [-f] <ap_id>';

export interface CfgadmArgs {
  readonly fn: 'configure' | 'unconfigure';
  readonly force: boolean;
  readonly ap: string;
}

export function parseCfgadm(args: readonly string[]): CfgadmArgs | string {
  let fn: string | undefined;
  let force = false;
  const rest: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const a = args[k] ?? '';
    if (a === '-c') fn = args[++k];
    else if (a === '-f') force = true;
    else if (a.startsWith('-')) return `cfgadm: illegal option -- ${a.slice(1)}\n${USAGE}`;
    else rest.push(a);
  }
  if (fn !== 'configure' && fn !== 'unconfigure') return USAGE;
  const [ap, ...extra] = rest;
  if (ap === undefined || extra.length > 0) return USAGE;
  return { fn, force, ap };
}

export const cfgadm: WorldCommand = (world, args, t) => {
  const p = parseCfgadm(args);
  if (typeof p === 'string') return fail(...p.split('\n'));
  const nic = world.net.nicByAp(p.ap);
  if (nic === undefined) return fail(`cfgadm: Attachment point not found: ${p.ap}`);
  return p.fn === 'unconfigure' ? unconfigure(world, nic, p.force, t) : configureNic(world, nic, t);
};

function busy(reason: string): ReturnType<WorldCommand> {
  return fail(`cfgadm: Component system is busy, try again: ${reason} (use -f to force)`);
}

function unconfigure(world: WorldState, nic: Nic, force: boolean, t: number): ReturnType<WorldCommand> {
  const net = world.net;
  if (!nic.attached) return fail(`cfgadm: ${nic.apId}: already unconfigured`);
  const iface = net.interfaces.get(nic.name);
  const changes: WorldChange[] = [];
  if (iface !== undefined) {
    const group = iface.group;
    const others = group === undefined ? [] : net.members(group).filter((m) => m !== iface && !m.offline);
    if (!force && group === undefined) return busy(`${nic.name} is not in an IPMP group`);
    if (!force && others.length === 0) return busy(`${nic.name} holds the only functioning interfaces of IPMP group ${group ?? ''}`);
    // Data addresses fail over "as if the NIC being detached had failed".
    const data = iface.addresses.filter((a) => !a.test && a.addr !== '0.0.0.0');
    const target = net.impl === 'pre-clearview' ? others[0] : undefined;
    for (const a of data) {
      if (target !== undefined) {
        target.addresses.push({ ...a });
        changes.push({ kind: 'address', summary: `${a.addr} failed over from ${nic.name} to ${target.name}`, address: a.addr, interface: target.name });
      } else {
        changes.push({ kind: 'address', summary: `${a.addr} lost: ${nic.name} detached with -f and no interface to fail over to`, address: a.addr, interface: nic.name });
      }
    }
    for (const a of iface.addresses.filter((x) => x.test)) {
      changes.push({ kind: 'address', summary: `test address ${a.addr} on ${nic.name} unconfigured`, address: a.addr, interface: nic.name });
    }
    net.interfaces.delete(nic.name);
    changes.push({ kind: 'interface', summary: `${nic.name} unplumbed`, interface: nic.name });
    if (group !== undefined && others.length === 0) {
      world.note(t, `IPMP group ${group} has no functioning interface after ${nic.name} was detached with -f`);
    }
  }
  nic.attached = false;
  changes.push({ kind: 'nic', summary: `${nic.name} (${nic.apId}) unconfigured by cfgadm`, nic: nic.name, attached: false });
  return { ok: true, output: [], changes };
}

function configureNic(world: WorldState, nic: Nic, t: number): ReturnType<WorldCommand> {
  const net = world.net;
  if (nic.attached && net.interfaces.has(nic.name)) return fail(`cfgadm: ${nic.apId}: already configured`);
  nic.present = true;
  nic.attached = true;
  const changes: WorldChange[] = [{ kind: 'nic', summary: `${nic.name} (${nic.apId}) configured by cfgadm`, nic: nic.name, attached: true }];
  const ctx: IfconfigContext = { net, ipmpStubOpens: () => ipmpStubOpens(world) };
  const r = plumb(ctx, nic.name);
  if (!r.ok) return { ok: false, output: [...r.stderr], changes };
  changes.push({ kind: 'interface', summary: `${nic.name} plumbed by RCM`, interface: nic.name });
  const text = net.files.get(nic.name)?.hostname;
  if (text === undefined) {
    world.note(t, `${nic.name} has no /etc/hostname.${nic.name}: RCM only plumbed it, so addresses that failed over from it are not failed back`);
    return { ok: true, output: [], changes };
  }
  const output: string[] = [];
  const before = elsewhere(world, nic.name);
  for (const line of hostnameLines(text)) output.push(...configure(ctx, nic.name, ['inet', ...line]).stderr);
  const iface = net.interfaces.get(nic.name);
  if (iface !== undefined) changes.push(...failBack(world, iface, before));
  return { ok: output.length === 0, output, changes };
}

/** Addresses whose home is `ifname` but which another interface hosts (failed over, or moved at boot). */
function elsewhere(world: WorldState, ifname: string): { host: IpInterface; a: Address }[] {
  const out: { host: IpInterface; a: Address }[] = [];
  for (const host of world.net.interfaces.values()) {
    if (host.name === ifname) continue;
    for (const a of host.addresses) if (a.home === ifname && !a.test) out.push({ host, a });
  }
  return out;
}

/** in.mpathd fails the data addresses back to the repaired (reattached) interface. */
function failBack(world: WorldState, iface: IpInterface, moved: readonly { host: IpInterface; a: Address }[]): WorldChange[] {
  const changes: WorldChange[] = [];
  const net = world.net;
  for (const { host, a } of moved) {
    const dup = iface.addresses.some((x) => x.addr === a.addr) || (host.ipmp && host.addresses.filter((x) => x.addr === a.addr).length > 1);
    if (net.impl !== 'pre-clearview' && host.ipmp) {
      // Clearview: data addresses live on the IPMP interface; drop a duplicate the hostname file re-added.
      if (dup) removeOne(host, a.addr);
      changes.push({ kind: 'address', summary: `${a.addr} stays on ${host.name}; ${iface.name} is active in group ${host.group ?? ''} again`, address: a.addr, interface: host.name });
      continue;
    }
    const k = host.addresses.indexOf(a);
    if (k >= 0) host.addresses.splice(k, 1);
    if (!iface.addresses.some((x) => x.addr === a.addr)) iface.addresses.push({ ...a });
    changes.push({ kind: 'address', summary: `${a.addr} failed back from ${host.name} to ${iface.name}`, address: a.addr, interface: iface.name });
  }
  for (const a of iface.addresses) {
    if (a.up && a.addr !== '0.0.0.0' && !moved.some((m) => m.a.addr === a.addr)) {
      changes.push({ kind: 'address', summary: `${a.addr} up on ${iface.name}${a.test ? ' (test address)' : ''}`, address: a.addr, interface: iface.name });
    }
  }
  return changes;
}

function removeOne(host: IpInterface, addr: string): void {
  const k = host.addresses.findIndex((x) => x.addr === addr);
  if (k >= 0) host.addresses.splice(k, 1);
}
