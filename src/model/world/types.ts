/**
 * The world that method scripts act on (issue 4), as it is written in a
 * scenario under `world`. A backward-compatible extension of scenario v1: a
 * scenario without `world` simulates exactly as the durations and exits in its
 * services say, and every field here is optional.
 *
 * The spec describes what is on disk and in the machine when the system is
 * switched on. What happens during the boot (mounts, /dev links devfsadm
 * makes, interfaces ifconfig plumbs, manifests imported) is computed by the
 * method models from it; what survives a reboot is carried into the next
 * boot's spec by nextBoot().
 */
import type { DependencySpec, DependentSpec } from '../scenario/types.ts';

export interface WorldSpec {
  /** /etc/nodename. Default "unknown". */
  readonly nodename?: string;
  readonly boot?: WorldBootSpec;
  /** Filesystems and datasets, with the files stored on them. */
  readonly filesystems?: readonly FilesystemSpec[];
  /** Symbolic links, e.g. {"/var/mail": "/var/shared/mail"} (Snap Upgrade, seed 004). */
  readonly symlinks?: Readonly<Record<string, string>>;
  /** /devices nodes the kernel creates, and the /dev links devfsadm makes for them. */
  readonly devices?: readonly DeviceSpec[];
  readonly network?: NetworkSpec;
  readonly repository?: RepositorySpec;
  /** Changes to Solaris that the seed documents propose (what-ifs). */
  readonly proposals?: ProposalsSpec;
  /** Site services whose start methods read and write files (a generic method model). */
  readonly site_methods?: readonly SiteMethodSpec[];
  /** Packages `pkg install` can add (seed 004): name → the files it delivers. */
  readonly packages?: Readonly<Record<string, readonly string[]>>;
  readonly patching?: PatchingSpec;
}

export interface WorldBootSpec {
  /** Boots since the upgrade or install that delivered this software; 1 = the first. Default 1. */
  readonly number?: number;
  /**
   * What happened before boot 1: an upgrade (which also leaves /reconfigure:
   * set scenario.boot.reconfigure for that boot). Labels the boot; what the
   * upgrade delivered is in the rest of the world (pending manifests, /dev
   * links not yet made).
   */
  readonly after?: 'upgrade';
  /** The boot environment being booted (filesystems with `be` set belong to one BE). */
  readonly be?: string;
}

export type FilesystemType = 'ufs' | 'zfs' | 'tmpfs';

/** Who mounts a filesystem (docs/boot-graph.md §1.3, §4). */
export type MountedBy = 'kernel' | 'fs-root' | 'fs-minimal' | 'fs-local' | 'zones';

export interface FilesystemSpec {
  /** Where it is mounted: "/", "/usr", "/var", "/var/shared", "/export", "/zones/z1/root/var/shared". */
  readonly mountpoint: string;
  readonly type: FilesystemType;
  /** The special: "/dev/md/dsk/d10", "rpool/ROOT/be1", "swap". */
  readonly device: string;
  /** Default from the mountpoint: / kernel, /usr fs-root, /var, /var/* and /tmp fs-minimal, others fs-local. */
  readonly mounted_by?: MountedBy;
  /** Belongs to this boot environment only (its root and BE datasets). Absent: shared by every BE. */
  readonly be?: string;
  /** A UFS root whose fsck fails, or a mount that fails. */
  readonly fails?: boolean;
  /** Mounted read-only (mount option ro). */
  readonly read_only?: boolean;
  /** Absolute paths stored on this filesystem (what is on disk). */
  readonly files?: readonly string[];
}

export interface DeviceSpec {
  /** The /devices node, e.g. "/devices/pseudo/dlpistub@0:ipmpstub". */
  readonly node: string;
  /** The /dev link devfsadm makes for it, e.g. "/dev/ipmpstub". */
  readonly link?: string;
  /** The link is on disk already (made by devfsadm in an earlier boot). Default false. */
  readonly link_on_disk?: boolean;
}

export interface NicSpec {
  /** The datalink name, which is also the IP interface name: "bge0", "hme1". */
  readonly name: string;
  /** In the machine and attached when it boots. Default true. */
  readonly present?: boolean;
  /** The cfgadm attachment point, e.g. "pci1:hpc0_slot1". Default: the NIC name. */
  readonly ap_id?: string;
}

export interface InterfaceSpec {
  /** IP interface: "bge0", or an IPMP interface "ipmp0". */
  readonly name: string;
  /** The contents of /etc/hostname.<name>, one ifconfig command line per line. Absent: no such file. */
  readonly hostname?: string;
  /** /etc/dhcp.<name> exists; the value is the address the DHCP server hands out. */
  readonly dhcp?: string;
}

