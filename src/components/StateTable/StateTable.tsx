/**
 * The text view: every instance and its state at the playhead, as `svcs -a`
 * would list it — the accessible alternative to the canvas.
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
import styles from './StateTable.module.css';

type Order = 'svcs' | 'name';

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
  const files = useMemo(() => run.model.nodes.filter((n) => n.kind === 'file'), [run.model]);

  return (
    <div className={styles.panel}>
      <CentreToolbar matchCount={matches?.size} onSearchEnter={() => shown[0] !== undefined && ui.select(shown[0].inst.fmri)} />
      <div className={`${styles.scroll} ui-scroll`}>
        <table className={styles.table} data-testid="state.table" aria-label="Service states at the playhead">
          <caption className="sr-only">
            {run.trace.instances.length} service instances and their states at {frame.t} ms
          </caption>
          <thead>
            <tr>
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
            {shown.map(({ inst, s, state }) => (
              <tr key={inst.fmri} className={inst.fmri === selected ? styles.selected : undefined} data-fmri={inst.fmri} data-state={svcsLabel(s)}>
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
