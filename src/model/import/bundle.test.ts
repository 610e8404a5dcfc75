/**
 * How elements of service_bundle.dtd.1 become scenario fields. Expected values
 * follow docs/smf-semantics.md §1.1 (general/enabled, composition), §7 (methods,
 * timeouts, startd/duration, the general/startd_duration pitfall) and the
 * svccfg behaviour it cites (lxml_get_default_instance(), lscf_bundle_apply()).
 */
import { describe, expect, it } from 'vitest';
import type { Scenario, ServiceSpec } from '../scenario/types.ts';
import { validateScenario } from '../scenario/validate.ts';
import { importBundles, type BundleSource, type Finding, type ImportOptions } from './bundle.ts';
import { resolveScenario } from '../graph/resolve.ts';

const DOCTYPE = `<?xml version='1.0'?>\n<!DOCTYPE service_bundle SYSTEM '/usr/share/lib/xml/dtd/service_bundle.dtd.1'>\n`;

const manifest = (path: string, body: string): BundleSource => ({ path, text: `${DOCTYPE}<service_bundle type='manifest' name='test'>\n${body}\n</service_bundle>\n` });
const profile = (path: string, body: string): BundleSource => ({ path, text: `${DOCTYPE}<service_bundle type='profile' name='test'>\n${body}\n</service_bundle>\n` });

function run(sources: BundleSource[], options: ImportOptions = {}): { scenario: Scenario; findings: readonly Finding[] } {
  const r = importBundles(sources, options);
  if (r.scenario === undefined) throw new Error(`no scenario: ${r.unusable ?? ''}`);
  return { scenario: r.scenario, findings: r.findings };
}

function svc(s: Scenario, fmri: string): ServiceSpec {
  const found = s.services.find((x) => x.fmri === fmri);
  if (found === undefined) throw new Error(`${fmri} not in scenario`);
  return found;
}

describe('instances and general/enabled', () => {
  const { scenario, findings } = run([
    manifest(
      'inst.xml',
      `<service name='t/def-on' type='service' version='1'><create_default_instance enabled='true'/></service>
<service name='t/def-off' type='service' version='1'><create_default_instance enabled='false'/></service>
<service name='t/multi' type='service' version='1'>
  <instance name='a' enabled='true'/>
  <instance name='b' enabled='false'/>
  <instance name='c'><property_group name='general' type='framework'><propval name='enabled' type='boolean' value='true'/></property_group></instance>
  <instance name='d'/>
</service>
<service name='t/none' type='service' version='1'/>`,
    ),
  ]);

  it('reads create_default_instance, enabled= and general/enabled', () => {
    expect(svc(scenario, 'svc:/t/def-on').instances).toEqual({ default: { enabled: true } });
    expect(svc(scenario, 'svc:/t/def-off').instances).toEqual({ default: { enabled: false } });
    expect(svc(scenario, 'svc:/t/multi').instances).toEqual({ a: { enabled: true }, b: { enabled: false }, c: { enabled: true }, d: { configured: false } });
  });

  it('emits instances: {} for a service with no instances', () => {
    expect(svc(scenario, 'svc:/t/none').instances).toEqual({});
  });

  it('warns that an instance without general/enabled is never configured (§1.1)', () => {
    expect(findings.map((f) => [f.code, f.line, f.message])).toEqual([
      [
        'unconfigured-instance',
        10,
        'instance "d" has no enabled attribute and no general/enabled property, so svc.startd never configures svc:/t/multi:d and shows it as absent ' +
          '(svccfg import also requires enabled= on an <instance> in a manifest)',
      ],
    ]);
  });
});

