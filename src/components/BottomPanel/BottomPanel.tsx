/** The bottom of the screen: playback controls, then Gantt / Console / Events in tabs; its height is resizable. */
import { useRef } from 'react';
import { useUi, useUiActions } from '../../session/react/context.tsx';
import type { BottomTab } from '../../store/ui-store.ts';
import { BOTTOM_MAX, BOTTOM_MIN } from '../../store/ui-store.ts';
import { Gantt } from '../Gantt/Gantt.tsx';
import { Transport } from '../Transport/Transport.tsx';
import { lazyPanel } from '../Lazy/lazy-panel.tsx';
import styles from './BottomPanel.module.css';

// The Timeline tab is the first picture's; the others are fetched when opened or when the page is idle (issue 16).
const ConsolePane = lazyPanel('console', () => import('../ConsolePane/ConsolePane.tsx').then((m) => m.ConsolePane));
const EventsPane = lazyPanel('events list', () => import('../EventsPane/EventsPane.tsx').then((m) => m.EventsPane));
const HazardsPanel = lazyPanel('Hazards panel', () => import('../HazardsPanel/HazardsPanel.tsx').then((m) => m.HazardsPanel));
const ExplorePanel = lazyPanel('timing explorer', () => import('../ExplorePanel/ExplorePanel.tsx').then((m) => m.ExplorePanel));

const TABS: readonly { id: BottomTab; label: string }[] = [
  { id: 'gantt', label: 'Timeline' },
  { id: 'console', label: 'Console' },
  { id: 'events', label: 'Events' },
  { id: 'hazards', label: 'Hazards' },
  { id: 'explore', label: 'Explore timing' },
];

function ResizeHandle() {
  const ui = useUiActions();
  const height = useUi((s) => s.bottomHeight);
  const drag = useRef<{ y: number; h: number } | undefined>(undefined);
  return (
    <div
      className={styles.handle}
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize the timeline panel"
      aria-valuenow={height}
      aria-valuemin={BOTTOM_MIN}
      aria-valuemax={BOTTOM_MAX}
      tabIndex={0}
      onPointerDown={(e) => {
        drag.current = { y: e.clientY, h: height };
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (d !== undefined) ui.setBottomHeight(d.h + (d.y - e.clientY));
      }}
      onPointerUp={() => {
        drag.current = undefined;
      }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
          e.preventDefault();
          e.stopPropagation();
          ui.setBottomHeight(height + (e.key === 'ArrowUp' ? 24 : -24));
        }
      }}
    />
  );
}

export function BottomPanel() {
  const ui = useUiActions();
  const tab = useUi((s) => s.bottomTab);
  return (
    <div className={styles.panel}>
      <ResizeHandle />
      <Transport />
      <div className={styles.tabs} role="tablist" aria-label="Timeline views">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`tabpanel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            className={styles.tab}
            onClick={() => ui.setBottomTab(t.id)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              e.preventDefault();
              e.stopPropagation();
              const k = TABS.findIndex((x) => x.id === t.id);
              const next = TABS[(k + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
              if (next !== undefined) {
                ui.setBottomTab(next.id);
                document.getElementById(`tab-${next.id}`)?.focus();
              }
            }}
            data-testid={`tab.${t.id}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div className={styles.body} role="tabpanel" id={`tabpanel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'gantt' && <Gantt />}
        {tab === 'console' && <ConsolePane />}
        {tab === 'events' && <EventsPane />}
        {tab === 'hazards' && <HazardsPanel />}
        {tab === 'explore' && <ExplorePanel />}
      </div>
    </div>
  );
}
