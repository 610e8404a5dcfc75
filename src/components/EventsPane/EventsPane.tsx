/** Every record of the trace, in order: the event list stepping moves through (Perfetto's slice list). */
import { memo, useEffect, useMemo, useRef } from 'react';
import { useRun, useSlowFrame, useUiActions } from '../../session/react/context.tsx';
import { useCommands } from '../../session/react/use-commands.ts';
import type { TraceRecord } from '../../engine/index.ts';
import { shortFmri } from '../../model/smf/fmri.ts';
import { describeRecord } from '../../selectors/narrate.ts';
import { formatTime } from '../../selectors/playhead.ts';
import styles from './EventsPane.module.css';

type When = 'past' | 'current' | 'future';

const Line = memo(function Line({ r, index, when, onSeek }: { r: TraceRecord; index: number; when: When; onSeek: (r: TraceRecord, index: number) => void }) {
  const d = describeRecord(r);
  return (
    <li data-index={index} className={styles[when]}>
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
  const list = useRef<HTMLOListElement>(null);
  const onSeek = useMemo(
    () => (r: TraceRecord, index: number) => {
      commands.seekRecord(r.t, index);
      if (r.kind === 'status' || r.kind === 'method') ui.select(r.fmri);
    },
    [commands, ui],
  );
  useEffect(() => {
    const el = list.current?.querySelector<HTMLElement>(`[data-index="${Math.max(0, index)}"]`);
    el?.scrollIntoView({ block: 'nearest' });
  }, [index]);
  return (
    <div className={`${styles.pane} ui-scroll`} data-testid="events">
      <ol ref={list} className={styles.list} aria-label="Events of this boot">
        {run.trace.records.map((r, i) => (
          <Line key={r.seq} r={r} index={i} when={i < index ? 'past' : i === index ? 'current' : 'future'} onSeek={onSeek} />
        ))}
      </ol>
    </div>
  );
}
