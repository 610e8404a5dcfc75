/**
 * Hostile and huge input (issue 15): generators for the shapes that used to
 * crash or freeze bootgraph. Each returns plain JSON values (a scenario object,
 * or a string for texts that are not scenarios), so the same case can be fed to
 * the validator, the engine, the link decoder, the CLI (written to a file) and
 * the app (through a link or storage). Deterministic: no randomness at all.
 *
 * Used by src/testing/hostile.test.ts (mid sizes, in `npx vitest`) and by
 * scripts/hostile.ts (`npm run test:hostile`, the large sizes). Never imported
 * by the app.
 */
import type { DependencySpec, Scenario, ServiceSpec } from '../model/scenario/types.ts';

const FORMAT = 'bootgraph/1' as const;

const fmriOf = (i: number): string => `svc:/hostile/s${i}`;

function requireAll(name: string, targets: readonly string[]): DependencySpec {
  return { name, grouping: 'require_all', restart_on: 'none', targets };
}

/**
 * A require_all chain s0 ← s1 ← … ← s(n-1): every service depends on the one
 * before it. `order` is the declaration order in the file: dependencies first
 * (s0 first), or dependents first (s(n-1) first), which once drove a recursive
 * walk ~1,800 deep. `missingRoot`: s0 depends on a service that does not exist
 * (the 3,000-service case of issue 15).
 */
export function chain(n: number, order: 'dependencies-first' | 'dependents-first', missingRoot = false): Scenario {
  const services: ServiceSpec[] = [];
  for (let i = 0; i < n; i++) {
    const deps = i === 0 ? (missingRoot ? [requireAll('root', ['svc:/hostile/missing:default'])] : []) : [requireAll('prev', [`${fmriOf(i - 1)}:default`])];
    services.push({ fmri: fmriOf(i), start: { duration: 1 }, dependencies: deps });
  }
  if (order === 'dependents-first') services.reverse();
  return { format: FORMAT, name: `chain of ${n} (${order}${missingRoot ? ', missing root' : ''})`, services };
}

/** A broken chain: the chain of n whose root depends on a service that does not exist; nothing comes up. */
export function brokenChain(n: number, order: 'dependencies-first' | 'dependents-first' = 'dependencies-first'): Scenario {
  return chain(n, order, true);
}

/** One require_all cycle through n services (s(i) needs s(i+1 mod n)). */
export function cycle(n: number): Scenario {
  const services: ServiceSpec[] = [];
  for (let i = 0; i < n; i++) services.push({ fmri: fmriOf(i), start: { duration: 1 }, dependencies: [requireAll('next', [`${fmriOf((i + 1) % n)}:default`])] });
  return { format: FORMAT, name: `cycle of ${n}`, services };
}

/** Fan-in: n services all depending on one service (missing, or present and slow). */
export function fanIn(n: number, hubMissing = true): Scenario {
  const hub = 'svc:/hostile/hub';
  const services: ServiceSpec[] = hubMissing ? [] : [{ fmri: hub, start: { duration: 50 } }];
  for (let i = 0; i < n; i++) services.push({ fmri: fmriOf(i), start: { duration: 1 }, dependencies: [requireAll('hub', [`${hub}:default`])] });
  return { format: FORMAT, name: `fan-in of ${n}${hubMissing ? ' on a missing service' : ''}`, services };
}

/** Fan-out: one service depending on n services (one group of n targets). */
export function fanOut(n: number): Scenario {
  const services: ServiceSpec[] = [];
  const targets: string[] = [];
  for (let i = 0; i < n; i++) {
    services.push({ fmri: fmriOf(i), start: { duration: 1 } });
    targets.push(`${fmriOf(i)}:default`);
  }
  services.push({ fmri: 'svc:/hostile/top', dependencies: [requireAll('all', targets)] });
  return { format: FORMAT, name: `fan-out of ${n}`, services };
}

/** n services with no dependencies at all. */
export function flat(n: number): Scenario {
  const services: ServiceSpec[] = [];
  for (let i = 0; i < n; i++) services.push({ fmri: fmriOf(i), start: { duration: 1 + (i % 7) } });
  return { format: FORMAT, name: `flat ${n}`, services };
}

/** A scenario whose `field` is `length` characters long (the 200 MB scenario name of issue 15, scaled); valid up to the field's limit. */
export function oversizedString(field: 'name' | 'description' | 'exec' | 'common_name' | 'fmri', length: number): Scenario {
  const long = 'x'.repeat(length);
  const base: Scenario = { format: FORMAT, name: 'oversized', services: [{ fmri: 'svc:/hostile/a' }] };
  switch (field) {
    case 'name':
      return { ...base, name: long };
    case 'description':
      return { ...base, description: long };
    case 'exec':
      return { ...base, services: [{ fmri: 'svc:/hostile/a', start: { exec: long } }] };
    case 'common_name':
      return { ...base, services: [{ fmri: 'svc:/hostile/a', common_name: long }] };
    case 'fmri': {
      // Exactly `length` characters, in path components SMF accepts (≤ 256 each).
      const body = 'x'.repeat(Math.max(1, length - 'svc:/'.length)).replace(/(.{100})(?=.)/g, '$1/').slice(0, Math.max(1, length - 'svc:/'.length));
      return { ...base, services: [{ fmri: `svc:/${body.endsWith('/') ? `${body.slice(0, -1)}x` : body}` }] };
    }
  }
}

/**
 * JSON text nested `depth` levels deep inside an otherwise valid scenario (an
 * unknown field, so only the reader's depth limit can refuse it). Built as
 * text: JSON.stringify of such a value is itself recursive and overflows.
 */
export function deepJsonText(depth: number): string {
  return `{"format":"bootgraph/1","name":"deep","services":[],"source":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
}

/** JSON text of a list nested `depth` levels deep: `[[[…]]]`. */
export function deepArrayText(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/**
 * The payload of an expansion bomb: a share state whose scenario name is
 * `length` characters of one letter. lz-string compresses it to about
 * √(2·length) codes, so a short link expands to a huge string.
 */
export function expansionBombState(length: number): unknown {
  return { s: { format: FORMAT, name: 'a'.repeat(length), services: [] } };
}

/** Terminal control sequences (title, clear screen, OSC 52 clipboard write) inside scenario text. */
export function controlCharacters(): Scenario {
  const evil = '\u001b]0;owned\u0007\u001b[2J\u001b]52;c;ZWNobyBvd25lZA==\u0007\u009b31m';
  return {
    format: FORMAT,
    name: `evil${evil}`,
    description: evil,
    services: [{ fmri: 'svc:/hostile/evil', common_name: `name${evil}`, start: { exec: `/lib/svc/method/x${evil}`, exit: 1 } }],
  };
}