describe('methods', () => {
  const { scenario, findings } = run([
    manifest(
      'm.xml',
      `<service name='t/m' type='service' version='1'>
  <create_default_instance enabled='true'/>
  <exec_method type='method' name='start' exec='/lib/svc/method/t-m start' timeout_seconds='60'/>
  <exec_method type='method' name='stop' exec=':kill' timeout_seconds='-1'/>
  <exec_method type='method' name='refresh' exec=':true' timeout_seconds='0'/>
  <exec_method type='method' name='inetd_start' exec='/usr/sbin/in.foo' timeout_seconds='10'/>
  <exec_method type='monitor' name='monitor' exec='/bin/true' timeout_seconds='10'/>
</service>
<service name='t/n' type='service' version='1'>
  <create_default_instance enabled='true'/>
  <exec_method type='method' name='start' exec='/bin/n' timeout_seconds='5'/>
  <exec_method type='method' name='stop' exec='/bin/n stop' timeout_seconds='3' delete='true'/>
  <instance name='other' enabled='true'><exec_method type='method' name='start' exec=':true' timeout_seconds='0'/></instance>
</service>`,
    ),
  ]);

  it('keeps exec, converts timeout_seconds to ms, and makes 0 and -1 infinite', () => {
    const m = svc(scenario, 'svc:/t/m');
    expect(m.start).toEqual({ exec: '/lib/svc/method/t-m start', timeout: 60_000 });
    expect(m.stop).toEqual({ exec: ':kill', timeout: 0 });
    // `:true` takes no time; every other method gets the scenario default duration.
    expect(m.refresh).toEqual({ exec: ':true', timeout: 0, duration: 0 });
    // A method timeout of 0 means "the service's timeout", so the service's is 0 (infinite) too.
    expect(m.timeout).toBe(0);
  });

  it('ignores methods svc.startd does not run and deleted ones', () => {
    const n = svc(scenario, 'svc:/t/n');
    // delete='true': the stop pg is absent, which svc.startd treats as an immediate success (§7.1).
    expect(n.stop).toEqual({ missing: true });
    expect(n.start).toEqual({ exec: '/bin/n', timeout: 5000 });
    expect(n.instances?.['other']?.start).toEqual({ exec: ':true', timeout: 0, duration: 0 });
    expect(n.timeout).toBe(0);
    expect(findings).toEqual([]);
  });
});

describe('absent start and stop methods', () => {
  const { scenario } = run([
    manifest(
      'a.xml',
      `<service name='t/bare' type='service' version='1'><create_default_instance enabled='true'/></service>
<service name='t/split' type='service' version='1'>
  <exec_method type='method' name='stop' exec=':kill' timeout_seconds='5'/>
  <instance name='x' enabled='true'><exec_method type='method' name='start' exec='/bin/x' timeout_seconds='5'/></instance>
  <instance name='y' enabled='true'/>
</service>
<service name='t/both' type='service' version='1'>
  <instance name='x' enabled='true'><exec_method type='method' name='start' exec='/bin/x' timeout_seconds='5'/></instance>
</service>`,
    ),
  ]);

  it('marks a method pg that exists at neither level as missing (svc.startd: immediate success, §7.1)', () => {
    expect(svc(scenario, 'svc:/t/bare')).toMatchObject({ start: { missing: true }, stop: { missing: true } });
    const split = svc(scenario, 'svc:/t/split');
    expect(split.start).toEqual({ missing: true });
    expect(split.stop).toEqual({ exec: ':kill', timeout: 5000 });
    expect(split.instances?.['x']?.start).toEqual({ exec: '/bin/x', timeout: 5000 });
  });

  it('does not mark it when every instance has its own', () => {
    const both = svc(scenario, 'svc:/t/both');
    expect(both.start).toBeUndefined();
    expect(both.stop).toEqual({ missing: true });
  });
});

describe('startd and general property groups', () => {
  const { scenario, findings } = run([
    manifest(
      's.xml',
      `<service name='t/transient' type='service' version='1'><create_default_instance enabled='true'/>
  <property_group name='startd' type='framework'><propval name='duration' type='astring' value='transient'/><propval name='timeout_retry' type='boolean' value='false'/></property_group></service>
<service name='t/child' type='service' version='1'><create_default_instance enabled='true'/>
  <property_group name='startd' type='framework'><propval name='duration' type='astring' value='child'/></property_group></service>
<service name='t/contract' type='service' version='1'><create_default_instance enabled='true'/>
  <property_group name='startd' type='framework'><propval name='duration' type='astring' value='contract'/></property_group></service>
<service name='t/odd' type='service' version='1'><create_default_instance enabled='true'/>
  <property_group name='startd' type='framework'><propval name='duration' type='astring' value='daemon'/></property_group></service>
<service name='t/pitfall' type='service' version='1'><create_default_instance enabled='true'/>
  <property_group name='general' type='framework'><propval name='startd_duration' type='astring' value='transient'/></property_group></service>
<service name='t/inst' type='service' version='1'>
  <instance name='default' enabled='true'><property_group name='startd' type='framework'><propval name='duration' type='astring' value='transient'/></property_group></instance></service>`,
    ),
  ]);

  it('maps startd/duration: transient, child → wait, contract, anything else → contract', () => {
    expect(svc(scenario, 'svc:/t/transient').model).toBe('transient');
    expect(svc(scenario, 'svc:/t/transient').timeout_retry).toBe(false);
    expect(svc(scenario, 'svc:/t/child').model).toBe('wait');
    expect(svc(scenario, 'svc:/t/contract').model).toBe('contract');
    expect(svc(scenario, 'svc:/t/odd').model).toBe('contract');
    expect(svc(scenario, 'svc:/t/inst').model).toBeUndefined();
    expect(svc(scenario, 'svc:/t/inst').instances?.['default']?.model).toBe('transient');
  });

  it('ignores general/startd_duration, as svc.startd does (§7.4), and says so', () => {
    expect(svc(scenario, 'svc:/t/pitfall').model).toBeUndefined();
    expect(findings.map((f) => f.code)).toEqual(['bad-value', 'ignored-property']);
    expect(findings[0]?.message).toBe('startd/duration "daemon" is not transient, child or contract; svc.startd treats it as contract');
    expect(findings[1]?.message).toContain('general/startd_duration="transient" is ignored: svc.startd reads only startd/duration');
  });
});

