/**
 * With nothing selected, the inspector shows `svcs -x` at the playhead:
 * exactly what explain.c lists (root causes only, most impact first), in the
 * groups a person reads (src/engine/problems.ts): what failed in this boot;
 * instances merely starting (listed by svcs -x, not problems); instances
 * disabled by configuration that a dependent waits for; and causes a
 * healthy boot of the same graph has too (dependencies on services the graph
 * does not contain), under one collapsed heading that says so.
 */
import { useMemo } from 'react';
import type { Explanation } from '../../engine/index.ts';
import { problemGroups } from '../../engine/problems.ts';
import { shortFmri } from '../../model/smf/fmri.ts';
import { useRun, useSlowFrame, useUiActions } from '../../session/react/context.tsx';
import { svcsLabel } from '../../selectors/narrate.ts';
import { visualState } from '../../selectors/visual-state.ts';
import { StateBadge } from '../StateBadge/StateBadge.tsx';
import styles from './ProblemList.module.css';

function Item({ p }: { readonly p: Explanation }) {
  const ui = useUiActions();
  const frame = useSlowFrame();
  const s = frame.statuses.get(p.fmri);
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
          {p.impact.length > 0 && <span className={styles.impact}> · holds back {p.impact.length}</span>}
        </span>
      </button>
    </li>
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
  const { failures, starting, disabled, expected, missingFromGraph } = groups;
  // What the expected ones hold back (svcs -x's Impact), beyond themselves.
  const behind = useMemo(() => {
    const listed = new Set(expected.map((e) => e.fmri));
    const out = new Set<string>();
    for (const e of expected) for (const f of e.impact) if (!listed.has(f)) out.add(f);
    return out.size;
  }, [expected]);

  return (
    <div className={styles.root} data-testid="inspector.problems" data-failures={failures.length} data-listed={groups.all.length}>
      <p className={styles.summary} data-testid="problems.summary">
        <strong>{counts.online}</strong> of {counts.enabled} enabled services running
        {counts.notEnabled > 0 && <span className={styles.muted}> ({counts.notEnabled} not enabled)</span>}.
        {failures.length === 0
          ? ' Nothing has failed at this instant.'
          : ` svcs -x: ${plural(failures.length, 'problem', 'problems')} at this instant:`}
      </p>
      {failures.length > 0 && (
        <ul className={styles.list} data-testid="problems.failures">
          {failures.map((p) => (
            <Item key={p.fmri} p={p} />
          ))}
        </ul>
      )}
      {starting.length > 0 && (
        <details className={styles.group} data-testid="problems.starting">
          <summary>{plural(starting.length, 'service is', 'services are')} starting (svcs -x lists them; not problems)</summary>
          <ul className={styles.list}>
            {starting.map((p) => (
              <Item key={p.fmri} p={p} />
            ))}
          </ul>
        </details>
      )}
      {disabled.length > 0 && (
        <details className={styles.group} data-testid="problems.disabled">
          <summary>{plural(disabled.length, 'service is', 'services are')} disabled by configuration, yet dependents wait for {disabled.length === 1 ? 'it' : 'them'}</summary>
          <ul className={styles.list}>
            {disabled.map((p) => (
              <Item key={p.fmri} p={p} />
            ))}
          </ul>
        </details>
      )}
      {expected.length > 0 && (
        <details className={styles.group} data-testid="problems.expected">
          <summary>
            Also on a healthy boot of this graph: {plural(expected.length, 'service waits', 'services wait')} for{' '}
            {missingFromGraph.map(shortFmri).join(', ')}, which this graph does not contain
            {behind > 0 && `, and ${plural(behind, 'service waits', 'services wait')} behind them`}
          </summary>
          <ul className={styles.list}>
            {expected.map((p) => (
              <Item key={p.fmri} p={p} />
            ))}
          </ul>
        </details>
      )}
      <p className={styles.hint}>Select a service in the graph, the table or the timeline to see why it is in its state.</p>
    </div>
  );
}
