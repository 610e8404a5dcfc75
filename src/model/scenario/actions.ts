/**
 * The commands a scenario (or a user, from the inspector) runs at a simulated
 * instant. svcadm verbs follow svcadm.c (docs/smf-semantics.md §9); `fault` injects a
 * contract event into a running service (§2.2, §4.2); world commands (cfgadm,
 * ifconfig, if_mpadm, touch, rm) are interpreted by the world model.
 */
export type SvcadmVerb = 'enable' | 'disable' | 'restart' | 'refresh' | 'clear' | 'mark' | 'milestone';

export type ParsedAction =
  | {
      readonly kind: 'svcadm';
      readonly verb: SvcadmVerb;
      /** Flags as single letters: r, s, t (enable); t, s, c (disable); d (restart/milestone); I, t (mark). */
      readonly flags: readonly string[];
      readonly comment?: string;
      /** For `mark`: maintenance or degraded. */
      readonly markState?: 'maintenance' | 'degraded';
      readonly operands: readonly string[];
    }
  | { readonly kind: 'fault'; readonly fmri: string; readonly event: 'exit' | 'core' | 'signal' | 'hwerr' }
  | { readonly kind: 'world'; readonly argv: readonly string[] }
  /**
   * A run-level change through svc.startd (docs/smf-semantics.md §6.5): `init S|1|2|3|4|0|5|6`,
   * `reboot [-- <boot arguments>]` (init 6), `halt` (init 0), `poweroff` (init 5).
   * For a reboot, `bootArgs` are the next boot's (`-s`, `-m milestone=<m>`).
   */
  | { readonly kind: 'runlevel'; readonly command: string; readonly level: RunLevel; readonly bootArgs: readonly string[] };

export type RunLevel = 'S' | '1' | '2' | '3' | '4' | '0' | '5' | '6';

/** Does this run level end the boot (none, then halt, power off or reboot)? */
export function endsBoot(level: RunLevel): boolean {
  return level === '0' || level === '5' || level === '6';
}

export type ActionParse = { ok: true; action: ParsedAction } | { ok: false; error: string };

const VERB_FLAGS: Record<SvcadmVerb, string> = {
  enable: 'rst',
  disable: 'stc',
  restart: 'd',
  refresh: '',
  clear: '',
  mark: 'It',
  milestone: 'd',
};

export const WORLD_COMMANDS = ['cfgadm', 'ifconfig', 'if_mpadm', 'touch', 'rm', 'devfsadm', 'mount', 'umount', 'pkg', 'patchadd'] as const;

/** Split on whitespace, honouring "double" and 'single' quotes (for `disable -c "comment"`). */
export function splitWords(text: string): string[] | undefined {
  const words: string[] = [];
  let cur = '';
  let quote: string | undefined;
  let inWord = false;
  for (const ch of text) {
    if (quote !== undefined) {
      if (ch === quote) quote = undefined;
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (quote !== undefined) return undefined;
  if (inWord) words.push(cur);
  return words;
}

export function parseAction(text: string): ActionParse {
  if (text.length > 2000) return { ok: false, error: 'command is too long' };
  const words = splitWords(text.trim());
  if (words === undefined) return { ok: false, error: `unterminated quote in "${text}"` };
  const [cmd, ...rest] = words;
  if (cmd === undefined) return { ok: false, error: 'empty command' };
  if (cmd === 'svcadm') return parseSvcadm(rest, text);
  if (cmd === 'fault') {
    const [fmri, event, ...extra] = rest;
    if (fmri === undefined || event === undefined || extra.length > 0) {
      return { ok: false, error: 'usage: fault <fmri> exit|core|signal|hwerr' };
    }
    if (event !== 'exit' && event !== 'core' && event !== 'signal' && event !== 'hwerr') {
      return { ok: false, error: `unknown fault "${event}" (expected exit, core, signal or hwerr)` };
    }
    return { ok: true, action: { kind: 'fault', fmri, event } };
  }
  if ((WORLD_COMMANDS as readonly string[]).includes(cmd)) return { ok: true, action: { kind: 'world', argv: words } };
  if (cmd === 'init') {
    const [level, ...extra] = rest;
    const l = level === 's' ? 'S' : level;
    if (l === undefined || extra.length > 0 || !['S', '1', '2', '3', '4', '0', '5', '6'].includes(l)) return { ok: false, error: 'usage: init S|0|1|2|3|4|5|6' };
    return { ok: true, action: { kind: 'runlevel', command: 'init', level: l as RunLevel, bootArgs: [] } };
  }
  if (cmd === 'reboot' || cmd === 'halt' || cmd === 'poweroff') {
    const dd = rest.indexOf('--');
    const own = dd === -1 ? rest : rest.slice(0, dd);
    if (own.length > 0) return { ok: false, error: `usage: ${cmd}${cmd === 'reboot' ? ' [-- <boot arguments>]' : ''}` };
    const bootArgs = dd === -1 ? [] : rest.slice(dd + 1);
    if (cmd !== 'reboot' && bootArgs.length > 0) return { ok: false, error: `usage: ${cmd}` };
    const level: RunLevel = cmd === 'reboot' ? '6' : cmd === 'halt' ? '0' : '5';
    return { ok: true, action: { kind: 'runlevel', command: cmd, level, bootArgs } };
  }
  return {
    ok: false,
    error: `unknown command "${cmd}" (expected svcadm, fault, init, reboot, halt, poweroff, or one of ${WORLD_COMMANDS.join(', ')})`,
  };
}

function parseSvcadm(args: string[], text: string): ActionParse {
  const [verbWord, ...rest] = args;
  if (verbWord === undefined) return { ok: false, error: 'usage: svcadm enable|disable|restart|refresh|clear|mark|milestone ...' };
  if (!(verbWord in VERB_FLAGS)) return { ok: false, error: `svcadm: unknown subcommand "${verbWord}"` };
  const verb = verbWord as SvcadmVerb;
  const allowed = VERB_FLAGS[verb];
  const flags: string[] = [];
  let comment: string | undefined;
  let i = 0;
  for (; i < rest.length; i++) {
    const w = rest[i];
    if (w === undefined || !w.startsWith('-') || w === '-') break;
    for (const f of w.slice(1)) {
      if (!allowed.includes(f)) return { ok: false, error: `svcadm ${verb}: illegal option -- ${f}` };
      if (f === 'c') {
        comment = rest[i + 1];
        if (comment === undefined) return { ok: false, error: `svcadm ${verb}: -c needs a comment` };
        i++;
      }
      flags.push(f);
    }
  }
  let operands = rest.slice(i);
  let markState: 'maintenance' | 'degraded' | undefined;
  if (verb === 'mark') {
    const st = operands[0];
    if (st !== 'maintenance' && st !== 'degraded') return { ok: false, error: 'usage: svcadm mark [-It] maintenance|degraded <fmri>' };
    markState = st;
    operands = operands.slice(1);
  }
  if (operands.length === 0) return { ok: false, error: `svcadm ${verb}: no service given in "${text}"` };
  if (verb === 'milestone' && operands.length !== 1) return { ok: false, error: 'usage: svcadm milestone [-d] <milestone>' };
  const base = { kind: 'svcadm' as const, verb, flags, operands };
  return {
    ok: true,
    action: {
      ...base,
      ...(comment === undefined ? {} : { comment }),
      ...(markState === undefined ? {} : { markState }),
    },
  };
}
