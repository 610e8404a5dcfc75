/**
 * With nothing selected, the inspector shows `svcs -x` at the playhead:
 * exactly what explain.c lists (root causes only, most impact first), in the
 * groups a person reads (src/engine/problems.ts): what failed in this boot;
 * instances merely starting (listed by svcs -x, not problems); instances
 * disabled by configuration that a dependent waits for; and causes a
 * healthy boot of the same graph has too (dependencies on services the graph
 * does not contain), under one collapsed heading that says so.
 */
import { useMemo, useState, type ReactNode } from 'react';
import type { Explanation, InstanceStatus } from '../../engine/index.ts';
import { problemGroups } from '../../engine/problems.ts';
import { shortFmri } from '../../model/smf/fmri.ts';
import { useRun, useSlowFrame, useUiActions } from '../../session/react/context.tsx';
import { svcsLabel } from '../../selectors/narrate.ts';
import { visualState } from '../../selectors/visual-state.ts';
import { StateBadge } from '../StateBadge/StateBadge.tsx';
import styles from './ProblemList.module.css';

/** Items drawn per group, and per "Show more": a boot mid-way through 5,000 services has thousands of causes, and a screen shows a dozen. */
const PROBLEMS_SHOWN = 50;
/** Missing services named in the expected group's heading; more are counted. */
const MISSING_NAMED = 5;

function Item({ p, s }: { readonly p: Explanation; readonly s: InstanceStatus | undefined }) {
  const ui = useUiActions();
  return (
    <li>
      <button type="button" className={styles.item} onClick={() => ui.select(p.fmri)} data-testid="problems.item" data-fmri={p.fmri}>
        <span className={styles.head}>
          <span className={styles.fmri}>{shortFmri(p.fmri)}</span>
          <StateBadge state={visualState(s)} label={svcsLabel(s)} compact />
        </span>
        <span className={styles.reason}>
          {p.reasons[0]?.text.replace(/\n\s+/g, ' ') ?? ''}
          {p.reasons.length > 1 && ` (+${p.reasons.length - 1})`}
          {p.impactCount > 0 && <span className={styles.impact}> · holds back {p.impactCount}</span>}
        </span>
      </button>
    </li>
  );
}

/** The first PROBLEMS_SHOWN items, and a button that draws the next ones: the list's DOM grows only when asked. */
function Items({ items, statuses, testId }: { readonly items: readonly Explanation[]; readonly statuses: ReadonlyMap<string, InstanceStatus>; readonly testId?: string }) {
  const [limit, setLimit] = useState(PROBLEMS_SHOWN);
  const rest = items.length - limit;
  return (
    <ul className={styles.list} data-testid={testId}>
      {items.slice(0, limit).map((p) => (
        <Item key={p.fmri} p={p} s={statuses.get(p.fmri)} />
      ))}
      {rest > 0 && (
        <li>
          <button type="button" className={styles.more} onClick={() => setLimit((n) => n + PROBLEMS_SHOWN)} data-testid="problems.more">
            Show {Math.min(rest, PROBLEMS_SHOWN)} more ({rest.toLocaleString('en-US')} not shown)
          </button>
        </li>
      )}
    </ul>
  );
}

/** A collapsed group: its items are drawn only while it is open. */
function Group({ testId, summary, children }: { readonly testId: string; readonly summary: ReactNode; readonly children: () => ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className={styles.group} data-testid={testId} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open && children()}
    </details>
  );
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export function ProblemList() {
  const run = useRun();
  const frame = useSlowFrame();
  const groups = useMemo(() => problemGroups({ trace: run.trace, statuses: frame.statuses, files: frame.files }), [run.trace, frame]);
  // Running out of enabled: an instance that is not enabled never runs, so it is not counted (the 2009 graph has 118 of them).
  const counts = useMemo(() => {
    let online = 0;
    let enabled = 0;
    let notEnabled = 0;
    for (const i of run.trace.instances) {
      const s = frame.statuses.get(i.fmri);
      if (s === undefined || !s.present) continue;
      if (!s.enabled) {
        notEnabled++;
        continue;
      }
      enabled++;
      if (s.state === 'online' || s.state === 'degraded') online++;
    }
    return { online, enabled, notEnabled };
  }, [run.trace, frame]);
  const { failures, starting, disabled, expected, missingFromGraph, behindExpected: behind } = groups;
  const statuses = frame.statuses;

  return (
    <div className={`${styles.root} ui-scroll`} data-testid="inspector.problems" data-failures={failures.length} data-listed={groups.all.length}>
      <p className={styles.summary} data-testid="problems.summary">
        <strong>{counts.online}</strong> of {counts.enabled} enabled services running
        {counts.notEnabled > 0 && <span className={styles.muted}> ({counts.notEnabled} not enabled)</span>}.
        {failures.length === 0
          ? ' Nothing has failed at this instant.'
          : ` svcs -x: ${plural(failures.length, 'problem', 'problems')} at this instant:`}
      </p>
      {failures.length > 0 && <Items items={failures} statuses={statuses} testId="problems.failures" />}
      {starting.length > 0 && (
        <Group testId="problems.starting" summary={`${plural(starting.length, 'service is', 'services are')} starting (svcs -x lists them; not problems)`}>
          {() => <Items items={starting} statuses={statuses} />}
        </Group>
      )}
      {disabled.length > 0 && (
        <Group testId="problems.disabled" summary={`${plural(disabled.length, 'service is', 'services are')} disabled by configuration, yet dependents wait for ${disabled.length === 1 ? 'it' : 'them'}`}>
          {() => <Items items={disabled} statuses={statuses} />}
        </Group>
      )}
      {expected.length > 0 && (
        <Group
          testId="problems.expected"
          summary={
            <>
              Also on a healthy boot of this graph: {plural(expected.length, 'service waits', 'services wait')} for{' '}
              {missingFromGraph.slice(0, MISSING_NAMED).map(shortFmri).join(', ')}
              {missingFromGraph.length > MISSING_NAMED && ` and ${plural(missingFromGraph.length - MISSING_NAMED, 'other service', 'other services')}`}, which this graph does not contain
              {behind > 0 && `, and ${plural(behind, 'service waits', 'services wait')} behind them`}
            </>
          }
        >
          {() => <Items items={expected} statuses={statuses} />}
        </Group>
      )}
      <p className={styles.hint}>Select a service in the graph, the table or the timeline to see why it is in its state.</p>
    </div>
  );
}
