/**
 * The Chrome/Perfetto export parses as trace-event JSON (the JSON Object
 * Format: a traceEvents array of events with name, ph, pid, tid, ts in µs),
 * with exactly one named track per instance, every method run as a complete
 * span on its instance's track, and every change of state as an instant.
 * Every file the exporter writes — each preset, lesson and real graph, and
 * generated boots with failures, timeouts and administrator commands — obeys
 * the format's field and phase rules and nests every service's spans, as an
 * independent checker (src/testing/trace-event-format.ts) reads them; the
 * checker is itself shown to catch each kind of mistake.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from '../engine/simulate.ts';
import type { ActionSpec, Scenario, ServiceSpec } from '../model/scenario/types.ts';
import { findPreset, presets } from '../scenarios/catalog.ts';
import { badNesting, traceEventProblems } from '../testing/trace-event-format.ts';
import { traceEventsText } from './trace-events.ts';

interface Parsed {
  traceEvents: { name: string; ph: string; pid: number; tid: number; ts?: number; dur?: number; cat?: string; s?: string; args?: Record<string, unknown> }[];
  displayTimeUnit?: string;
}

async function exported(id: string) {
  const p = findPreset(id);
  if (p === undefined) throw new Error(id);
  const trace = simulate(await p.load());
  const parsed = JSON.parse(traceEventsText(trace)) as Parsed;
  return { trace, parsed };
}

describe('trace-event export', () => {
  for (const id of ['clearview-ipmp-first-boot', 'lesson-restart-on', 'lesson-maintenance']) {
    it(`${id}: valid trace-event JSON, one track per instance, method spans and state instants`, async () => {
      const { trace, parsed } = await exported(id);
      expect(Array.isArray(parsed.traceEvents)).toBe(true);
      for (const e of parsed.traceEvents) {
        expect(typeof e.name).toBe('string');
        expect(['M', 'X', 'i']).toContain(e.ph);
        expect(Number.isInteger(e.pid) && Number.isInteger(e.tid)).toBe(true);
        if (e.ph !== 'M') expect(Number.isFinite(e.ts) && (e.ts ?? -1) >= 0).toBe(true);
        if (e.ph === 'X') expect((e.dur ?? -1) >= 0).toBe(true);
        if (e.ph === 'i') expect(['t', 'p', 'g']).toContain(e.s);
      }
      const threads = parsed.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name');
      const names = threads.map((e) => String(e.args?.['name']));
      const tracks = trace.instances.map((i) => names.filter((n) => n === i.fmri || n.startsWith(`${i.fmri} (`)).length);
      // Exactly one track per instance, and each track a distinct thread.
      expect(tracks.every((n) => n === 1)).toBe(true);
      expect(new Set(threads.map((e) => e.tid)).size).toBe(threads.length);
      const tidOf = new Map(threads.map((e) => [String(e.args?.['name']).split(' ')[0], e.tid]));
      // Every method run of the trace is a span on its instance's track, as long as it ran.
      const ends = trace.records.filter((r) => r.kind === 'method' && r.phase === 'end');
      const spans = parsed.traceEvents.filter((e) => e.ph === 'X');
      expect(spans.length).toBe(trace.records.filter((r) => r.kind === 'method' && r.phase === 'begin').length);
      for (const r of ends) {
        if (r.kind !== 'method') continue;
        const hit = spans.find((e) => e.tid === tidOf.get(r.fmri) && e.name === r.method && (e.ts ?? 0) + (e.dur ?? 0) === r.t * 1000);
        expect(hit, `${r.fmri} ${r.method} at ${r.t}`).toBeDefined();
      }
      // Every change of state is an instant on its track, at its time.
      const changes = trace.records.filter((r) => r.kind === 'status' && (r.from !== r.to || r.fromNext !== r.next));
      const instants = parsed.traceEvents.filter((e) => e.ph === 'i' && e.cat === 'state');
      expect(instants.length).toBe(changes.length);
      for (const r of changes) {
        if (r.kind !== 'status') continue;
        expect(instants.some((e) => e.tid === tidOf.get(r.fmri) && e.ts === r.t * 1000 && e.args?.['to'] === r.to), `${r.fmri} → ${r.to} at ${r.t}`).toBe(true);
      }
    });
  }

  it('a method still running when the trace ends is a span to the end, marked unfinished', async () => {
    const p = findPreset('lesson-maintenance');
    const s = await p?.load();
    if (s === undefined) throw new Error('no lesson');
    const trace = simulate({ ...s, until: 300 });
    const parsed = JSON.parse(traceEventsText(trace)) as Parsed;
    const open = parsed.traceEvents.filter((e) => e.ph === 'X' && e.args?.['unfinished'] === true);
    expect(open.length).toBeGreaterThan(0);
    for (const e of open) expect((e.ts ?? 0) + (e.dur ?? 0)).toBe(trace.endTime * 1000);
  });

  it('every built-in scenario exports a file the format checker accepts (fields, phases, nesting per service)', async () => {
    for (const p of presets()) {
      const file: unknown = JSON.parse(traceEventsText(simulate(await p.load())));
      expect(traceEventProblems(file), p.id).toEqual([]);
    }
  });

  it('generated boots with failures, timeouts, restarts and administrator commands export valid, nested spans', () => {
    const COMMANDS = ['restart', 'disable', 'disable -t', 'enable', 'clear', 'refresh', 'mark maintenance'] as const;
    const arb = fc.integer({ min: 2, max: 8 }).chain((n) =>
      fc.record({
        services: fc.array(
          fc.record({
            deps: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: 2 }),
            restartOn: fc.constantFrom('none' as const, 'error' as const, 'restart' as const, 'refresh' as const),
            duration: fc.integer({ min: 0, max: 400 }),
            exit: fc.constantFrom(0, 0, 1, 95),
            timeout: fc.constantFrom(0, 150, 1000),
            stop: fc.integer({ min: 0, max: 300 }),
            model: fc.constantFrom('contract' as const, 'transient' as const),
          }),
          { minLength: n, maxLength: n },
        ),
        actions: fc.array(fc.record({ at: fc.integer({ min: 0, max: 3000 }), cmd: fc.constantFrom(...COMMANDS), target: fc.integer({ min: 0, max: n - 1 }) }), { maxLength: 6 }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ services, actions }) => {
        const specs: ServiceSpec[] = services.map((s, i) => ({
          fmri: `svc:/gen/s${i}`,
          model: s.model,
          start: { duration: s.duration, exit: s.exit, timeout: s.timeout },
          stop: { duration: s.stop },
          dependencies: s.deps.filter((t) => t !== i).map((t, k) => ({ name: `d${k}`, grouping: 'require_all' as const, restart_on: s.restartOn, targets: [`svc:/gen/s${t}:default`] })),
        }));
        const acts: ActionSpec[] = actions.map((a) => ({ at: a.at, run: `svcadm ${a.cmd} svc:/gen/s${a.target}:default` }));
        const scenario: Scenario = { format: 'bootgraph/1', name: 'generated', services: specs, actions: acts, until: 20_000 };
        const problems = traceEventProblems(JSON.parse(traceEventsText(simulate(scenario))));
        expect(problems).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('the trace-event format checker catches what the importers reject', () => {
  const ok = {
    traceEvents: [
      { name: 'thread_name', ph: 'M', pid: 1, tid: 10, args: { name: 'svc:/a:default' } },
      { name: 'start', ph: 'X', pid: 1, tid: 10, ts: 0, dur: 100 },
      { name: 'online', ph: 'i', s: 't', pid: 1, tid: 10, ts: 100 },
    ],
    displayTimeUnit: 'ms',
  };
  const withEvents = (...extra: object[]): object => ({ ...ok, traceEvents: [...ok.traceEvents, ...extra] });

  it('accepts a well-formed file', () => {
    expect(traceEventProblems(ok)).toEqual([]);
  });

  it('rejects a file that is not the JSON Object Format', () => {
    expect(traceEventProblems([])).toEqual(['the file is not a JSON object']);
    expect(traceEventProblems({ events: [] })).toEqual(['traceEvents is not an array']);
    expect(traceEventProblems({ ...ok, displayTimeUnit: 'us' })).toEqual(['displayTimeUnit is neither "ms" nor "ns"']);
  });

  it('rejects each missing or mistyped field', () => {
    const cases: [object, RegExp][] = [
      [{ ph: 'i', pid: 1, tid: 10, ts: 5 }, /name is not a string/],
      [{ name: 'a', ph: 'i', pid: '1', tid: 10, ts: 5 }, /pid and tid are not integers/],
      [{ name: 'a', ph: 'X', pid: 1, tid: 11, ts: 5 }, /a complete event needs ts and dur/],
      [{ name: 'a', ph: 'X', pid: 1, tid: 11, ts: -1, dur: 3 }, /a complete event needs ts and dur/],
      [{ name: 'a', ph: 'i', pid: 1, tid: 10, ts: 5, s: 'x' }, /scope "x" is not g, p or t/],
      [{ name: 'a', ph: 'i', pid: 1, tid: 10, ts: 5, dur: 2 }, /an instant has no dur/],
      [{ name: 'a', ph: 'i', pid: 1, tid: 10 }, /an instant needs ts/],
      [{ name: 'thread_name', ph: 'M', pid: 1, tid: 12, args: { title: 'x' } }, /argument is missing/],
      [{ name: 'thread_sort_index', ph: 'M', pid: 1, tid: 12, args: { sort_index: 1.5 } }, /argument is missing/],
      [{ name: 'thread_colour', ph: 'M', pid: 1, tid: 12, args: {} }, /not a metadata event/],
      [{ name: 'thread_name', ph: 'M', pid: 1, tid: 10, args: { name: 'again' } }, /named twice/],
      [{ name: 'a', ph: 'E', pid: 1, tid: 13, ts: 5 }, /an end with no begin/],
      [{ name: 'a', ph: 'B', pid: 1, tid: 13, ts: 5 }, /never end/],
      [{ name: 'a', ph: 'Q', pid: 1, tid: 10, ts: 5 }, /phase "Q"/],
      [{ name: 'a', ph: 'i', pid: 1, tid: 10, ts: 5, args: 'text' }, /args is not an object/],
    ];
    for (const [event, message] of cases) {
      const problems = traceEventProblems(withEvents(event));
      expect(problems, JSON.stringify(event)).toHaveLength(1);
      expect(problems[0]).toMatch(message);
    }
  });

  it('rejects spans of one thread that overlap without nesting, and accepts nested, touching and other-thread ones', () => {
    expect(traceEventProblems(withEvents({ name: 'stop', ph: 'X', pid: 1, tid: 10, ts: 50, dur: 100 }))).toEqual([
      'thread 1/10: "stop" [50, 150] overlaps "start" [0, 100] without nesting in it',
    ]);
    expect(traceEventProblems(withEvents({ name: 'inner', ph: 'X', pid: 1, tid: 10, ts: 20, dur: 80 }, { name: 'after', ph: 'X', pid: 1, tid: 10, ts: 100, dur: 0 }))).toEqual([]);
    expect(traceEventProblems(withEvents({ name: 'elsewhere', ph: 'X', pid: 1, tid: 11, ts: 50, dur: 100 }))).toEqual([]);
  });

  it('nesting: the same start, longest first; a span ending exactly where its parent ends is inside it', () => {
    const span = (name: string, ts: number, end: number) => ({ name, ts, end });
    expect(badNesting([span('short', 0, 5), span('long', 0, 10), span('tail', 5, 10)])).toEqual([]);
    expect(badNesting([span('a', 0, 10), span('b', 2, 8), span('c', 7, 12)]).map(([o, i]) => [o.name, i.name])).toEqual([['b', 'c']]);
  });
});
