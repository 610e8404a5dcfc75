/**
 * `npm run fixtures`: derives bootgraph's two built-in boot graphs from the
 * real illumos manifests (the copies described in illumos-manifests/INDEX.md):
 *
 *   fixtures/graphs/illumos-2025.json   illumos-gate 7037363 (2025-01-09)
 *   fixtures/graphs/illumos-2009.json   illumos-gate e11c3f44f5 (2009-01-06, Clearview IPMP)
 *   fixtures/graphs/corpus-digest.json  sha256 of every input, counts, warning counts,
 *                                       and the sha256 of each graph it produced
 *
 * Each graph is every manifest under usr/src plus the generated console-login,
 * with the profiles a default install applies (generic_open.xml, ns_files.xml,
 * platform_none.xml of the same tree) applied in that order, as
 * docs/boot-graph.md §1.2 and §2.2 derive their tables. Only these derived graphs
 * are shipped, never the XML (CDDL). The output is byte-stable: no
 * timestamps, no absolute paths, sorted keys in the digest.
 *
 * Corpus location: $BOOTGRAPH_MANIFESTS, else ../shared/illumos-manifests
 * relative to the repository root, else /work/shared/illumos-manifests.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countByCode, importBundles, type BundleSource, type ImportResult } from '../src/model/import/bundle.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const GRAPHS_DIR = 'fixtures/graphs';
export const DIGEST_PATH = `${GRAPHS_DIR}/corpus-digest.json`;
export const DIGEST_FORMAT = 'bootgraph-corpus-digest/1';

export interface CorpusSpec {
  readonly era: '2009' | '2025';
  /** The tree's root inside the corpus directory. */
  readonly root: string;
  readonly commit: string;
  readonly date: string;
  readonly subject: string;
  /** Repository-relative output path. */
  readonly output: string;
  readonly name: string;
  readonly extraDescription: string;
}

export const PROFILES = ['generic_open.xml', 'ns_files.xml', 'platform_none.xml'] as const;
const PROFILE_DIR = 'usr/src/cmd/svc/profile';
const CONSOLE_LOGIN = 'generated/usr/src/cmd/svc/milestone/console-login.xml';

export const CORPORA: readonly CorpusSpec[] = [
  {
    era: '2025',
    root: '.',
    commit: '7037363ac736070a1e853a6841cd42d938f1e4f7',
    date: '2025-01-09',
    subject: '17032 viona should discard too-large rx pkts',
    output: `${GRAPHS_DIR}/illumos-2025.json`,
    name: 'illumos 2025 boot graph (illumos-gate 7037363)',
    extraDescription:
      'network/physical runs in parallel with the filesystem chain (root, boot-archive, usr, device/local, minimal); it must finish before milestone/single-user (docs/boot-graph.md §1.1).',
  },
  {
    era: '2009',
    root: 'historical/illumos-gate-e11c3f44f5-2009-01-06',
    commit: 'e11c3f44f531fdff80941ce57c065d2ae861cefc',
    date: '2009-01-06',
    subject: 'PSARC/2007/272 Project Clearview: IPMP Rearchitecture',
    output: `${GRAPHS_DIR}/illumos-2009.json`,
    name: 'illumos 2009 boot graph (illumos-gate e11c3f44f5, Clearview IPMP)',
    extraDescription:
      "system/device/local depends, through filesystem/usr, boot-archive, filesystem/root and SVM's system/metainit, on system/identity:node and so on network/physical (docs/boot-graph.md §2.1).",
  },
];

/** $BOOTGRAPH_MANIFESTS, ../shared/illumos-manifests, /work/shared/illumos-manifests: the first that exists. */
export function locateCorpus(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = [env['BOOTGRAPH_MANIFESTS'], resolve(REPO_ROOT, '../shared/illumos-manifests'), '/work/shared/illumos-manifests'];
  for (const c of candidates) {
    if (c !== undefined && c.length > 0 && existsSync(join(c, 'INDEX.md'))) return c;
  }
  return undefined;
}

