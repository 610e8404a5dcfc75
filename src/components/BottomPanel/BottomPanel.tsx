/** The bottom of the screen: playback controls, then Gantt / Console / Events in tabs; its height is resizable. */
import { useRef } from 'react';
import { useUi, useUiActions } from '../../session/react/context.tsx';
import type { BottomTab } from '../../store/ui-store.ts';
import { BOTTOM_MAX, BOTTOM_MIN } from '../../store/ui-store.ts';
import { ConsolePane } from '../ConsolePane/ConsolePane.tsx';
import { EventsPane } from '../EventsPane/EventsPane.tsx';
import { ExplorePanel } from '../ExplorePanel/ExplorePanel.tsx';
import { HazardsPanel } from '../HazardsPanel/HazardsPanel.tsx';
import { Gantt } from '../Gantt/Gantt.tsx';
import { Transport } from '../Transport/Transport.tsx';
import styles from './BottomPanel.module.css';

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
