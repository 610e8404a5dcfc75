/**
 * if_mpadm -d|-r <interface> (seed 001's IPMP administration): offline an
 * interface of an IPMP group through in.mpathd, or undo it.
 *
 * Clearview (2009) and today, if_mpadm.c + in.mpathd phyint_offline() /
 * phyint_undo_offline(): the offline is refused unless another usable
 * interface remains in the group (minred 1); the interface gets IFF_OFFLINE,
 * if_mpadm brings its up addresses down, and the kernel sends the group's
 * data addresses (on the IPMP interface) through the interfaces still active,
 * a standby taking over if it was the last (phyint_activate_another()).
 * Undo brings them up and the interface active again. in.mpathd logs nothing
 * for either unless the group's usability changes.
 *
 * Before Clearview (732675dd38): in.mpathd moves the data addresses to
 * another interface of the group (try_failover(FAILOVER_TO_ANY), silent),
 * if_mpadm downs what is left (the test addresses); undo fails the
 * addresses back and logs "Successfully failed back to NIC <if>".
 *
 * Texts: docs/console-messages.md §4.6.
 */
import { activeSets, daemonSyslog, networkChanges, refreshGroups } from '../ipmp-groups.ts';
import { failedBackTo, IF_MPADM_PRE_CLEARVIEW, ifMpadmFatal, IPMP_ERRMSG } from '../messages.ts';
import type { Address, IpInterface, NetworkState } from '../network.ts';
import type { WorldChange } from '../runtime.ts';
import { fail, type WorldCommand } from './types.ts';

export function parseIfMpadm(args: readonly string[]): { op: 'd' | 'r'; ifname: string } | undefined {
  const [flag, ifname, ...extra] = args;
  if ((flag !== '-d' && flag !== '-r') || ifname === undefined || ifname === '' || extra.length > 0) return undefined;
  return { op: flag === '-d' ? 'd' : 'r', ifname };
}

export const ifMpadm: WorldCommand = (world, args) => {
  const net = world.net;
  const pre = net.impl === 'pre-clearview';
  const p = parseIfMpadm(args);
  if (p === undefined) return fail(pre ? IF_MPADM_PRE_CLEARVIEW.usage : 'Usage: if_mpadm [-d | -r] <interface>');
  const iface = net.interfaces.get(p.ifname);
  if (iface === undefined) return fail(pre ? IF_MPADM_PRE_CLEARVIEW.noSuchInterface : ifMpadmFatal(`cannot get interface flags on ${p.ifname}: No such device or address`));
  const before = net.clone();
  const activeBefore = activeSets(net);
  const refused = p.op === 'd' ? offline(net, iface) : undoOffline(net, iface);
  if (typeof refused === 'string') return fail(refused);
  return { ok: true, output: [], changes: [...networkChanges(before, net), ...refused, ...refreshGroups(net, activeBefore)] };
};

/** Returns the refusal, or in.mpathd's log lines. */
function offline(net: NetworkState, iface: IpInterface): string | WorldChange[] {
  const pre = net.impl === 'pre-clearview';
  if (iface.offline) return pre ? IF_MPADM_PRE_CLEARVIEW.alreadyOfflined : ifMpadmFatal(`interface ${iface.name} is already offline`);
  if (!net.mpathd) return pre ? IF_MPADM_PRE_CLEARVIEW.noMpathd : ifMpadmFatal(`cannot offline ${iface.name}: ${IPMP_ERRMSG.noMpathd}`);
  const group = iface.ipmp ? undefined : iface.group;
  if (group === undefined || group === '') return pre ? IF_MPADM_PRE_CLEARVIEW.minRedundancy : ifMpadmFatal(`cannot offline ${iface.name}: ${IPMP_ERRMSG.unknownIf}`);
  const others = net.usableMembers(group).filter((m) => m !== iface);
  if (others.length < 1) return pre ? IF_MPADM_PRE_CLEARVIEW.minRedundancy : ifMpadmFatal(`cannot offline ${iface.name}: ${IPMP_ERRMSG.minRedundancy}`);
  iface.offline = true;
  if (pre) {
    // try_failover(pi, FAILOVER_TO_ANY): every data address to one other interface of the group.
    const to = others.find((m) => !m.standby) ?? others[0];
    if (to !== undefined) {
      for (let k = iface.addresses.length - 1; k >= 0; k--) {
        const a = iface.addresses[k];
        if (a === undefined || a.test || a.addr === '0.0.0.0') continue;
        iface.addresses.splice(k, 1);
        to.addresses.push(a);
      }
    }
  }
  // do_offline(): every address still up on the interface is brought down.
  for (const a of iface.addresses) a.up = false;
  return [];
}

function undoOffline(net: NetworkState, iface: IpInterface): string | WorldChange[] {
  const pre = net.impl === 'pre-clearview';
  if (!iface.offline) return pre ? IF_MPADM_PRE_CLEARVIEW.notOfflined : ifMpadmFatal(`interface ${iface.name} is not offline`);
  if (!net.mpathd) return pre ? IF_MPADM_PRE_CLEARVIEW.noMpathd : ifMpadmFatal(`cannot undo-offline ${iface.name}: ${IPMP_ERRMSG.noMpathd}`);
  iface.offline = false;
  const log: WorldChange[] = [];
  if (pre) {
    // do_failback(): the addresses whose home is this interface come back from wherever they went.
    const back: Address[] = [];
    for (const host of net.interfaces.values()) {
      if (host === iface) continue;
      for (let k = host.addresses.length - 1; k >= 0; k--) {
        const a = host.addresses[k];
        if (a === undefined || a.home !== iface.name || a.test) continue;
        host.addresses.splice(k, 1);
        back.unshift(a);
      }
    }
    // The data addresses take their logical interfaces back ahead of the test addresses that stayed.
    iface.addresses.splice(0, 0, ...back);
    if (back.length > 0) log.push(daemonSyslog('in.mpathd', failedBackTo(iface.name)));
  }
  // undo_offline(): the addresses if_mpadm brought down come up again (2005: only the NOFAILOVER ones).
  for (const a of iface.addresses) if (a.home === iface.name && (a.test || !pre || a.addr !== '0.0.0.0')) a.up = true;
  return log;
}
