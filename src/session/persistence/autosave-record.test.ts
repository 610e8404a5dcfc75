import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import scenario from '../../scenarios/presets/demo-restart-on.ts';
import { AUTOSAVE_FORMAT, decodeAutosave, encodeAutosave, type AutosaveRecord } from './autosave-record.ts';

/** What the encoder must equal once parsed: the whole record stringified at once. */
const plain = (r: AutosaveRecord): unknown => JSON.parse(JSON.stringify({ format: AUTOSAVE_FORMAT, ...r })) as unknown;

const json = fc.jsonValue({ maxDepth: 3 });
const smallState = fc.record({ c: fc.dictionary(fc.string(), fc.string()), t: fc.nat(), sel: fc.string(), q: json }, { requiredKeys: [] });
const record = fc.record(
  {
    state: fc.tuple(smallState, fc.option(fc.dictionary(fc.string(), json), { nil: undefined })).map(([small, s]) => (s === undefined ? small : { ...small, s })),
    imported: fc.record({ files: fc.array(fc.string()), findings: fc.array(json) }),
    savedAt: fc.string(),
  },
  { requiredKeys: ['state'] },
);

describe('encodeAutosave (reuses the text of the scenario and the findings)', () => {
  it('parses to exactly what stringifying the whole record gives (fast-check)', () => {
    fc.assert(
      fc.property(record, (r) => {
        const rec = r as unknown as AutosaveRecord;
        expect(JSON.parse(encodeAutosave(rec))).toEqual(plain(rec));
        // Again, from the reused text.
        expect(JSON.parse(encodeAutosave(rec))).toEqual(plain(rec));
      }),
    );
  });

  it('round-trips a whole built-in scenario through decodeAutosave', () => {
    const rec: AutosaveRecord = { state: { s: scenario, t: 1200, sel: 'svc:/site/db:default' }, savedAt: '2026-12-05T15:00:00.000Z' };
    expect(decodeAutosave(encodeAutosave(rec))).toEqual(decodeAutosave(JSON.stringify({ format: AUTOSAVE_FORMAT, ...rec })));
    expect(decodeAutosave(encodeAutosave(rec))?.state.t).toBe(1200);
  });

  it('stringifies a scenario once however often the playhead moves', () => {
    let stringified = 0;
    const scenario = { name: 'x', services: [], toJSON: () => (stringified++, { name: 'x', services: [] }) };
    for (const t of [0, 100, 200]) {
      const text = encodeAutosave({ state: { s: scenario as never, t } });
      expect((JSON.parse(text) as { state: { t: number } }).state.t).toBe(t);
    }
    expect(stringified).toBe(1);
    // Another scenario object (an edit replaces it) is stringified afresh.
    encodeAutosave({ state: { s: { ...scenario } as never, t: 300 } });
    expect(stringified).toBe(2);
  });
});
