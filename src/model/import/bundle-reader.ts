/**
 * Reads one service bundle (service_bundle.dtd.1) into declarations, the way
 * svccfg_xml.c walks it: services, instances, dependencies, dependents, exec
 * methods, property groups, the restarter and the template's common name and
 * documentation. Everything else (stability, method_context,
 * notification_parameters, pg_pattern, ...) is read past without complaint.
 */
import { parseXml, type XmlElement, type XmlError } from './xml.ts';
import type { FindingCode, FindingSink, SourcePos } from './findings.ts';
import type {
  BundleDecl,
  BundleType,
  DependencyDecl,
  DependentDecl,
  EntityDecl,
  FmriRef,
  InstanceDecl,
  MemberDecl,
  MethodDecl,
  PropertyGroupDecl,
  PropvalDecl,
  ServiceDecl,
} from './bundle-types.ts';

export interface BundleSource {
  /** A path for messages and for ServiceSpec.manifest (relative paths keep outputs portable). */
  readonly path: string;
  readonly text: string;
}

const XML_ERROR_CODES: Record<XmlError['kind'], FindingCode> = {
  'too-large': 'xml-too-large',
  'too-deep': 'xml-too-deep',
  'too-many-elements': 'xml-too-many-elements',
  'entity-declaration': 'xml-entity-declaration',
  malformed: 'xml-malformed',
};

/** Elements svccfg reads that carry nothing svc.startd or bootgraph uses. */
const SKIPPED = new Set(['stability', 'method_context', 'notification_parameters', 'single_instance']);

/** Parse and read one bundle; on failure report an error finding and return undefined. */
export function readBundle(source: BundleSource, sink: FindingSink): BundleDecl | undefined {
  const parsed = parseXml(source.text);
  if (!parsed.ok) {
    const e = parsed.error;
    const at = e.line === undefined ? source.path : { file: source.path, line: e.line, column: e.column ?? 1 };
    sink.error(XML_ERROR_CODES[e.kind], at, e.message);
    return undefined;
  }
  const root = parsed.value.root;
  if (root.name !== 'service_bundle') {
    sink.error('not-a-bundle', pos(source.path, root), `not an SMF service bundle: the root element is <${root.name}>, not <service_bundle>`);
    return undefined;
  }
  const reader = new Reader(source.path, sink);
  return reader.bundle(root);
}

function pos(file: string, el: XmlElement): SourcePos {
  return { file, line: el.line, column: el.column };
}

class Reader {
  constructor(
    private readonly file: string,
    private readonly sink: FindingSink,
  ) {}

  bundle(root: XmlElement): BundleDecl {
    const typeAttr = root.attributes['type'];
    let type: BundleType = 'manifest';
    if (typeAttr === 'profile' || typeAttr === 'archive' || typeAttr === 'manifest') type = typeAttr;
    else {
      this.warn(
        typeAttr === undefined ? 'missing-attribute' : 'bad-value',
        root,
        typeAttr === undefined
          ? `<service_bundle> has no type attribute (manifest, profile or archive); read as a manifest`
          : `<service_bundle> has type "${typeAttr}" (expected manifest, profile or archive); read as a manifest`,
      );
    }
    const services: ServiceDecl[] = [];
    this.bundleChildren(root, services);
    const name = root.attributes['name'];
    return name === undefined ? { file: this.file, type, services } : { file: this.file, type, name, services };
  }

  private bundleChildren(el: XmlElement, out: ServiceDecl[]): void {
    for (const child of el.children) {
      switch (child.name) {
        case 'service': {
          const s = this.service(child);
          if (s !== undefined) out.push(s);
          break;
        }
        case 'service_bundle':
          this.bundleChildren(child, out);
          break;
        case 'xi:include':
          this.warn(
            'xinclude-not-followed',
            child,
            `<xi:include href="${child.attributes['href'] ?? ''}"> is not followed (it names a file on the installed system); ` +
              'import or apply that bundle directly if it matters',
          );
          break;
        default:
          this.warn('bad-value', child, `unexpected <${child.name}> in <service_bundle>; ignored`);
      }
    }
  }

  private service(el: XmlElement): ServiceDecl | undefined {
    const name = el.attributes['name'];
    if (name === undefined || name.length === 0) {
      this.warn('missing-attribute', el, '<service> has no name attribute; the service is ignored');
      return undefined;
    }
    const instances: InstanceDecl[] = [];
    const entity = this.entity(el, (child) => {
      if (child.name === 'create_default_instance') {
        const enabled = child.attributes['enabled'];
        instances.push({
          name: 'default',
          ...(enabled === undefined ? {} : { enabled }),
          members: [],
          documentation: [],
          pos: pos(this.file, child),
          createdByDefault: true,
        });
        return true;
      }
      if (child.name === 'instance') {
        const inst = this.instance(child);
        if (inst !== undefined) instances.push(inst);
        return true;
      }
      return false;
    });
    const type = el.attributes['type'];
    const version = el.attributes['version'];
    return {
      name,
      ...(type === undefined ? {} : { type }),
      ...(version === undefined ? {} : { version }),
      ...entity,
      instances,
      pos: pos(this.file, el),
    };
  }

