/**
 * The generated layered graphs of generate.ts written as SMF manifests (one
 * service bundle per service, its dependencies as <dependency> elements, a
 * start method), for the benchmark of importing manifests in the app.
 */
import type { Scenario } from '../src/model/scenario/types.ts';

const attr = (s: string): string => s.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/</g, '&lt;');

export function manifestsOf(s: Scenario): { name: string; text: string }[] {
  return s.services.map((svc, i) => {
    const name = svc.fmri.replace(/^svc:\//, '');
    const enabled = svc.instances?.['default']?.enabled ?? true;
    const deps = (svc.dependencies ?? [])
      .map((d) => `<dependency name='${attr(d.name)}' grouping='${d.grouping}' restart_on='${d.restart_on ?? 'none'}' type='service'>${d.targets.map((t) => `<service_fmri value='${attr(t)}'/>`).join('')}</dependency>`)
      .join('\n    ');
    const text = `<?xml version="1.0"?>
<!DOCTYPE service_bundle SYSTEM "/usr/share/lib/xml/dtd/service_bundle.dtd.1">
<service_bundle type='manifest' name='${attr(name)}'>
  <service name='${attr(name)}' type='service' version='1'>
    <create_default_instance enabled='${enabled}'/>
    <single_instance/>
    ${deps}
    <exec_method type='method' name='start' exec='/lib/svc/method/bench-${i}' timeout_seconds='60'/>
    <exec_method type='method' name='stop' exec=':kill' timeout_seconds='60'/>
  </service>
</service_bundle>
`;
    return { name: `s${String(i).padStart(5, '0')}.xml`, text };
  });
}
