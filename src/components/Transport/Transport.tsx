/**
 * Time travel controls (VisuAlgo's media bar, RaftScope's slider): start,
 * step back, play/pause, step forward, end; speed; a scrubber that reaches
 * any simulated instant, with a tick for every instant something happens;
 * and a time box to type an instant.
 */
import { memo, useEffect, useMemo, useState } from 'react';
import type { Trace } from '../../engine/index.ts';
import { useFrame, usePlayhead, usePlayheadReader, usePlaying, useRun, useRunPending, useStopReason, useUi, useUiActions } from '../../session/react/context.tsx';
import { useCommands } from '../../session/react/use-commands.ts';
import { formatSpeed, formatTime, parseTime, SPEEDS } from '../../selectors/playhead.ts';
import { Icon } from '../Icon/Icon.tsx';
import styles from './Transport.module.css';

type TickKind = 'bad' | 'good' | 'info';

interface Tick {
  readonly t: number;
  readonly kind: TickKind;
}

/**
 * Tick positions along the scrubber: one per TICK_SLOTS of its length, so a
 * boot of thousands of distinct instants draws at most this many marks (each
 * slot is under a pixel wide); a slot shows its most telling event (a
 * maintenance before an online before anything else).
 */
const TICK_SLOTS = 1000;

const RANK: Record<TickKind, number> = { info: 0, good: 1, bad: 2 };

function useTicks(): readonly Tick[] {
  const run = useRun();
  return useMemo(() => {
    const end = Math.max(1, run.trace.endTime);
    const slots = new Map<number, { t: number; kind: TickKind }>();
    for (const r of run.trace.records) {
      const kind: TickKind = r.kind === 'status' && r.to === 'maintenance' ? 'bad' : r.kind === 'action' ? 'info' : r.kind === 'status' && r.to === 'online' && r.next === 'none' ? 'good' : 'info';
      const slot = Math.round((r.t / end) * TICK_SLOTS);
      const prev = slots.get(slot);
      if (prev === undefined) slots.set(slot, { t: r.t, kind });
      else if (RANK[kind] > RANK[prev.kind]) prev.kind = kind;
    }
    return [...slots.values()];
  }, [run.trace]);
}

/** The marks: drawn once per boot, not per playhead position. */
const TickMarks = memo(function TickMarks({ ticks, end }: { readonly ticks: readonly Tick[]; readonly end: number }) {
  return (
    <>
      {ticks.map((k) => (
        <span key={k.t} className={styles[k.kind]} style={{ left: `${(k.t / end) * 100}%` }} />
      ))}
    </>
  );
});

function TimeBox({ end }: { end: number }) {
  const commands = useCommands();
  const t = usePlayhead();
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [bad, setBad] = useState<string | undefined>(undefined);
  return (
    <form
      className={styles.timeForm}
      onSubmit={(e) => {
        e.preventDefault();
        const v = draft === undefined ? undefined : parseTime(draft);
        if (v === undefined) {
          // A typed time that does not parse says so (issue 13).
          setBad(draft ?? '');
          return;
        }
        setBad(undefined);
        setDraft(undefined);
        // Never past the end of the boot.
        commands.scrubTo(Math.min(v, end));
        e.currentTarget.querySelector('input')?.blur();
      }}
    >
      <label htmlFor="time-box" className="sr-only">Playhead time (type an instant, e.g. 5.02 s or 5020, and press Enter)</label>
      <input
        id="time-box"
        className={styles.timeBox}
        value={draft ?? formatTime(t)}
        aria-invalid={bad !== undefined}
        aria-describedby={bad === undefined ? undefined : 'time-box-error'}
        spellCheck={false}
        autoComplete="off"
        onFocus={(e) => {
          setDraft(String(Math.round(t)));
          e.currentTarget.select();
        }}
        onBlur={() => {
          setDraft(undefined);
        }}
        onChange={(e) => {
          setDraft(e.currentTarget.value);
          setBad(undefined);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') e.currentTarget.blur();
        }}
        data-testid="transport.time"
      />
      <span className={styles.end}>/ {formatTime(end)}</span>
      {bad !== undefined && (
        <span id="time-box-error" className={styles.timeError} role="alert" data-testid="transport.time-error">
          “{bad}” is not a time: type e.g. 5.02 s, 5020 or 300 ms.
        </span>
      )}
    </form>
  );
}

/**
 * Why playback last stopped, shown only while it is still true: "End of the
 * boot." while the playhead is at the end of the boot on screen; a
 * breakpoint while the playhead is still at that breakpoint of that boot.
 */
function useStopPill(reason: string | undefined, playing: boolean, trace: Trace): string | undefined {
  const [stop, setStop] = useState<{ reason: string; t: number; trace: Trace } | undefined>(undefined);
  const playheadNow = usePlayheadReader();
  useEffect(() => {
    if (playing || reason === undefined) setStop(undefined);
    else setStop((s) => (s?.reason === reason ? s : { reason, t: playheadNow(), trace }));
    // Only a new stop (a new reason, or playing again) records where it happened.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reason, playing]);
  // Only whether the pill is still true: the transport is not redrawn for every frame of playback.
  return usePlayhead((playhead) => {
    if (stop === undefined || playing) return undefined;
    if (stop.reason === 'End of the boot.') return playhead >= trace.endTime ? stop.reason : undefined;
    return stop.trace === trace && stop.t === playhead ? stop.reason : undefined;
  });
}

/** The scrubber: its progress bar and range follow the playhead on every frame (the only part of the bar that does). */
function Scrub({ ticks, end }: { readonly ticks: readonly Tick[]; readonly end: number }) {
  const commands = useCommands();
  const shown = usePlayhead((t) => Math.min(t, end));
  return (
    <div className={styles.scrub}>
      <div className={styles.ticks} aria-hidden="true">
        <TickMarks ticks={ticks} end={end} />
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
  );
}

/** Events applied so far: changes with the record index, not with every frame. */
function EventCounter({ records }: { readonly records: number }) {
  const index = useFrame((f) => f.index);
  return (
    <span className={styles.counter} title="Events applied / events in this boot" data-testid="transport.event">
      event {index + 1}/{records}
    </span>
  );
}

export function Transport() {
  const commands = useCommands();
  const ui = useUiActions();
  const run = useRun();
  const speed = useUi((s) => s.speed);
  const playing = usePlaying();
  const reason = useStopReason();
  const pending = useRunPending();
  const ticks = useTicks();
  const pill = useStopPill(reason, playing, run.trace);
  const end = Math.max(1, run.trace.endTime);
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
      <Scrub ticks={ticks} end={end} />
      <TimeBox end={run.trace.endTime} />
      <EventCounter records={records} />
      {pending && (
        <span className={styles.reason} role="status" data-testid="run.pending">
          simulating…
        </span>
      )}
      {pill !== undefined && !pending && (
        <span className={styles.reason} role="status" data-testid="transport.stopped">{pill}</span>
      )}
    </div>
  );
}