  private instance(el: XmlElement): InstanceDecl | undefined {
    const name = el.attributes['name'];
    if (name === undefined || name.length === 0) {
      this.warn('missing-attribute', el, '<instance> has no name attribute; the instance is ignored');
      return undefined;
    }
    const enabled = el.attributes['enabled'];
    const entity = this.entity(el, () => false);
    return { name, ...(enabled === undefined ? {} : { enabled }), ...entity, pos: pos(this.file, el), createdByDefault: false };
  }

  /** The children a service and an instance share; `extra` handles the rest and returns true if it did. */
  private entity(el: XmlElement, extra: (child: XmlElement) => boolean): EntityDecl {
    const members: MemberDecl[] = [];
    let restarter: FmriRef | undefined;
    let commonName: string | undefined;
    const documentation: string[] = [];
    for (const child of el.children) {
      switch (child.name) {
        case 'dependency':
          members.push(this.dependency(child));
          break;
        case 'dependent':
          members.push(this.dependent(child));
          break;
        case 'exec_method':
          members.push(this.method(child));
          break;
        case 'property_group':
          members.push(this.propertyGroup(child));
          break;
        case 'restarter': {
          const ref = this.fmriRefs(child)[0];
          if (ref === undefined) this.warn('missing-attribute', child, '<restarter> has no <service_fmri value=...>; ignored');
          else restarter = ref;
          break;
        }
        case 'template': {
          const t = this.template(child);
          if (t.commonName !== undefined) commonName = t.commonName;
          documentation.push(...t.documentation);
          break;
        }
        default:
          if (SKIPPED.has(child.name) || extra(child)) break;
          this.warn('bad-value', child, `unexpected <${child.name}> in <${el.name}>; ignored`);
      }
    }
    return {
      members,
      ...(restarter === undefined ? {} : { restarter }),
      ...(commonName === undefined ? {} : { commonName }),
      documentation,
    };
  }

  private fmriRefs(el: XmlElement): FmriRef[] {
    const refs: FmriRef[] = [];
    for (const c of el.children) {
      if (c.name !== 'service_fmri') continue;
      const value = c.attributes['value'];
      // svccfg skips a service_fmri without a value (lxml_get_dependency()).
      if (value !== undefined) refs.push({ value, pos: pos(this.file, c) });
    }
    return refs;
  }

  private dependency(el: XmlElement): DependencyDecl {
    const a = el.attributes;
    return {
      kind: 'dependency',
      name: a['name'],
      grouping: a['grouping'],
      restartOn: a['restart_on'],
      type: a['type'],
      entities: this.fmriRefs(el),
      delete: a['delete'] === 'true',
      pos: pos(this.file, el),
    };
  }

  private dependent(el: XmlElement): DependentDecl {
    const a = el.attributes;
    const target = this.fmriRefs(el)[0];
    return {
      kind: 'dependent',
      name: a['name'],
      grouping: a['grouping'],
      restartOn: a['restart_on'],
      ...(target === undefined ? {} : { target }),
      override: a['override'] === 'true',
      delete: a['delete'] === 'true',
      pos: pos(this.file, el),
    };
  }

  private method(el: XmlElement): MethodDecl {
    const a = el.attributes;
    return {
      kind: 'method',
      name: a['name'],
      type: a['type'],
      exec: a['exec'],
      timeoutSeconds: a['timeout_seconds'],
      delete: a['delete'] === 'true',
      pos: pos(this.file, el),
    };
  }

  private propertyGroup(el: XmlElement): PropertyGroupDecl {
    const a = el.attributes;
    const properties: PropvalDecl[] = [];
    for (const c of el.children) {
      const name = c.attributes['name'];
      if (name === undefined) continue;
      if (c.name === 'propval') {
        const value = c.attributes['value'];
        if (value !== undefined) properties.push({ name, value, pos: pos(this.file, c) });
      } else if (c.name === 'property') {
        // <property name= type=><astring_list><value_node value=/>...: the first value is what a one-valued read sees.
        const first = c.children.flatMap((list) => list.children).find((v) => v.name === 'value_node');
        const value = first?.attributes['value'];
        if (value !== undefined) properties.push({ name, value, pos: pos(this.file, c) });
      }
    }
    return {
      kind: 'property_group',
      name: a['name'],
      type: a['type'],
      properties,
      delete: a['delete'] === 'true',
      pos: pos(this.file, el),
    };
  }

  private template(el: XmlElement): { commonName?: string; documentation: string[] } {
    let commonName: string | undefined;
    const documentation: string[] = [];
    for (const c of el.children) {
      if (c.name === 'common_name') {
        const texts = c.children.filter((l) => l.name === 'loctext');
        const chosen = texts.find((l) => l.attributes['xml:lang'] === 'C') ?? texts[0];
        // lxml_get_loctext() strips leading and trailing whitespace only.
        if (chosen !== undefined) commonName = chosen.text.trim();
      } else if (c.name === 'documentation') {
        for (const d of c.children) {
          if (d.name === 'manpage') {
            const title = d.attributes['title'];
            const section = d.attributes['section'];
            if (title !== undefined && section !== undefined) documentation.push(`${title}(${section})`);
          } else if (d.name === 'doc_link') {
            const uri = d.attributes['uri'];
            if (uri !== undefined) documentation.push(uri);
          }
        }
      }
    }
    return commonName === undefined ? { documentation } : { commonName, documentation };
  }

  private warn(code: FindingCode, el: XmlElement, message: string): void {
    this.sink.warn(code, pos(this.file, el), message);
  }
}
