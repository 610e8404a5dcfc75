/**
 * Network state at run time: NICs (in the machine, attached or detached by
 * DR), the IP interfaces plumbed on them, IPMP groups and interfaces, and the
 * addresses each interface hosts. IPv4 only: the seeds' scenarios are IPv4
 * (hostname6.* files are not modelled).
 */
import type { InterfaceSpec, IpmpImplementation, NicSpec } from './types.ts';

export interface Address {
  readonly addr: string;
  up: boolean;
  /** -failover: an IPMP test address (never moved, removed on DR detach). */
  test: boolean;
  deprecated: boolean;
  readonly source: 'static' | 'dhcp';
  /** The interface whose hostname file configured it: where it fails back to. */
  readonly home: string;
}

export interface IpInterface {
  readonly name: string;
  /** A Clearview IPMP interface (ipmp0), made through /dev/ipmpstub. */
  readonly ipmp: boolean;
  group?: string;
  standby: boolean;
  /** Detached by DR, or failed: no longer carries data addresses. */
  offline: boolean;
  readonly addresses: Address[];
}

export interface Nic {
  readonly name: string;
  readonly apId: string;
  /** In the machine (a NIC missing at boot is not). */
  present: boolean;
  /** Configured by cfgadm (present NICs are configured at boot). */
  attached: boolean;
}

export class NetworkState {
  readonly nics = new Map<string, Nic>();
  readonly interfaces = new Map<string, IpInterface>();
  readonly files = new Map<string, InterfaceSpec>();
  readonly hosts: Readonly<Record<string, string>>;
  /** in.mpathd running (started by the first IPMP group join, §1.3). */
  mpathd = false;
  /** Groups in.mpathd has reported unusable (mpd_tables.c: pg_failmsg_printed), so it reports them usable again. */
  readonly failMsgPrinted = new Set<string>();

  constructor(nics: readonly NicSpec[], interfaces: readonly InterfaceSpec[], hosts: Readonly<Record<string, string>>, readonly impl: IpmpImplementation) {
    for (const n of nics) {
      const present = n.present !== false;
      this.nics.set(n.name, { name: n.name, apId: n.ap_id ?? n.name, present, attached: present });
    }
    for (const i of interfaces) this.files.set(i.name, i);
    this.hosts = hosts;
  }

  /** A deep copy: net-physical works on one and the world takes it when the method exits. */
  clone(): NetworkState {
    const c = new NetworkState([], [], this.hosts, this.impl);
    for (const [k, n] of this.nics) c.nics.set(k, { ...n });
    for (const [k, i] of this.interfaces) c.interfaces.set(k, { ...i, addresses: i.addresses.map((a) => ({ ...a })) });
    for (const [k, f] of this.files) c.files.set(k, f);
    c.mpathd = this.mpathd;
    for (const g of this.failMsgPrinted) c.failMsgPrinted.add(g);
    return c;
  }

  /** Take over another state's NICs, interfaces and daemon (the files do not change). */
  replaceWith(other: NetworkState): void {
    this.nics.clear();
    for (const [k, n] of other.nics) this.nics.set(k, n);
    this.interfaces.clear();
    for (const [k, i] of other.interfaces) this.interfaces.set(k, i);
    this.mpathd = other.mpathd;
    this.failMsgPrinted.clear();
    for (const g of other.failMsgPrinted) this.failMsgPrinted.add(g);
  }

  nicByAp(ap: string): Nic | undefined {
    for (const n of this.nics.values()) if (n.apId === ap || n.name === ap) return n;
    return undefined;
  }

  /** The IPMP interface of a group (Clearview), if it exists. */
  groupInterface(group: string): IpInterface | undefined {
    for (const i of this.interfaces.values()) if (i.ipmp && i.group === group) return i;
    return undefined;
  }

  members(group: string): IpInterface[] {
    return [...this.interfaces.values()].filter((i) => !i.ipmp && i.group === group);
  }

  /** in.mpathd's usable interfaces of a group: plumbed members that are not offline (mpd_tables.c). */
  usableMembers(group: string): IpInterface[] {
    return this.members(group).filter((m) => !m.offline);
  }

  /** The members carrying the group's data traffic: the usable non-standby ones, or one standby if there is none (phyint_activate_another()). */
  activeMembers(group: string): IpInterface[] {
    const usable = this.usableMembers(group);
    const regular = usable.filter((m) => !m.standby);
    return regular.length > 0 ? regular : usable.slice(0, 1);
  }

  /** Lowest free ipmpN (create_ipmp() with genppa). */
  nextIpmpName(): string {
    for (let n = 0; n < 1000; n++) if (!this.interfaces.has(`ipmp${n}`)) return `ipmp${n}`;
    return 'ipmp999';
  }

  /** `ifconfig -a4u` finds a non-loopback address that is up and not 0.0.0.0 (net-physical's exit test). */
  anyAddressUp(): boolean {
    for (const i of this.interfaces.values()) {
      if (i.name.startsWith('lo')) continue;
      if (i.addresses.some((a) => a.up && a.addr !== '0.0.0.0')) return true;
    }
    return false;
  }

  /** Which interface hosts an address now. */
  hostOf(addr: string): string | undefined {
    for (const i of this.interfaces.values()) if (i.addresses.some((a) => a.addr === addr)) return i.name;
    return undefined;
  }

  /** The group a hostname file puts its interface in (the word after "group"). */
  fileGroup(ifname: string): string | undefined {
    const text = this.files.get(ifname)?.hostname;
    if (text === undefined) return undefined;
    const words = text.split(/\s+/);
    const k = words.indexOf('group');
    return k >= 0 ? words[k + 1] : undefined;
  }
}

export interface AddressView {
  readonly address: string;
  readonly up: boolean;
  readonly test: boolean;
  readonly deprecated: boolean;
  readonly source: 'static' | 'dhcp';
  readonly home: string;
}

export interface InterfaceView {
  readonly name: string;
  readonly ipmp: boolean;
  readonly group?: string;
  /** An IPMP interface (Clearview, today): the group's interfaces its data addresses are sent and received on now. */
  readonly active?: readonly string[];
  readonly standby: boolean;
  readonly offline: boolean;
  readonly addresses: readonly AddressView[];
}

export interface NicView {
  readonly name: string;
  readonly apId: string;
  readonly present: boolean;
  readonly attached: boolean;
}

export function networkView(n: NetworkState): { nics: NicView[]; interfaces: InterfaceView[]; mpathd: boolean; ipmp: IpmpImplementation } {
  return {
    ipmp: n.impl,
    mpathd: n.mpathd,
    nics: [...n.nics.values()].map((x) => ({ name: x.name, apId: x.apId, present: x.present, attached: x.attached })),
    interfaces: [...n.interfaces.values()].map((i) => ({
      name: i.name,
      ipmp: i.ipmp,
      ...(i.group === undefined ? {} : { group: i.group }),
      ...(i.ipmp && i.group !== undefined ? { active: n.activeMembers(i.group).map((m) => m.name) } : {}),
      standby: i.standby,
      offline: i.offline,
      addresses: i.addresses.map((a) => ({ address: a.addr, up: a.up, test: a.test, deprecated: a.deprecated, source: a.source, home: a.home })),
    })),
  };
}
