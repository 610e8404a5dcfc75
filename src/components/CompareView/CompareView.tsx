/**
 * Compare two boots (issue 8): the boot on screen (A) against its next boot
 * or the same boot with one condition changed (B). Shows the first event
 * where they diverge with both svcs -xv explanations, and every service
 * that ends differently with both timelines; the timeline below marks the
 * same rows. The search box filters the rows.
 */
import { useMemo } from 'react';
import { useDocActions, useRun, useUi, useUiActions } from '../../session/react/context.tsx';
import { useCommands } from '../../session/react/use-commands.ts';
import { useComparison } from '../../session/react/use-comparison.ts';
import { listConditions } from '../../model/world/conditions.ts';
import { comparableConditions, diffCounts, otherValues, pickCondition } from '../../selectors/compare-view.ts';
import { searchMatches } from '../../store/selectors.ts';
import type { CompareFilter } from '../../store/ui-store.ts';
import { CentreToolbar } from '../CentreToolbar/CentreToolbar.tsx';
import { Icon } from '../Icon/Icon.tsx';
import { DiffTable } from './DiffTable.tsx';
import { DivergenceCard } from './DivergenceCard.tsx';
import { HazardDiffCard } from './HazardDiffCard.tsx';
import styles from './CompareView.module.css';

type Filter = CompareFilter;

function VariantPicker() {
  const ui = useUiActions();
  const run = useRun();
  const spec = useUi((s) => s.compare);
  const view = useComparison();
  const defs = useMemo(() => comparableConditions(run.conditions), [run.conditions]);
  const chosen = view.condition;
  const setCondition = (id: string, value?: string): void => {
    const def = defs.find((d) => d.id === id);
    const v = value ?? (def === undefined ? undefined : otherValues(def)[0]?.value);
    if (v !== undefined) ui.setCompare({ kind: 'condition', id, value: v });
  };
  return (
    <div className={styles.variants}>
      <div className="ui-seg" role="group" aria-label="Boot B">
        <button type="button" aria-pressed={spec.kind === 'next-boot'} onClick={() => ui.setCompare({ kind: 'next-boot' })} data-testid="compare.kind.next-boot">
          <Icon name="reboot" size={13} /> Next boot
        </button>
        <button
          type="button"
          aria-pressed={spec.kind === 'condition'}
          disabled={defs.length === 0}
          onClick={() => {
            const pick = pickCondition(run.conditions, chosen?.def.id, chosen?.value);
            if (pick !== undefined) setCondition(pick.def.id, pick.value);
          }}
          data-testid="compare.kind.condition"
        >
          One condition changed
        </button>
        {spec.kind === 'timing' && (
          <button type="button" aria-pressed={true} data-testid="compare.kind.timing" title="Set from the Explore timing panel">
            Other timing (seed {spec.seed})
          </button>
        )}
      </div>
      {spec.kind === 'condition' && chosen !== undefined && (
        <>
          <label className={styles.field}>
            <span className="sr-only">Condition</span>
            <select className="ui-select" value={chosen.def.id} onChange={(e) => setCondition(e.currentTarget.value)} data-testid="compare.condition">
              {defs.map((d) => (
                <option key={d.id} value={d.id}>{d.label}</option>
              ))}
            </select>
          </label>
          <span className={styles.arrow} aria-hidden="true">→</span>
          <label className={styles.field}>
            <span className="sr-only">Value in boot B</span>
            <select className="ui-select" value={chosen.value} onChange={(e) => setCondition(chosen.def.id, e.currentTarget.value)} data-testid="compare.value">
              {otherValues(chosen.def).map((o) => (
                <option key={o.value} value={o.value}>{o.label}</option>
              ))}
            </select>
          </label>
        </>
      )}
    </div>
  );
}

