/** Above the graph or the table: view switch, focus mode, grouping, search and zoom. */
import { useRef, useState } from 'react';
import { useUi, useUiActions } from '../../session/react/context.tsx';
import { useSearchFocus } from '../../session/react/view-commands.ts';
import type { CollapseMode } from '../../graph-view/collapse.ts';
import { FOCUS_MODES, type FocusMode } from '../../graph-view/focus.ts';
import { Icon } from '../Icon/Icon.tsx';
import styles from './CentreToolbar.module.css';

const COLLAPSE: readonly { mode: CollapseMode; label: string; hint: string }[] = [
  { mode: 'story', label: 'the story', hint: 'Failed services, their causes and the milestones; the rest in groups by milestone stage (click a group to open it)' },
  { mode: 'active', label: 'active services', hint: 'Every service except those that stay disabled, uninitialized or absent all boot' },
  { mode: 'none', label: 'all services', hint: 'Every instance in the repository, and file and absent dependency targets' },
  { mode: 'category', label: 'by category', hint: 'One node per category (system/filesystem, network, …); double-click to expand' },
  { mode: 'milestone', label: 'by milestone', hint: 'One node per milestone stage: what each milestone needs that an earlier one does not' },
];

export interface SearchResult {
  readonly id: string;
  /** The short FMRI. */
  readonly label: string;
  /** The common name, or where the service is drawn (a group). */
  readonly detail: string;
}

const MAX_RESULTS = 8;

export function CentreToolbar({
  matchCount,
  results,
  onPick,
  onSearchEnter,
}: {
  readonly matchCount: number | undefined;
  /** Search results, best first (search-rank.ts): shown as a list under the box (the graph). */
  readonly results?: readonly SearchResult[];
  readonly onPick?: (id: string) => void;
  /** Enter without a result list (the table, compare). */
  readonly onSearchEnter?: () => void;
}) {
  const actions = useUiActions();
  const view = useUi((s) => s.centreView);
  const focus = useUi((s) => s.focusMode);
  const collapse = useUi((s) => s.collapse);
  const search = useUi((s) => s.search);
  const selected = useUi((s) => s.selected);
  const input = useRef<HTMLInputElement>(null);
  const [active, setActive] = useState(0);
  const [listOpen, setListOpen] = useState(false);
  const shown = (results ?? []).slice(0, MAX_RESULTS);
  const showList = results !== undefined && listOpen && search.trim() !== '';
  const pick = (id: string | undefined): void => {
    if (id === undefined) return;
    setListOpen(false);
    onPick?.(id);
  };
  // The `/` key: a request waits for the box if the view is switching to one that has it.
  useSearchFocus(() => {
    input.current?.focus();
    input.current?.select();
  });

  return (
    <div className={styles.bar} role="toolbar" aria-label="Graph view">
      <div className="ui-seg" role="group" aria-label="View">
        <button type="button" aria-pressed={view === 'graph'} onClick={() => actions.setCentreView('graph')} data-testid="view.graph">
          <Icon name="graph" size={13} /> Graph
        </button>
        <button type="button" aria-pressed={view === 'table'} onClick={() => actions.setCentreView('table')} data-testid="view.table">
          <Icon name="table" size={13} /> Table
        </button>
        <button type="button" aria-pressed={view === 'compare'} onClick={() => actions.setCentreView('compare')} title="Compare this boot with its next boot, or with one condition changed" data-testid="view.compare">
          <Icon name="compare" size={13} /> Compare
        </button>
      </div>
      {view === 'graph' && (
        <>
          <label className={styles.field}>
            <span className={styles.label}>Focus</span>
            <select
              className="ui-select"
              value={focus}
              onChange={(e) => actions.setFocusMode(e.currentTarget.value as FocusMode)}
              title={selected === undefined ? 'Select a service to focus on it' : FOCUS_MODES.find((f) => f.mode === focus)?.hint}
              data-testid="focus.mode"
            >
              {FOCUS_MODES.map((f) => (
                <option key={f.mode} value={f.mode}>{f.label}</option>
              ))}
            </select>
          </label>
          <label className={styles.field}>
            <span className={styles.label}>Show</span>
            <select
              className="ui-select"
              value={collapse}
              onChange={(e) => actions.setCollapse(e.currentTarget.value as CollapseMode)}
              title={COLLAPSE.find((c) => c.mode === collapse)?.hint}
              data-testid="collapse.mode"
            >
              {COLLAPSE.map((c) => (
                <option key={c.mode} value={c.mode}>{c.label}</option>
              ))}
            </select>
          </label>
        </>
      )}
      <div className={styles.spacer} />
      <div className={styles.search}>
        <Icon name="search" size={14} />
        <input
          ref={input}
          type="search"
          className={styles.searchInput}
          placeholder="Search services"
          aria-label="Search services by name"
          aria-keyshortcuts="/"
          value={search}
          spellCheck={false}
          role="combobox"
          aria-expanded={showList}
          aria-controls="search-results"
          aria-autocomplete="list"
          {...(showList && shown[active] !== undefined ? { 'aria-activedescendant': `search-result-${active}` } : {})}
          onChange={(e) => {
            actions.setSearch(e.currentTarget.value);
            setActive(0);
            setListOpen(true);
          }}
          onFocus={() => setListOpen(true)}
          onBlur={() => setListOpen(false)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              if (results === undefined) onSearchEnter?.();
              else pick((shown[active] ?? shown[0])?.id);
            } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              e.stopPropagation();
              setListOpen(true);
              const n = Math.max(1, shown.length);
              setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % n : (a - 1 + n) % n));
            } else if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              actions.setSearch('');
              setListOpen(false);
              e.currentTarget.blur();
            }
          }}
          data-testid="search"
        />
        {matchCount !== undefined && <span className={styles.count} aria-live="polite">{matchCount} match{matchCount === 1 ? '' : 'es'}</span>}
        {search === '' && <kbd className="ui-kbd" aria-hidden="true">/</kbd>}
        {showList && (
          <ul id="search-results" role="listbox" aria-label="Matching services, best first" className={styles.results} data-testid="search.results">
            {shown.length === 0 ? (
              <li className={styles.none} role="presentation">No service matches</li>
            ) : (
              shown.map((r, k) => (
                <li
                  key={r.id}
                  id={`search-result-${k}`}
                  role="option"
                  aria-selected={k === active}
                  className={styles.result}
                  // Before the input's blur closes the list.
                  onMouseDown={(e) => {
                    e.preventDefault();
                    pick(r.id);
                  }}
                  onMouseEnter={() => setActive(k)}
                >
                  <span className={styles.resultName}>{r.label}</span>
                  {r.detail !== '' && <span className={styles.resultDetail}>{r.detail}</span>}
                </li>
              ))
            )}
            {(results?.length ?? 0) > shown.length && <li className={styles.none} role="presentation">{(results?.length ?? 0) - shown.length} more: type more of the name</li>}
          </ul>
        )}
      </div>
    </div>
  );
}
