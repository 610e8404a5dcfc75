/**
 * `npx tsx scripts/hostile-fixtures.ts`: writes fixtures/hostile/, the hostile
 * inputs that are too slow to build in a test. The link expansion bomb: a
 * share link whose scenario name is 5,000,000 letters (lz-string compresses
 * it to ~5,800 characters; compressing takes tens of seconds).
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import LZ from 'lz-string';
import { expansionBombState } from '../src/testing/hostile.ts';

mkdirSync('fixtures/hostile', { recursive: true });
const fragment = `v1.${LZ.compressToEncodedURIComponent(JSON.stringify(expansionBombState(5_000_000)))}`;
writeFileSync('fixtures/hostile/expansion-bomb.link', `${fragment}\n`);
console.info(`fixtures/hostile/expansion-bomb.link: ${fragment.length} characters, expands to ${JSON.stringify(expansionBombState(5_000_000)).length}`);
