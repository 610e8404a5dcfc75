/**
 * The exact texts method scripts and the commands they run print, by era.
 * Sources: docs/console-messages.md §3–§5 (format strings
 * quoted from illumos-gate e11c3f44f5 (2009), its parent 732675dd38
 * (pre-Clearview, the strings the Solaris 10 documentation of seed 001
 * quotes) and 7037363ac7 (today)). Where a text was not researched it is
 * marked "assembled" and kept to what the source makes certain.
 */
import type { IpmpImplementation } from './types.ts';
import { eraRules, type Era } from '../smf/era-rules.ts';

/** smf_include.sh exit codes. */
export const SMF_EXIT = { OK: 0, ERR_FATAL: 95, ERR_CONFIG: 96 } as const;

/** net_include.sh warn_failed_ifs(): 2009 quotes the list (every name, leading space); pre-Clearview passed it unquoted, so only the first name printed (§4.5). */
export function failedIfs(impl: IpmpImplementation, what: string, names: readonly string[]): string {
  if (impl === 'pre-clearview') return `Failed to ${what} interface(s): ${names[0] ?? ''}`;
  return `Failed to ${what} interface(s):${names.map((n) => ` ${n}`).join('')}`;
}

/** libdlpi's DLPI_ENOLINK text through ifconfig's Perrdlpi_exit() (2009, §4.3). */
export function cannotOpenLink(link: string): string {
  return `ifconfig: cannot open link "${link}": DLPI link does not exist`;
}

/** Today: libipadm cannot open the IPMP stub (§4.3). */
export function cannotCreateIpmpToday(ifname: string): string {
  return `ifconfig: cannot create IPMP interface ${ifname}: Could not open DLPI link`;
}

/** Solaris 10 ifconfig plumbing a NIC that is not there (assembled: the pre-Clearview plumb error). */
export function plumbNoSuchInterface(ifname: string): string {
  return `ifconfig: plumb: ${ifname}: no such interface`;
}

/** The move_addresses() line header (console in Clearview and today; svc log before Clearview). */
export function moveHeader(impl: IpmpImplementation): string {
  return impl === 'pre-clearview' ? 'moving addresses from failed IPv4 interfaces:' : 'Moving addresses from missing IPv4 interface(s):';
}

export function movedTo(impl: IpmpImplementation, ifname: string, to: string, clearedStandby?: string): string {
  if (impl === 'clearview' && clearedStandby !== undefined) return ` ${ifname} (moved to ${to} and cleared 'standby' on ${clearedStandby} to compensate)`;
  return ` ${ifname} (moved to ${to})`;
}

/** Pre-Clearview: echo " $1 (couldn't move, no" "alternative interface)\c" (§4.5; the Solaris 10 guide prints it with a semicolon). */
export function couldNotMove(ifname: string): string {
  return ` ${ifname} (couldn't move, no alternative interface)`;
}

export function notInGroup(ifname: string): string {
  return ` ${ifname} (not moved -- not in an IPMP group)`;
}

/** net_reconfigure(): two echoes joined by \c (§4.1). */
export const DLMGMT_NOT_ONLINE = 'The network/datalink-management service did not come online.';

/** fs_include.sh mountfs() failure, console (§5.1; note -x, not -xv). */
export function mountFailedConsole(fmri: string, path: string): string {
  return `ERROR: ${fmri} failed to mount ${path} (see 'svcs -x' for details)`;
}

/** fs_include.sh mountfs() failure, svc log. */
export function mountFailedLog(cmd: string, err: number): string {
  return `ERROR: ${cmd} failed, err=${err}`;
}

/** fs_include.sh checkfs()/checkmessage(), through cecho (console and log). */
export function fsckFailed(device: string, fstype: string, mountpoint: string): string[] {
  return [
    '',
    `The ${mountpoint} file system (${device}) is being checked.`,
    '',
    `WARNING - Unable to repair the ${mountpoint} filesystem. Run fsck`,
    `manually (fsck -F ${fstype} ${device}).`,
    '',
  ];
}

/** devices-local on a reconfiguration boot. */
export const CONFIGURING_DEVICES = 'Configuring devices.';

/** identity-node. */
export function hostnameLine(nodename: string): string {
  return `Hostname: ${nodename}`;
}

/** manifest-import: what stays on the console after the i/n counter (2009: smf(5); today smf(7), no padding). */
export function loadingDescriptions(era: Era, n: number): string {
  return `Loading smf(${eraRules(era).smfManSection}) service descriptions: ${n}/${n}`;
}

export function loadedDescriptions(era: Era, n: number): string {
  const r = eraRules(era);
  return `${r.loadedBySvccfg ? 'svccfg: ' : ''}Loaded ${n} smf(${r.smfManSection}) service descriptions`;
}

/** strerror(EROFS), as commands print it. */
export const READ_ONLY_FS = 'Read-only file system';

/*
 * Run-time IPMP administration (seed 001's "ifconfig" and "if_mpadm" moves),
 * docs/console-messages.md §4.6. in.mpathd logs through syslog(LOG_ERR) as
 * "in.mpathd", so its lines reach the console.
 */

/** mpd_tables.c phyint_group_refresh_state() (Clearview and today): the group's last usable interface went away. */
export function groupUnusable(group: string): string {
  return `All IP interfaces in group ${group} are now unusable`;
}

/** ... and the first one came back (only after the message above was printed: pg_failmsg_printed). */
export function groupUsable(ifname: string, group: string): string {
  return `At least 1 IP interface (${ifname}) in group ${group} is now usable`;
}

/** Pre-Clearview mpd_probe.c do_failback(): data addresses returned to an interface that was offline or failed. */
export function failedBackTo(ifname: string): string {
  return `Successfully failed back to NIC ${ifname}`;
}

/** if_mpadm (2009 and today, if_mpadm.c die()): "<progname>: fatal: " + the message. */
export function ifMpadmFatal(message: string): string {
  return `if_mpadm: fatal: ${message}`;
}

/** if_mpadm.c mpadm_errmsg() / libipmp ipmp_errmsg() texts (2009 and today). */
export const IPMP_ERRMSG = {
  unknownIf: 'not a physical interface or not in an IPMP group',
  minRedundancy: 'no other functioning interfaces are in its IPMP group',
  noMpathd: 'cannot contact in.mpathd',
} as const;

/** Pre-Clearview if_mpadm (732675dd38): its own texts. */
export const IF_MPADM_PRE_CLEARVIEW = {
  usage: 'Usage : if_mpadm [-d | -r] <interface_name>',
  alreadyOfflined: 'Interface already offlined',
  notOfflined: 'Interface not offlined',
  minRedundancy: 'Offline failed as there is no other functional interface available in the multipathing group for failing over the network access.',
  noMpathd: 'Cannot establish communication with in.mpathd.',
  noSuchInterface: 'ioctl: SIOCGLIFFLAGS: No such device or address',
} as const;

/** ifconfig.c Perror0_exit(cmd) on an interface that is not plumbed (errno ENXIO → Perror2's "no such interface"). */
export function ifconfigNoSuchInterface(cmd: string, ifname: string): string {
  return `ifconfig: ${cmd}: ${ifname}: no such interface`;
}