export function CompareView() {
  const commands = useCommands();
  const ui = useUiActions();
  const doc = useDocActions();
  const run = useRun();
  const view = useComparison();
  const search = useUi((s) => s.search);
  // In the UI store, so a link keeps it (issue 18).
  const filter: Filter = useUi((s) => s.compareFilter);
  const counts = useMemo(() => diffCounts(view.rows), [view.rows]);
  const matches = useMemo(() => searchMatches(search, view.rows.map((r) => ({ id: r.fmri, text: '' }))), [search, view.rows]);
  const rows = useMemo(
    () =>
      view.rows.filter(
        (r) =>
          (matches === undefined || matches.has(r.fmri)) &&
          (filter === 'all' || (filter === 'time' ? r.outcome.differs === 'time' : r.outcome.differs !== 'time')),
      ),
    [view.rows, matches, filter],
  );
  const span = Math.max(run.trace.endTime, view.b?.trace.endTime ?? 0) * 1.02;
  const d = view.comparison?.divergence;
  const spec = useUi((s) => s.compare);
  const openB = (): void => {
    if (spec.kind === 'next-boot') commands.nextBoot();
    else if (spec.kind === 'timing') doc.setTiming({ seed: spec.seed, jitter: spec.jitter });
    else if (view.condition !== undefined) {
      const own = listConditions(run.base).find((c) => c.id === view.condition?.def.id)?.value;
      doc.setCondition(view.condition.def.id, view.condition.value, own);
    }
    ui.setCentreView('graph');
  };

  return (
    <div className={styles.panel} data-testid="compare">
      <CentreToolbar matchCount={matches === undefined ? undefined : rows.length} onSearchEnter={() => rows[0] !== undefined && ui.select(rows[0].fmri)} />
      <div className={`${styles.scroll} ui-scroll`}>
        <header className={styles.head}>
          <h2 className={styles.h2}>Compare two boots</h2>
          <p className={styles.ab}>
            <span className={styles.tag} data-side="A">A</span>
            <span data-testid="compare.label.A">{view.labelA}</span>
            <span className={styles.vs}>vs</span>
            <span className={styles.tag} data-side="B">B</span>
            <span data-testid="compare.label.B">{view.labelB}</span>
            <span className={styles.spacer} />
            {view.b !== undefined && (
              <button type="button" className="ui-btn ui-btn-sm" onClick={openB} title="Show boot B in the graph and timeline" data-testid="compare.open-b">
                Open B
              </button>
            )}
          </p>
          <div className={styles.controls}>
            <VariantPicker />
          </div>
        </header>
        {view.unavailable !== undefined ? (
          <p className={styles.unavailable} role="status">{view.unavailable}</p>
        ) : (
          <>
            {view.b !== undefined && <HazardDiffCard a={view.a.trace} b={view.b.trace} labelA={view.labelA} labelB={view.labelB} />}
            <DivergenceCard d={d} labelA={view.labelA} labelB={view.labelB} />
            <section className={styles.outcomes} aria-labelledby="outcomes-title">
              <header className={styles.outHead}>
                <h3 id="outcomes-title" className={styles.h3} data-testid="compare.summary">
                  {view.rows.length === 0
                    ? 'Every service ends the same way.'
                    : `${view.rows.length} service${view.rows.length === 1 ? ' ends' : 's end'} differently: ${counts.state + counts.presence} in another state, ${counts.time} at another time`}
                </h3>
                {view.rows.length > 0 && (
                  <div className="ui-seg" role="group" aria-label="Show">
                    {(['all', 'state', 'time'] as const).map((f) => (
                      <button key={f} type="button" aria-pressed={filter === f} onClick={() => ui.setCompareFilter(f)} data-testid={`compare.filter.${f}`}>
                        {f === 'all' ? 'All' : f === 'state' ? 'Other state' : 'Other time'}
                      </button>
                    ))}
                  </div>
                )}
              </header>
              {rows.length > 0 && <DiffTable rows={rows} span={span} divergenceAt={d?.t} />}
            </section>
          </>
        )}
      </div>
    </div>
  );
}
