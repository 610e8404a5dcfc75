/**
 * One test per lint case. Expected semantics come from docs/smf-semantics.md:
 * §1.2 (invalid dependency groups, EINVAL FMRIs, absent targets, cycles) and
 * §5 (EEXIST for `<dependent>`).
 */
import { describe, expect, it } from 'vitest';
import type { Scenario, ServiceSpec } from '../scenario/types.ts';
import { importBundles, formatFinding, type BundleSource, type Finding } from './bundle.ts';
import { lintScenario } from './lint.ts';

/** fixtures/bad/*.xml, by file name (Vite ?raw imports: no file system access from src/model). */
const BAD = import.meta.glob<string>('../../../fixtures/bad/*.xml', { query: '?raw', import: 'default', eager: true });
function badText(name: string): string {
  const text = BAD[`../../../fixtures/bad/${name}`];
  if (text === undefined) throw new Error(`fixtures/bad/${name} not found`);
  return text;
}
const bad = (name: string): BundleSource => ({ path: `fixtures/bad/${name}`, text: badText(name) });

function imported(...sources: BundleSource[]): { scenario: Scenario; findings: readonly Finding[] } {
  const r = importBundles(sources);
  if (r.scenario === undefined) throw new Error(`no scenario: ${r.unusable ?? ''}`);
  return { scenario: r.scenario, findings: r.findings };
}

function service(s: Scenario, fmri: string): ServiceSpec {
  const found = s.services.find((x) => x.fmri === fmri);
  if (found === undefined) throw new Error(`${fmri} not in scenario`);
  return found;
}

const codes = (fs: readonly Finding[]): string[] => fs.map((f) => f.code);

describe('unknown grouping, restart_on or type', () => {
  const { scenario, findings } = imported(bad('unknown-grouping.xml'));

  it('warns, naming the value, the expected ones and the maintenance consequence', () => {
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
    expect(codes(findings)).toEqual(['unknown-grouping', 'unknown-restart-on', 'unknown-dependency-type']);
    expect(formatFinding(findings[0] as Finding)).toBe(
      'fixtures/bad/unknown-grouping.xml:10:5: warning: dependency "network" has unknown grouping "require_most" ' +
        '(expected require_all, require_any, optional_all or exclude_all); svc.startd sends every instance of svc:/site/app ' +
        'to maintenance as invalid_dependency ("Has invalid dependency.", SMF-8000-JA)',
    );
    expect(findings[1]?.message).toBe(
      'dependency "clock" has unknown restart_on "sometimes" (expected none, error, restart or refresh); svc.startd sends every instance of svc:/site/base ' +
        'to maintenance as invalid_dependency ("Has invalid dependency.", SMF-8000-JA)',
    );
    expect(findings[2]?.message).toContain('dependency "config" has unknown type "host" (expected service or path)');
    expect(findings[0]?.fmri).toBe('svc:/site/app');
  });

  it('still emits the service, with an invalid_dependencies line instead of the group', () => {
    const app = service(scenario, 'svc:/site/app');
    expect(app.invalid_dependencies).toEqual(['dependency "network": unknown grouping "require_most"']);
    expect(app.dependencies?.map((d) => d.name)).toEqual(['fs']);
    expect(app.instances).toEqual({ default: { enabled: true } });
    const base = service(scenario, 'svc:/site/base');
    expect(base.invalid_dependencies).toEqual(['dependency "clock": unknown restart_on "sometimes"', 'dependency "config": unknown type "host"']);
    expect(base.dependencies).toBeUndefined();
  });
});

