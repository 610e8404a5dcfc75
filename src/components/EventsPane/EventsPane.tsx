/**
 * Every record of the trace, in order: the event list stepping moves through
 * (Perfetto's slice list). A long boot draws only the rows in view (a
 * 5,000-service boot has ~25,000 events).
 */
import { memo, useEffect, useMemo } from 'react';
import { useRun, useSlowFrame, useUiActions } from '../../session/react/context.tsx';
import { useCommands } from '../../session/react/use-commands.ts';
import type { TraceRecord } from '../../engine/index.ts';
import { shortFmri } from '../../model/smf/fmri.ts';
import { describeRecord } from '../../selectors/narrate.ts';
import { formatTime } from '../../selectors/playhead.ts';
import { useVisibleRows } from '../VirtualRows/use-visible-rows.ts';
import styles from './EventsPane.module.css';

/** A row's height (EventsPane.module.css) and the list's top padding. */
const ROW_H = 21;
const PAD = 4;
/** Up to this many events every row is in the document (find in page, screen readers). */
const ALL_ROWS_UP_TO = 1_000;

type When = 'past' | 'current' | 'future';

const Line = memo(function Line({ r, index, count, when, onSeek }: { r: TraceRecord; index: number; count: number; when: When; onSeek: (r: TraceRecord, index: number) => void }) {
  const d = describeRecord(r);
  return (
    <li data-index={index} className={styles[when]} aria-posinset={index + 1} aria-setsize={count}>
      <button type="button" className={`${styles.row} ${styles[d.tone] ?? ''}`} onClick={() => onSeek(r, index)} aria-current={when === 'current' ? 'step' : undefined}>
        <span className={styles.ts}>{formatTime(r.t)}</span>
        <span className={styles.kind}>{r.kind}</span>
        {d.subject !== undefined && <span className={styles.subject}>{shortFmri(d.subject)}</span>}
        <span className={styles.text}>{d.text}</span>
      </button>
    </li>
  );
});

export function EventsPane() {
  const ui = useUiActions();
  const commands = useCommands();
  const run = useRun();
  const index = useSlowFrame((f) => f.index);
  const records = run.trace.records;
  const rows = useVisibleRows<HTMLDivElement>(records.length, ROW_H, { offset: PAD, all: records.length <= ALL_ROWS_UP_TO });
  const { first, last, reveal } = rows;
  const onSeek = useMemo(
    () => (r: TraceRecord, index: number) => {
      commands.seekRecord(r.t, index);
      if (r.kind === 'status' || r.kind === 'method') ui.select(r.fmri);
    },
    [commands, ui],
  );
  useEffect(() => reveal(Math.max(0, index)), [index, reveal]);
  return (
    <div ref={rows.ref} className={`${styles.pane} ui-scroll`} data-testid="events">
      <ol className={styles.list} style={{ paddingTop: PAD + first * ROW_H, paddingBottom: PAD + (records.length - last) * ROW_H }} aria-label="Events of this boot">
        {records.slice(first, last).map((r, k) => {
          const i = first + k;
          return <Line key={r.seq} r={r} index={i} count={records.length} when={i < index ? 'past' : i === index ? 'current' : 'future'} onSeek={onSeek} />;
        })}
      </ol>
    </div>
  );
}
