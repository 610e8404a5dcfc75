/**
 * The Chrome/Perfetto export parses as trace-event JSON (the JSON Object
 * Format: a traceEvents array of events with name, ph, pid, tid, ts in µs),
 * with exactly one named track per instance, every method run as a complete
 * span on its instance's track, and every change of state as an instant.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../engine/simulate.ts';
import { findPreset } from '../scenarios/catalog.ts';
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
});
