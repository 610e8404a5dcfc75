/** The built-in scenarios, each with its one-line story (a disclosure, not a bare <select>). */
import { useEffect, useId, useRef, useState } from 'react';
import { useDoc } from '../../session/react/context.tsx';
import { useCommands } from '../../session/react/use-commands.ts';
import { presets } from '../../scenarios/catalog.ts';
import { Icon } from '../Icon/Icon.tsx';
import styles from './ScenarioPicker.module.css';

export function ScenarioPicker() {
  const commands = useCommands();
  const source = useDoc((s) => s.source);
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const list = presets();
  const current = source.kind === 'preset' ? list.find((p) => p.id === source.id)?.title ?? source.id : `${source.scenario.name} (imported)`;

  useEffect(() => {
    if (!open) return undefined;
    const onDown = (e: PointerEvent) => {
      if (root.current !== null && e.target instanceof Node && !root.current.contains(e.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    root.current?.querySelector<HTMLButtonElement>('[aria-current="true"], li button')?.focus();
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  return (
    <div className={styles.root} ref={root}>
      <button
        type="button"
        className={styles.trigger}
        aria-expanded={open}
        aria-controls={id}
        aria-haspopup="dialog"
        title="Choose another scenario"
        data-testid="scenario.picker"
        onClick={() => setOpen((o) => !o)}
      >
        <span className={styles.kicker}>Scenario</span>
        <span className={styles.current}>{current}</span>
        <Icon name="chevronDown" size={14} />
      </button>
      {open && (
        <div
          id={id}
          className={styles.popover}
          role="dialog"
          aria-label="Built-in scenarios"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setOpen(false);
              root.current?.querySelector<HTMLButtonElement>('button')?.focus();
            }
          }}
        >
          <ul>
            {list.map((p) => {
              const active = source.kind === 'preset' && source.id === p.id;
              return (
                <li key={p.id}>
                  <button
                    type="button"
                    className={styles.item}
                    aria-current={active}
                    data-testid={`scenario.option.${p.id}`}
                    onClick={() => {
                      commands.openPreset(p.id);
                      setOpen(false);
                    }}
                  >
                    <span className={styles.title}>{p.title}</span>
                    <span className={styles.story}>{p.story}</span>
                    {p.seed !== undefined && <span className={styles.seed}>{p.seed}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
