/** Brand, scenario picker, Import, Share, Help and the theme switch. */
import { useRef } from 'react';
import { openInline } from '../../app/actions.ts';
import { useDoc, useServices, useUi } from '../../app/context.tsx';
import { validateScenario } from '../../model/scenario/validate.ts';
import type { ThemeChoice } from '../../store/ui-store.ts';
import { Icon, type IconName } from '../Icon/Icon.tsx';
import { ScenarioPicker } from '../ScenarioPicker/ScenarioPicker.tsx';
import styles from './TopBar.module.css';

const NEXT_THEME: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };
const THEME_ICON: Record<ThemeChoice, IconName> = { system: 'system', light: 'sun', dark: 'moon' };

/** Largest scenario file accepted (a full illumos graph is ~200 kB). */
const MAX_IMPORT_BYTES = 5_000_000;

export function TopBar() {
  const services = useServices();
  const theme = useUi((s) => s.theme);
  const source = useDoc((s) => s.source);
  const file = useRef<HTMLInputElement>(null);

  const onFile = async (f: File | undefined): Promise<void> => {
    const ui = services.ui.getState();
    if (f === undefined) return;
    if (f.size > MAX_IMPORT_BYTES) {
      ui.showToast(`${f.name} is too large to import (${Math.round(f.size / 1000)} kB).`, 'error');
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(await f.text());
    } catch (e) {
      ui.showToast(`${f.name} is not JSON: ${e instanceof Error ? e.message : String(e)}`, 'error');
      return;
    }
    const v = validateScenario(json);
    if (!v.ok) {
      const first = v.errors.slice(0, 3).map((x) => `${x.path}: ${x.message}`).join(' · ');
      ui.showToast(`${f.name} is not a valid scenario — ${first}${v.errors.length > 3 ? ` (and ${v.errors.length - 3} more)` : ''}`, 'error');
      return;
    }
    openInline(services, v.scenario);
    ui.showToast(`Imported “${v.scenario.name}” (${v.scenario.services.length} services${v.warnings.length > 0 ? `, ${v.warnings.length} warnings` : ''}).`, 'success');
  };

  const share = async (): Promise<void> => {
    const ui = services.ui.getState();
    // Until issue 6's versioned links: the preset, instant and selection as query parameters.
    const url = new URL(window.location.href);
    url.search = '';
    url.hash = '';
    if (source.kind === 'preset') url.searchParams.set('preset', source.id);
    url.searchParams.set('t', String(Math.round(ui.playhead)));
    if (ui.selected !== undefined) url.searchParams.set('select', ui.selected);
    const link = url.toString();
    try {
      await navigator.clipboard.writeText(link);
      ui.showToast(`Link copied${source.kind === 'inline' ? ' (imported scenarios are not in links yet)' : ''}: ${link}`, 'success');
    } catch {
      ui.showToast(`Copy this link: ${link}`, 'info');
    }
  };

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
      <input
        ref={file}
        type="file"
        accept=".json,application/json"
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="import.file"
        onChange={(e) => {
          void onFile(e.currentTarget.files?.[0]);
          e.currentTarget.value = '';
        }}
      />
      <button type="button" className="ui-btn ui-btn-ghost" onClick={() => file.current?.click()} title="Open a scenario file (.json; SMF manifests later)">
        <Icon name="upload" /> Import
      </button>
      <button type="button" className="ui-btn ui-btn-ghost" onClick={() => void share()} data-testid="share" title="Copy a link to this scenario, instant and selection">
        <Icon name="share" /> Share
      </button>
      <button type="button" className="ui-btn ui-btn-ghost" onClick={() => services.ui.getState().setHelpOpen(true)} aria-keyshortcuts="?" data-testid="help.open">
        <Icon name="help" /> Help
      </button>
      <button
        type="button"
        className="ui-btn ui-btn-ghost ui-btn-icon"
        onClick={() => services.ui.getState().setTheme(NEXT_THEME[theme])}
        aria-label={`Theme: ${theme}. Switch to ${NEXT_THEME[theme]}`}
        title={`Theme: ${theme}`}
        data-testid="theme.toggle"
      >
        <Icon name={THEME_ICON[theme]} />
      </button>
    </header>
  );
}
