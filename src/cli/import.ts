/**
 * `npm run import -- <file-or-directory>... [--profile <file>]... [-o scenario.json] [--name <name>] [--no-files]`
 *
 * Imports SMF service bundles into a "bootgraph/1" scenario. Directories are
 * searched recursively for *.xml, in sorted path order. Findings go to stderr as
 * `file:line:col: warning: message`, then one summary line. The scenario is
 * written to -o (or stdout) with 2-space indentation. The files that path
 * dependencies name are listed as present at boot unless --no-files.
 *
 * Exit status: 0 when a scenario was written (warnings and per-file errors
 * included); 2, with one message, when a path cannot be read or nothing usable
 * was produced. Never a stack trace.
 */
import { readdirSync, statSync, writeFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join, relative, isAbsolute, resolve } from 'node:path';
import { decodeText } from '../lib/decode-text.ts';
import { ReadError, readBoundedFile } from './read-file.ts';
import { jsonSafe, quietOnClosedPipe, terminalSafe } from './terminal.ts';
import { importBundles, formatFinding, type BundleSource, type Finding } from '../model/import/bundle.ts';
import { XML_LIMITS, tooLargeMessage } from '../model/import/xml.ts';

const USAGE = 'usage: npm run import -- <file-or-directory>... [--profile <file>]... [-o scenario.json] [--name <name>] [--no-files]';

interface Args {
  readonly inputs: string[];
  readonly profiles: string[];
  output?: string;
  name?: string;
  noFiles: boolean;
}

/** A path that cannot be read, or input that leaves nothing to do: one message, exit 2. */
export class ImportInputError {
  constructor(readonly message: string) {}
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { inputs: [], profiles: [], noFiles: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.length === 0) throw new ImportInputError(`${a} needs a value\n${USAGE}`);
      return v;
    };
    if (a === '--profile' || a === '-p') args.profiles.push(value());
    else if (a === '-o' || a === '--output') args.output = value();
    else if (a === '--name') args.name = value();
    else if (a === '--no-files') args.noFiles = true;
    else if (a === '-h' || a === '--help') throw new ImportInputError(USAGE);
    else if (a.startsWith('-') && a !== '-') throw new ImportInputError(`unknown option ${a}\n${USAGE}`);
    else args.inputs.push(a);
  }
  if (args.inputs.length === 0) throw new ImportInputError(`no manifests given\n${USAGE}`);
  return args;
}

/**
 * How a path is shown in findings and in ServiceSpec.manifest: relative to the
 * cwd when inside it, otherwise relative to the parent of the input it was
 * found under (so it starts with that input's own name). Never absolute: an
 * imported scenario travels in files and links (issue 15).
 */
function display(path: string, root: string = path): string {
  const inside = (rel: string): boolean => rel.length > 0 && !rel.startsWith('..') && !isAbsolute(rel);
  const rel = relative(process.cwd(), path);
  if (inside(rel)) return rel;
  const fromRoot = relative(dirname(resolve(root)), resolve(path));
  return inside(fromRoot) ? fromRoot : basename(path);
}

/** *.xml files under a path, sorted; symlinked directories are followed once. */
function collect(path: string, out: string[], seen: Set<string>): void {
  collectUnder(path, path, out, seen);
}

const rootOf = new Map<string, string>();

function collectUnder(path: string, root: string, out: string[], seen: Set<string>): void {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    throw new ImportInputError(`cannot read ${path}: ${reason(e)}`);
  }
  if (st.isFile()) {
    rootOf.set(path, root);
    out.push(path);
    return;
  }
  if (!st.isDirectory()) throw new ImportInputError(`cannot read ${path}: not a file or directory`);
  const real = realpathSync(path);
  if (seen.has(real)) return;
  seen.add(real);
  let entries: string[];
  try {
    entries = readdirSync(path).sort();
  } catch (e) {
    throw new ImportInputError(`cannot read directory ${path}: ${reason(e)}`);
  }
  const files: string[] = [];
  for (const name of entries) {
    const child = join(path, name);
    let cst;
    try {
      cst = statSync(child);
    } catch {
      continue; // a dangling symlink inside a directory is not the user's input
    }
    if (cst.isDirectory()) collectUnder(child, root, files, seen);
    else if (cst.isFile() && name.endsWith('.xml')) {
      rootOf.set(child, root);
      files.push(child);
    }
  }
  out.push(...files.sort());
}

function reason(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'no such file or directory';
    if (code === 'EACCES') return 'permission denied';
    if (code === 'EISDIR') return 'is a directory';
    return e.message;
  }
  return String(e);
}

