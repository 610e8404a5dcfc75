/**
 * The boot as a Gantt chart (systemd-analyze plot, interactive): one row per
 * instance in start order; bars for waiting, starting, running, stopping and
 * maintenance; markers for failed methods, contract faults and commands.
 * Clicking a bar selects its service; the selected service's critical chain
 * is highlighted. The axis seeks. Only the rows in view are rendered.
 */
import { memo, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useVisibleRows } from '../VirtualRows/use-visible-rows.ts';
import { useRun, useUi, useUiActions } from '../../session/react/context.tsx';
import { useCommands } from '../../session/react/use-commands.ts';
import { useInsight } from '../../session/react/insight.ts';
import { useComparedChanges } from '../../session/react/use-comparison.ts';
import { shortFmri } from '../../model/smf/fmri.ts';
import { axisTicks, type GanttRow } from '../../selectors/gantt.ts';
import { formatTime } from '../../selectors/playhead.ts';
import { STATE_META } from '../../selectors/visual-state.ts';
import styles from './Gantt.module.css';

const ROW_H = 20;
const LABEL_W = 230;
function useWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [w, setW] = useState(600);
  useEffect(() => {
    const el = ref.current;
    if (el === null) return undefined;
    const ro = new ResizeObserver(() => setW(el.clientWidth));
    ro.observe(el);
    setW(el.clientWidth);
    return () => ro.disconnect();
  }, []);
  return [ref, w];
}

interface RowProps {
  readonly row: GanttRow;
  readonly x: (t: number) => number;
  readonly width: number;
  readonly selected: boolean;
  readonly inChain: boolean;
  /** The stretch of this row on the critical chain (start method begin → ready). */
  readonly chainSpan: { readonly start: number; readonly end: number } | undefined;
  readonly dim: boolean;
  /** Its outcome differs in the boot the Compare view sets against this one. */
  readonly changed?: boolean;
  /** Position in the list (rows are placed absolutely: only those in view are rendered). */
  readonly index: number;
  readonly onSelect: (fmri: string) => void;
}

const Row = memo(function Row({ row, x, width, selected, inChain, chainSpan, dim, changed = false, index, onSelect }: RowProps) {
  const cls = [styles.row, index % 2 === 1 ? styles.even : '', selected ? styles.selected : '', inChain ? styles.chain : '', dim ? styles.dim : '', changed ? styles.changed : ''].join(' ');
  return (
    <div className={cls} style={{ top: index * ROW_H }} data-fmri={row.fmri} data-changed={changed || undefined}>
      <button type="button" className={styles.label} onClick={() => onSelect(row.fmri)} aria-pressed={selected} title={row.fmri}>
        {shortFmri(row.fmri)}
      </button>
      <svg className={styles.bars} width={width} height={ROW_H} aria-hidden="true">
        {row.bars.map((b) => {
          if (b.kind === 'disabled' || b.kind === 'uninitialized' || b.kind === 'absent') {
            return <line key={b.start} x1={x(b.start)} x2={b.open ? width : x(b.end)} y1={ROW_H / 2} y2={ROW_H / 2} className={styles.idle} />;
          }
          const x0 = x(b.start);
          const x1 = b.open ? width - 2 : Math.max(x0 + 2, x(b.end));
          return (
            <rect
              key={b.start}
              x={x0}
              y={b.kind === 'offline' ? ROW_H / 2 - 2 : 3}
              width={Math.max(2, x1 - x0)}
              height={b.kind === 'offline' ? 4 : ROW_H - 6}
              rx={2}
              className={`${styles.bar} ${styles[`k_${b.kind}`] ?? ''}`}
              onClick={() => onSelect(row.fmri)}
            >
              <title>{`${shortFmri(row.fmri)} — ${STATE_META[b.kind].label} from ${formatTime(b.start)}${b.open ? '' : ` to ${formatTime(b.end)} (${formatTime(b.end - b.start)})`}`}</title>
            </rect>
          );
        })}
        {chainSpan !== undefined && (
          <rect x={x(chainSpan.start) - 1.5} y={1.5} width={Math.max(4, x(chainSpan.end) - x(chainSpan.start) + 3)} height={ROW_H - 3} rx={3} className={styles.chainSpan} />
        )}
        {row.markers.map((m, i) => (
          <g key={`${m.t}-${i}`} transform={`translate(${x(m.t)}, ${ROW_H / 2})`} className={styles[`m_${m.kind}`]}>
            {m.kind === 'fail' ? <path d="M-3.5 -3.5 L3.5 3.5 M3.5 -3.5 L-3.5 3.5" /> : m.kind === 'fault' ? <path d="M0 -5 L4.5 3.5 L-4.5 3.5 Z" /> : <path d="M0 -4.5 L4.5 0 L0 4.5 L-4.5 0 Z" />}
            <title>{`${formatTime(m.t)}: ${m.text}`}</title>
          </g>
        ))}
      </svg>
    </div>
  );
});

