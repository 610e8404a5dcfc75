/**
 * Commands at instants: the scenario's own timed actions (read-only) and the
 * ones the user added (removable). A command typed here runs at the playhead
 * and the rest of the boot re-simulates.
 */
import { useMemo, useState } from 'react';
import { useDoc, useDocActions, useRun } from '../../session/react/context.tsx';
import { useCommands } from '../../session/react/use-commands.ts';
import { interventionBoot } from '../../session/document.ts';
import { parseAction } from '../../model/scenario/actions.ts';
import { formatTime } from '../../selectors/playhead.ts';
import { nicNames } from '../../selectors/world-view.ts';
import { Icon } from '../Icon/Icon.tsx';
import { Section } from '../Panel/Section.tsx';
import styles from './InterventionsPanel.module.css';

export function InterventionsPanel() {
  const commands = useCommands();
  const doc = useDocActions();
  const run = useRun();
  const all = useDoc((s) => s.interventions);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const mine = all.map((iv, index) => ({ iv, index })).filter((x) => interventionBoot(x.iv) === run.boot);
  const scripted = (run.scenario.actions ?? []).filter((a) => !mine.some((m) => m.iv.at === a.at && m.iv.run === a.run));
  const nics = useMemo(() => nicNames(run.trace.worldInitial), [run.trace]);
  const seek = (t: number): void => {
    commands.scrubTo(t);
  };

  const submit = (): void => {
    const p = parseAction(text);
    if (!p.ok) {
      setError(p.error);
      return;
    }
    setError(undefined);
    commands.intervene(text.trim());
    setText('');
  };

  return (
    <Section title="Commands" id="interventions">
      {scripted.length === 0 && mine.length === 0 && <p className={styles.empty}>No commands yet. Select a service and use the inspector’s svcadm buttons, or type one below.</p>}
      <ol className={styles.list} data-testid="interventions.list">
        {scripted.map((a, i) => (
          <li key={`s${i}`} className={styles.item}>
            <button type="button" className={styles.time} onClick={() => seek(a.at)} title="Go to this instant">
              {formatTime(a.at)}
            </button>
            <code className={styles.cmd}>{a.run}</code>
            <span className={styles.tag}>scenario</span>
          </li>
        ))}
        {mine.map(({ iv, index }) => (
          <li key={`u${index}`} className={`${styles.item} ${styles.user}`} data-testid="intervention">
            <button type="button" className={styles.time} onClick={() => seek(iv.at)} title="Go to this instant">
              {formatTime(iv.at)}
            </button>
            <code className={styles.cmd}>{iv.run}</code>
            <button type="button" className="ui-btn ui-btn-ghost ui-btn-icon ui-btn-sm" aria-label={`Remove “${iv.run}”`} title="Remove" onClick={() => doc.removeIntervention(index)}>
              <Icon name="trash" size={14} />
            </button>
          </li>
        ))}
      </ol>
      {nics.length > 0 && (
        <div className={styles.nics} aria-label="Dynamic reconfiguration and IPMP">
          {nics.map((n) => (
            <div key={n} className={styles.nic}>
              <code>{n}</code>
              <button type="button" className="ui-btn ui-btn-sm" onClick={() => commands.intervene(`cfgadm -c unconfigure ${n}`)}>detach</button>
              <button type="button" className="ui-btn ui-btn-sm" onClick={() => commands.intervene(`cfgadm -c configure ${n}`)}>attach</button>
              <button type="button" className="ui-btn ui-btn-sm" title={`if_mpadm -d ${n}: take ${n} out of service in its IPMP group; its data addresses move to the group's other interfaces`} onClick={() => commands.intervene(`if_mpadm -d ${n}`)}>offline</button>
              <button type="button" className="ui-btn ui-btn-sm" title={`if_mpadm -r ${n}: put ${n} back in service; its data addresses fail back`} onClick={() => commands.intervene(`if_mpadm -r ${n}`)}>online</button>
            </div>
          ))}
        </div>
      )}
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label htmlFor="command-input" className="sr-only">Command to run at the playhead</label>
        <input
          id="command-input"
          className={`ui-input ${styles.input}`}
          value={text}
          placeholder="svcadm restart site/db · fault <fmri> core"
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setText(e.currentTarget.value)}
          aria-invalid={error !== undefined}
          aria-describedby={error === undefined ? undefined : 'command-error'}
        />
        <button type="submit" className="ui-btn ui-btn-sm" disabled={text.trim() === ''}>Run</button>
      </form>
      {error !== undefined && <p id="command-error" className={styles.error} role="alert">{error}</p>}
    </Section>
  );
}