describe('templates, restarter and tolerated elements', () => {
  const { scenario, findings } = run([
    manifest(
      't.xml',
      `<service name='network/t' type='service' version='1'>
  <create_default_instance enabled='false'/>
  <single_instance/>
  <restarter><service_fmri value='svc:/network/inetd:default'/></restarter>
  <method_context working_directory='/'><method_credential user='root' group='root'/></method_context>
  <exec_method type='method' name='inetd_start' exec='/usr/sbin/in.t' timeout_seconds='0'>
    <method_context><method_credential user='daemon' group='daemon'/></method_context>
  </exec_method>
  <property_group name='inetd' type='framework'><propval name='wait' type='boolean' value='false'/></property_group>
  <stability value='Unstable'/>
  <template>
    <common_name><loctext xml:lang='de'>Ein Dienst</loctext><loctext xml:lang='C'>
        the t service
    </loctext></common_name>
    <description><loctext xml:lang='C'>Long text.</loctext></description>
    <documentation>
      <manpage title='ifconfig' section='1M' manpath='/usr/share/man'/>
      <doc_link name='illumos' uri='https://illumos.org/man/8/inetd'/>
    </documentation>
    <pg_pattern name='inetd' type='framework' target='this' required='true'><prop_pattern name='wait' type='boolean' required='true'/></pg_pattern>
  </template>
</service>
<service name='t/self' type='service' version='1'><create_default_instance enabled='true'/>
  <restarter><service_fmri value='svc:/system/svc/restarter:default'/></restarter></service>`,
    ),
  ]);

  it('reads the C-locale common name (trimmed, as svccfg does) and the documentation', () => {
    const t = svc(scenario, 'svc:/network/t');
    expect(t.common_name).toBe('the t service');
    expect(t.documentation).toEqual(['ifconfig(1M)', 'https://illumos.org/man/8/inetd']);
  });

  it('keeps a delegated restarter, and drops one that names svc.startd itself', () => {
    expect(svc(scenario, 'svc:/network/t').restarter).toBe('svc:/network/inetd:default');
    expect(svc(scenario, 'svc:/t/self').restarter).toBeUndefined();
  });

  it('reads stability, method_context, templates and other property groups without complaint', () => {
    expect(findings).toEqual([]);
    // inetd_start is inetd's business; svc.startd itself finds no start method pg.
    expect(svc(scenario, 'svc:/network/t').start).toEqual({ missing: true });
  });
});

describe('composition', () => {
  const { scenario } = run([
    manifest(
      'c.xml',
      `<service name='t/c' type='service' version='1'>
  <dependency name='fs' grouping='require_all' restart_on='none' type='service'><service_fmri value='svc:/t/fs'/></dependency>
  <dependency name='net' grouping='require_all' restart_on='none' type='service'><service_fmri value='svc:/t/net'/></dependency>
  <instance name='a' enabled='true'/>
  <instance name='b' enabled='true'>
    <dependency name='net' grouping='optional_all' restart_on='restart' type='service'><service_fmri value='svc:/t/net:other'/></dependency>
  </instance>
</service>
<service name='t/fs' type='service' version='1'><create_default_instance enabled='true'/></service>
<service name='t/net' type='service' version='1'><create_default_instance enabled='true'/><instance name='other' enabled='true'/></service>`,
    ),
  ]);

  it('keeps service-level groups on the service and instance-level ones on the instance', () => {
    const c = svc(scenario, 'svc:/t/c');
    expect(c.dependencies?.map((d) => d.name)).toEqual(['fs', 'net']);
    expect(c.instances?.['a']?.dependencies).toBeUndefined();
    expect(c.instances?.['b']?.dependencies?.map((d) => d.name)).toEqual(['net']);
  });

  it('composes by property group name: the instance\'s "net" replaces the service\'s', () => {
    const r = resolveScenario(scenario);
    const summary = (f: string): string[] => (r.byFmri.get(f)?.groups ?? []).map((x) => `${x.name} ${x.grouping} ${x.targets.join(' ')} @${x.level}`);
    expect(summary('svc:/t/c:a')).toEqual(['fs require_all svc:/t/fs @service', 'net require_all svc:/t/net @service']);
    expect(summary('svc:/t/c:b')).toEqual(['fs require_all svc:/t/fs @service', 'net optional_all svc:/t/net:other @instance']);
  });
});

