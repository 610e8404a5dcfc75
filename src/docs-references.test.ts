/**
 * Every reference in a comment, a message or a test resolves inside this
 * repository (issue 14): a cited docs/<file>.md exists, and a cited section
 * ("docs/smf-semantics.md §4.5") is a heading of that file. Nothing cites the
 * team's shared notes outside the repository.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const repo = process.cwd();

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else if (/\.(ts|tsx|md|json)$/.test(name)) out.push(p);
  }
  return out;
}

const sources = [...files(join(repo, 'src')), ...files(join(repo, 'scripts')), ...files(join(repo, 'e2e')), join(repo, 'README.md'), join(repo, 'docs/scenario-format.md')];

/** Section numbers that are headings ("## 4." / "### 4.5 ...") of a markdown file. */
function sections(doc: string): Set<string> {
  const out = new Set<string>();
  for (const m of readFileSync(join(repo, doc), 'utf8').matchAll(/^#{2,4} (\d+(?:\.\d+)*)\.?\s/gm)) if (m[1] !== undefined) out.add(m[1]);
  return out;
}

describe('references resolve inside the repository', () => {
  it('every cited docs/*.md exists and every cited § is one of its headings', () => {
    const bad: string[] = [];
    const cache = new Map<string, Set<string>>();
    for (const f of sources) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/docs\/([a-z0-9-]+\.md)((?:,? ?§\s?\d+(?:\.\d+)*(?:[–-]§?\d+(?:\.\d+)*)?)*)/g)) {
        const doc = `docs/${m[1] ?? ''}`;
        if (!existsSync(join(repo, doc))) {
          bad.push(`${relative(repo, f)}: ${doc} does not exist`);
          continue;
        }
        const known = cache.get(doc) ?? sections(doc);
        cache.set(doc, known);
        for (const s of (m[2] ?? '').matchAll(/§\s?(\d+(?:\.\d+)*)/g)) {
          const n = (s[1] ?? '').replace(/\.$/, '');
          if (!known.has(n)) bad.push(`${relative(repo, f)}: ${doc} has no §${n}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('nothing cites the shared reference notes outside the repository', () => {
    const bad = sources.filter((f) => /shared\/reference|shared\/seeds/.test(readFileSync(f, 'utf8'))).map((f) => relative(repo, f));
    expect(bad.filter((f) => f !== 'src/docs-references.test.ts')).toEqual([]);
  });

  it('the engine specification keeps the reference section numbers (§0–§13)', () => {
    const known = sections('docs/smf-semantics.md');
    for (const n of ['0', '1.1', '1.2', '2.1', '2.2', '2.3', '3.1', '3.2', '3.3', '3.4', '3.5', '4.1', '4.2', '4.3', '4.4', '4.5', '5', '6.1', '6.2', '6.3', '6.4', '6.5', '6.6', '6.7', '7.1', '7.2', '7.3', '7.4', '8.1', '8.2', '8.3', '9', '10.1', '10.2', '10.3', '10.4', '10.5', '11', '12', '13']) {
      expect(known.has(n), `§${n}`).toBe(true);
    }
  });
});
