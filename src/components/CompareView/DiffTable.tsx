/**
 * What ends differently, one row per instance: its final state in A and in
 * B, what changed, and a compact two-lane Gantt (A above, B below) on a
 * shared time axis, the first divergence marked. Clicking a row selects the
 * service.
 */
import { memo, useMemo } from 'react';
import { useUi, useUiActions } from '../../session/react/context.tsx';
import { shortFmri } from '../../model/smf/fmri.ts';
import type { DiffRow } from '../../selectors/compare-view.ts';
import type { GanttBar } from '../../selectors/gantt.ts';
import { axisTicks } from '../../selectors/gantt.ts';
import { formatTime } from '../../selectors/playhead.ts';
import { STATE_META, type VisualState } from '../../selectors/visual-state.ts';
import { StateBadge } from '../StateBadge/StateBadge.tsx';
import styles from './CompareView.module.css';

const LANE_H = 9;

/** Time → a percentage of the lane's width (the lanes stretch with the column). */
type Scale = (t: number) => number;

const pct = (v: number): string => `${v.toFixed(2)}%`;

function Lane({ bars, y, x }: { bars: readonly GanttBar[]; y: number; x: Scale }) {
  return (
    <>
      {bars.map((b) => {
        if (b.kind === 'disabled' || b.kind === 'uninitialized' || b.kind === 'absent') {
          return <line key={b.start} x1={pct(x(b.start))} x2={pct(x(b.end))} y1={y + LANE_H / 2} y2={y + LANE_H / 2} className={styles.idle} />;
        }
        const x0 = x(b.start);
        const w = Math.max(0.6, x(b.end) - x0);
        const thin = b.kind === 'offline';
        return <rect key={b.start} x={pct(x0)} y={thin ? y + LANE_H / 2 - 1.5 : y} width={pct(w)} height={thin ? 3 : LANE_H} className={styles[`k_${b.kind}`]} />;
      })}
    </>
  );
}

function stateOf(s: string | undefined): VisualState {
  if (s === undefined) return 'absent';
  return (STATE_META as Record<string, unknown>)[s] !== undefined ? (s as VisualState) : 'offline';
}

function Outcome({ o }: { o: DiffRow['outcome']['a'] }) {
  return (
    <span className={styles.outcome}>
      <StateBadge state={stateOf(o?.state)} label={o?.state ?? 'absent'} compact />
      {o !== undefined && <span className={styles.since}>{formatTime(o.since)}</span>}
    </span>
  );
}

const Row = memo(function Row({ row, x, divergenceX, selected }: { row: DiffRow; x: Scale; divergenceX: number | undefined; selected: boolean }) {
  const ui = useUiActions();
  const select = (): void => ui.select(row.fmri);
  return (
    <tr className={selected ? styles.selectedRow : undefined} onClick={select} data-testid="compare.row" data-fmri={row.fmri} data-differs={row.outcome.differs}>
      <td>
        <button type="button" className={styles.rowFmri} onClick={(e) => { e.stopPropagation(); select(); }} title={row.fmri} aria-pressed={selected}>
          {shortFmri(row.fmri)}
        </button>
      </td>
      <td><Outcome o={row.outcome.a} /></td>
      <td><Outcome o={row.outcome.b} /></td>
      <td className={styles.change} data-differs={row.outcome.differs}>{row.change}</td>
      <td className={styles.laneCell}>
        <svg width="100%" height={LANE_H * 2 + 4} aria-hidden="true" className={styles.lanes}>
          <Lane bars={row.barsA} y={0} x={x} />
          <Lane bars={row.barsB} y={LANE_H + 4} x={x} />
          {divergenceX !== undefined && <line x1={pct(divergenceX)} x2={pct(divergenceX)} y1={0} y2={LANE_H * 2 + 4} className={styles.divLine} />}
        </svg>
      </td>
    </tr>
  );
});

export function DiffTable({ rows, span, divergenceAt }: { readonly rows: readonly DiffRow[]; readonly span: number; readonly divergenceAt: number | undefined }) {
  const selected = useUi((s) => s.selected);
  const total = Math.max(1, span);
  const x = useMemo<Scale>(() => (t) => 1 + (Math.min(t, total) / total) * 98, [total]);
  const ticks = axisTicks(total, 3);
  return (
    <table className={styles.table} data-testid="compare.table">
      <caption className="sr-only">Services whose final state or time differs between boot A and boot B</caption>
      <colgroup>
        <col />
        <col className={styles.colEnd} />
        <col className={styles.colEnd} />
        <col className={styles.colChange} />
        <col className={styles.colLane} />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">Service</th>
          <th scope="col">A ends</th>
          <th scope="col">B ends</th>
          <th scope="col">What changed</th>
          <th scope="col" className={styles.laneHead}>
            <span className="sr-only">Timeline, A above B</span>
            <svg width="100%" height={14} aria-hidden="true" className={styles.axis}>
              {ticks.map((t) => (
                <text key={t} x={pct(x(t))} y={10} textAnchor={t === 0 ? 'start' : 'middle'}>{formatTime(t)}</text>
              ))}
            </svg>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <Row key={r.fmri} row={r} x={x} divergenceX={divergenceAt === undefined ? undefined : x(divergenceAt)} selected={selected === r.fmri} />
        ))}
      </tbody>
    </table>
  );
}
