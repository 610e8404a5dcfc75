/**
 * The Export menu (issue 6): the scenario file that reproduces what is on
 * screen, the graph as PNG or SVG (framed with the title, the instant and
 * the legend), the trace as JSON and as Chrome/Perfetto trace events, and the
 * dependency graph as Graphviz dot. Everything is made in the browser and saved as a
 * download.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useRunState, useUi } from '../../session/react/context.tsx';
import { useCommands } from '../../session/react/use-commands.ts';
import { Icon, type IconName } from '../Icon/Icon.tsx';
import styles from './ExportMenu.module.css';

interface Item {
  readonly id: string;
  readonly icon: IconName;
  readonly label: string;
  readonly hint: string;
  readonly needsGraph?: boolean;
  readonly run: () => void;
}

export function ExportMenu() {
  const commands = useCommands();
  const runState = useRunState();
  const view = useUi((s) => s.centreView);
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const ready = runState.status === 'ready';

  const items: readonly Item[] = [
    { id: 'scenario', icon: 'file', label: 'Scenario file (.json)', hint: 'Reopens exactly this boot: conditions applied, commands as actions', run: () => commands.downloadScenario() },
    { id: 'png', icon: 'image', label: 'Graph as PNG', hint: 'The whole graph as drawn, at this instant', needsGraph: true, run: () => void commands.downloadPng() },
    { id: 'svg', icon: 'image', label: 'Graph as SVG', hint: 'Vector image, text kept as text', needsGraph: true, run: () => void commands.downloadSvg() },
    { id: 'trace', icon: 'code', label: 'Trace (.json)', hint: 'Every record the engine made, for scripts', run: () => commands.downloadTrace() },
    { id: 'perfetto', icon: 'code', label: 'Perfetto / Chrome trace (.json)', hint: 'One track per service: method spans, state changes; opens in ui.perfetto.dev', run: () => void commands.downloadTraceEvents() },
    { id: 'dot', icon: 'graph', label: 'Dependency graph (.dot)', hint: 'Graphviz, with the grouping line styles', run: () => void commands.downloadDot() },
    { id: 'saved', icon: 'file', label: 'Saved work in this browser…', hint: 'Other tabs’ sessions, work kept aside: open, download or discard', run: () => commands.showSavedWork() },
  ];

  useEffect(() => {
    if (!open) return undefined;
    menu.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    const onDown = (e: MouseEvent): void => {
      if (wrap.current !== null && e.target instanceof Node && !wrap.current.contains(e.target)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  const onKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    const buttons = [...(menu.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
    const at = buttons.findIndex((b) => b === document.activeElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = buttons[(at + (e.key === 'ArrowDown' ? 1 : buttons.length - 1)) % buttons.length];
      next?.focus();
    }
  };

  return (
    <div className={styles.wrap} ref={wrap}>
      <button
        ref={button}
        type="button"
        className="ui-btn ui-btn-ghost"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={!ready}
        onClick={() => setOpen((o) => !o)}
        data-testid="export.open"
        title="Download the scenario, the graph, the trace or a Graphviz file"
      >
        <Icon name="download" /> Export
      </button>
      {open && (
        <div className={styles.menu} role="menu" aria-label="Export" ref={menu} onKeyDown={onKey}>
          {items.map((it) => {
            const off = it.needsGraph === true && view !== 'graph';
            return (
              <button
                key={it.id}
                type="button"
                role="menuitem"
                className={styles.item}
                disabled={off}
                onClick={() => {
                  setOpen(false);
                  it.run();
                }}
                data-testid={`export.${it.id}`}
              >
                <Icon name={it.icon} size={15} />
                <span className={styles.text}>
                  <span className={styles.label}>{it.label}</span>
                  <span className={styles.hint}>{off ? 'Switch to the Graph view to export it' : it.hint}</span>
                </span>
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}