function Playhead({ x }: { x: (t: number) => number }) {
  const t = useUi((s) => s.playhead);
  return <div className={styles.playhead} style={{ transform: `translateX(${LABEL_W + x(t)}px)` }} aria-hidden="true" />;
}

export function Gantt() {
  const commands = useCommands();
  const ui = useUiActions();
  const run = useRun();
  const insight = useInsight();
  const selected = useUi((s) => s.selected);
  const [showIdle, setShowIdle] = useState(false);
  const [ref, total] = useWidth();
  const rows = run.gantt;
  const shown = useMemo(() => (showIdle ? rows : rows.filter((r) => !r.idle)), [rows, showIdle]);
  const idle = rows.length - rows.filter((r) => !r.idle).length;
  const width = Math.max(200, total - LABEL_W - 12);
  const span = Math.max(1, run.trace.endTime) * 1.04;
  const x = useMemo(() => (t: number) => Math.round((Math.min(t, span) / span) * (width - 4)) + 2, [span, width]);
  const ticks = axisTicks(span, Math.max(3, Math.floor(width / 110)));
  const chain = useMemo(() => new Set(insight.chain.length > 1 ? insight.chain.map((l) => l.id) : []), [insight.chain]);
  const spans = useMemo(() => {
    const m = new Map<string, { start: number; end: number }>();
    for (const l of insight.chain) {
      if (l.startedAt !== undefined) m.set(l.id, { start: l.startedAt, end: l.readyAt ?? run.trace.endTime });
    }
    return m;
  }, [insight.chain, run.trace.endTime]);
  const onSelect = useMemo(() => (fmri: string) => ui.select(fmri), [ui]);
  const changed = useComparedChanges();
  const { ref: body, first, last } = useVisibleRows<HTMLDivElement>(shown.length, ROW_H);

  return (
    <div className={styles.root} ref={ref} data-testid="gantt">
      <div className={styles.axis}>
        <div className={styles.axisLabel}>
          <span>{shown.length} services · start order</span>
          {idle > 0 && (
            <button type="button" className={styles.idleToggle} aria-pressed={showIdle} onClick={() => setShowIdle((v) => !v)}>
              {showIdle ? 'hide' : 'show'} {idle} idle
            </button>
          )}
        </div>
        <svg
          width={width}
          height={22}
          className={styles.axisSvg}
          onClick={(e) => {
            const box = e.currentTarget.getBoundingClientRect();
            commands.scrubTo(Math.round(((e.clientX - box.left - 2) / (width - 4)) * span));
          }}
          role="presentation"
        >
          {ticks.map((t) => (
            <g key={t} transform={`translate(${x(t)},0)`}>
              <line y1={14} y2={22} className={styles.tick} />
              <text y={11} textAnchor={t === 0 ? 'start' : 'middle'} className={styles.tickText}>{formatTime(t)}</text>
            </g>
          ))}
        </svg>
      </div>
      <div className={`${styles.body} ui-scroll`} ref={body}>
        <div className={styles.rows} style={{ height: shown.length * ROW_H }}>
          {shown.slice(first, last).map((r, k) => (
            <Row key={r.fmri} row={r} index={first + k} x={x} width={width} selected={r.fmri === selected} inChain={chain.has(r.fmri)} chainSpan={chain.size > 0 ? spans.get(r.fmri) : undefined} dim={chain.size > 0 && !chain.has(r.fmri)} changed={changed?.has(r.fmri) === true} onSelect={onSelect} />
          ))}
          <Playhead x={x} />
        </div>
      </div>
    </div>
  );
}
