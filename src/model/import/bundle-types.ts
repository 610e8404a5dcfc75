/**
 * A service bundle as written: the elements of service_bundle.dtd.1 that
 * matter to svc.startd, with attribute values kept verbatim (possibly invalid)
 * and the position of every element. compose.ts decides what they mean.
 */
import type { SourcePos } from './findings.ts';

export type BundleType = 'manifest' | 'profile' | 'archive';

export interface FmriRef {
  /** The `value` attribute of a service_fmri element, as written. */
  readonly value: string;
  readonly pos: SourcePos;
}

export interface PropvalDecl {
  readonly name: string;
  readonly value: string;
  readonly pos: SourcePos;
}

/** `<dependency>`: a dependency property group on the declaring entity. */
export interface DependencyDecl {
  readonly kind: 'dependency';
  readonly name?: string;
  readonly grouping?: string;
  readonly restartOn?: string;
  readonly type?: string;
  readonly entities: readonly FmriRef[];
  /** `delete='true'`: svccfg deletes this property group instead of creating it. */
  readonly delete: boolean;
  readonly pos: SourcePos;
}

/** `<dependent>`: a dependency property group on the *target*, naming the declaring entity (§5). */
export interface DependentDecl {
  readonly kind: 'dependent';
  readonly name?: string;
  readonly grouping?: string;
  readonly restartOn?: string;
  readonly target?: FmriRef;
  readonly override: boolean;
  readonly delete: boolean;
  readonly pos: SourcePos;
}

/** `<exec_method>`: a method property group (start, stop, refresh, or others svc.startd ignores). */
export interface MethodDecl {
  readonly kind: 'method';
  readonly name?: string;
  /** `method` or `monitor`. */
  readonly type?: string;
  readonly exec?: string;
  readonly timeoutSeconds?: string;
  readonly delete: boolean;
  readonly pos: SourcePos;
}

/** `<property_group>` with its propval/property values (first value of each property). */
export interface PropertyGroupDecl {
  readonly kind: 'property_group';
  readonly name?: string;
  readonly type?: string;
  readonly properties: readonly PropvalDecl[];
  readonly delete: boolean;
  readonly pos: SourcePos;
}

/** The property-group-creating children of a service or instance, in document order. */
export type MemberDecl = DependencyDecl | DependentDecl | MethodDecl | PropertyGroupDecl;

export interface EntityDecl {
  readonly members: readonly MemberDecl[];
  readonly restarter?: FmriRef;
  /** template/common_name, the C locale (else the first) loctext, whitespace-trimmed as svccfg does. */
  readonly commonName?: string;
  /** template/documentation: `title(section)` for each manpage, the uri of each doc_link. */
  readonly documentation: readonly string[];
}

export interface InstanceDecl extends EntityDecl {
  readonly name: string;
  /** The `enabled` attribute as written; absent if not given. */
  readonly enabled?: string;
  readonly pos: SourcePos;
  /** True for the instance `<create_default_instance>` makes. */
  readonly createdByDefault: boolean;
}

export interface ServiceDecl extends EntityDecl {
  readonly name: string;
  readonly type?: string;
  readonly version?: string;
  readonly instances: readonly InstanceDecl[];
  readonly pos: SourcePos;
}

export interface BundleDecl {
  readonly file: string;
  readonly type: BundleType;
  readonly name?: string;
  readonly services: readonly ServiceDecl[];
}
