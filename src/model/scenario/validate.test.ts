import { describe, expect, it } from 'vitest';
import { validateScenario } from './validate.ts';

const base = { format: 'bootgraph/1', name: 'x' };

describe('validateScenario', () => {
  it('accepts a minimal scenario and reports unknown fields as warnings, not errors', () => {
    const v = validateScenario({ ...base, services: [{ fmri: 'svc:/a' }], colour: 'red' });
    expect(v.ok).toBe(true);
    expect(v.warnings).toEqual([{ path: '$.colour', message: 'unknown field "colour" is ignored' }]);
  });

  it('names the JSON path of every problem', () => {
    const v = validateScenario({
      ...base,
      services: [
        { fmri: 'svc:/a:default' },
        { fmri: 'svc:/b', start: { exit: 300 } },
        { fmri: 'svc:/c', dependencies: [{ name: 'x', grouping: 'require_all', restart_on: 'sometimes', targets: [] }] },
      ],
      actions: [{ at: 10, run: 'svcadm frobnicate svc:/a' }],
    });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.errors.map((e) => e.path)).toEqual([
      '$.services[0].fmri',
      '$.services[1].start.exit',
      '$.services[2].dependencies[0].restart_on',
      '$.services[2].dependencies[0].targets',
      '$.actions[0].run',
    ]);
    expect(v.errors[0]?.message).toContain('names an instance; give the service FMRI (svc:/a)');
  });

  it('rejects a group mixing svc:/ and file:// targets, and type mismatches', () => {
    const v = validateScenario({
      ...base,
      services: [{ fmri: 'svc:/a', dependencies: [{ name: 'x', grouping: 'require_all', restart_on: 'none', targets: ['svc:/b', 'file:///etc/x'] }] }],
    });
    expect(v.ok).toBe(false);
  });

  it('rejects non-objects, duplicates and bad milestones with clear messages', () => {
    expect(validateScenario('hello')).toMatchObject({ ok: false, errors: [{ path: '$', message: 'a scenario must be a JSON object, not "hello"' }] });
    const dup = validateScenario({ ...base, services: [{ fmri: 'svc:/a' }, { fmri: 'svc:/a' }] });
    expect(dup.ok || dup.errors[0]?.message).toBe('service svc:/a is declared twice');
    const ms = validateScenario({ ...base, milestone: 'svc://x', services: [] });
    expect(ms.ok).toBe(false);
  });
});