/** Read a bundle (UTF-8, or UTF-16 by BOM or XML signature, as the app does); one that is too large becomes a finding, not a read. */
function load(path: string, oversized: Finding[]): BundleSource | undefined {
  const shown = display(path, rootOf.get(path) ?? path);
  let size: number;
  try {
    size = statSync(path).size;
  } catch (e) {
    throw new ImportInputError(`cannot read ${path}: ${reason(e)}`);
  }
  if (size > XML_LIMITS.maxBytes) {
    oversized.push({ severity: 'error', code: 'xml-too-large', file: shown, message: tooLargeMessage(size) });
    return undefined;
  }
  try {
    return { path: shown, text: decodeText(readBoundedFile(path, XML_LIMITS.maxBytes)) };
  } catch (e) {
    if (e instanceof ReadError) throw new ImportInputError(`cannot read ${e.message}`);
    throw new ImportInputError(`cannot read ${path}: ${reason(e)}`);
  }
}

/** -o must not name one of the inputs (issue 15: `import dir -o dir/a.xml` once overwrote a manifest). */
function refuseOverwritingInput(output: string, inputs: readonly string[]): void {
  let target: string;
  try {
    target = realpathSync(output);
  } catch {
    return; // does not exist yet: it cannot be an input
  }
  for (const input of inputs) {
    let real: string;
    try {
      real = realpathSync(input);
    } catch {
      continue;
    }
    if (real === target) throw new ImportInputError(`refusing to write ${output}: it is one of the inputs (${input}); choose another -o`);
  }
}

export interface BundleFiles {
  /** Every *.xml under the inputs (directories searched recursively, sorted), read. */
  readonly manifests: BundleSource[];
  readonly profiles: BundleSource[];
  /** Files over the size limit, refused without being read (error findings). */
  readonly oversized: Finding[];
  /** The manifest files found, as given (for the -o check). */
  readonly paths: readonly string[];
}

/**
 * Read the bundles for an import: `npm run import` and `npm run simulate --
 * --manifests` share this. Throws ImportInputError for a path that cannot be read.
 */
export function readBundleFiles(inputs: readonly string[], profilePaths: readonly string[]): BundleFiles {
  const files: string[] = [];
  const seen = new Set<string>();
  for (const input of inputs) collect(input, files, seen);
  if (files.length === 0) throw new ImportInputError(`no *.xml service bundles found in ${inputs.join(', ')}`);
  const oversized: Finding[] = [];
  const manifests = files.map((f) => load(f, oversized)).filter((b): b is BundleSource => b !== undefined);
  const profiles = profilePaths.map((f) => load(f, oversized)).filter((b): b is BundleSource => b !== undefined);
  return { manifests, profiles, oversized, paths: files };
}

function main(argv: readonly string[]): number {
  const args = parseArgs(argv);
  const { manifests, profiles, oversized, paths } = readBundleFiles(args.inputs, args.profiles);
  if (args.output !== undefined && args.output !== '-') refuseOverwritingInput(args.output, [...paths, ...args.profiles]);
  const result = importBundles(manifests, { profiles, filesPresent: !args.noFiles, ...(args.name === undefined ? {} : { name: args.name }) });

  const findings = [...oversized, ...result.findings];
  for (const f of findings) process.stderr.write(`${terminalSafe(formatFinding(f))}\n`);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const s = result.stats;
  const summary =
    `${plural(s.bundles, 'bundle')} read (${plural(s.manifests, 'manifest')}, ${plural(s.profiles, 'profile')} applied), ` +
    `${plural(s.services, 'service')}${s.stubs > 0 ? ` + ${plural(s.stubs, 'stub')}` : ''}, ${plural(s.instances, 'instance')}, ` +
    `${plural(warnings, 'warning')}${errors > 0 ? `, ${plural(errors, 'error')}` : ''}`;

  if (result.scenario === undefined) {
    process.stderr.write(`${terminalSafe(summary)}\n`);
    throw new ImportInputError(`nothing to write: ${result.unusable ?? 'no usable manifests'}`);
  }
  const json = `${jsonSafe(JSON.stringify(result.scenario, null, 2))}\n`;
  if (args.output === undefined || args.output === '-') process.stdout.write(json);
  else {
    try {
      writeFileSync(args.output, json);
    } catch (e) {
      throw new ImportInputError(`cannot write ${args.output}: ${reason(e)}`);
    }
  }
  process.stderr.write(terminalSafe(`${summary}${args.output === undefined || args.output === '-' ? '' : ` → ${args.output}`}\n`));
  return 0;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const invokedDirectly = process.argv[1] !== undefined && /[\\/]cli[\\/]import\.ts$/.test(process.argv[1]);
if (invokedDirectly) {
  quietOnClosedPipe();
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(terminalSafe(`import: ${e instanceof ImportInputError ? e.message : `unexpected failure: ${e instanceof Error ? e.message : String(e)}`}\n`));
    process.exitCode = 2;
  }
}
