/**
 * The world access log: what each method model read, opened, created,
 * mounted, removed or changed in the world, and when. It is how the cause
 * chain of a failed service (issue 13) and the ordering-hazard detector
 * (issue 17) learn that network/physical's ifconfig could not open
 * /dev/ipmpstub at 0.2 s and that system/device/local's devfsadm created it
 * at 2.4 s, without anything written per scenario.
 *
 * Who records: method models (src/model/world/methods/*) call the
 * WorldState's `access` log while they run (reads and opens, stamped with the
 * method's start instant) and from their effects (creates, mounts, changes,
 * stamped with the exit instant). Each entry names the object it touched by
 * kind and name, so a reader of /dev/ipmpstub and its creator meet on the
 * key (kind "devlink", name "/dev/ipmpstub").
 *
 * Where it goes: the world snapshot at the end of the boot
 * (trace.worldFinal.access); read it back, checked, with parseAccessLog() or
 * the engine's accessLog(trace). Entries are in the order they happened
 * (non-decreasing t; `seq` breaks ties).
 *
 * Docs: docs/access-log.md.
 */

/** What kind of world object an access touches. */
export type AccessObjectKind =
  /** A regular file or directory path, e.g. /etc/hostname.bge0, /var/svc/manifest/network/dlmgmt.xml. */
  | 'path'
  /** A /dev link devfsadm makes, e.g. /dev/ipmpstub. */
  | 'devlink'
  /** A /devices node the kernel made, e.g. /devices/pseudo/dlpistub@0:ipmpstub. */
  | 'device'
  /** A mountpoint, e.g. /var, /usr, /var/shared (name: the mountpoint; device: the special). */
  | 'mount'
  /** A datalink (a NIC's DLPI link) a method opens to plumb it, e.g. bge0. */
  | 'datalink'
  /** An IP interface, e.g. bge0, ipmp0. */
  | 'interface'
  /** An IPMP group, e.g. ipmp0 or a group name from a hostname file. */
  | 'ipmp-group'
  /** An IPv4 address brought up. */
  | 'address'
  /** A repository entry: a service FMRI, or a property such as options/milestone. */
  | 'repository'
  /** A daemon started, e.g. devfsadmd. */
  | 'daemon'
  /** Kernel and system settings, e.g. the node name. */
  | 'setting';

/**
 * What was done to it. read/open: the method needed it (ok false: it was not
 * there or could not be opened). create/remove/mount/unmount/change: the
 * method changed the world (ok false: it tried and failed, e.g. EROFS).
 */
export type AccessOp = 'read' | 'open' | 'create' | 'remove' | 'mount' | 'unmount' | 'change';

/** When in the method run the access happened. */
export type AccessPhase = 'start' | 'exit';

export interface WorldAccess {
  /** Position in the log (0, 1, 2…): the order things happened within an instant. */
  readonly seq: number;
  /** Simulated instant (ms). */
  readonly t: number;
  /** The instance whose method did it; absent for a command run by an administrator (scenario action). */
  readonly fmri?: string;
  /** The command line, for an access made by an administrator's command. */
  readonly command?: string;
  /** start: read while the method runs (stamped with its start); exit: an effect applied when it exits. */
  readonly phase: AccessPhase;
  readonly op: AccessOp;
  readonly kind: AccessObjectKind;
  /** The object's name: a path, a link, a mountpoint, a NIC or interface name, a group, an FMRI. */
  readonly name: string;
  readonly ok: boolean;
  /** The program in the method that did it, when the model knows: ifconfig, devfsadm, mount, fsck, svccfg. */
  readonly program?: string;
  /** Why it failed: ENOENT, EROFS, EIO, "not attached"… */
  readonly error?: string;
  /**
   * For a failed open that the program recovered from by opening something
   * else: what it opened instead (libdlpi's /devices fallback, seed 000
   * option 1). Such a failure decides nothing.
   */
  readonly fallback?: string;
  /** Extra words for people: "read-write", "hidden by the mount of /var", the device of a mount. */
  readonly detail?: string;
}

export type AccessInput = Omit<WorldAccess, 'seq' | 't' | 'fmri' | 'command' | 'phase'>;

interface Actor {
  readonly t: number;
  readonly phase: AccessPhase;
  readonly fmri?: string;
  readonly command?: string;
}

/**
 * The log one boot's world keeps. Method models record through it while
 * the world runs them: the world sets the actor (which instance, which
 * instant, start or exit) around each call into a model.
 */
export class AccessLog {
  private readonly list: WorldAccess[] = [];
  private actor: Actor | undefined;

  /** Run `fn` with accesses attributed to a method run (or a command) at instant t. */
  as<T>(actor: Actor, fn: () => T): T {
    const before = this.actor;
    this.actor = actor;
    try {
      return fn();
    } finally {
      this.actor = before;
    }
  }

