/** The "what if" conditions on services: listed for small world-less graphs, set on any, bad ids named. */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../scenario/types.ts';
import { listConditions, setCondition } from '../conditions.ts';

const small: Scenario = {
  format: 'bootgraph/1',
  name: 'small',
  services: [
    { fmri: 'svc:/a', start: { exit: [1, 1, 0] } },
    { fmri: 'svc:/b', instances: { one: { dependencies: [{ name: 'a', grouping: 'require_all', restart_on: 'none', targets: ['svc:/a:default'] }] } } },
    { fmri: 'svc:/c', dependencies: [{ name: 'conf', grouping: 'require_all', restart_on: 'none', targets: ['file://localhost/etc/c.conf'] }] },
  ],
  actions: [{ at: 5, run: 'svcadm disable -t svc:/a:default' }, { at: 6, run: 'svcadm restart svc:/a:default' }],
};

describe('service conditions', () => {
  it('lists start, grouping, restart_on, files and svcadm -t for a small graph', () => {
    const ids = listConditions(small).filter((c) => c.group === 'services').map((c) => `${c.id}=${c.value}`);
    expect(ids).toEqual([
      'service.start:svc:/a:default=as-written',
      'service.start:svc:/b:one=ok',
      'service.start:svc:/c:default=ok',
      'dependency.grouping:svc:/b:one#a=require_all',
      'dependency.restart_on:svc:/b:one#a=none',
      'dependency.grouping:svc:/c#conf=require_all',
      'dependency.restart_on:svc:/c#conf=none',
      'file:/etc/c.conf=absent',
      'action.temporary:0=temporary',
    ]);
  });

  it('lists nothing for a graph with a world or more than twelve services', () => {
    expect(listConditions({ ...small, world: {} }).filter((c) => c.group === 'services')).toEqual([]);
    const big = { ...small, services: Array.from({ length: 13 }, (_, i) => ({ fmri: `svc:/s${i}` })) };
    expect(listConditions(big).filter((c) => c.group === 'services')).toEqual([]);
  });

  it('rewrites what it names, and only that', () => {
    const a = setCondition(small, 'service.start:svc:/b:one', 'fails');
    expect(a.ok && a.scenario.services[1]?.instances?.['one']?.start?.exit).toBe(1);
    expect(a.ok && a.scenario.services[1]?.instances?.['one']?.dependencies?.length).toBe(1);
    const b = setCondition(small, 'dependency.grouping:svc:/c#conf', 'optional_all');
    expect(b.ok && b.scenario.services[2]?.dependencies?.[0]?.grouping).toBe('optional_all');
    const f = setCondition(small, 'file:/etc/c.conf', 'present');
    expect(f.ok && f.scenario.files).toEqual(['/etc/c.conf']);
    const t = setCondition(small, 'action.temporary:0', 'persistent');
    expect(t.ok && t.scenario.actions?.[0]?.run).toBe('svcadm disable svc:/a:default');
    const back = t.ok ? setCondition(t.scenario, 'action.temporary:0', 'temporary') : t;
    expect(back.ok && back.scenario.actions?.[0]?.run).toBe('svcadm disable -t svc:/a:default');
    const same = setCondition(small, 'service.start:svc:/a:default', 'as-written');
    expect(same.ok && same.scenario).toBe(small);
  });

  it('names the problem for ids and values it does not know', () => {
    const err = (id: string, v: string) => {
      const r = setCondition(small, id, v);
      return r.ok ? 'ok' : r.error;
    };
    expect(err('service.start:svc:/zz:default', 'ok')).toMatch(/no instance svc:\/zz:default/);
    expect(err('service.start:svc:/a:default', 'sometimes')).toMatch(/unknown option "sometimes"/);
    expect(err('dependency.grouping:svc:/c#nope', 'require_any')).toMatch(/no dependency "nope"/);
    expect(err('dependency.grouping:svc:/c#conf', 'require_some')).toMatch(/unknown option/);
    expect(err('file:/etc/other', 'present')).toMatch(/no dependency of this scenario names/);
    expect(err('action.temporary:1', 'temporary')).toMatch(/not an svcadm enable or disable/);
  });
});
