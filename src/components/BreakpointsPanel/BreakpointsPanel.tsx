/** Breakpoints: pause playback when any service enters maintenance, or when a watched service changes state. */
import { useUi, useUiActions } from '../../session/react/context.tsx';
import { shortFmri } from '../../model/smf/fmri.ts';
import { Icon } from '../Icon/Icon.tsx';
import { Section } from '../Panel/Section.tsx';
import styles from './BreakpointsPanel.module.css';

export function BreakpointsPanel() {
  const ui = useUiActions();
  const bp = useUi((s) => s.breakpoints);
  return (
    <Section title="Breakpoints" id="breakpoints">
      <label className={styles.check}>
        <input type="checkbox" checked={bp.onMaintenance} onChange={(e) => ui.setBreakOnMaintenance(e.currentTarget.checked)} data-testid="breakpoint.maintenance" />
        Pause when any service enters maintenance
      </label>
      {bp.services.length > 0 ? (
        <ul className={styles.list}>
          {bp.services.map((f) => (
            <li key={f} className={styles.item}>
              <span aria-hidden="true" className={styles.dot} />
              <button type="button" className={styles.name} onClick={() => ui.select(f)} title="Select">
                {shortFmri(f)}
              </button>
              <button type="button" className="ui-btn ui-btn-ghost ui-btn-icon ui-btn-sm" aria-label={`Remove the breakpoint on ${shortFmri(f)}`} onClick={() => ui.toggleServiceBreakpoint(f)}>
                <Icon name="close" size={13} />
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.hint}>Watch a service from the inspector to pause when it changes state.</p>
      )}
    </Section>
  );
}
