/**
 * The condition panels, rendered generically from the world model's
 * ConditionDef list (grouped: boot, devices, filesystems, network,
 * repository), plus the boot stepper (first boot, next boot). Every change
 * re-simulates at once; the playhead stays at the same simulated time.
 */
import { useMemo } from 'react';
import { useDocActions, useRun } from '../../session/react/context.tsx';
import { useCommands } from '../../session/react/use-commands.ts';
import { listConditions, type ConditionDef, type ConditionGroup } from '../../model/world/conditions.ts';
import { Icon } from '../Icon/Icon.tsx';
import { Section } from '../Panel/Section.tsx';
import { GlossaryText } from '../Term/GlossaryText.tsx';
import styles from './ConditionsPanel.module.css';

const GROUP_TITLES: Record<ConditionGroup, string> = {
  boot: 'Boot',
  devices: 'Devices',
  filesystems: 'Filesystems',
  network: 'Network',
  repository: 'Repository',
  services: 'Services (what if)',
};
const GROUP_ORDER: readonly ConditionGroup[] = ['boot', 'devices', 'filesystems', 'network', 'repository', 'services'];

/**
 * The conditions the seed discussions turn on (devfsadm timing, root
 * read-write, /var mounts, IPMP group creation): first, in one compact
 * group, so a 1366×768 screen shows them without scrolling (issue 12).
 */
const MISSION: readonly string[] = ['devices.devfsadm-timing', 'filesystems.root', 'filesystems.var', 'network.ipmp'];

function ConditionField({ def, scenarioValue, onChange, compact = false }: { def: ConditionDef; scenarioValue: string | undefined; onChange: (v: string) => void; compact?: boolean }) {
  const id = `cond-${def.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const chosen = def.options.find((o) => o.value === def.value);
  const changed = scenarioValue !== undefined && def.value !== scenarioValue;
  const short = def.options.length <= 3 && def.options.every((o) => o.label.length <= 12);
  return (
    <div className={compact ? `${styles.field} ${styles.compact}` : styles.field} data-testid={`condition.${def.id}`} title={compact ? (chosen?.description ?? def.description) : undefined}>
      <div className={styles.labelRow}>
        <label htmlFor={id} id={`${id}-label`} className={styles.label} title={def.description}>
          {def.label}
        </label>
        {changed && <span className={styles.changed} title={`Changed from the scenario’s own setting`}>changed</span>}
      </div>
      {short ? (
        <div className="ui-seg" role="group" aria-labelledby={`${id}-label`} id={id}>
          {def.options.map((o) => (
            <button key={o.value} type="button" aria-pressed={o.value === def.value} onClick={() => onChange(o.value)} title={o.description}>
              {o.label}
            </button>
          ))}
        </div>
      ) : (
        <select id={id} className={`ui-select ${styles.select}`} value={def.value} onChange={(e) => onChange(e.currentTarget.value)}>
          {!def.options.some((o) => o.value === def.value) && <option value={def.value}>{def.value}</option>}
          {def.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
      {!compact && (
        <p className={styles.help}>
          <GlossaryText text={chosen?.description ?? def.description} {...(def.terms === undefined ? {} : { terms: def.terms })} showMissing />
        </p>
      )}
    </div>
  );
}

export function ConditionsPanel() {
  const commands = useCommands();
  const doc = useDocActions();
  const run = useRun();
  const own = useMemo(() => new Map(listConditions(run.base).map((c) => [c.id, c.value])), [run.base]);
  // A condition with an action option (the boot number: "next boot") is the boot stepper below, not a field.
  const stepper = run.conditions.find((c) => c.options.some((o) => o.action === 'next-boot'));
  const mission = MISSION.map((id) => run.conditions.find((c) => c.id === id)).filter((c): c is ConditionDef => c !== undefined);
  const fields = run.conditions.filter((c) => c !== stepper && !mission.includes(c));
  const groups = GROUP_ORDER.map((g) => ({ g, defs: fields.filter((c) => c.group === g) })).filter((x) => x.defs.length > 0 || x.g === 'boot');
  const firstLabel = stepper?.options.find((o) => o.action === undefined)?.label;
  const anyChanged = run.conditions.some((c) => own.has(c.id) && own.get(c.id) !== c.value);
  const set = (def: ConditionDef, value: string): void => doc.setCondition(def.id, value, own.get(def.id));

  return (
    <>
      {mission.length > 0 && (
        <Section title="What this boot depends on" id="conditions-mission">
          <div className={styles.fields}>
            {mission.map((def) => (
              <ConditionField key={def.id} def={def} scenarioValue={own.get(def.id)} onChange={(v) => set(def, v)} compact />
            ))}
          </div>
        </Section>
      )}
      {groups.map(({ g, defs }) => (
        <Section
          key={g}
          title={GROUP_TITLES[g]}
          id={`conditions-${g}`}
          actions={
            g === groups[0]?.g && anyChanged ? (
              <button type="button" className="ui-btn ui-btn-ghost ui-btn-sm" onClick={() => doc.resetConditions()}>
                Reset all
              </button>
            ) : undefined
          }
        >
          <div className={styles.fields}>
            {defs.map((def) => (
              <ConditionField key={def.id} def={def} scenarioValue={own.get(def.id)} onChange={(v) => set(def, v)} />
            ))}
          </div>
          {g === 'boot' && (
            <div className={styles.boots}>
              <button type="button" className="ui-btn ui-btn-sm ui-btn-icon" disabled={run.boot === 0} onClick={() => commands.prevBoot()} aria-label="Previous boot" title="Previous boot">
                <Icon name="chevronLeft" size={14} />
              </button>
              <span className={styles.bootNo} data-testid="boot.number" title={stepper?.description}>
                Boot {run.boot + 1}
                <span className={styles.bootHint}>{run.boot === 0 ? ` · ${firstLabel ?? 'as the scenario starts'}` : ' · rebooted'}</span>
              </span>
              <button
                type="button"
                className="ui-btn ui-btn-sm"
                disabled={run.nextBootBlocked !== undefined}
                onClick={() => commands.nextBoot()}
                title={run.nextBootBlocked ?? 'Reboot: what persists on disk (e.g. /dev links) carries over'}
                data-testid="boot.next"
              >
                <Icon name="reboot" size={14} /> Next boot
              </button>
            </div>
          )}
          {g === 'boot' && run.boot > 0 && (run.carried !== undefined || run.dropped !== undefined) && (
            <div className={styles.carried} data-testid="boot.carried">
              <div className={styles.carriedTitle}>Carried over from boot {run.boot}</div>
              {(run.carried ?? []).length === 0 ? (
                <div className={styles.help}>Nothing this boot depends on changed on disk or in the repository.</div>
              ) : (
                <ul className={styles.carriedList}>
                  {(run.carried ?? []).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              )}
              {(run.dropped ?? []).length > 0 && (
                <>
                  <div className={styles.carriedTitle}>Not carried (non-persistent)</div>
                  <ul className={styles.carriedList}>
                    {(run.dropped ?? []).map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
        </Section>
      ))}
    </>
  );
}
