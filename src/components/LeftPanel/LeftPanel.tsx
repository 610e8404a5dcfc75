/** The left column: what this scenario is, its conditions and boot controls, commands and breakpoints. */
import { useState } from 'react';
import { useDoc, useRun } from '../../session/react/context.tsx';
import { findPreset } from '../../scenarios/catalog.ts';
import { BreakpointsPanel } from '../BreakpointsPanel/BreakpointsPanel.tsx';
import { ConditionsPanel } from '../ConditionsPanel/ConditionsPanel.tsx';
import { InterventionsPanel } from '../InterventionsPanel/InterventionsPanel.tsx';
import { TourInvite } from '../TourButton/TourButton.tsx';
import styles from './LeftPanel.module.css';

export function LeftPanel() {
  const run = useRun();
  const source = useDoc((s) => s.source);
  const preset = source.kind === 'preset' ? findPreset(source.id) : undefined;
  const story = preset?.story ?? run.base.description;
  const [more, setMore] = useState(false);
  const long = story !== undefined && story.length > 120;
  return (
    <div className={`${styles.panel} ui-scroll`}>
      <div className={styles.card}>
        <h1 className={styles.title}>{preset?.title ?? run.base.name}</h1>
        {story !== undefined && (
          <p className={long && !more ? `${styles.story} ${styles.clamped}` : styles.story}>{story}</p>
        )}
        {long && (
          <button type="button" className={styles.more} aria-expanded={more} onClick={() => setMore((m) => !m)}>
            {more ? 'Less' : 'More'}
          </button>
        )}
        {preset?.seed !== undefined && <p className={styles.seed}>Seed document: docs/seeds/{preset.seed}</p>}
        <TourInvite />
        {run.errors.length > 0 && (
          <ul className={styles.errors} role="alert">
            {run.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        )}
      </div>
      <ConditionsPanel />
      <InterventionsPanel />
      <BreakpointsPanel />
    </div>
  );
}