describe('dependency targets that do not parse', () => {
  const { scenario, findings } = imported(bad('bad-fmri.xml'));
  const inst = service(scenario, 'svc:/site/bad-fmri').instances?.['default'];

  it('warns for an unparsable FMRI, a property-group FMRI, file: in a service group and svc: in a path group', () => {
    expect(codes(findings)).toEqual(['bad-fmri', 'scheme-mismatch', 'scheme-mismatch', 'bad-fmri']);
    expect(formatFinding(findings[0] as Finding)).toBe(
      'fixtures/bad/bad-fmri.xml:8:9: warning: dependency "typo" names "svc:network/physical", which is not a valid FMRI ' +
        '("svc:network/physical" is not an FMRI (expected svc:/service[:instance] or file://localhost/path)); ' +
        'svc.startd sends svc:/site/bad-fmri:default to maintenance as invalid_dependency ("Has invalid dependency.", SMF-8000-JA)',
    );
    expect(findings[1]?.message).toContain('has type="service" but names the file file://localhost/etc/site.conf; only a type="path" group may hold file:// FMRIs (EINVAL)');
    expect(findings[2]?.message).toContain('has type="path" but names the service svc:/network/loopback; only a type="service" group may hold svc:/ FMRIs (EINVAL)');
    expect(findings[3]?.message).toContain('names a property group, not a service or instance');
  });

  it('records each as an invalid_dependencies line on the instance', () => {
    expect(inst?.invalid_dependencies).toEqual([
      'dependency "typo": "svc:network/physical" is not a valid FMRI',
      'dependency "config-file": file FMRI "file://localhost/etc/site.conf" in a type="service" group',
      'dependency "loopback": service FMRI "svc:/network/loopback" in a type="path" group',
      'dependency "pg": "svc:/site/bad-fmri:default/:properties/general" is not a valid FMRI',
    ]);
    expect(inst?.dependencies).toBeUndefined();
    expect(inst?.enabled).toBe(true);
  });
});

