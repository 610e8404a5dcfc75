/**
 * The built-in graphs are what the importer makes of the corpus today. With
 * the corpus: regenerate every fixture in memory and compare byte for byte.
 * Without it: check the committed graphs against the hashes in the committed
 * digest. Both checks run whenever they can; neither is ever skipped.
 *
 * Also: every bundle of both corpora (illumos-manifests/INDEX.md: 196 + 1
 * generated in the current tree, 184 + 1 in the 2009 tree) imports with zero
 * errors; without the corpus, the digest records the error count of the import
 * that produced the committed graphs.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countByCode, importBundles, type BundleSource } from '../src/model/import/bundle.ts';
import { buildFixtures, CORPORA, DIGEST_PATH, REPO_ROOT, locateCorpus, stableStringify, verifyAgainstDigest, xmlFilesUnder } from './build-fixtures.ts';

const committed = (path: string): string => readFileSync(join(REPO_ROOT, path), 'utf8');

describe('fixtures/graphs', () => {
  it('are up to date', () => {
    const corpus = locateCorpus();
    if (corpus === undefined) {
      console.info(`fixtures: corpus not found; verified the committed graphs against ${DIGEST_PATH}`);
    } else {
      const { files } = buildFixtures(corpus);
      expect([...files.keys()].sort()).toEqual([DIGEST_PATH, ...CORPORA.map((c) => c.output)].sort());
      for (const [path, content] of files) {
        const same = committed(path) === content;
        expect(same, `${path} differs from a fresh import of ${corpus}; run npm run fixtures`).toBe(true);
      }
      console.info(`fixtures: regenerated from ${corpus}; all ${files.size} files are byte-for-byte identical to the committed ones`);
    }
    expect(verifyAgainstDigest()).toEqual([]);
  });

  it('a graph edited after generation no longer matches the digest', () => {
    const spec = CORPORA[0];
    if (spec === undefined) throw new Error('no corpus spec');
    const tampered = (path: string): string => (path === spec.output ? committed(path).replace('"enabled": true', '"enabled": false') : committed(path));
    expect(verifyAgainstDigest(tampered)).toEqual([expect.stringContaining(`${spec.output} does not match ${DIGEST_PATH}`)]);
  });

  it('are byte-stable: no timestamps, no absolute paths, sorted digest keys', () => {
    for (const spec of CORPORA) {
      const text = committed(spec.output);
      expect(text).not.toMatch(/\/work\/|\/home\/|\/Users\/|\d{4}-\d\d-\d\dT\d\d:/);
      expect(text.endsWith('}\n')).toBe(true);
    }
    const digest = committed(DIGEST_PATH);
    expect(stableStringify(JSON.parse(digest))).toBe(digest);
  });

  it('ship derived graphs only, never manifest XML', () => {
    for (const spec of CORPORA) expect(committed(spec.output)).not.toContain('<service_bundle');
  });
});

const corpus = locateCorpus();
/** INDEX.md "Counts": bundles per tree, plus the generated console-login. */
const EXPECTED_BUNDLES: Record<string, number> = { '2025': 196 + 1, '2009': 184 + 1 };

describe('the illumos manifest corpora', () => {
  for (const spec of CORPORA) {
    it(`every bundle of the ${spec.era} tree imports with zero errors`, () => {
      if (corpus === undefined) {
        const digest = JSON.parse(committed(DIGEST_PATH)) as { corpora: Record<string, { counts: { errors: number; warnings: number } }> };
        const counts = digest.corpora[spec.era]?.counts;
        console.info(`corpus not found: ${spec.era} counts from ${DIGEST_PATH}: ${JSON.stringify(counts)}`);
        expect(counts?.errors).toBe(0);
        return;
      }
      const root = join(corpus, spec.root);
      const files = [...xmlFilesUnder(join(root, 'usr')), ...xmlFilesUnder(join(root, 'generated'))];
      const sources: BundleSource[] = files.map((f) => ({ path: relative(root, f), text: readFileSync(f, 'utf8') }));
      const r = importBundles(sources);
      const errors = r.findings.filter((f) => f.severity === 'error');
      console.info(
        `${spec.era} corpus (${corpus}): ${r.stats.bundles} bundles, ${r.stats.manifests} manifests, ${r.stats.services} services + ${r.stats.stubs} stubs, ` +
          `${r.stats.instances} instances, ${r.stats.warnings} warnings ${JSON.stringify(countByCode(r.findings, 'warning'))}, ${errors.length} errors`,
      );
      expect(errors).toEqual([]);
      expect(files).toHaveLength(EXPECTED_BUNDLES[spec.era] ?? -1);
      expect(r.stats.bundles).toBe(files.length);
      expect(r.scenario?.services.length).toBeGreaterThan(150);
    });
  }
});