function posix(p: string): string {
  return p.split(sep).join('/');
}

export function xmlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...xmlFilesUnder(p));
    else if (name.endsWith('.xml')) out.push(p);
  }
  return out;
}

const PROFILE_BUNDLE = /<service_bundle\b[^>]*\btype\s*=\s*(['"])profile\1/;

export interface CorpusBuild {
  readonly spec: CorpusSpec;
  readonly json: string;
  readonly result: ImportResult;
  /** Tree-relative path → sha256 of every file read. */
  readonly inputs: Readonly<Record<string, string>>;
  readonly manifests: number;
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Import one tree: manifests in sorted path order, then the generated console-login, then the profiles. */
export function buildCorpus(corpusDir: string, spec: CorpusSpec): CorpusBuild {
  const root = resolve(corpusDir, spec.root);
  const inputs: Record<string, string> = {};
  const read = (abs: string): BundleSource => {
    const bytes = readFileSync(abs);
    const path = posix(relative(root, abs));
    inputs[path] = sha256(bytes);
    return { path, text: bytes.toString('utf8') };
  };
  const manifests: BundleSource[] = [];
  for (const abs of xmlFilesUnder(join(root, 'usr/src'))) {
    const text = readFileSync(abs, 'utf8');
    if (!PROFILE_BUNDLE.test(text)) manifests.push(read(abs));
  }
  manifests.push(read(join(root, CONSOLE_LOGIN)));
  const profiles = PROFILES.map((p) => read(join(root, PROFILE_DIR, p)));
  const result = importBundles(manifests, {
    name: spec.name,
    description:
      `The SMF dependency graph of illumos-gate commit ${spec.commit} (${spec.date}, "${spec.subject}"): ` +
      `all ${manifests.length - 1} manifests under usr/src plus the generated console-login, with ${PROFILES.join(', ')} applied, ` +
      `imported by bootgraph. Methods are assumed to succeed (start 100 ms, :true 0 ms) and every file a path dependency names exists. ${spec.extraDescription}`,
    era: spec.era,
    profiles,
    source: {
      corpus: 'illumos-gate (https://github.com/illumos/illumos-gate)',
      commit: spec.commit,
      committed: spec.date,
      subject: spec.subject,
      manifests: `${manifests.length - 1} manifests under usr/src + ${CONSOLE_LOGIN}`,
      profiles: PROFILES.map((p) => `${PROFILE_DIR}/${p}`).join(', '),
      importer: 'bootgraph SMF manifest importer (npm run fixtures)',
      license: 'derived from CDDL-1.0 illumos-gate manifests; no manifest text is included',
    },
  });
  if (result.scenario === undefined) throw new Error(`${spec.era}: ${result.unusable ?? 'no scenario'}`);
  return { spec, json: `${JSON.stringify(result.scenario, null, 2)}\n`, result, inputs, manifests: manifests.length };
}

/** JSON with every object's keys sorted (for the digest, where key order carries no meaning). */
export function stableStringify(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return Object.fromEntries(entries.map(([k, x]) => [k, sort(x)]));
    }
    return v;
  };
  return `${JSON.stringify(sort(value), null, 2)}\n`;
}

export function digestOf(builds: readonly CorpusBuild[]): string {
  const corpora: Record<string, unknown> = {};
  for (const b of builds) {
    const s = b.result.stats;
    corpora[b.spec.era] = {
      root: b.spec.root,
      commit: b.spec.commit,
      fixture: b.spec.output,
      fixture_sha256: sha256(b.json),
      counts: {
        inputs: Object.keys(b.inputs).length,
        manifests: s.manifests,
        profiles_applied: s.profiles,
        services: s.services,
        stub_services: s.stubs,
        instances: s.instances,
        errors: s.errors,
        warnings: s.warnings,
      },
      warnings_by_code: countByCode(b.result.findings, 'warning'),
      inputs: b.inputs,
    };
  }
  return stableStringify({
    format: DIGEST_FORMAT,
    about: 'Inputs and outputs of npm run fixtures. The graph tests regenerate the fixtures when the corpus is present; without it they check the fixtures against the hashes here.',
    corpora,
  });
}

/** Every fixture file's repository-relative path and exact content. */
export function buildFixtures(corpusDir: string): { files: Map<string, string>; builds: CorpusBuild[] } {
  const builds = CORPORA.map((c) => buildCorpus(corpusDir, c));
  const files = new Map<string, string>();
  for (const b of builds) files.set(b.spec.output, b.json);
  files.set(DIGEST_PATH, digestOf(builds));
  return { files, builds };
}

interface DigestEntry {
  readonly commit?: unknown;
  readonly fixture?: unknown;
  readonly fixture_sha256?: unknown;
  readonly counts?: { readonly errors?: unknown };
}

/**
 * Check the committed graphs against the committed digest without the corpus:
 * every graph's sha256 must be the one recorded when it was generated, and the
 * import that produced it must have had no errors. Returns the problems found.
 */
export function verifyAgainstDigest(read: (repoPath: string) => string = (p) => readFileSync(join(REPO_ROOT, p), 'utf8')): string[] {
  const problems: string[] = [];
  let digest: { format?: unknown; corpora?: Record<string, DigestEntry> };
  try {
    digest = JSON.parse(read(DIGEST_PATH)) as typeof digest;
  } catch (e) {
    return [`${DIGEST_PATH} cannot be read: ${e instanceof Error ? e.message : String(e)}`];
  }
  if (digest.format !== DIGEST_FORMAT) problems.push(`${DIGEST_PATH} has format ${JSON.stringify(digest.format)}, expected ${DIGEST_FORMAT}`);
  for (const spec of CORPORA) {
    const entry = digest.corpora?.[spec.era];
    if (entry === undefined) {
      problems.push(`${DIGEST_PATH} has no entry for ${spec.era}`);
      continue;
    }
    if (entry.commit !== spec.commit) problems.push(`${spec.era}: the digest is for commit ${String(entry.commit)}, expected ${spec.commit}`);
    if (entry.fixture !== spec.output) problems.push(`${spec.era}: the digest names ${String(entry.fixture)}, expected ${spec.output}`);
    if (entry.counts?.errors !== 0) problems.push(`${spec.era}: the import that produced ${spec.output} had errors`);
    let content: string;
    try {
      content = read(spec.output);
    } catch {
      problems.push(`${spec.output} is missing; run npm run fixtures`);
      continue;
    }
    const actual = sha256(content);
    if (actual !== entry.fixture_sha256) {
      problems.push(`${spec.output} does not match ${DIGEST_PATH} (sha256 ${actual}, recorded ${String(entry.fixture_sha256)}); it was edited or is stale: run npm run fixtures`);
    }
  }
  return problems;
}

function main(): number {
  const corpus = locateCorpus();
  if (corpus === undefined) {
    process.stderr.write('fixtures: the illumos manifest corpus was not found (set BOOTGRAPH_MANIFESTS, or place it at ../shared/illumos-manifests)\n');
    return 2;
  }
  const { files, builds } = buildFixtures(corpus);
  for (const [path, content] of files) {
    const abs = join(REPO_ROOT, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  for (const b of builds) {
    const s = b.result.stats;
    process.stderr.write(
      `${b.spec.output}: ${s.manifests} manifests, ${s.profiles} profiles, ${s.services} services + ${s.stubs} stubs, ${s.instances} instances, ` +
        `${s.warnings} warnings, ${s.errors} errors\n`,
    );
  }
  process.stderr.write(`${DIGEST_PATH}: written from ${corpus}\n`);
  return 0;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main();
  } catch (e) {
    process.stderr.write(`fixtures: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  }
}