describe('targets that exist nowhere', () => {
  const { scenario, findings } = imported(bad('missing-target.xml'));

  it('warns "shown as absent, as svc.startd would" and says what it does to each grouping', () => {
    const missing = findings.filter((f) => f.code === 'missing-target');
    expect(missing.map((f) => f.message)).toEqual([
      'dependency "license" (require_all) names svc:/site/license-server:default, which exists nowhere in the imported set; ' +
        'shown as absent, as svc.startd would: the instances of svc:/site/app cannot start ("Dependency svc:/site/license-server:default is absent.")',
      'dependency "metrics" (optional_all) names svc:/site/metrics, which exists nowhere in the imported set; ' +
        'shown as absent, as svc.startd would; optional_all ignores an absent member, so it has no effect',
    ]);
    expect(missing.map((f) => [f.line, f.column])).toEqual([
      [8, 7],
      [11, 7],
    ]);
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('keeps the dependency in the scenario (the engine shows the target as absent)', () => {
    expect(service(scenario, 'svc:/site/app').dependencies?.map((d) => d.targets)).toEqual([['svc:/site/license-server:default'], ['svc:/site/metrics']]);
  });

  it('treats an instance without general/enabled as absent too', () => {
    const s: Scenario = {
      format: 'bootgraph/1',
      name: 't',
      services: [
        { fmri: 'svc:/a', dependencies: [{ name: 'b', grouping: 'require_all', restart_on: 'none', targets: ['svc:/b:x'] }] },
        { fmri: 'svc:/b', instances: { x: { configured: false } } },
        { fmri: 'svc:/c', instances: {}, dependencies: [{ name: 'b', grouping: 'require_any', restart_on: 'none', targets: ['svc:/b', 'svc:/a'] }] },
      ],
    };
    expect(lintScenario(s).map((f) => f.message)).toEqual([
      'dependency "b" (require_all) names svc:/b:x, which has no general/enabled (never configured); shown as absent, as svc.startd would: ' +
        'the instances of svc:/a cannot start ("Dependency svc:/b:x is absent.")',
      'dependency "b" (require_any) names svc:/b, which has no general/enabled (never configured); shown as absent, as svc.startd would; require_any is satisfied only by its other members',
    ]);
  });
});

describe('duplicate property group names', () => {
  const { scenario, findings } = imported(bad('duplicate-pg.xml'));

  it('warns for two property groups with one name on one entity, and keeps the first', () => {
    expect(formatFinding(findings[0] as Finding)).toBe(
      'fixtures/bad/duplicate-pg.xml:10:5: warning: svc:/site/db already has a property group named "net" (declared at fixtures/bad/duplicate-pg.xml:7); ' +
        'property group names are unique per entity, so this <dependency> is ignored and the first is kept',
    );
    expect(service(scenario, 'svc:/site/db').dependencies).toEqual([
      { name: 'net', grouping: 'require_all', restart_on: 'none', targets: ['svc:/site/web'], type: 'service' },
    ]);
  });

  it('refuses a <dependent> whose name already exists on its target (EEXIST), in svccfg\'s words', () => {
    expect(findings[1]?.code).toBe('dependent-exists');
    expect(formatFinding(findings[1] as Finding)).toBe(
      'fixtures/bad/duplicate-pg.xml:19:5: warning: Could not create "net" dependency in svc:/site/db (already exists): ' +
        'svc:/site/db declares that property group itself (fixtures/bad/duplicate-pg.xml:7); this <dependent> of svc:/site/cache is ignored and the first is kept',
    );
    expect(service(scenario, 'svc:/site/cache').dependents).toBeUndefined();
    expect(findings).toHaveLength(2);
  });

  it('refuses the second of two <dependent>s with one name on one target', () => {
    const { scenario: s, findings: f } = imported({
      path: 'two.xml',
      text: `<service_bundle type='manifest' name='t'>
  <service name='t/target' type='service' version='1'><create_default_instance enabled='true'/></service>
  <service name='t/one' type='service' version='1'><create_default_instance enabled='true'/>
    <dependent name='hook' grouping='require_all' restart_on='none'><service_fmri value='svc:/t/target'/></dependent></service>
  <service name='t/two' type='service' version='1'><create_default_instance enabled='true'/>
    <dependent name='hook' grouping='optional_all' restart_on='none'><service_fmri value='svc:/t/target'/></dependent></service>
</service_bundle>`,
    });
    expect(f.map((x) => x.message)).toEqual([
      'Could not create "hook" dependency in svc:/t/target (already exists): the <dependent> "hook" of svc:/t/one (two.xml:4) created it first; ' +
        'this <dependent> of svc:/t/two is ignored and the first is kept',
    ]);
    expect(service(s, 'svc:/t/one').dependents).toHaveLength(1);
    expect(service(s, 'svc:/t/two').dependents).toBeUndefined();
  });

  it('lets override=\'true\' replace the existing dependency group', () => {
    const { scenario: s, findings: f } = imported({
      path: 'override.xml',
      text: `<service_bundle type='manifest' name='t'>
  <service name='t/target' type='service' version='1'><create_default_instance enabled='true'/>
    <dependency name='hook' grouping='require_all' restart_on='none' type='service'><service_fmri value='svc:/t/old'/></dependency></service>
  <service name='t/old' type='service' version='1'><create_default_instance enabled='true'/></service>
  <service name='t/new' type='service' version='1'><create_default_instance enabled='true'/>
    <dependent name='hook' grouping='optional_all' restart_on='none' override='true'><service_fmri value='svc:/t/target'/></dependent></service>
</service_bundle>`,
    });
    expect(f).toEqual([]);
    expect(service(s, 'svc:/t/target').dependencies).toBeUndefined();
    expect(service(s, 'svc:/t/new').dependents).toEqual([{ name: 'hook', grouping: 'optional_all', restart_on: 'none', target: 'svc:/t/target' }]);
  });

  it('refuses a <dependent> named like a property group of its own entity', () => {
    const { findings: f } = imported({
      path: 'own.xml',
      text: `<service_bundle type='manifest' name='t'>
  <service name='t/a' type='service' version='1'><create_default_instance enabled='true'/>
    <dependency name='x' grouping='require_all' restart_on='none' type='service'><service_fmri value='svc:/t/b'/></dependency>
    <dependent name='x' grouping='require_all' restart_on='none'><service_fmri value='svc:/t/b'/></dependent></service>
  <service name='t/b' type='service' version='1'><create_default_instance enabled='true'/></service>
</service_bundle>`,
    });
    expect(f.map((x) => x.message)).toEqual([
      'svc:/t/a has both a property group and a <dependent> named "x" (the first at own.xml:3); svccfg refuses the dependent ("Property group and dependent of entity have same name"), so it is ignored',
    ]);
  });
});

describe('dependency cycles', () => {
  it('explains a cycle in one sentence, naming non-require_all groupings, and ignores exclude_all', () => {
    const { findings } = imported(bad('cycle.xml'));
    expect(findings).toHaveLength(1);
    expect(formatFinding(findings[0] as Finding)).toBe(
      'fixtures/bad/cycle.xml:8:7: warning: dependency cycle: svc:/site/a:default requires svc:/site/b:default, ' +
        'svc:/site/b:default requires svc:/site/c (optional_all), svc:/site/c:default requires svc:/site/a:default; ' +
        'svc.startd sends the instance whose dependency completes the cycle to maintenance ("Completes a dependency cycle.", SMF-8000-HP)',
    );
    expect(findings[0]?.fmri).toBe('svc:/site/a:default');
  });

  it('gives the same sentence whatever order the services are declared in', () => {
    const text = bad('cycle.xml').text;
    const blocks = text.match(/<service name=[\s\S]*?<\/service>/g) ?? [];
    const reversed = `<service_bundle type='manifest' name='r'>${[...blocks].reverse().join('\n')}</service_bundle>`;
    const a = imported(bad('cycle.xml')).findings[0]?.message;
    const b = imported({ path: 'reversed.xml', text: reversed }).findings[0]?.message;
    expect(blocks).toHaveLength(5);
    expect(b).toBe(a);
  });

  it('finds a cycle closed by a <dependent>', () => {
    const { findings } = imported({
      path: 'dep-cycle.xml',
      text: `<service_bundle type='manifest' name='t'>
  <service name='t/x' type='service' version='1'><create_default_instance enabled='true'/>
    <dependency name='y' grouping='require_all' restart_on='none' type='service'><service_fmri value='svc:/t/y'/></dependency>
    <dependent name='x-first' grouping='require_all' restart_on='none'><service_fmri value='svc:/t/y'/></dependent></service>
  <service name='t/y' type='service' version='1'><create_default_instance enabled='true'/></service>
</service_bundle>`,
    });
    expect(findings.map((f) => f.message.split(';')[0])).toEqual(['dependency cycle: svc:/t/x:default requires svc:/t/y, svc:/t/y:default requires svc:/t/x']);
  });

  it('finds a cycle through a delegated restarter', () => {
    const { findings } = imported({
      path: 'restarter-cycle.xml',
      text: `<service_bundle type='manifest' name='t'>
  <service name='t/r' type='restarter' version='1'><create_default_instance enabled='true'/>
    <dependency name='w' grouping='require_all' restart_on='none' type='service'><service_fmri value='svc:/t/w'/></dependency></service>
  <service name='t/w' type='service' version='1'><create_default_instance enabled='true'/>
    <restarter><service_fmri value='svc:/t/r:default'/></restarter></service>
</service_bundle>`,
    });
    expect(findings.map((f) => f.message.split(';')[0])).toEqual([
      'dependency cycle: svc:/t/r:default requires svc:/t/w, svc:/t/w:default requires svc:/t/r:default (its restarter)',
    ]);
  });
});

describe('a manifest that fails to parse', () => {
  it('is an error with file, line and column, and the other files still import', () => {
    const r = importBundles([bad('malformed.xml'), bad('cycle.xml')]);
    const errors = r.findings.filter((f) => f.severity === 'error');
    expect(errors.map(formatFinding)).toEqual(['fixtures/bad/malformed.xml:8:12: error: not well-formed XML: unexpected close tag.']);
    expect(r.scenario?.services.map((s) => s.fmri)).toEqual(['svc:/site/a', 'svc:/site/b', 'svc:/site/c', 'svc:/site/d', 'svc:/site/e']);
    expect(r.stats).toMatchObject({ bundles: 1, manifests: 1, errors: 1 });
  });

  it('leaves nothing usable when every file is malformed, and says so', () => {
    const r = importBundles([bad('malformed.xml'), bad('xxe.xml'), bad('billion-laughs.xml')]);
    expect(r.scenario).toBeUndefined();
    expect(r.unusable).toBe('none of the 3 files could be read as a service bundle');
    expect(r.findings.map((f) => `${f.file}:${f.code}`)).toEqual([
      'fixtures/bad/malformed.xml:xml-malformed',
      'fixtures/bad/xxe.xml:xml-entity-declaration',
      'fixtures/bad/billion-laughs.xml:xml-entity-declaration',
    ]);
  });
});