/**
 * Which IPMP the system runs: Solaris 10 / pre-Clearview Nevada (groups of
 * interfaces, addresses fail over between them), Clearview (2009: IPMP
 * interfaces such as ipmp0 made through /dev/ipmpstub), or today's libipadm.
 */
export type IpmpImplementation = 'pre-clearview' | 'clearview' | 'libipadm';

export interface NetworkSpec {
  readonly nics?: readonly NicSpec[];
  readonly interfaces?: readonly InterfaceSpec[];
  /** Default from the scenario era: 2009 → clearview, 2025 → libipadm. */
  readonly ipmp?: IpmpImplementation;
  /** /etc/hosts: name → IPv4 address. */
  readonly hosts?: Readonly<Record<string, string>>;
}

export type ImportScheme = 'late' | 'two-step';

export interface PendingManifest {
  /** Path under the manifest directory, e.g. "network/dlmgmt.xml". */
  readonly path: string;
  /** Service FMRIs the manifest defines. */
  readonly services: readonly string[];
  /** Who delivers it: Sun manifests move to /etc/svc/manifest in the two-step scheme. Default "sun". */
  readonly vendor?: 'sun' | 'third-party';
  /**
   * Deprecated: written by earlier versions to hold `<dependent>` elements of a
   * manifest not yet imported. The engine now adds a service's `<dependent>`
   * pgs when it is imported (docs/smf-semantics.md §5); settleRepository puts
   * any held ones back on their services.
   */
  readonly held_dependents?: Readonly<Record<string, readonly DependentSpec[]>>;
  /**
   * Seed 003: the manifest replaces one already in the repository (an upgrade
   * changed it; `services` are in the repository at boot with their old
   * definition). What the new manifest says, per service FMRI: its
   * service-level dependencies, replacing the old ones. manifest-import
   * imports it again because its hash changed, and svccfg import refreshes the
   * instances (docs/smf-semantics.md §10.4): the new dependencies reach the
   * running graph then, not before.
   */
  readonly upgrade?: Readonly<Record<string, UpgradedService>>;
}

export interface UpgradedService {
  readonly dependencies: readonly DependencySpec[];
}

/**
 * A site profile (docs/smf-semantics.md §10.4 step 3): svccfg apply writes
 * general/enabled of the instances it names (persistent, as `svcadm enable`
 * without -t). Applied once, by manifest-import (or before any service starts
 * for /etc/svc/profile in the two-step scheme), and not again at later boots.
 */
export interface ProfileSpec {
  /** e.g. "/var/svc/profile/site.xml", "/etc/svc/profile/site/ntp.xml". */
  readonly path: string;
  readonly enable?: readonly string[];
  readonly disable?: readonly string[];
  /** Applied at an earlier boot (set by the next boot). */
  readonly applied?: boolean;
}

export interface RepositorySpec {
  /** Late one-step import (manifest-import, after / is writable and /var mounted) or the proposed two-step import (seed 003). Default "late". */
  readonly scheme?: ImportScheme;
  /** Manifests on disk that are not yet in /etc/svc/repository.db (delivered by an upgrade or a package). */
  readonly pending?: readonly PendingManifest[];
  /** Services whose packages are not installed: never in the repository (e.g. SVM's system/metainit). */
  readonly not_installed?: readonly string[];
  /** Site profiles on disk (seed 003). */
  readonly profiles?: readonly ProfileSpec[];
}

export interface ProposalsSpec {
  /** Seed 000 option 1: libdlpi's dlpi_open() falls back to the /devices node when the /dev link is missing. */
  readonly libdlpi_devices_fallback?: boolean;
  /** Seed 002: how patchadd gets system/filesystem/local's mounts in single-user mode. */
  readonly patching?: 1 | 2 | 3;
}

export interface SiteMethodSpec {
  /** The instance whose start method this is. */
  readonly fmri: string;
  /** Files the method needs; a missing one makes it exit 1. */
  readonly reads?: readonly string[];
  /** Files it writes; a write to a read-only filesystem makes it exit 95. */
  readonly writes?: readonly string[];
  /** Simulated ms. Default 200. */
  readonly duration?: number;
}

export interface PatchingSpec {
  /** Patch ids queued by the application, e.g. ["118855-36"]. */
  readonly queue?: readonly string[];
  /** Where the queued patches are stored, e.g. "/export/patches": the patch <id> is the file <spool>/<id>. */
  readonly spool: string;
  /** The default milestone the application stashed before setting milestone/patching. */
  readonly stashed_milestone?: string;
  /** Patches already applied (after a patching boot). */
  readonly applied?: readonly string[];
}
