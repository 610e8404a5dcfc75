import { describe, expect, it } from 'vitest';
import { simulate } from '../engine/index.ts';
import { presets } from '../scenarios/catalog.ts';
import { deriveRun } from './derive-run.ts';
import { checkScenarioText, describeProblem, describeProblems, fileSlug, scenarioFileText } from './scenario-file.ts';

describe('checking scenario text (the editor and Open file)', () => {
  it('a JSON syntax error has its line and column', () => {
    const r = checkScenarioText('{\n  "format": "bootgraph/1",\n  "name": "x"\n  "services": []\n}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ severity: 'error', line: 4, column: 3 });
    expect(r.errors[0]?.message).toContain('expected');
    expect(describeProblem(r.errors[0] ?? { severity: 'error', message: '' })).toMatch(/^line 4, column 3: Not valid JSON/);
  });

  it('a text that ends too soon says so', () => {
    const r = checkScenarioText('{"format": "bootgraph/1", "services": [');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.message).toContain('the end of the text');
  });

  it('validation problems carry the JSON path and where it is written', () => {
    const text = scenarioFileText({
      format: 'bootgraph/1',
      name: 'x',
      services: [{ fmri: 'svc:/a' }, { fmri: 'svc:/b', dependencies: [{ name: 'd', grouping: 'require_all', restart_on: 'none', targets: ['svc:/a'] }] }],
    }).replace('"require_all"', '"require_most"');
    const r = checkScenarioText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = r.errors.find((x) => x.path === '$.services[1].dependencies[0].grouping');
    expect(e).toBeDefined();
    expect(e?.message).toContain('unknown grouping');
    const line = text.split('\n').findIndex((l) => l.includes('"grouping"')) + 1;
    expect(e?.line).toBe(line);
    expect(describeProblems('my.json', r.errors)).toContain('$.services[1].dependencies[0].grouping');
  });

  it('unknown fields are warnings, not errors; an empty text is an error', () => {
    const r = checkScenarioText('{"format": "bootgraph/1", "name": "x", "services": [{"fmri": "svc:/a", "colour": "red"}]}');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.warnings[0]).toMatchObject({ severity: 'warning', path: '$.services[0].colour' });
    expect(checkScenarioText('  ').ok).toBe(false);
  });

  it('adding a service and a dependency in the text gives a scenario that boots them', () => {
    const before = { format: 'bootgraph/1' as const, name: 'x', services: [{ fmri: 'svc:/site/a' }] };
    const edited = JSON.parse(scenarioFileText(before)) as { services: unknown[] };
    edited.services.push({ fmri: 'svc:/site/b', dependencies: [{ name: 'a', grouping: 'require_all', restart_on: 'none', targets: ['svc:/site/a'] }] });
    const r = checkScenarioText(JSON.stringify(edited, null, 2));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const t = simulate(r.scenario);
    expect(t.instances.map((i) => i.fmri)).toContain('svc:/site/b:default');
  });
});

describe('scenario files', () => {
  it('the downloaded file of every preset, with a condition changed and a command, reopens to the same boot', async () => {
    for (const p of presets()) {
      const base = await p.load();
      const first = deriveRun(base, { conditions: {}, interventions: [], boot: 0 });
      const cond = first.conditions.find((c) => c.options.length > 1);
      const other = cond?.options.find((o) => o.value !== cond.value);
      const doc = {
        conditions: cond === undefined || other === undefined ? {} : { [cond.id]: other.value },
        interventions: [{ at: 1, run: `svcadm restart ${first.trace.instances[0]?.fmri ?? 'svc:/a:default'}` }],
        boot: 0,
      };
      const run = deriveRun(base, doc);
      const text = scenarioFileText(run.scenario);
      const back = checkScenarioText(text);
      expect(back.ok, p.id).toBe(true);
      if (!back.ok) continue;
      const reopened = deriveRun(back.scenario, { conditions: {}, interventions: [], boot: 0 });
      expect(JSON.stringify(reopened.trace.records), p.id).toBe(JSON.stringify(run.trace.records));
    }
  });

  it('file names come from the scenario name', () => {
    expect(fileSlug('Clearview IPMP: first boot after upgrade')).toBe('clearview-ipmp-first-boot-after-upgrade');
    expect(fileSlug('<img src=x onerror=alert(1)>')).toBe('img-src-x-onerror-alert-1');
    expect(fileSlug('…')).toBe('scenario');
    expect(fileSlug('Café Ünïcode')).toBe('cafe-unicode');
  });
});
