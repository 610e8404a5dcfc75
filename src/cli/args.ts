/** A small, strict argv parser: unknown flags are errors, values are required where declared. */
export interface ParsedArgs {
  readonly positionals: string[];
  readonly flags: Map<string, string[]>;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], withValue: readonly string[], booleans: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string[]>();
  const multi = new Set(['--manifests', '--profile']);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === undefined) continue;
    if (!a.startsWith('--')) {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(0, eq) : a;
    if (booleans.includes(name)) {
      flags.set(name, ['true']);
      continue;
    }
    if (!withValue.includes(name)) throw new UsageError(`unknown option ${name}`);
    const values: string[] = [];
    if (eq >= 0) values.push(a.slice(eq + 1));
    else {
      const v = argv[i + 1];
      if (v === undefined || (v.startsWith('--') && v.length > 2)) throw new UsageError(`${name} needs a value`);
      values.push(v);
      i++;
      // --manifests and --profile take every following non-option word.
      if (multi.has(name)) {
        while (argv[i + 1] !== undefined && !(argv[i + 1] ?? '').startsWith('--')) {
          values.push(argv[i + 1] ?? '');
          i++;
        }
      }
    }
    flags.set(name, [...(flags.get(name) ?? []), ...values]);
  }
  return { positionals, flags };
}

export function flag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return v === undefined ? undefined : v[v.length - 1];
}

export function nonNegativeInt(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`${name} must be a non-negative number of simulated milliseconds, not "${text}"`);
  return Number(text);
}