  /**
   * Record one access by the current actor. Outside `as()` nothing is
   * recorded (world set-up at boot is not anybody's access). A repeat of the
   * same access by the same actor at the same instant is recorded once.
   */
  record(a: AccessInput): void {
    const actor = this.actor;
    if (actor === undefined) return;
    const last = this.list[this.list.length - 1];
    if (last !== undefined && last.t === actor.t && last.fmri === actor.fmri && last.command === actor.command && last.op === a.op && last.kind === a.kind && last.name === a.name && last.ok === a.ok) return;
    this.list.push({
      seq: this.list.length,
      t: actor.t,
      ...(actor.fmri === undefined ? {} : { fmri: actor.fmri }),
      ...(actor.command === undefined ? {} : { command: actor.command }),
      phase: actor.phase,
      op: a.op,
      kind: a.kind,
      name: a.name,
      ok: a.ok,
      ...(a.program === undefined ? {} : { program: a.program }),
      ...(a.error === undefined ? {} : { error: a.error }),
      ...(a.fallback === undefined ? {} : { fallback: a.fallback }),
      ...(a.detail === undefined ? {} : { detail: a.detail }),
    });
  }

  read(kind: AccessObjectKind, name: string, ok: boolean, more: Partial<Pick<WorldAccess, 'error' | 'detail' | 'fallback' | 'program'>> = {}): void {
    this.record({ op: 'read', kind, name, ok, ...(ok || more.error !== undefined ? {} : { error: 'ENOENT' }), ...more });
  }

  open(kind: AccessObjectKind, name: string, ok: boolean, more: Partial<Pick<WorldAccess, 'error' | 'detail' | 'fallback' | 'program'>> = {}): void {
    this.record({ op: 'open', kind, name, ok, ...(ok || more.error !== undefined ? {} : { error: 'ENOENT' }), ...more });
  }

  entries(): readonly WorldAccess[] {
    return this.list;
  }
}

const OPS: ReadonlySet<string> = new Set<AccessOp>(['read', 'open', 'create', 'remove', 'mount', 'unmount', 'change']);
const KINDS: ReadonlySet<string> = new Set<AccessObjectKind>(['path', 'devlink', 'device', 'mount', 'datalink', 'interface', 'ipmp-group', 'address', 'repository', 'daemon', 'setting']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const optString = (o: Obj, k: string): boolean => o[k] === undefined || typeof o[k] === 'string';

/**
 * Check an access log read from a world snapshot (a trace may come from a
 * file or a link). Absent: an empty log (a scenario without a world, or a
 * trace made before the log existed).
 */
export function parseAccessLog(input: unknown): { ok: true; log: readonly WorldAccess[] } | { ok: false; error: string } {
  if (input === undefined) return { ok: true, log: [] };
  if (!Array.isArray(input)) return { ok: false, error: 'worldFinal.access must be a list' };
  for (const [k, a] of input.entries()) {
    if (!isObj(a)) return { ok: false, error: `worldFinal.access[${k}] must be an object` };
    if (typeof a['seq'] !== 'number' || typeof a['t'] !== 'number' || !Number.isFinite(a['t'])) return { ok: false, error: `worldFinal.access[${k}] needs numeric seq and t` };
    if (typeof a['op'] !== 'string' || !OPS.has(a['op'])) return { ok: false, error: `worldFinal.access[${k}].op is not an access operation` };
    if (typeof a['kind'] !== 'string' || !KINDS.has(a['kind'])) return { ok: false, error: `worldFinal.access[${k}].kind is not a world object kind` };
    if (typeof a['name'] !== 'string' || typeof a['ok'] !== 'boolean') return { ok: false, error: `worldFinal.access[${k}] needs name and ok` };
    if (a['phase'] !== 'start' && a['phase'] !== 'exit') return { ok: false, error: `worldFinal.access[${k}].phase must be start or exit` };
    for (const f of ['fmri', 'command', 'program', 'error', 'fallback', 'detail']) if (!optString(a, f)) return { ok: false, error: `worldFinal.access[${k}].${f} must be a string` };
  }
  return { ok: true, log: input as unknown as readonly WorldAccess[] };
}

/** Accesses to one object (kind and name), in order. */
export function accessesTo(log: readonly WorldAccess[], kind: AccessObjectKind, name: string): WorldAccess[] {
  return log.filter((a) => a.kind === kind && a.name === name);
}

/** Accesses made by one instance's methods, in order. */
export function accessesBy(log: readonly WorldAccess[], fmri: string): WorldAccess[] {
  return log.filter((a) => a.fmri === fmri);
}

/** Did this access need the object to be there (a read or open), as opposed to change it? */
export function isUse(a: WorldAccess): boolean {
  return a.op === 'read' || a.op === 'open';
}

/** Did this access bring the object into being or change it (a successful create, mount or change)? */
export function isProvide(a: WorldAccess): boolean {
  return a.ok && (a.op === 'create' || a.op === 'mount' || a.op === 'change');
}
