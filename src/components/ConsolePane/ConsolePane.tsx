/**
 * The system console as the boot prints it, up to the playhead, with
 * simulated timestamps. Clicking a line selects its service.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useRun, useSlowFrame, useUiActions } from '../../session/react/context.tsx';
import { formatTime } from '../../selectors/playhead.ts';
import styles from './ConsolePane.module.css';

export function ConsolePane() {
  const ui = useUiActions();
  const run = useRun();
  const index = useSlowFrame((f) => f.index);
  const lines = run.trace.console;
  // Lines and records share one sequence: show everything printed before the next record.
  const nextSeq = run.trace.records[index + 1]?.seq ?? Infinity;
  const count = useMemo(() => {
    let n = 0;
    for (const l of lines) if (l.seq < nextSeq) n++;
    return n;
  }, [lines, nextSeq]);
  const box = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  useEffect(() => {
    const el = box.current;
    if (el !== null && stick.current) el.scrollTop = el.scrollHeight;
  }, [count]);

  return (
    <div
      className={`${styles.console} ui-scroll`}
      ref={box}
      onScroll={(e) => {
        const el = e.currentTarget;
        stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
      }}
      data-testid="console"
      role="log"
      aria-label="System console"
    >
      {lines.length === 0 && (
        <p className={styles.quiet}>
          The console is quiet in this boot: svc.startd prints only problems. Turn on “Verbose boot” to see every service start.
        </p>
      )}
      {lines.slice(0, count).map((l) =>
        l.fmri !== undefined ? (
          <button key={l.seq} type="button" className={`${styles.line} ${styles.clickable}`} onClick={() => l.fmri !== undefined && ui.select(l.fmri)} title={`Select ${l.fmri}`}>
            <span className={styles.ts}>{formatTime(l.t).padStart(9)}</span>
            <span className={styles[l.source] ?? ''}>{l.text}</span>
          </button>
        ) : (
          <div key={l.seq} className={styles.line}>
            <span className={styles.ts}>{formatTime(l.t).padStart(9)}</span>
            <span className={styles[l.source] ?? ''}>{l.text}</span>
          </div>
        ),
      )}
      {count < lines.length && <p className={styles.pending}>{lines.length - count} more line{lines.length - count === 1 ? '' : 's'} later in the boot…</p>}
    </div>
  );
}
