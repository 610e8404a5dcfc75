/**
 * Issue 18: a link's instant past the end of its boot opens at the end, with
 * a notice naming both instants; an instant inside the boot is left alone and
 * says nothing; the check happens once per link, after the boot is simulated.
 * A Compare link whose condition the scenario lacks (or whose value the
 * condition cannot take) compares what the Compare view picks instead, and
 * the notice names both.
 */
import { describe, expect, it } from 'vitest';
import { findHazards } from '../engine/hazards.ts';
import { tourForPreset } from '../teaching/tours/index.ts';
import { createSession } from './create-session.ts';
import { applySession } from './persistence/session-io.ts';
import type { SessionState, ViewLayout } from './document.ts';

const link = (playhead: number, layout?: ViewLayout, preset = 'demo-restart-on'): SessionState => ({ version: 1, source: { kind: 'preset', id: preset }, conditions: {}, interventions: [], boot: 0, playhead, ...(layout === undefined ? {} : { layout }) });
const comparing = (id: string, value: string): ViewLayout => ({ centreView: 'compare', compare: { kind: 'condition', id, value } });

async function opened(playhead: number, layout?: ViewLayout, preset?: string) {
  const s = createSession();
  applySession(s, link(playhead, layout, preset));
  await s.runs.whenSettled();
  const end = s.runs.current()?.trace.endTime;
  if (end === undefined) throw new Error('no run');
  return { s, end };
}