describe('import order, duplicates and empty groups', () => {
  it('emits services in file order then document order, stubs last', () => {
    const { scenario } = run([
      manifest('b.xml', `<service name='t/b2' type='service' version='1'/><service name='t/b1' type='service' version='1'>
        <dependent name='x' grouping='optional_all' restart_on='none'><service_fmri value='svc:/t/stub'/></dependent></service>`),
      manifest('a.xml', `<service name='t/a' type='service' version='1'/>`),
    ]);
    expect(scenario.services.map((s) => s.fmri)).toEqual(['svc:/t/b2', 'svc:/t/b1', 'svc:/t/a', 'svc:/t/stub']);
  });

  it('keeps the first of two definitions of a service', () => {
    const { scenario, findings } = run([
      manifest('one.xml', `<service name='t/dup' type='service' version='1'><create_default_instance enabled='true'/></service>`),
      manifest('two.xml', `<service name='t/dup' type='service' version='1'><create_default_instance enabled='false'/></service>`),
    ]);
    expect(svc(scenario, 'svc:/t/dup').instances).toEqual({ default: { enabled: true } });
    expect(svc(scenario, 'svc:/t/dup').manifest).toBe('one.xml');
    expect(findings.map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([
      'two.xml:4 svc:/t/dup is already defined at one.xml:4; this second definition is ignored and the first is kept',
    ]);
  });

  it('keeps the first of two instances with one name', () => {
    const { scenario, findings } = run([
      manifest('i.xml', `<service name='t/i' type='service' version='1'><create_default_instance enabled='true'/><instance name='default' enabled='false'/></service>`),
    ]);
    expect(svc(scenario, 'svc:/t/i').instances).toEqual({ default: { enabled: true } });
    expect(findings.map((f) => f.code)).toEqual(['duplicate-instance']);
  });

  it('leaves out a dependency with no service_fmri (an empty group is satisfied) and says so', () => {
    const { scenario, findings } = run([
      manifest('e.xml', `<service name='t/e' type='service' version='1'><create_default_instance enabled='true'/>
        <dependency name='nothing' grouping='require_all' restart_on='none' type='service'/></service>`),
    ]);
    expect(svc(scenario, 'svc:/t/e').dependencies).toBeUndefined();
    expect(findings.map((f) => f.message)).toEqual([
      'dependency "nothing" names no <service_fmri>; svc.startd treats an empty group as satisfied, so it has no effect and is left out',
    ]);
  });
});

describe('profiles', () => {
  const manifests = [
    manifest(
      'base.xml',
      `<service name='t/p' type='service' version='1'>
  <create_default_instance enabled='false'/>
  <instance name='other' enabled='true'/>
  <instance name='bare'/>
  <dependent name='hook' grouping='optional_all' restart_on='none'><service_fmri value='svc:/t/stubbed:default'/></dependent>
</service>`,
    ),
  ];

  it('applies enabled values in the order given, after the manifests', () => {
    const { scenario } = run(manifests, {
      profiles: [
        profile('first.xml', `<service name='t/p' version='1' type='service'><instance name='default' enabled='true'/><instance name='other' enabled='false'/></service>`),
        profile('second.xml', `<service name='t/p' version='1' type='service'><instance name='other' enabled='true'/></service>`),
      ],
    });
    expect(svc(scenario, 'svc:/t/p').instances).toMatchObject({ default: { enabled: true }, other: { enabled: true } });
  });

  it('configures a manifest instance that had no general/enabled (it has a last-import snapshot)', () => {
    const { scenario } = run(manifests, {
      profiles: [profile('p.xml', `<service name='t/p' version='1' type='service'><instance name='bare'><property_group name='general' type='framework'><propval name='enabled' value='true'/></property_group></instance></service>`)],
    });
    expect(svc(scenario, 'svc:/t/p').instances?.['bare']).toEqual({ enabled: true });
  });

  it('ignores services and instances that do not exist, and partial stubs, as svccfg apply does', () => {
    const { scenario, findings } = run(manifests, {
      profiles: [
        profile(
          'p.xml',
          `<service name='t/absent' version='1' type='service'><instance name='default' enabled='true'/></service>
<service name='t/p' version='1' type='service'><instance name='nope' enabled='true'/></service>
<service name='t/stubbed' version='1' type='service'><instance name='default' enabled='true'/></service>`,
        ),
      ],
    });
    expect(findings.filter((f) => f.code === 'profile-target-missing').map((f) => f.message)).toEqual([
      'the profile configures svc:/t/absent, which no imported manifest defines; svccfg apply ignores it',
      'the profile sets svc:/t/p:nope enabled=true, but no imported manifest defines that instance; svccfg apply ignores it',
      'the profile sets svc:/t/stubbed:default enabled=true, but svc:/t/stubbed:default is only an empty stub a <dependent> created; svccfg apply ignores such partial instances',
    ]);
    expect(svc(scenario, 'svc:/t/stubbed').instances).toEqual({ default: { configured: false } });
    expect(svc(scenario, 'svc:/t/p').instances?.['nope']).toBeUndefined();
  });

  it('reads a profile given among the manifests but does not apply it', () => {
    const { scenario, findings } = run([...manifests, profile('generic.xml', `<service name='t/p' version='1' type='service'><instance name='default' enabled='true'/></service>`)]);
    expect(svc(scenario, 'svc:/t/p').instances?.['default']).toEqual({ enabled: false });
    expect(findings.find((f) => f.code === 'profile-not-applied')?.message).toBe(
      'this bundle is a profile (type="profile"); it was read but not applied; pass it as a profile (--profile) to apply it',
    );
  });

  it('has nothing usable from profiles alone', () => {
    const r = importBundles([profile('only.xml', '')]);
    expect(r.scenario).toBeUndefined();
    expect(r.unusable).toBe('there are no manifests to import, only profiles');
  });
});

describe('files named by path dependencies', () => {
  const m = manifest(
    'f.xml',
    `<service name='t/f' type='service' version='1'><create_default_instance enabled='true'/>
  <dependency name='cfg' grouping='require_all' restart_on='refresh' type='path'>
    <service_fmri value='file://localhost/etc/t.conf'/><service_fmri value='file:///etc/a.conf'/>
  </dependency></service>`,
  );

  it('are listed as existing at boot, as on an installed system (docs/boot-graph.md assumes all files present)', () => {
    const { scenario } = run([m]);
    expect(scenario.files).toEqual(['/etc/a.conf', '/etc/t.conf']);
    expect(svc(scenario, 'svc:/t/f').dependencies?.[0]?.targets).toEqual(['file://localhost/etc/t.conf', 'file://localhost/etc/a.conf']);
  });

  it('are left out with filesPresent: false, so svc.startd finds them absent', () => {
    expect(run([m], { filesPresent: false }).scenario.files).toBeUndefined();
  });
});

describe('the output', () => {
  it('is a valid bootgraph/1 scenario', () => {
    const { scenario } = run(
      [
        manifest(
          'v.xml',
          `<service name='t/v' type='service' version='1'><create_default_instance enabled='true'/>
  <dependency name='cfg' grouping='require_all' restart_on='none' type='path'><service_fmri value='file://localhost/etc/v.conf'/></dependency>
  <dependency name='bad' grouping='most' restart_on='none' type='service'><service_fmri value='svc:/t/w'/></dependency>
  <dependent name='v_w' grouping='require_any' restart_on='error'><service_fmri value='svc:/t/w:x'/></dependent>
  <exec_method type='method' name='start' exec=':true' timeout_seconds='0'/></service>`,
        ),
      ],
      { name: 'validity', era: '2025' },
    );
    const v = validateScenario(JSON.parse(JSON.stringify(scenario)));
    expect(v.ok ? [] : v.errors).toEqual([]);
    expect(scenario).toMatchObject({ format: 'bootgraph/1', name: 'validity', era: '2025', source: { importer: 'bootgraph SMF manifest importer', manifests: '1' } });
  });
});
