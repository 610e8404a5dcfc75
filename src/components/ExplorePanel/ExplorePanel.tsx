/**
 * The timing explorer (issue 17): boot the scenario on screen N times with
 * every method's duration perturbed (seeded), in a worker, with a progress
 * bar and cancel; the boots grouped into outcome classes with their count,
 * share, the hazards that decided them and a representative boot that opens
 * in the player, or in Compare against a boot of another class.
 */
import { useEffect, useState } from 'react';
import { describeHazardFact, describeMixedFact } from '../../engine/hazard-text.ts';
import { shortFmri } from '../../model/smf/fmri.ts';
import { EXPLORE_DEFAULTS, type Exploration, type OutcomeClass } from '../../engine/explore.ts';
import { useDoc } from '../../session/react/context.tsx';
import { useCommands } from '../../session/react/use-commands.ts';
import { useExplorationKey, useExplorer } from '../../session/react/use-explorer.ts';
import { Term } from '../Term/Term.tsx';
import styles from './ExplorePanel.module.css';

function pct(share: number): string {
  return `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;
}

function NumberField({ label, value, step, min, max, onChange, testid, term }: { label: string; value: number; step: number; min: number; max?: number; onChange: (v: number) => string | undefined; testid: string; term?: string }) {
  const [text, setText] = useState(String(value));
  const [error, setError] = useState<string | undefined>(undefined);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(String(value));
  }
  return (
    <label className={styles.field}>
      <span>{term === undefined ? label : <Term term={term}>{label}</Term>}</span>
      <input
        className={`ui-input ${styles.num}`}
        type="number"
        inputMode="decimal"
        step={step}
        min={min}
        {...(max === undefined ? {} : { max })}
        value={text}
        aria-invalid={error !== undefined}
        onChange={(e) => {
          const t = e.currentTarget.value;
          setText(t);
          const v = Number(t);
          const bad = t.trim() === '' || !Number.isFinite(v) ? `${label}: not a number` : onChange(v);
          setError(bad);
        }}
        data-testid={testid}
      />
      {error !== undefined && (
        <span className={styles.error} role="alert">
          {error}
        </span>
      )}
    </label>
  );
}

function Outcome({ c, varying }: { c: OutcomeClass; varying: readonly string[] }) {
  if (varying.length === 0) return <span className={styles.muted}>every boot ends the same</span>;
  return (
    <span className={styles.states}>
      {Object.entries(c.states).map(([f, s]) => (
        <span key={f} className={styles.state}>
          <span className={styles.fmri}>{shortFmri(f)}</span> <span className={`${styles.st} ${styles[`s_${s}`] ?? ''}`}>{s}</span>
        </span>
      ))}
    </span>
  );
}

function Classes({ result, stale }: { result: Exploration; stale: boolean }) {
  const commands = useCommands();
  const timing = useDoc((s) => s.timing);
  const jitter = result.params.jitter;
  const open = (seed: number): void => commands.openTiming(seed, jitter);
  const compare = (a: OutcomeClass, b: OutcomeClass): void => commands.compareTiming(a.seed, { seed: b.seed, label: `Class ${b.rank} — seed ${b.seed}` }, jitter);
  return (
    <table className={styles.table} data-testid="explore.classes">
      <thead>
        <tr>
          <th scope="col"><Term term="outcome class">Class</Term></th>
          <th scope="col">Boots</th>
          <th scope="col">Share</th>
          <th scope="col">Outcome</th>
          <th scope="col">Decided by</th>
          <th scope="col">Seed</th>
          <th scope="col"><span className="sr-only">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        {result.classes.map((c) => {
          const other = result.classes.find((x) => x.rank !== c.rank);
          const showing = timing !== undefined && timing.seed === c.seed && timing.jitter === jitter;
          return (
            <tr key={c.rank} className={showing ? styles.showing : undefined} data-testid="explore.class" data-rank={c.rank} data-seed={c.seed} data-count={c.count}>
              <td className={styles.rank}>{c.rank}</td>
              <td className={styles.numcell}>{c.count}</td>
              <td>
                <span className={styles.share}>
                  <span className={styles.bar} style={{ width: `${Math.max(2, c.share * 100)}%` }} aria-hidden="true" />
                  <span>{pct(c.share)}</span>
                </span>
              </td>
              <td>
                <Outcome c={c} varying={result.varying} />
              </td>
              <td className={styles.decided}>
                {c.deciding.length === 0 && c.mixed.length === 0 ? (
                  <span className={styles.muted}>—</span>
                ) : (
                  <>
                    {c.deciding.map((d) => (
                      <span key={d.key} className={styles.fact} data-testid="explore.deciding">
                        {describeHazardFact(d.key, d.value)}
                      </span>
                    ))}
                    {c.mixed.map((m) => (
                      <span key={m.key} className={`${styles.fact} ${styles.mixed}`} data-testid="explore.mixed" title="This class happened in either order: the order alone did not decide it (a retry can save a start method that looked too early)">
                        <span className={styles.either}>either order</span> {describeMixedFact(m.key, m.counts)}
                      </span>
                    ))}
                  </>
                )}
              </td>
              <td className={styles.numcell}>{c.seed}</td>
              <td className={styles.actions}>
                <button type="button" className="ui-btn ui-btn-sm" disabled={stale} onClick={() => open(c.seed)} aria-pressed={showing} data-testid="explore.open" title={`Play the boot with seed ${c.seed} (class ${c.rank})`}>
                  {showing ? 'Showing' : 'Open'}
                </button>
                {other !== undefined && (
                  <button type="button" className="ui-btn ui-btn-sm" disabled={stale} onClick={() => compare(c, other)} data-testid="explore.compare" title={`Compare seed ${c.seed} with seed ${other.seed} (class ${other.rank}) side by side`}>
                    Compare with {other.rank}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function ExplorePanel() {
  const commands = useCommands();
  const state = useExplorer();
  const timing = useDoc((s) => s.timing);
  const key = useExplorationKey();
  const p = state.params;
  const running = state.status === 'running';
  const stale = 'key' in state && state.key !== key;
  const start = (): void => commands.startExplore();
  const autorun = state.status === 'idle' && state.autorun === true;
  // A link carried the explorer's parameters: explore as soon as the boot is on screen (the same classes again).
  useEffect(() => {
    if (autorun) commands.startExplore();
  }, [autorun, commands]);
  return (
    <div className={`${styles.pane} ui-scroll`} data-testid="explore" data-status={state.status}>
      <div className={styles.controls}>
        <NumberField label="Boots" value={p.boots} step={50} min={1} testid="explore.boots" onChange={(v) => commands.setExploreParams({ boots: v })} />
        <NumberField label="Jitter ±" value={p.jitter} step={0.1} min={0} max={0.99} testid="explore.jitter" onChange={(v) => commands.setExploreParams({ jitter: v })} />
        <NumberField label="Base seed" value={p.baseSeed} step={1} min={0} testid="explore.seed" onChange={(v) => commands.setExploreParams({ baseSeed: v })} />
        {running ? (
          <button type="button" className="ui-btn" onClick={() => commands.cancelExplore()} data-testid="explore.cancel">
            Cancel
          </button>
        ) : (
          <button type="button" className="ui-btn ui-btn-primary" onClick={start} data-testid="explore.run">
            Explore timing
          </button>
        )}
        <span className={styles.hint}>
          Every method takes its duration ×[{(1 - p.jitter).toFixed(2)}, {(1 + p.jitter).toFixed(2)}); boot k uses seed {p.baseSeed} + k.
        </span>
      </div>
      {running && (
        <div className={styles.progress}>
          <progress max={state.progress.total} value={state.progress.done} aria-label="Boots explored" data-testid="explore.progress" />
          <span>
            {state.progress.done} / {state.progress.total} boots, {state.progress.classes} outcome class{state.progress.classes === 1 ? '' : 'es'} so far
          </span>
        </div>
      )}
      {state.status === 'cancelled' && <p className={styles.note} data-testid="explore.note">Cancelled after {state.progress.done} of {state.progress.total} boots.</p>}
      {state.status === 'error' && (
        <p className={styles.note} role="alert" data-testid="explore.note">
          {state.message}
        </p>
      )}
      {state.status === 'idle' && (
        <p className={styles.note}>
          Boot this scenario {EXPLORE_DEFAULTS.boots} times with perturbed method durations and see every way it can end: boots that end the same form an{' '}
          <Term term="outcome class">outcome class</Term>, each with a seed that replays it.
        </p>
      )}
      {state.status === 'done' && (
        <>
          <p className={styles.note} data-testid="explore.summary">
            {state.result.booted} boots in {(state.ms / 1000).toFixed(1)} s:{' '}
            {state.result.classes.length === 1
              ? 'every boot ends the same — timing does not change the outcome.'
              : `${state.result.classes.length} outcome classes; ${state.result.varying.length} of ${state.result.instances} instances ${state.result.varying.length === 1 ? 'ends' : 'end'} differently.`}
            {stale && <strong className={styles.stale}> This was explored on another scenario or conditions: explore again.</strong>}
          </p>
          <Classes result={state.result} stale={stale} />
        </>
      )}
      {timing !== undefined && (
        <p className={styles.current} data-testid="explore.current">
          The player shows the boot with seed {timing.seed} (durations ×[{(1 - timing.jitter).toFixed(2)}, {(1 + timing.jitter).toFixed(2)})).{' '}
          <button type="button" className="ui-btn ui-btn-sm" onClick={() => commands.unperturb()} data-testid="explore.unperturbed">
            Back to the modelled timing
          </button>
        </p>
      )}
    </div>
  );
}
