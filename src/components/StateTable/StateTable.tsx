/**
 * The text view: every instance and its state at the playhead, as `svcs -a`
 * would list it — the accessible alternative to the canvas. Up to
 * ALL_ROWS_UP_TO instances every row is in the document; a bigger graph
 * draws the rows in view (with aria-rowcount and aria-rowindex saying where
 * they are).
 */
import { useMemo, useState } from 'react';
import { useRun, useSlowFrame, useUi, useUiActions } from '../../session/react/context.tsx';
import { formatStime } from '../../engine/index.ts';
import { filePathOf } from '../../selectors/instance-facts.ts';
import { svcsLabel } from '../../selectors/narrate.ts';
import { visualState } from '../../selectors/visual-state.ts';
import { searchMatches } from '../../store/selectors.ts';
import { CentreToolbar } from '../CentreToolbar/CentreToolbar.tsx';
import { StateBadge } from '../StateBadge/StateBadge.tsx';
import { useVisibleRows } from '../VirtualRows/use-visible-rows.ts';
import styles from './StateTable.module.css';

type Order = 'svcs' | 'name';

/** A row's height and the sticky header's (StateTable.module.css). */
const ROW_H = 29;
const HEAD_H = 28;
const ALL_ROWS_UP_TO = 1_000;

export function StateTable() {
  const ui = useUiActions();
  const run = useRun();
  const frame = useSlowFrame();
  const selected = useUi((s) => s.selected);
  const search = useUi((s) => s.search);
  const [order, setOrder] = useState<Order>('svcs');

  const items = useMemo(() => run.trace.instances.map((i) => ({ id: i.fmri, text: i.commonName ?? '' })), [run.trace]);
  const matches = searchMatches(search, items);
  const rows = useMemo(() => {
    const list = run.trace.instances.map((i) => {
      const s = frame.statuses.get(i.fmri) ?? i.initial;
      return { inst: i, s, state: visualState(s) };
    });
    if (order === 'svcs') list.sort((a, b) => a.s.since - b.s.since || a.inst.fmri.localeCompare(b.inst.fmri));
    else list.sort((a, b) => a.inst.fmri.localeCompare(b.inst.fmri));
    return list;
  }, [run.trace, frame, order]);
  const shown = matches === undefined ? rows : rows.filter((r) => matches.has(r.inst.fmri));
  const all = shown.length <= ALL_ROWS_UP_TO;
  const { ref, first, last } = useVisibleRows<HTMLDivElement>(shown.length, ROW_H, { offset: HEAD_H, sticky: true, all });
  const files = useMemo(() => run.model.nodes.filter((n) => n.kind === 'file'), [run.model]);

  return (
    <div className={styles.panel}>
      <CentreToolbar matchCount={matches?.size} onSearchEnter={() => shown[0] !== undefined && ui.select(shown[0].inst.fmri)} />
      <div ref={ref} className={`${styles.scroll} ui-scroll`}>
        <table className={styles.table} data-testid="state.table" aria-label="Service states at the playhead" aria-rowcount={all ? undefined : shown.length + 1}>
          <caption className="sr-only">
            {run.trace.instances.length} service instances and their states at {frame.t} ms
          </caption>
          <thead>
            <tr aria-rowindex={all ? undefined : 1}>
              <th scope="col" className={styles.state}>STATE</th>
              <th scope="col" className={styles.stime}>
                <button type="button" className={styles.sort} aria-pressed={order === 'svcs'} onClick={() => setOrder('svcs')}>STIME</button>
              </th>
              <th scope="col">
                <button type="button" className={styles.sort} aria-pressed={order === 'name'} onClick={() => setOrder('name')}>FMRI</button>
              </th>
              <th scope="col" className={styles.desc}>NAME</th>
            </tr>
          </thead>
          <tbody>
            {first > 0 && <tr aria-hidden="true" style={{ height: first * ROW_H }} />}
            {shown.slice(first, last).map(({ inst, s, state }, k) => (
              <tr
                key={inst.fmri}
                className={`${styles.row} ${inst.fmri === selected ? styles.selected : ''}`}
                data-fmri={inst.fmri}
                data-state={svcsLabel(s)}
                aria-rowindex={all ? undefined : first + k + 2}
              >
                <td>
                  <StateBadge state={state} label={svcsLabel(s)} compact />
                </td>
                <td className={`${styles.stime} mono`}>{s.present ? formatStime(s.since) : '–'}</td>
                <td>
                  <button type="button" className={styles.fmri} aria-pressed={inst.fmri === selected} onClick={() => ui.select(inst.fmri)}>
                    {inst.fmri}
                  </button>
                </td>
                <td className={styles.desc}>{inst.commonName ?? ''}</td>
              </tr>
            ))}
            {last < shown.length && <tr aria-hidden="true" style={{ height: (shown.length - last) * ROW_H }} />}
          </tbody>
        </table>
        {files.length > 0 && (
          <table className={`${styles.table} ${styles.files}`} aria-label="File dependencies at the playhead">
            <thead>
              <tr>
                <th scope="col" className={styles.state}>FILE</th>
                <th scope="col">PATH</th>
              </tr>
            </thead>
            <tbody>
              {files.map((f) => {
                const exists = frame.files.has(filePathOf(f.id));
                return (
                  <tr key={f.id}>
                    <td><StateBadge state={exists ? 'file-present' : 'file-missing'} compact /></td>
                    <td className="mono">{filePathOf(f.id)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
