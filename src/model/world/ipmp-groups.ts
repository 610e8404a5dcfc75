/**
 * in.mpathd's view of the named IPMP groups (cmd-inet/usr.lib/in.mpathd,
 * mpd_tables.c), for the run-time moves of seed 001: which interfaces of a
 * group are usable (plumbed, not offline), which are active (carry the data
 * traffic: the non-standby usable ones, or one standby when there is none,
 * phyint_activate_another()), and the two group-state lines
 * phyint_group_refresh_state() logs (docs/console-messages.md §4.6).
 *
 * Clearview (2009) and today keep data addresses on the IPMP interface and
 * the kernel binds them to the active interfaces, so a failover shows here
 * as a change of the active set; before Clearview the addresses themselves
 * move between interfaces (commands/if-mpadm.ts, commands/cfgadm.ts).
 */
import { groupUnusable, groupUsable } from './messages.ts';
import type { NetworkState } from './network.ts';
import type { WorldChange } from './runtime.ts';

export function groupNames(net: NetworkState): string[] {
  const out = new Set<string>();
  for (const i of net.interfaces.values()) if (i.group !== undefined && i.group !== '') out.add(i.group);
  return [...out].sort();
}


/** The active interfaces of every named group, to compare after a command. */
export function activeSets(net: NetworkState): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const g of groupNames(net)) out.set(g, net.activeMembers(g).map((m) => m.name));
  return out;
}

/** A syslog(3C) line of a daemon, as a world change; the engine puts it on the console (docs/console-messages.md §1.3). */
export function daemonSyslog(program: string, message: string): WorldChange {
  return { kind: 'syslog', program, severity: 'err', message, summary: `${program}: ${message}` };
}

/**
 * After a command changed the network: what in.mpathd logs about group state,
 * and (Clearview, today) which interfaces now carry each group's data
 * addresses.
 */
export function refreshGroups(net: NetworkState, before: ReadonlyMap<string, readonly string[]>): WorldChange[] {
  const changes: WorldChange[] = [];
  if (!net.mpathd) return changes;
  const groups = new Set([...before.keys(), ...groupNames(net)]);
  for (const g of [...groups].sort()) {
    const usable = net.usableMembers(g);
    if (net.impl !== 'pre-clearview') {
      if (usable.length === 0 && !net.failMsgPrinted.has(g)) {
        net.failMsgPrinted.add(g);
        changes.push(daemonSyslog('in.mpathd', groupUnusable(g)));
      } else if (usable.length > 0 && net.failMsgPrinted.has(g)) {
        net.failMsgPrinted.delete(g);
        changes.push(daemonSyslog('in.mpathd', groupUsable(usable[0]?.name ?? '', g)));
      }
    }
    const was = before.get(g) ?? [];
    const now = net.activeMembers(g).map((m) => m.name);
    const gi = net.groupInterface(g);
    if (net.impl === 'pre-clearview' || gi === undefined || sameList(was, now)) continue;
    const data = gi.addresses.filter((a) => a.addr !== '0.0.0.0').map((a) => a.addr);
    if (data.length === 0) continue;
    const carried = now.length === 0 ? 'no interface: they are unreachable' : now.join(', ');
    changes.push({
      kind: 'ipmp',
      summary: `${gi.name} (group ${g}): data address${data.length === 1 ? '' : 'es'} ${data.join(', ')} now sent and received on ${carried}${was.length === 0 ? '' : ` (was ${was.join(', ')})`}`,
      group: g,
      interface: gi.name,
      active: now,
    });
  }
  return changes;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, k) => x === b[k]);
}

/**
 * What changed on the interfaces between two network states, one line a
 * person reads per change (plumbed, unplumbed, joined a group, an address
 * added, removed, up or down, or moved to another interface).
 */
export function networkChanges(before: NetworkState, after: NetworkState): WorldChange[] {
  const changes: WorldChange[] = [];
  const hostBefore = addressHosts(before);
  const hostAfter = addressHosts(after);
  for (const [name, i] of after.interfaces) {
    const b = before.interfaces.get(name);
    if (b === undefined) changes.push({ kind: 'interface', summary: `${name} plumbed${i.ipmp ? ' (IPMP interface)' : ''}`, interface: name });
    if ((b?.group ?? '') !== (i.group ?? '')) {
      changes.push({ kind: 'interface', summary: i.group === undefined || i.group === '' ? `${name} left IPMP group ${b?.group ?? ''}` : `${name} joined IPMP group ${i.group}`, interface: name, group: i.group ?? '' });
    }
    if (b !== undefined && b.standby !== i.standby) changes.push({ kind: 'interface', summary: `${name} ${i.standby ? 'is now a standby' : 'is no longer a standby'}`, interface: name });
    if (b !== undefined && b.offline !== i.offline) changes.push({ kind: 'interface', summary: `${name} ${i.offline ? 'offline' : 'online again'}`, interface: name, offline: i.offline });
  }
  for (const [addr, h] of hostAfter) {
    if (addr === '0.0.0.0') continue;
    const was = hostBefore.get(addr);
    const label = h.test ? ' (test address)' : '';
    if (was === undefined) changes.push({ kind: 'address', summary: `${addr} configured on ${h.iface}${label}${h.up ? ', up' : ''}`, address: addr, interface: h.iface });
    else if (was.iface !== h.iface) changes.push({ kind: 'address', summary: `${addr} moved from ${was.iface} to ${h.iface}`, address: addr, interface: h.iface });
    else if (was.up !== h.up) changes.push({ kind: 'address', summary: `${addr} ${h.up ? 'up' : 'down'} on ${h.iface}${label}`, address: addr, interface: h.iface });
  }
  for (const [addr, was] of hostBefore) {
    if (addr !== '0.0.0.0' && !hostAfter.has(addr)) changes.push({ kind: 'address', summary: `${addr} removed from ${was.iface}${was.test ? ' (test address)' : ''}`, address: addr, interface: was.iface });
  }
  for (const name of before.interfaces.keys()) {
    if (!after.interfaces.has(name)) changes.push({ kind: 'interface', summary: `${name} unplumbed`, interface: name });
  }
  return changes;
}

function addressHosts(net: NetworkState): Map<string, { iface: string; up: boolean; test: boolean }> {
  const out = new Map<string, { iface: string; up: boolean; test: boolean }>();
  for (const i of net.interfaces.values()) for (const a of i.addresses) if (!out.has(a.addr)) out.set(a.addr, { iface: i.name, up: a.up, test: a.test });
  return out;
}
