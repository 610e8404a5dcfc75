/**
 * Words for an ordering hazard (hazards.ts), shared by the CLI, the Hazards
 * panel and the explorer: what the object is, what each side did and when,
 * and why it is a hazard. Computed from the hazard, never per scenario.
 */
import { shortFmri } from '../model/smf/fmri.ts';
import type { Hazard, HazardAccess } from './hazards.ts';
import { formatStime } from './svcs-format.ts';

const KIND_WORDS: Readonly<Record<string, string>> = {
  path: 'file',
  devlink: '/dev link',
  device: 'device node',
  mount: 'mount',
  datalink: 'datalink',
  interface: 'IP interface',
  'ipmp-group': 'IPMP group',
  address: 'address',
  repository: 'repository entry',
  daemon: 'daemon',
  setting: 'setting',
};

const VERBS: Readonly<Record<HazardAccess['op'], string>> = {
  read: 'read',
  open: 'opened',
  create: 'created',
  remove: 'removed',
  mount: 'mounted',
  unmount: 'unmounted',
  change: 'changed',
};

/** The access as a present-tense verb ("creates"), for lists of who does what. */
export const PRESENT: Readonly<Record<HazardAccess['op'], string>> = {
  read: 'reads',
  open: 'opens',
  create: 'creates',
  remove: 'removes',
  mount: 'mounts',
  unmount: 'unmounts',
  change: 'changes',
};

/** "/dev/ipmpstub (a /dev link)". */
export function hazardObject(h: Hazard): string {
  return `${h.object.name} (${KIND_WORDS[h.object.kind] ?? h.object.kind})`;
}

/** "network/physical:default opened it at 450ms: failed (ENOENT)". */
export function accessText(a: HazardAccess): string {
  const how = a.ok ? '' : `: failed${a.error === undefined ? '' : ` (${a.error})`}`;
  return `${shortFmri(a.fmri)} ${VERBS[a.op]} it at ${formatStime(a.t)}${how}`;
}

/** One line: what happened in this boot, and whether it was the order that works. */
export function hazardSummary(h: Hazard): string {
  const w = shortFmri(h.writer.fmri);
  const r = shortFmri(h.reader.fmri);
  if (h.kind === 'unordered-writes') {
    return `${w} and ${r} both change ${hazardObject(h)} and nothing orders them; this boot ${w} went first${h.right ? '' : ` and ${r} undid it`}.`;
  }
  const first = h.order === 'writer-first' ? `${w} ${VERBS[h.writer.op]} it before ${r} needed it` : `${r} needed it before ${w} ${VERBS[h.writer.op]} it`;
  return `${r} needs ${hazardObject(h)}, which ${w} ${PRESENT[h.writer.op]}; this boot ${first}${h.right ? '' : `, and ${r} did not find it`}.`;
}

/** Why nothing saves it: the dependency situation between the two. */
export function hazardWhy(h: Hazard): string {
  const w = shortFmri(h.writer.fmri);
  const r = shortFmri(h.reader.fmri);
  if (h.kind === 'unordered-writes') return `No dependency path orders ${w} and ${r} either way: timing decides which writes last.`;
  if (h.reversed) return `No dependency orders ${w} before ${r}; the declared dependencies order it after (${r} runs first on every boot).`;
  return `No dependency path orders ${w} before ${r} or after it: timing decides.`;
}

interface FactWords {
  /** "/etc/site/app.key: site/app:default needs what site/keygen:default makes" */
  readonly head: string;
  /** A value in words: "made first", "needed first, not found". */
  value(v: string): string;
}

function factWords(id: string): FactWords | undefined {
  const parts = id.split('|');
  const [kind, object] = parts;
  const writer = parts[parts.length - 2];
  const reader = parts[parts.length - 1];
  if (parts.length < 4 || kind === undefined || object === undefined || writer === undefined || reader === undefined) return undefined;
  const name = object.slice(object.indexOf(':') + 1);
  if (kind === 'unordered-writes') {
    return { head: `${name}: written by both ${shortFmri(writer)} and ${shortFmri(reader)}`, value: (v) => (v === 'right' ? 'in the order that works' : 'the later undid the earlier') };
  }
  return { head: `${name}: ${shortFmri(reader)} needs what ${shortFmri(writer)} makes`, value: (v) => (v === 'right' ? 'made first' : 'needed first, not found') };
}

/** The explorer's per-boot fact for a hazard (hazardFacts), in words. */
export function describeHazardFact(id: string, value: string): string {
  const w = factWords(id);
  return w === undefined ? `${id}: ${value}` : `${w.head} (${w.value(value)})`;
}

/**
 * A hazard fact that split within an outcome class, in words: the class
 * ended this way whichever order the boot took ("made first in 144 boots,
 * needed first, not found in 12").
 */
export function describeMixedFact(id: string, counts: readonly { readonly value: string; readonly boots: number }[]): string {
  const w = factWords(id);
  const each = counts.map((c) => `${w === undefined ? c.value : w.value(c.value)} in ${c.boots} boot${c.boots === 1 ? '' : 's'}`).join('; ');
  return `${w === undefined ? id : w.head}: ${each}`;
}
