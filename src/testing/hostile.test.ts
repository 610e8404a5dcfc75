/**
 * Hostile and huge input, mid sizes (issue 15): every generator of
 * hostile.ts through the validator, the engine and time travel, at sizes past
 * where the recursive walks used to overflow the stack (~1,800 deep). Each
 * gives its result within the test timeout; the expected outcomes follow from
 * the shape of the graph (docs/smf-semantics.md §3: require_all waits for every
 * member, a missing member is unsatisfiable; §1.2: the instance that closes a
 * cycle goes to maintenance). The large sizes (100,000) run in
 * `npm run test:hostile` (scripts/hostile.ts).
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../engine/simulate.ts';
import { createSeeker } from '../engine/seek.ts';
import { formatSvcsTable } from '../engine/svcs-format.ts';
import type { InstanceStatus, Trace } from '../engine/trace.ts';
import { validateScenario } from '../model/scenario/validate.ts';
import type { Scenario } from '../model/scenario/types.ts';
import { readFileSync } from 'node:fs';
import LZ from 'lz-string';
import { decodeShareFragment } from '../share/codec.ts';
import { APP_SERVICE_LIMIT, LIMITS } from '../model/scenario/limits.ts';
import { openScenarioFile } from '../session/import-files.ts';
import { brokenChain, chain, cycle, deepArrayText, deepJsonText, fanIn, fanOut, flat, oversizedString } from './hostile.ts';

const MID = 3_000;

function run(s: Scenario): { trace: Trace; final: ReadonlyMap<string, InstanceStatus> } {
  const v = validateScenario(JSON.parse(JSON.stringify(s)));
  expect(v.ok).toBe(true);
  const trace = simulate(s);
  expect(trace.quiescent).toBe(true);
  const final = createSeeker(trace).atIndex(trace.records.length - 1);
  // The CLI's table of the final state is produced too (one line per instance).
  expect(formatSvcsTable(trace, final).split('\n').length).toBeGreaterThan(final.size);
  return { trace, final };
}

const states = (final: ReadonlyMap<string, InstanceStatus>): Map<string, number> => {
  const count = new Map<string, number>();
  for (const s of final.values()) count.set(s.state, (count.get(s.state) ?? 0) + 1);
  return count;
};

describe('hostile input, mid size', () => {
  for (const order of ['dependencies-first', 'dependents-first'] as const) {
    it(`a require_all chain of ${MID} declared ${order} comes up link by link`, () => {
      const { final } = run(chain(MID, order));
      expect(states(final)).toEqual(new Map([['online', MID]]));
      // Each link waits for the one before it: online times strictly increase along the chain.
      let previous = -1;
      for (let k = 0; k < MID; k++) {
        const since = final.get(`svc:/hostile/s${k}:default`)?.since ?? -1;
        expect(since).toBeGreaterThan(previous);
        previous = since;
      }
    });

    it(`a broken chain of ${MID} declared ${order}: nothing comes up`, () => {
      const { final } = run(brokenChain(MID, order));
      expect(states(final)).toEqual(new Map([['offline', MID]]));
    });
  }

  it(`a require_all cycle of ${MID}: the instance that closes it goes to maintenance with the whole cycle, the rest wait`, () => {
    const { final } = run(cycle(MID));
    expect(states(final)).toEqual(new Map([['maintenance', 1], ['offline', MID - 1]]));
    const closing = [...final.values()].find((s) => s.state === 'maintenance');
    expect(closing?.aux).toBe('dependency_cycle');
    // The cycle names every member once, plus the closing instance again at the end.
    expect(new Set(closing?.cycle).size).toBe(MID);
  });

  it(`fan-in: ${MID} services on one missing service all wait`, () => {
    const { final } = run(fanIn(MID));
    expect(states(final)).toEqual(new Map([['offline', MID]]));
  });

  it(`fan-in: ${MID} services on one present service all come up after it`, () => {
    const { final } = run(fanIn(MID, false));
    expect(states(final)).toEqual(new Map([['online', MID + 1]]));
    const hub = final.get('svc:/hostile/hub:default')?.since ?? Infinity;
    for (let k = 0; k < MID; k++) expect(final.get(`svc:/hostile/s${k}:default`)?.since).toBeGreaterThan(hub);
  });

  it(`fan-out: one service on ${MID} comes up after all of them`, () => {
    const { final } = run(fanOut(MID));
    expect(states(final)).toEqual(new Map([['online', MID + 1]]));
    const top = final.get('svc:/hostile/top:default')?.since ?? -1;
    for (let k = 0; k < MID; k++) expect(final.get(`svc:/hostile/s${k}:default`)?.since).toBeLessThan(top);
  });

  it('flat 10,000: everything comes up, and the trace is not called unsettled', () => {
    const { trace, final } = run(flat(10_000));
    expect(states(final)).toEqual(new Map([['online', 10_000]]));
    expect(trace.diagnostics.filter((d) => /settle/.test(d))).toEqual([]);
  });
});

describe('hostile input: sizes are refused with a message naming the limit', () => {
  const fields = [
    ['name', LIMITS.name, '$.name'],
    ['description', LIMITS.description, '$.description'],
    ['exec', LIMITS.command, '$.services[0].start.exec'],
    ['common_name', LIMITS.string, '$.services[0].common_name'],
  ] as const;
  for (const [field, limit, path] of fields) {
    it(`a ${field} one character over ${limit} is refused at ${path}; at the limit it is accepted`, () => {
      const over = validateScenario(oversizedString(field, limit + 1));
      expect(over.ok).toBe(false);
      if (!over.ok) {
        expect(over.errors[0]?.path).toBe(path);
        expect(over.errors[0]?.message).toContain(limit.toLocaleString('en-US'));
      }
      expect(validateScenario(oversizedString(field, limit)).ok).toBe(true);
    });
  }

  it(`an FMRI over ${LIMITS.fmri} characters is refused naming the limit (SMF's own service-name limit refuses shorter ones)`, () => {
    const v = validateScenario(oversizedString('fmri', LIMITS.fmri + 1));
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors[0]).toEqual({ path: '$.services[0].fmri', message: expect.stringContaining(LIMITS.fmri.toLocaleString('en-US')) });
  });

  it('a 200 MB-style name (here 5,000,000 characters) is refused by the shape check before anything else reads it', () => {
    const v = validateScenario(oversizedString('name', 5_000_000));
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors[0]).toEqual({ path: '$.name', message: expect.stringContaining('5,000,000 characters') });
  });

  it(`JSON nested deeper than ${LIMITS.depth} levels is refused with its path, and so is a deep list (JSON.stringify would overflow on both)`, () => {
    const deep = validateScenario(JSON.parse(deepJsonText(100_000)));
    expect(deep.ok).toBe(false);
    if (!deep.ok) {
      expect(deep.errors[0]?.message).toContain(`more than ${LIMITS.depth} levels`);
      expect(deep.errors[0]?.path.startsWith('$.source.a.a')).toBe(true);
    }
    const shallow = validateScenario(JSON.parse(deepJsonText(3)));
    expect(shallow.ok).toBe(false); // "source" must hold strings: still a clear message, not a crash
    if (!shallow.ok) expect(shallow.errors[0]?.path).toBe('$.source');
    expect(validateScenario(JSON.parse(deepArrayText(100_000))).ok).toBe(false);
  });

  it(`more than ${LIMITS.services.toLocaleString('en-US')} services are refused with the limit`, () => {
    const v = validateScenario({ format: 'bootgraph/1', name: 'too many', services: Array.from({ length: LIMITS.services + 1 }, (_, i) => ({ fmri: `svc:/x/s${i}` })) });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.errors[0]?.message).toContain('100,000');
  });

  it('the link expansion bomb (5,800 characters → 5,000,000) is refused before it is expanded, naming the limit', () => {
    const fragment = readFileSync('fixtures/hostile/expansion-bomb.link', 'utf8').trim();
    expect(fragment.length).toBeLessThan(10_000);
    const before = process.memoryUsage().heapUsed;
    const r = decodeShareFragment(fragment);
    expect(r).toEqual({ ok: false, reason: 'too-long', message: expect.stringContaining('4,000,000 characters') });
    // Nothing of the 5,000,000 characters was built (a UTF-16 string of them alone is 10 MB).
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(8_000_000);
  });

  it('a link holding deeply nested JSON says where, and is not kept', () => {
    const fragment = `v1.${LZ.compressToEncodedURIComponent(`{"p":"demo-restart-on","x":${deepArrayText(5_000)}}`)}`;
    const r = decodeShareFragment(fragment);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(`more than ${LIMITS.depth} levels`);
  });
});

describe(`the app opens at most ${APP_SERVICE_LIMIT.toLocaleString('en-US')} services, and says so up front`, () => {
  const over = flat(APP_SERVICE_LIMIT + 1);
  const message = `${(APP_SERVICE_LIMIT + 1).toLocaleString('en-US')} services are more than bootgraph opens in the browser (${APP_SERVICE_LIMIT.toLocaleString('en-US')})`;

  it('a link of one service more is refused with the limit and the way out (the CLI)', () => {
    const r = decodeShareFragment(`v1.${LZ.compressToEncodedURIComponent(JSON.stringify({ s: over }))}`);
    expect(r).toEqual({ ok: false, reason: 'too-long', message: expect.stringContaining(message) });
    if (!r.ok) expect(r.message).toContain('npm run simulate');
    expect(decodeShareFragment(`v1.${LZ.compressToEncodedURIComponent(JSON.stringify({ s: flat(APP_SERVICE_LIMIT) }))}`).ok).toBe(true);
  });

  it('a scenario file of one service more is refused before anything is simulated', async () => {
    const text = JSON.stringify(over);
    const r = await openScenarioFile({ name: 'big.json', size: text.length, text: () => Promise.resolve(text) });
    expect(r).toEqual({ kind: 'error', message: expect.stringContaining(`big.json: ${message}`) });
  });
});

