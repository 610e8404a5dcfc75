/**
 * The importer's lint beside the graph (issue 3): one row per finding with
 * its severity, `file:line:col` and message; a finding about a service
 * selects it. Collapsible; shown only for a scenario imported from SMF
 * manifests. Messages are text (file names and FMRIs come from the user).
 */
import { useMemo, useState } from 'react';
import { useDoc, useRun, useUiActions } from '../../session/react/context.tsx';
import type { Finding } from '../../model/import/findings.ts';
import { canonicalFmri } from '../../model/smf/fmri.ts';
import { Icon } from '../Icon/Icon.tsx';
import styles from './FindingsPanel.module.css';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function where(f: Finding): string {
  return f.line === undefined ? f.file : `${f.file}:${f.line}:${f.column ?? 1}`;
}

/** The node a finding's FMRI stands for: the instance itself, or a service's only (or default) instance. */
function targetOf(fmri: string | undefined, instances: ReadonlySet<string>): string | undefined {
  if (fmri === undefined) return undefined;
  const c = canonicalFmri(fmri) ?? fmri;
  if (instances.has(c)) return c;
  const def = `${c}:default`;
  if (instances.has(def)) return def;
  for (const i of instances) if (i.startsWith(`${c}:`)) return i;
  return undefined;
}

export function FindingsPanel() {
  const ui = useUiActions();
  const source = useDoc((s) => s.source);
  const run = useRun();
  const [open, setOpen] = useState(true);
  const [onlyErrors, setOnlyErrors] = useState(false);
  const imported = source.kind === 'inline' ? source.imported : undefined;
  const instances = useMemo(() => new Set(run.trace.instances.map((i) => i.fmri)), [run.trace]);
  const findings = imported?.findings ?? [];
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  if (imported === undefined) return null;
  const shown = onlyErrors ? findings.filter((f) => f.severity === 'error') : findings;
  return (
    <section className={styles.panel} aria-label="Import lint" data-testid="findings">
      <header className={styles.head}>
        <button type="button" className={styles.toggle} aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="findings.toggle">
          <Icon name={open ? 'chevronDown' : 'chevronRight'} size={13} />
          <span className="ui-eyebrow">Import lint</span>
        </button>
        <span className={styles.counts} data-testid="findings.counts">
          {errors > 0 && <span className={styles.countError}>{plural(errors, 'error')}</span>}
          <span className={warnings > 0 ? styles.countWarn : styles.countNone}>{plural(warnings, 'warning')}</span>
          <span className={styles.files}>from {plural(imported.files.length, 'file')}</span>
        </span>
        {open && errors > 0 && warnings > 0 && (
          <label className={styles.filter}>
            <input type="checkbox" checked={onlyErrors} onChange={(e) => setOnlyErrors(e.currentTarget.checked)} /> errors only
          </label>
        )}
      </header>
      {open && (
        <div className={`${styles.body} ui-scroll`}>
          {shown.length === 0 ? (
            <p className={styles.empty}>
              <Icon name="check" size={13} /> The importer found nothing to report: svccfg would import these bundles as they are.
            </p>
          ) : (
            <ul className={styles.list}>
              {shown.map((f, i) => {
                const target = targetOf(f.fmri, instances);
                const body = (
                  <>
                    <span className={f.severity === 'error' ? styles.sevError : styles.sevWarn}>{f.severity}</span>
                    <span className={styles.where}>{where(f)}</span>
                    <span className={styles.msg}>{f.message}</span>
                  </>
                );
                return (
                  <li key={`${i}:${f.code}`} data-testid="finding">
                    {target === undefined ? (
                      <div className={styles.row}>{body}</div>
                    ) : (
                      <button
                        type="button"
                        className={`${styles.row} ${styles.clickable}`}
                        onClick={() => ui.select(target)}
                        title={`Select ${target}`}
                      >
                        {body}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
