/**
 * /lib/svc/method/net-physical (network/physical:default) with
 * net_include.sh, as docs/console-messages.md §3–§4 give them for 2009 (and the
 * pre-Clearview parent for seed 001):
 *
 * 1. net_reconfigure: on a reconfiguration boot the datalink-management
 *    service must be online, else exit 96.
 * 2. Create the explicit IPMP interfaces (hostname files whose first word is
 *    `ipmp`) with `ifconfig <if> ipmp`; failures: "Failed to create IPv4 IPMP
 *    interface(s): …".
 * 3. Plumb every other interface; failures: "Failed to plumb IPv4 …".
 * 4. Configure the IPMP interfaces, then the others, line by line from their
 *    hostname files (if_configure); failures: "Failed to configure …".
 * 5. Move the data addresses of interfaces that could not be plumbed
 *    (move_addresses).
 * 6. DHCP.
 * 7. Exit 0 if any non-loopback IPv4 address is up (or nothing was asked),
 *    else 96 ($SMF_EXIT_ERR_CONFIG: not retryable, so maintenance).
 *
 * The method works on a copy of the network; the world takes it when the
 * method exits.
 */
import { configure, createIpmp, explicitDataAddresses, hostnameLines, migrateDataAddresses, plumb, type IfconfigContext } from '../ifconfig.ts';
import { couldNotMove, DLMGMT_NOT_ONLINE, failedIfs, moveHeader, movedTo, notInGroup, SMF_EXIT } from '../messages.ts';
import type { NetworkState } from '../network.ts';
import type { WorldChange } from '../runtime.ts';
import type { WorldState } from '../state.ts';
import { Terminal } from './terminal.ts';
import type { MethodModel, MethodOutcome } from './types.ts';

const DLMGMT = 'svc:/network/datalink-management';
const IPMPSTUB_LINK = '/dev/ipmpstub';
const IPMPSTUB_NODE = '/devices/pseudo/dlpistub@0:ipmpstub';

/** dlpi_open("ipmpstub0", DLPI_DEVONLY): the /dev link, or (option 1 of seed 000) the /devices node. */
export function ipmpStubOpens(world: WorldState): boolean {
  if (world.devices.hasLink(IPMPSTUB_LINK)) {
    world.access.open('devlink', IPMPSTUB_LINK, true, { program: 'ifconfig' });
    return true;
  }
  if (world.spec.proposals?.libdlpi_devices_fallback === true) {
    const node = world.devices.hasNode(IPMPSTUB_NODE);
    world.access.open('devlink', IPMPSTUB_LINK, false, { program: 'ifconfig', ...(node ? { fallback: IPMPSTUB_NODE } : {}) });
    world.access.open('device', IPMPSTUB_NODE, node, { program: 'ifconfig' });
    return node;
  }
  world.access.open('devlink', IPMPSTUB_LINK, false, { program: 'ifconfig' });
  return false;
}

function firstWord(text: string | undefined): string | undefined {
  return text?.trim().split(/\s+/)[0];
}

