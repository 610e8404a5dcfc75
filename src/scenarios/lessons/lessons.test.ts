/**
 * The "Learn SMF" lessons (issue 18): at least eight, one per idea of SMF the
 * issue lists, each small enough to read at the default zoom, each with a
 * tour whose try-it the model answers (src/teaching/tours.test.ts checks the
 * one right answer). The outcome each lesson teaches is asserted here from
 * the engine's trace, so a change to the engine that breaks a lesson's story
 * fails a test.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../engine/simulate.ts';
import { createSeeker } from '../../engine/seek.ts';
import type { Trace } from '../../engine/trace.ts';
import { listConditions, setCondition } from '../../model/world/conditions.ts';
import { SMALL_GRAPH } from '../../model/world/conditions/services.ts';
import { tourForPreset } from '../../teaching/tours/index.ts';
import { presets } from '../catalog.ts';
import { nextBootScenario } from '../next-boot.ts';

const lessons = presets().filter((p) => p.group === 'lesson');

async function traceOf(id: string): Promise<Trace> {
  const p = presets().find((x) => x.id === id);
  if (p === undefined) throw new Error(`no preset ${id}`);
  return simulate(await p.load());
}

const stateAt = (t: Trace, fmri: string, at?: number): string | undefined => {
  const s = createSeeker(t);
  return (at === undefined ? s.atIndex(t.records.length - 1) : s.atTime(at)).get(fmri)?.state;
};

const reasonsOf = (t: Trace, fmri: string): string[] => t.records.flatMap((r) => (r.kind === 'status' && r.fmri === fmri && r.from !== r.to ? [`${r.to}:${r.reason}`] : []));

describe('Learn SMF lessons', () => {
  it('there are at least eight, each small, each with a tour', async () => {
    expect(lessons.length).toBeGreaterThanOrEqual(8);
    for (const p of lessons) {
      const s = await p.load();
      expect(s.services.length, p.id).toBeLessThanOrEqual(SMALL_GRAPH);
      expect(s.world, `${p.id}: a lesson has no world, so its "what if" knobs are offered`).toBeUndefined();
      expect(tourForPreset(p.id), p.id).toBeDefined();
    }
  });

  it('groupings: one group of each grouping; web starts although one cache is in maintenance', async () => {
    const p = lessons.find((x) => x.id === 'lesson-groupings');
    const s = await p?.load();
    const groupings = new Set(s?.services.flatMap((x) => (x.dependencies ?? []).map((d) => d.grouping)));
    expect([...groupings].sort()).toEqual(['exclude_all', 'optional_all', 'require_all', 'require_any']);
    const t = await traceOf('lesson-groupings');
    expect(stateAt(t, 'svc:/site/cache-a:default')).toBe('maintenance');
    expect(stateAt(t, 'svc:/site/web:default')).toBe('online');
  });

  it('restart_on: the admin restart stops only restart_on restart; the core dump also error; none never', async () => {
    const t = await traceOf('lesson-restart-on');
    const stops = (fmri: string) => t.records.filter((r) => r.kind === 'status' && r.fmri === fmri && r.from === 'online' && r.to === 'offline').map((r) => r.t);
    expect(stops('svc:/site/cache:default').length).toBe(2);
    expect(stops('svc:/site/app:default').length).toBe(1);
    expect(stops('svc:/site/app:default')[0]).toBeGreaterThan(7000);
    expect(stops('svc:/site/report:default')).toEqual([]);
  });

  it('milestones: svcadm milestone single-user disables web temporarily; milestone all brings it back', async () => {
    const t = await traceOf('lesson-milestones');
    expect(stateAt(t, 'svc:/site/web:default', 6000)).toBe('disabled');
    expect(stateAt(t, 'svc:/milestone/single-user:default', 6000)).toBe('online');
    expect(stateAt(t, 'svc:/site/web:default')).toBe('online');
  });

  it('maintenance: three failed starts, maintenance, then svcadm clear brings db and app online', async () => {
    const t = await traceOf('lesson-maintenance');
    expect(reasonsOf(t, 'svc:/site/db:default')).toContain('maintenance:fault_threshold_reached');
    expect(t.records.filter((r) => r.kind === 'method' && r.fmri === 'svc:/site/db:default' && r.phase === 'end' && r.exit === 1).length).toBe(3);
    expect(stateAt(t, 'svc:/site/app:default', 7000)).toBe('offline');
    expect(stateAt(t, 'svc:/site/app:default')).toBe('online');
  });

  it('cycles: the vertex closing the ring is in maintenance (dependency_cycle); those behind it wait', async () => {
    const t = await traceOf('lesson-cycles');
    expect(reasonsOf(t, 'svc:/site/audit:default')).toEqual(['maintenance:dependency_cycle']);
    expect(stateAt(t, 'svc:/site/portal:default')).toBe('offline');
    expect(stateAt(t, 'svc:/site/static:default')).toBe('online');
  });

  it('file dependencies: touch alone does not start app; svcadm refresh does', async () => {
    const t = await traceOf('lesson-file-dependencies');
    expect(stateAt(t, 'svc:/site/mailer:default')).toBe('online');
    expect(stateAt(t, 'svc:/site/app:default', 5000)).toBe('offline');
    expect(stateAt(t, 'svc:/site/web:default')).toBe('online');
  });

  it('delegated restarters: telnet waits for inetd, and stays offline when inetd cannot start', async () => {
    const t = await traceOf('lesson-delegated-restarters');
    const online = (f: string) => t.records.find((r) => r.kind === 'status' && r.fmri === f && r.to === 'online')?.t ?? -1;
    expect(online('svc:/network/telnet:default')).toBeGreaterThanOrEqual(online('svc:/network/inetd:default'));
    const p = lessons.find((x) => x.id === 'lesson-delegated-restarters');
    const s = await p?.load();
    if (s === undefined) throw new Error('no lesson');
    const r = setCondition(s, 'service.start:svc:/network/inetd:default', 'fails');
    if (!r.ok) throw new Error(r.error);
    expect(stateAt(simulate(r.scenario), 'svc:/network/telnet:default')).toBe('offline');
  });

  it('disable vs disable -t: after a reboot the temporary disable is gone, the persistent one stays', async () => {
    const p = lessons.find((x) => x.id === 'lesson-disable-temporary');
    const s = await p?.load();
    if (s === undefined) throw new Error('no lesson');
    const t = simulate(s);
    expect(stateAt(t, 'svc:/site/web:default')).toBe('disabled');
    expect(stateAt(t, 'svc:/site/ftp:default')).toBe('disabled');
    const next = nextBootScenario(s, t);
    if (!next.ok) throw new Error(next.error);
    const t2 = simulate(next.scenario);
    expect(stateAt(t2, 'svc:/site/web:default')).toBe('online');
    expect(stateAt(t2, 'svc:/site/ftp:default')).toBe('disabled');
  });

  for (const p of lessons) {
    it(`${p.id}: every "what if" option applies, reads back and simulates to quiescence`, async () => {
      const base = await p.load();
      const defs = listConditions(base).filter((c) => c.group === 'services');
      expect(defs.length).toBeGreaterThan(0);
      for (const c of defs) {
        for (const o of c.options) {
          if (o.value === c.value) continue;
          const r = setCondition(base, c.id, o.value);
          if (!r.ok) throw new Error(`${c.id}=${o.value}: ${r.error}`);
          expect(listConditions(r.scenario).find((x) => x.id === c.id)?.value, `${c.id}=${o.value}`).toBe(o.value);
          expect(simulate(r.scenario).quiescent, `${c.id}=${o.value}`).toBe(true);
        }
      }
    });
  }
});
