/**
 * A scenario's actions around a reboot (`init 6`, `reboot`, `halt`, `init 0`,
 * `poweroff`; docs/smf-semantics.md §6.5): the actions before the first one
 * belong to this boot; the ones after it belong to the next boot, at their
 * time minus the reboot's (so "reboot into the patching milestone, patch,
 * come back" is one scenario). `reboot -- -s` and `reboot -- -m
 * milestone=<m>` are the next boot's options.
 */
import { endsBoot, parseAction } from './actions.ts';
import type { ActionSpec, BootSpec } from './types.ts';

export interface RebootSplit {
  readonly thisBoot: readonly ActionSpec[];
  /** The action that ends this boot, if any. */
  readonly end?: { readonly at: number; readonly run: string; readonly reboot: boolean; readonly bootArgs: readonly string[] };
  /** The next boot's actions, times relative to the start of that boot. */
  readonly nextBoot: readonly ActionSpec[];
}

export function splitAtReboot(actions: readonly ActionSpec[]): RebootSplit {
  const ordered = actions.map((a, k) => ({ a, k })).sort((x, y) => x.a.at - y.a.at || x.k - y.k).map((x) => x.a);
  const idx = ordered.findIndex((a) => {
    const p = parseAction(a.run);
    return p.ok && p.action.kind === 'runlevel' && endsBoot(p.action.level);
  });
  if (idx === -1) return { thisBoot: ordered, nextBoot: [] };
  const end = ordered[idx];
  if (end === undefined) return { thisBoot: ordered, nextBoot: [] };
  const p = parseAction(end.run);
  const bootArgs = p.ok && p.action.kind === 'runlevel' ? p.action.bootArgs : [];
  const reboot = p.ok && p.action.kind === 'runlevel' && p.action.level === '6';
  return {
    thisBoot: ordered.slice(0, idx + 1),
    end: { at: end.at, run: end.run, reboot, bootArgs },
    nextBoot: ordered.slice(idx + 1).map((a) => ({ ...a, at: Math.max(0, a.at - end.at) })),
  };
}

/** The next boot's options from `reboot -- <args>`: `-s` and `-m milestone=<m>` (init.c passes them to svc.startd, §6.2). */
export function bootOptions(args: readonly string[]): BootSpec {
  let out: BootSpec = {};
  for (let k = 0; k < args.length; k++) {
    const a = args[k];
    if (a === '-s') out = { ...out, single: true };
    else if (a === '-r') out = { ...out, reconfigure: true };
    else if (a === '-m') {
      const v = args[k + 1] ?? '';
      k++;
      const m = /^milestone=(.+)$/.exec(v);
      if (m?.[1] !== undefined) out = { ...out, milestone: m[1] };
    }
  }
  return out;
}