export const netPhysical: MethodModel = (world, req) => {
  const net = world.net.clone();
  let stubFailures = 0;
  const ctx: IfconfigContext = {
    net,
    ipmpStubOpens: () => {
      const ok = ipmpStubOpens(world);
      if (!ok) stubFailures++;
      return ok;
    },
  };
  const clearview = net.impl !== 'pre-clearview';
  const log = new Terminal();
  const console = new Terminal();
  const stderr = (lines: readonly string[]): void => {
    // stderr lands wherever the service log's current line is (echo "...\c" leaves it open).
    for (const l of lines) log.line(l);
  };

  // 1. net_reconfigure()
  const hasDlmgmt = world.scenario.services.some((s) => s.fmri === DLMGMT);
  const dlmgmtPresent = world.repo.isPresent(DLMGMT);
  if (world.reconfigure && hasDlmgmt) world.access.read('repository', DLMGMT, dlmgmtPresent, { program: 'net_reconfigure', detail: 'dladm needs dlmgmtd', ...(dlmgmtPresent ? {} : { error: 'not in the repository' }) });
  if (world.reconfigure && hasDlmgmt && !dlmgmtPresent) {
    world.note(req.t, `${DLMGMT}:default is not in the repository yet (its manifest is imported later), so net_reconfigure cannot run dladm on this reconfiguration boot`, req.fmri);
    return { duration: 400, exit: SMF_EXIT.ERR_CONFIG, log: [DLMGMT_NOT_ONLINE] };
  }

  const files = [...net.files.values()].filter((f) => !f.name.startsWith('lo')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const withFile = files.filter((f) => f.hostname !== undefined || f.dhcp !== undefined);
  if (withFile.length === 0) return { duration: 300, exit: 0 };
  for (const f of withFile) {
    if (f.hostname !== undefined) world.access.read('path', `/etc/hostname.${f.name}`, true);
    if (f.dhcp !== undefined) world.access.read('path', `/etc/dhcp.${f.name}`, true);
  }
  const ipmpList = clearview ? withFile.filter((f) => firstWord(f.hostname) === 'ipmp').map((f) => f.name) : [];
  const inetList = withFile.map((f) => f.name).filter((n) => !ipmpList.includes(n));

  // 2. explicit IPMP interfaces
  const ipmpCreated: string[] = [];
  const ipmpFailed: string[] = [];
  for (const ifname of ipmpList) {
    const r = createIpmp(ctx, ifname);
    stderr(r.stderr);
    (r.ok ? ipmpCreated : ipmpFailed).push(ifname);
  }
  if (ipmpFailed.length > 0) console.line(failedIfs(net.impl, 'create IPv4 IPMP', ipmpFailed));

  // 3. plumb
  const plumbed: string[] = [];
  const plumbFailed: string[] = [];
  for (const ifname of inetList) {
    const r = plumb(ctx, ifname);
    const nic = net.nics.get(ifname);
    world.access.open('datalink', ifname, r.ok, { program: 'ifconfig', ...(r.ok ? {} : { error: nic === undefined || !nic.present ? 'ENOENT' : 'not attached' }) });
    stderr(r.stderr);
    (r.ok ? plumbed : plumbFailed).push(ifname);
  }
  if (plumbFailed.length > 0) console.line(failedIfs(net.impl, 'plumb IPv4', plumbFailed));

  // 4. if_configure: IPMP interfaces first ("avoids accidental implicit IPMP group creation"), then the rest.
  const ifConfigure = (desc: string, list: readonly string[], stripIpmp: boolean): void => {
    const withText = list.filter((n) => (net.files.get(n)?.hostname ?? '').trim() !== '');
    if (withText.length === 0) return;
    const failed: string[] = [];
    log.put(`configuring ${desc} interfaces:`);
    for (const ifname of withText) {
      let ok = true;
      for (const line of hostnameLines(net.files.get(ifname)?.hostname ?? '')) {
        const args = stripIpmp && line[0] === 'ipmp' ? line.slice(1) : line;
        if (args.length === 0) continue;
        const r = configure(ctx, ifname, ['inet', ...args]);
        stderr(r.stderr);
        if (!r.ok) ok = false;
      }
      if (!ok) failed.push(ifname);
      log.put(` ${ifname}`);
    }
    log.line('.');
    if (failed.length > 0) console.line(failedIfs(net.impl, `configure ${desc}`, failed));
  };
  if (ipmpCreated.length > 0) ifConfigure('IPMP IPv4', ipmpCreated, true);
  ifConfigure('IPv4', plumbed.filter((n) => net.files.get(n)?.dhcp === undefined), false);

  // 5. move_addresses for interfaces that could not be plumbed
  if (plumbFailed.length > 0) moveAddresses(world, net, ctx, plumbFailed, clearview ? console : log, req.t);

  // 6. DHCP
  const dhcpList = plumbed.filter((n) => net.files.get(n)?.dhcp !== undefined);
  for (const ifname of dhcpList) {
    const iface = net.interfaces.get(ifname);
    const lease = net.files.get(ifname)?.dhcp;
    if (iface === undefined || lease === undefined) continue;
    log.line(`starting DHCP on interface ${ifname}`);
    for (const line of hostnameLines(net.files.get(ifname)?.hostname ?? '')) stderr(configure(ctx, ifname, ['inet', ...line.filter((w) => w !== 'up')]).stderr);
    iface.addresses.push({ addr: lease, up: true, test: false, deprecated: false, source: 'dhcp', home: ifname });
    migrateDataAddresses(net, iface);
  }

  // 7. exit status
  const up = net.anyAddressUp();
  if (stubFailures > 0) {
    const when = world.reconfigure
      ? 'system/device/local will create it later in this boot, when it runs devfsadm on this reconfiguration boot'
      : 'nothing creates it in this boot (not a reconfiguration boot)';
    world.note(req.t, `${IPMPSTUB_LINK} does not exist: devfsadm has not made the link yet (${when}), so ifconfig could not open the IPMP stub and no IPMP interface was created`, req.fmri);
  }
  const outcome: MethodOutcome = {
    duration: 600 + 150 * withFile.length,
    exit: up ? 0 : SMF_EXIT.ERR_CONFIG,
    console: console.lines(),
    log: log.lines(),
    effect: () => applyNetwork(world, net),
  };
  if (!up) world.note(req.t, 'no IPv4 address came up on any interface, so net-physical exits $SMF_EXIT_ERR_CONFIG (96)', req.fmri);
  return outcome;
};

function moveAddresses(world: WorldState, net: NetworkState, ctx: IfconfigContext, failed: readonly string[], out: Terminal, t: number): void {
  out.put(moveHeader(net.impl));
  for (const ifname of failed) {
    const text = net.files.get(ifname)?.hostname ?? '';
    const group = net.fileGroup(ifname);
    const addrs = explicitDataAddresses(text, net.hosts);
    if (net.impl === 'pre-clearview') {
      const alt = group === undefined ? undefined : [...net.interfaces.values()].find((i) => i.group === group && !i.offline);
      if (alt === undefined) {
        out.put(couldNotMove(ifname));
        continue;
      }
      for (const a of addrs) alt.addresses.push({ addr: a.addr, up: true, test: false, deprecated: false, source: 'static', home: ifname });
      out.put(movedTo(net.impl, ifname, alt.name));
      continue;
    }
    if (group === undefined) {
      out.put(notInGroup(ifname));
      continue;
    }
    let gi = net.groupInterface(group);
    if (gi === undefined) {
      const name = net.nextIpmpName();
      if (createIpmp(ctx, name, group).ok) gi = net.interfaces.get(name);
    }
    if (gi === undefined) {
      // create_groupifname() failed too; what 2009's script prints here is not researched, so nothing is.
      world.note(t, `addresses of ${ifname} were not moved: no IPMP interface could be created for group ${group}`);
      continue;
    }
    for (const a of addrs) gi.addresses.push({ addr: a.addr, up: true, test: false, deprecated: false, source: 'static', home: ifname });
    let cleared: string | undefined;
    if (net.impl === 'clearview' && !/\bstandby\b/.test(text)) {
      const inactive = net.members(group).find((m) => m.standby);
      if (inactive !== undefined) {
        inactive.standby = false;
        cleared = inactive.name;
      }
    }
    out.put(movedTo(net.impl, ifname, gi.name, cleared));
  }
  out.line('.');
}

function applyNetwork(world: WorldState, net: NetworkState): WorldChange[] {
  const before = new Map([...world.net.interfaces].map(([k, i]) => [k, i.addresses.filter((a) => a.up).map((a) => a.addr)]));
  world.net.replaceWith(net);
  const changes: WorldChange[] = [];
  for (const i of net.interfaces.values()) {
    if (!before.has(i.name)) {
      const parts = [...(i.ipmp ? ['IPMP interface'] : []), ...(i.group === undefined ? [] : [`group ${i.group}`])];
      const summary = `${i.name} ${i.ipmp ? 'created' : 'plumbed'}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
      changes.push({ kind: 'interface', summary, interface: i.name, ipmp: i.ipmp, ...(i.group === undefined ? {} : { group: i.group }) });
    }
    for (const a of i.addresses) {
      if (!a.up || a.addr === '0.0.0.0' || (before.get(i.name) ?? []).includes(a.addr)) continue;
      const moved = a.home !== i.name ? ` (from ${a.home})` : '';
      changes.push({ kind: 'address', summary: `${a.addr} up on ${i.name}${a.test ? ' (test address)' : ''}${moved}`, address: a.addr, interface: i.name });
    }
  }
  return changes;
}
