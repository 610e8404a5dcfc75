/** Brand, scenario picker, Import, Edit, Export, Share, Help and the theme switch. */
import { useUi, useUiActions } from '../../session/react/context.tsx';
import type { ThemeChoice } from '../../store/ui-store.ts';
import { ExportMenu } from '../ExportMenu/ExportMenu.tsx';
import { Icon, type IconName } from '../Icon/Icon.tsx';
import { EditButton } from '../ImportButton/EditButton.tsx';
import { ImportButton } from '../ImportButton/ImportButton.tsx';
import { ScenarioPicker } from '../ScenarioPicker/ScenarioPicker.tsx';
import { SharePopover } from '../SharePopover/SharePopover.tsx';
import { TourButton } from '../TourButton/TourButton.tsx';
import styles from './TopBar.module.css';

const NEXT_THEME: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const THEME_ICON: Record<ThemeChoice, IconName> = { system: 'system', light: 'sun', dark: 'moon' };

/** Narrow screens only (CSS): the side panels as drawers, one open at a time. */
function DrawerToggles() {
  const ui = useUiActions();
  const drawer = useUi((s) => s.drawer);
  const toggle = (side: 'left' | 'right'): void => ui.setDrawer(drawer === side ? 'none' : side);
  return (
    <div className={styles.drawers} role="group" aria-label="Side panels">
      <button type="button" className="ui-btn ui-btn-ghost" aria-expanded={drawer === 'left'} aria-controls="panel-left" onClick={() => toggle('left')} data-testid="drawer.left">
        Scenario
      </button>
      <button type="button" className="ui-btn ui-btn-ghost" aria-expanded={drawer === 'right'} aria-controls="panel-right" onClick={() => toggle('right')} data-testid="drawer.right">
        Inspector
      </button>
    </div>
  );
}

export function TopBar() {
  const ui = useUiActions();
  const theme = useUi((s) => s.theme);

  return (
    <header className={styles.bar}>
      <div className={styles.brand}>
        <svg width="22" height="22" viewBox="0 0 32 32" aria-hidden="true">
          <rect width="32" height="32" rx="7" fill="var(--text)" />
          <circle cx="9" cy="10" r="4" fill="var(--state-online)" />
          <circle cx="23" cy="10" r="4" fill="var(--state-starting)" />
          <circle cx="16" cy="23" r="4" fill="var(--state-maintenance)" />
          <path d="M9 14l7 5M23 14l-7 5" stroke="var(--bg)" strokeWidth="2" />
        </svg>
        <span className={styles.name}>bootgraph</span>
        <span className={styles.tag}>SMF boot simulator</span>
      </div>
      <ScenarioPicker />
      <div className={styles.spacer} />
      <DrawerToggles />
      <div className={styles.actions}>
      <TourButton />
      <ImportButton />
      <EditButton />
      <ExportMenu />
      <SharePopover />
      <button type="button" className="ui-btn ui-btn-ghost" onClick={() => ui.setHelpOpen(true)} aria-keyshortcuts="?" data-testid="help.open">
        <Icon name="help" /> Help
      </button>
      <button
        type="button"
        className="ui-btn ui-btn-ghost ui-btn-icon"
        onClick={() => ui.setTheme(NEXT_THEME[theme])}
        aria-label={`Theme: ${theme}. Switch to ${NEXT_THEME[theme]}`}
        title={`Theme: ${theme}`}
        data-testid="theme.toggle"
      >
        <Icon name={THEME_ICON[theme]} />
      </button>
      </div>
    </header>
  );
}
