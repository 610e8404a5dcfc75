/**
 * The built-in scenarios as a gallery (a disclosure, not a bare <select>):
 * Seeds (the five design stories), Lessons (Learn SMF, one idea each, with a
 * tour) and Real graphs (the illumos boot graphs), each with its story.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useDoc } from '../../session/react/context.tsx';
import { useCommands } from '../../session/react/use-commands.ts';
import { presets, type PresetGroup, type PresetInfo } from '../../scenarios/catalog.ts';
import { tourForPreset } from '../../teaching/tours/index.ts';
import { Icon } from '../Icon/Icon.tsx';
import styles from './ScenarioPicker.module.css';

const SECTIONS: readonly { readonly key: string; readonly title: string; readonly hint: string; readonly groups: readonly (PresetGroup | undefined)[] }[] = [
  { key: 'seed', title: 'Seeds', hint: 'Design stories from 2009, each a boot that went wrong', groups: ['seed'] },
  { key: 'lesson', title: 'Lessons: Learn SMF', hint: 'One idea of SMF each, small, with a tour', groups: ['lesson', 'demo'] },
  { key: 'real', title: 'Real graphs', hint: 'Every service of a stock illumos boot', groups: ['real', undefined] },
];

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
          <div className={styles.gallery}>
            {SECTIONS.map((sec) => {
              const items = list.filter((p) => sec.groups.includes(p.group)).sort((a, b) => sec.groups.indexOf(a.group) - sec.groups.indexOf(b.group) || (a.order ?? 0) - (b.order ?? 0));
              if (items.length === 0) return null;
              return (
                <section key={sec.key} className={styles.section} aria-labelledby={`${id}-${sec.key}`} data-testid={`scenario.section.${sec.key}`}>
                  <h3 id={`${id}-${sec.key}`} className={styles.heading}>
                    {sec.title}
                    <span className={styles.hint}>{sec.hint}</span>
                  </h3>
                  <ul>
                    {items.map((p) => (
                      <PresetItem key={p.id} preset={p} active={source.kind === 'preset' && source.id === p.id} onOpen={() => {
                        commands.openPreset(p.id);
                        setOpen(false);
                      }} />
                    ))}
                  </ul>
                </section>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}

function PresetItem({ preset: p, active, onOpen }: { readonly preset: PresetInfo; readonly active: boolean; readonly onOpen: () => void }) {
  const tour = tourForPreset(p.id);
  return (
    <li>
      <button type="button" className={styles.item} aria-current={active} data-testid={`scenario.option.${p.id}`} onClick={onOpen}>
        <span className={styles.title}>{p.title}</span>
        <span className={styles.story}>{p.story}</span>
        {(p.seed !== undefined || tour !== undefined) && (
          <span className={styles.meta}>
            {tour !== undefined && <span className={styles.badge}>tour · {tour.steps.length} steps</span>}
            {p.seed !== undefined && <span className={styles.seed}>{p.seed}</span>}
          </span>
        )}
      </button>
    </li>
  );
}
