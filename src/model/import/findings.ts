/**
 * What the importer reports about the bundles it read: errors (a file could not
 * be used at all) and warnings (something svccfg or svc.startd would do
 * differently from what the author probably meant). Every message says what
 * happens and, where there is one, what to change.
 */

export type Severity = 'error' | 'warning';

export type FindingCode =
  // the file itself
  | 'xml-too-large'
  | 'xml-too-deep'
  | 'xml-too-many-elements'
  | 'xml-entity-declaration'
  | 'xml-malformed'
  | 'not-a-bundle'
  // reading elements
  | 'missing-attribute'
  | 'bad-value'
  | 'unknown-grouping'
  | 'unknown-restart-on'
  | 'unknown-dependency-type'
  | 'bad-fmri'
  | 'scheme-mismatch'
  | 'empty-dependency'
  | 'unconfigured-instance'
  | 'ignored-property'
  | 'xinclude-not-followed'
  // composing the repository
  | 'duplicate-pg'
  | 'dependent-exists'
  | 'duplicate-service'
  | 'duplicate-instance'
  | 'dependent-stub'
  | 'missing-target'
  | 'dependency-cycle'
  // profiles
  | 'profile-not-applied'
  | 'profile-target-missing'
  | 'internal';

export interface Finding {
  readonly severity: Severity;
  readonly code: FindingCode;
  /** The bundle's path as it was given to the importer. */
  readonly file: string;
  /** 1-based. */
  readonly line?: number;
  /** 1-based. */
  readonly column?: number;
  /** The service or instance the finding is about. */
  readonly fmri?: string;
  readonly message: string;
}

/** Where in a bundle something was written. */
export interface SourcePos {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** Key for a dependency pg's position: the GVT_GROUP naming, `<holder FMRI>><pg name>`. */
export function groupKey(holder: string, name: string): string {
  return `${holder}>${name}`;
}

/** Key for the position of one entity (target FMRI) of a dependency pg. */
export function targetKey(holder: string, name: string, target: string): string {
  return `${holder}>${name}#${target}`;
}

/** `file:line:col: warning: message`, the form compilers and editors understand. */
export function formatFinding(f: Finding): string {
  const where = f.line === undefined ? f.file : `${f.file}:${f.line}:${f.column ?? 1}`;
  return `${where}: ${f.severity}: ${f.message}`;
}

/** Collects findings in the order they are made. */
export class FindingSink {
  readonly findings: Finding[] = [];

  warn(code: FindingCode, at: SourcePos | string, message: string, fmri?: string): void {
    this.add('warning', code, at, message, fmri);
  }

  error(code: FindingCode, at: SourcePos | string, message: string, fmri?: string): void {
    this.add('error', code, at, message, fmri);
  }

  private add(severity: Severity, code: FindingCode, at: SourcePos | string, message: string, fmri: string | undefined): void {
    const base = typeof at === 'string' ? { severity, code, file: at, message } : { severity, code, file: at.file, line: at.line, column: at.column, message };
    this.findings.push(fmri === undefined ? base : { ...base, fmri });
  }
}

/** Count findings by code, with sorted keys (used by the fixture digest). */
export function countByCode(findings: readonly Finding[], severity: Severity): Record<string, number> {
  const counts = new Map<string, number>();
  for (const f of findings) if (f.severity === severity) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  return Object.fromEntries([...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