describe('a link instant checked against its boot', () => {
  it('past the end: the end, and a notice with both instants', async () => {
    const { s, end } = await opened(999_999_000);
    const ui = s.ui.getState();
    expect(ui.playhead).toBe(end);
    expect(ui.linkCheck).toBe(false);
    expect(ui.linkNotice?.text).toMatch(/The link's instant \(16666 min 39\.000 s\) is past the end of this boot \(.+\): showing the end\./);
    s.dispose();
  });

  it('inside the boot: unchanged, no notice', async () => {
    const { s, end } = await opened(1000);
    expect(end).toBeGreaterThan(1000);
    expect(s.ui.getState().playhead).toBe(1000);
    expect(s.ui.getState().linkNotice).toBeUndefined();
    s.dispose();
  });

  it('only a link instant: the user moving past the end later is not clamped by it', async () => {
    const { s, end } = await opened(1000);
    s.ui.getState().setPlayhead(end + 5000);
    s.doc.getState().replace({ ...link(0), conditions: { 'boot.mode': 'single' } });
    await s.runs.whenSettled();
    expect(s.ui.getState().playhead).toBe(end + 5000);
    expect(s.ui.getState().linkNotice).toBeUndefined();
    s.dispose();
  });

  it('a Compare condition the scenario does not have: Compare changes another, and the notice names both', async () => {
    const { s } = await opened(0, comparing('devices.no-such-thing', 'late'));
    const ui = s.ui.getState();
    const spec = ui.compare;
    if (spec.kind !== 'condition') throw new Error(`compare is ${spec.kind}`);
    expect(spec.id).not.toBe('devices.no-such-thing');
    // What Compare now changes is a condition of this scenario, set to a value other than its own.
    const def = s.runs.current()?.conditions.find((c) => c.id === spec.id);
    expect(def).toBeDefined();
    expect(def?.value).not.toBe(spec.value);
    const label = def?.options.find((o) => o.value === spec.value)?.label ?? '';
    expect(ui.linkNotice?.text).toBe(`The link compares with the condition "devices.no-such-thing" changed, which this scenario does not have: comparing with ${def?.label}: ${label} instead.`);
    expect(ui.centreView).toBe('compare');
    s.dispose();
  });

  it('a value the condition cannot take: the condition is kept, the notice says which value is compared', async () => {
    const { s } = await opened(0, comparing('boot.mode', 'bogus'));
    const ui = s.ui.getState();
    expect(ui.compare).toMatchObject({ kind: 'condition', id: 'boot.mode' });
    expect(ui.compare).not.toMatchObject({ value: 'bogus' });
    expect(ui.linkNotice?.text).toMatch(/^The link compares with Boot command set to "bogus", which it cannot be set to here: comparing with Boot command: boot .+ instead\.$/);
    s.dispose();
  });

  it('a Compare condition the scenario has, and an instant in the boot: no notice', async () => {
    const { s } = await opened(1000, comparing('boot.mode', 'single'));
    expect(s.ui.getState().compare).toEqual({ kind: 'condition', id: 'boot.mode', value: 'single' });
    expect(s.ui.getState().linkNotice).toBeUndefined();
    s.dispose();
  });

  it('both wrong: one notice with both sentences', async () => {
    const { s } = await opened(999_999_000, comparing('nope', 'x'));
    expect(s.ui.getState().linkNotice?.text).toMatch(/past the end of this boot .* The link compares with the condition "nope" changed/);
    s.dispose();
  });

  it("a picked hazard the boot has stays picked; one it does not have is dropped with a notice naming its object (issue 17's panel)", async () => {
    const race = 'demo-race-on-a-file';
    const first = await opened(0, undefined, race);
    const trace = first.s.runs.current()?.trace;
    if (trace === undefined) throw new Error('no run');
    const real = findHazards(trace).hazards[0]?.id;
    if (real === undefined) throw new Error('the race demo has no hazard');
    first.s.dispose();
    const kept = await opened(0, { hazardPick: real, hazardsOnGraph: true }, race);
    expect(kept.s.ui.getState()).toMatchObject({ hazardPick: real, hazardsOnGraph: true, linkNotice: undefined });
    kept.s.dispose();
    const gone = await opened(0, { hazardPick: 'unordered-use|path:/etc/nosuch|svc:/a:default|svc:/b:default' }, race);
    expect(gone.s.ui.getState().hazardPick).toBeUndefined();
    expect(gone.s.ui.getState().linkNotice?.text).toBe('The link picks a hazard on "path:/etc/nosuch" that this boot does not have: no hazard is marked.');
    gone.s.dispose();
  });

  it("a link's tour: kept when it is this scenario's; an unknown tour or another scenario's is not opened, a step past the last opens the last, each with a notice", async () => {
    const lesson = 'lesson-maintenance';
    const tour = tourForPreset(lesson);
    if (tour === undefined) throw new Error('no tour for the lesson');
    const open = async (at: { id: string; step: number }, preset = lesson) => {
      const s = createSession();
      applySession(s, { ...link(0, undefined, preset), tour: at });
      await s.runs.whenSettled();
      return s;
    };
    const ok = await open({ id: tour.id, step: 1 });
    expect(ok.ui.getState()).toMatchObject({ tour: { id: tour.id, step: 1 }, linkNotice: undefined });
    ok.dispose();
    const unknown = await open({ id: 'lesson-from-the-future', step: 0 });
    expect(unknown.ui.getState().tour).toBeUndefined();
    expect(unknown.ui.getState().linkNotice?.text).toBe('The link opens a tour this bootgraph does not have ("lesson-from-the-future"): no tour is open.');
    unknown.dispose();
    const elsewhere = await open({ id: tour.id, step: 0 }, 'demo-restart-on');
    expect(elsewhere.ui.getState().tour).toBeUndefined();
    expect(elsewhere.ui.getState().linkNotice?.text).toBe(`The link opens the tour "${tour.title}" on another scenario than its own: no tour is open.`);
    elsewhere.dispose();
    const past = await open({ id: tour.id, step: 40 });
    expect(past.ui.getState().tour).toEqual({ id: tour.id, step: tour.steps.length - 1 });
    expect(past.ui.getState().linkNotice?.text).toBe(`The link opens step 41 of the tour "${tour.title}", which has ${tour.steps.length}: showing the last.`);
    past.dispose();
  });
});
