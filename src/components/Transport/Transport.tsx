/**
 * Time travel controls (VisuAlgo's media bar, RaftScope's slider): start,
 * step back, play/pause, step forward, end; speed; a scrubber that reaches
 * any simulated instant, with a tick for every instant something happens;
 * and a time box to type an instant.
 */
import { useMemo, useState } from 'react';
import { useFrame, usePlaying, useRun, useRunPending, useStopReason, useUi, useUiActions } from '../../session/react/context.tsx';
import { useCommands } from '../../session/react/use-commands.ts';
import { formatSpeed, formatTime, parseTime, SPEEDS } from '../../selectors/playhead.ts';
import { Icon } from '../Icon/Icon.tsx';
import styles from './Transport.module.css';

type TickKind = 'bad' | 'good' | 'info';

function useTicks(): { t: number; kind: TickKind }[] {
  const run = useRun();
  return useMemo(() => {
    const out = new Map<number, TickKind>();
    for (const r of run.trace.records) {
      const kind: TickKind = r.kind === 'status' && r.to === 'maintenance' ? 'bad' : r.kind === 'action' ? 'info' : r.kind === 'status' && r.to === 'online' && r.next === 'none' ? 'good' : 'info';
      const prev = out.get(r.t);
      if (prev === undefined || kind === 'bad' || (kind === 'good' && prev === 'info')) out.set(r.t, kind);
    }
    return [...out.entries()].map(([t, kind]) => ({ t, kind }));
  }, [run.trace]);
}

function TimeBox({ t, end }: { t: number; end: number }) {
  const commands = useCommands();
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [bad, setBad] = useState(false);
  return (
    <form
      className={styles.timeForm}
      onSubmit={(e) => {
        e.preventDefault();
        const v = draft === undefined ? undefined : parseTime(draft);
        if (v === undefined) {
          setBad(true);
          return;
        }
        setBad(false);
        setDraft(undefined);
        commands.scrubTo(v);
      }}
    >
      <label htmlFor="time-box" className="sr-only">Playhead time (type an instant, e.g. 5.02 s or 5020, and press Enter)</label>
      <input
        id="time-box"
        className={styles.timeBox}
        value={draft ?? formatTime(t)}
        aria-invalid={bad}
        spellCheck={false}
        autoComplete="off"
        onFocus={(e) => {
          setDraft(String(Math.round(t)));
          e.currentTarget.select();
        }}
        onBlur={() => {
          setDraft(undefined);
          setBad(false);
        }}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') e.currentTarget.blur();
        }}
        data-testid="transport.time"
      />
      <span className={styles.end}>/ {formatTime(end)}</span>
    </form>
  );
}

export function Transport() {
  const commands = useCommands();
  const ui = useUiActions();
  const run = useRun();
  const index = useFrame((f) => f.index);
  const playhead = useUi((s) => s.playhead);
  const speed = useUi((s) => s.speed);
  const playing = usePlaying();
  const reason = useStopReason();
  const pending = useRunPending();
  const ticks = useTicks();
  const end = Math.max(1, run.trace.endTime);
  const shown = Math.min(playhead, end);
  const records = run.trace.records.length;

  return (
    <div className={styles.bar} role="group" aria-label="Playback">
      <div className={styles.buttons}>
        <button type="button" className="ui-btn ui-btn-ghost ui-btn-icon" onClick={() => commands.home()} aria-label="Go to the start" title="Start (Home)" aria-keyshortcuts="Home">
          <Icon name="start" />
        </button>
        <button type="button" className="ui-btn ui-btn-ghost ui-btn-icon" onClick={() => commands.stepBack()} aria-label="Step back one event" title="Step back (←)" aria-keyshortcuts="ArrowLeft" data-testid="transport.back">
          <Icon name="stepBack" />
        </button>
        <button
          type="button"
          className={`ui-btn ui-btn-primary ui-btn-icon ${styles.play}`}
          onClick={() => commands.togglePlay()}
          aria-label={playing ? 'Pause' : 'Play'}
          title={playing ? 'Pause (Space)' : 'Play (Space)'}
          aria-keyshortcuts="Space"
          data-testid="transport.play"
          data-playing={playing}
        >
          <Icon name={playing ? 'pause' : 'play'} />
        </button>
        <button type="button" className="ui-btn ui-btn-ghost ui-btn-icon" onClick={() => commands.stepForward()} aria-label="Step forward one event" title="Step forward (→)" aria-keyshortcuts="ArrowRight" data-testid="transport.forward">
          <Icon name="stepForward" />
        </button>
        <button type="button" className="ui-btn ui-btn-ghost ui-btn-icon" onClick={() => commands.end()} aria-label="Go to the end" title="End (End)" aria-keyshortcuts="End">
          <Icon name="end" />
        </button>
      </div>
      <label className={styles.speed}>
        <span className="sr-only">Speed</span>
        <select className="ui-select" value={speed} onChange={(e) => ui.setSpeed(Number(e.currentTarget.value))} data-testid="transport.speed" title="Speed (+ / −)">
          {SPEEDS.map((s) => (
            <option key={s} value={s}>{formatSpeed(s)}</option>
          ))}
        </select>
      </label>
      <div className={styles.scrub}>
        <div className={styles.ticks} aria-hidden="true">
          {ticks.map((k) => (
            <span key={k.t} className={styles[k.kind]} style={{ left: `${(k.t / end) * 100}%` }} />
          ))}
          <span className={styles.progress} style={{ width: `${(shown / end) * 100}%` }} />
        </div>
        <input
          type="range"
          className={styles.range}
          min={0}
          max={end}
          step={1}
          value={shown}
          aria-label="Simulated time"
          aria-valuetext={`${formatTime(shown)} of ${formatTime(end)}`}
          onChange={(e) => commands.scrubTo(Number(e.currentTarget.value))}
          data-testid="transport.scrubber"
        />
      </div>
      <TimeBox t={playhead} end={run.trace.endTime} />
      <span className={styles.counter} title="Events applied / events in this boot" data-testid="transport.event">
        event {index + 1}/{records}
      </span>
      {pending && (
        <span className={styles.reason} role="status" data-testid="run.pending">
          simulating…
        </span>
      )}
      {reason !== undefined && !playing && !pending && (
        <span className={styles.reason} role="status">{reason}</span>
      )}
    </div>
  );
}
