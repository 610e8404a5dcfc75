/**
 * The on-screen legend: every state with its colour, shape, border and
 * glyph, and every dependency grouping with its line style (systemd#8970:
 * a chart nobody can read without the manual is not done).
 */
import { useState } from 'react';
import { useUi, useUiActions } from '../../session/react/context.tsx';
import { STATE_SHAPE } from '../../graph-view/stylesheet.ts';
import { STATE_META, VISUAL_STATES, type VisualState } from '../../selectors/visual-state.ts';
import { Icon } from '../Icon/Icon.tsx';
import { stateTerm } from '../Term/state-term.ts';
import { Term } from '../Term/Term.tsx';
import styles from './Legend.module.css';

function Swatch({ state }: { state: VisualState }) {
  const enc = STATE_SHAPE[state];
  const w = 24;
  const h = 14;
  const sw = Math.min(enc.width, 3);
  const dash = enc.border === 'dashed' ? '4 2.5' : enc.border === 'dotted' ? '1.2 2' : undefined;
  const inset = sw / 2 + 0.5;
  let shape;
  if (enc.shape === 'octagon') {
    const c = 4;
    const pts = [[c, inset], [w - c, inset], [w - inset, c], [w - inset, h - c], [w - c, h - inset], [c, h - inset], [inset, h - c], [inset, c]].map((p) => p.join(',')).join(' ');
    shape = <polygon points={pts} />;
  } else if (enc.shape === 'barrel') {
    shape = <path d={`M${4} ${inset} H${w - 4} Q${w - inset} ${h / 2} ${w - 4} ${h - inset} H4 Q${inset} ${h / 2} 4 ${inset} Z`} />;
  } else {
    shape = <rect x={inset} y={inset} width={w - 2 * inset} height={h - 2 * inset} rx={enc.shape === 'rectangle' ? 1 : 4} />;
  }
  return (
    <svg width={w} height={h} aria-hidden="true" className={styles.swatch}>
      <g fill={`var(--state-${state}-fill)`} stroke={`var(--state-${state})`} strokeWidth={sw} strokeDasharray={dash}>
        {shape}
        {enc.border === 'double' && <rect x={3.5} y={3.5} width={w - 7} height={h - 7} rx={2} fill="none" strokeWidth={1} />}
      </g>
      <text x={w / 2} y={h / 2 + 3} textAnchor="middle" fontSize="8.5" fill={`var(--state-${state}-text)`}>
        {STATE_META[state].glyph}
      </text>
    </svg>
  );
}

const EDGES = [
  { cls: 'require_all', label: 'require_all', note: 'needs every one', width: 2.4, dash: undefined, colour: 'var(--edge)', head: 'arrow' },
  { cls: 'require_any', label: 'require_any', note: 'needs one of them', width: 1, dash: undefined, colour: 'var(--edge)', head: 'arrow' },
  { cls: 'optional_all', label: 'optional_all', note: 'waits if enabled', width: 1.4, dash: '5 3', colour: 'var(--edge)', head: 'arrow' },
  { cls: 'exclude_all', label: 'exclude_all', note: 'must not run', width: 1.6, dash: undefined, colour: 'var(--edge-exclude)', head: 'tee' },
  { cls: 'restarter', label: 'restarter', note: 'delegated restarter', width: 1.6, dash: '1.5 2.5', colour: 'var(--edge)', head: 'square' },
] as const;

function EdgeSwatch({ e }: { e: (typeof EDGES)[number] }) {
  return (
    <svg width={26} height={12} aria-hidden="true" className={styles.swatch}>
      <line x1={1} y1={6} x2={20} y2={6} stroke={e.colour} strokeWidth={e.width} strokeDasharray={e.dash} />
      {e.head === 'arrow' && <path d="M19 2.5 25 6 19 9.5z" fill={e.colour} />}
      {e.head === 'tee' && <line x1={23} y1={1.5} x2={23} y2={10.5} stroke={e.colour} strokeWidth={2.2} />}
      {e.head === 'square' && <rect x={20} y={3} width={6} height={6} fill={e.colour} />}
    </svg>
  );
}

export function Legend() {
  // Short screens (a 768 px laptop or projector) give the graph the room: the legend starts folded. Once the user
  // folds or unfolds it, the UI store keeps the choice, and a link carries it (issue 18).
  const [tall] = useState(() => typeof window === 'undefined' || window.innerHeight > 900);
  const chosen = useUi((s) => s.legendOpen);
  const ui = useUiActions();
  const open = chosen ?? tall;
  return (
    <div className={styles.legend} data-open={open}>
      <button type="button" className={styles.toggle} aria-expanded={open} aria-controls="graph-legend" data-testid="legend.toggle" onClick={() => ui.setLegendOpen(!open)} title={`${open ? 'Hide' : 'Show'} the legend. Each service sits below what it depends on; a glow means a method is running.`}>
        <Icon name="legend" size={13} /> {open ? '' : 'Legend'}
      </button>
      {open && (
        <div id="graph-legend" className={styles.body}>
          <ul className={styles.grid} aria-label="Service states">
            {VISUAL_STATES.map((s) => (
              <li key={s}>
                <Swatch state={s} />
                <Term term={stateTerm(s)} className={styles.name}>{STATE_META[s].label}</Term>
              </li>
            ))}
            <li>
              <svg width={24} height={14} aria-hidden="true" className={styles.swatch}>
                <polygon points="5,1.5 23,1.5 19,12.5 1,12.5" fill="none" stroke="var(--file)" strokeWidth={1.5} />
                <text x={12} y={10.5} textAnchor="middle" fontSize="8.5" fill="var(--text)">◆</text>
              </svg>
              <Term term="FMRI" className={styles.name}>file</Term>
            </li>
          </ul>
          <ul className={styles.edges} aria-label="Dependency groupings">
            {EDGES.map((e) => (
              <li key={e.cls}>
                <EdgeSwatch e={e} />
                <Term term={e.label} className={styles.name}>{e.label}</Term>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
