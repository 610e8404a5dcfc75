/**
 * The selected service at the playhead: what it is (svcs -l), why it is in
 * its state (svcs -xv), what it waited for (critical chain), its history and
 * log — and svcadm buttons that become timed commands of this boot.
 */
import type { ReactNode } from 'react';
import { FrozenWhile, usePlayhead, useRun, useSlowFrame, useUi, useUiActions } from '../../session/react/context.tsx';
import { usePanelHidden } from '../../session/react/panel-visibility.ts';
import { useCommands } from '../../session/react/use-commands.ts';
import { useInsight } from '../../session/react/insight.ts';
import { formatStime, type InstanceStatus } from '../../engine/index.ts';
import { GROUP_PREFIX } from '../../graph-view/collapse.ts';
import { groupSummary } from '../../graph-view/to-elements.ts';
import { useGraphView } from '../../session/react/use-graph-view.ts';
import { shortFmri } from '../../model/smf/fmri.ts';
import { dependencyFacts, dependentFacts, filePathOf, logUpTo, stateHistory } from '../../selectors/instance-facts.ts';
import { svcsLabel } from '../../selectors/narrate.ts';
import { formatTime } from '../../selectors/playhead.ts';
import { visualState } from '../../selectors/visual-state.ts';
import { CauseChain } from '../CauseChain/CauseChain.tsx';
import { Explanation } from '../Explanation/Explanation.tsx';
import { Icon } from '../Icon/Icon.tsx';
import { ProblemList } from '../ProblemList/ProblemList.tsx';
import { StateBadge } from '../StateBadge/StateBadge.tsx';
import { stateTerm } from '../Term/state-term.ts';
import { Term } from '../Term/Term.tsx';
import styles from './Inspector.module.css';

function Block({ title, children, open = true, testId }: { title: string; children: ReactNode; open?: boolean; testId?: string }) {
  return (
    <details className={styles.block} open={open} data-testid={testId}>
      <summary className={styles.blockTitle}>
        <Icon name="chevronRight" size={12} />
        <span className="ui-eyebrow">{title}</span>
      </summary>
      <div className={styles.blockBody}>{children}</div>
    </details>
  );
}

/** An FMRI that may wrap after its separators (never mid-word). */
function BreakableFmri({ fmri }: { fmri: string }) {
  const parts = fmri.split(/(?<=[/:])/);
  return (
    <>
      {parts.map((p, i) => (
        <span key={i}>
          {p}
          {i < parts.length - 1 && <wbr />}
        </span>
      ))}
    </>
  );
}

function Fmri({ id }: { id: string }) {
  const ui = useUiActions();
  return (
    <button type="button" className={styles.link} onClick={() => ui.select(id)} title={id}>
      {shortFmri(id)}
    </button>
  );
}

interface Verb {
  readonly verb: string;
  readonly command: string;
  readonly enabled: boolean;
  readonly why: string;
}

function verbs(fmri: string, s: InstanceStatus | undefined, model: string): Verb[] {
  const present = s !== undefined && s.present;
  const running = present && (s.state === 'online' || s.state === 'degraded');
  const enabled = present && s.enabled;
  return [
    { verb: 'enable', command: `svcadm enable ${fmri}`, enabled: present && (!enabled || s.temporary), why: 'already enabled' },
    { verb: 'disable', command: `svcadm disable ${fmri}`, enabled: enabled, why: 'already disabled' },
    { verb: 'restart', command: `svcadm restart ${fmri}`, enabled: running, why: 'only a running service restarts' },
    { verb: 'refresh', command: `svcadm refresh ${fmri}`, enabled: present, why: 'not in the repository' },
    { verb: 'clear', command: `svcadm clear ${fmri}`, enabled: present && (s.state === 'maintenance' || s.state === 'degraded'), why: 'clear acts on maintenance or degraded' },
    { verb: 'dump core', command: `fault ${fmri} core`, enabled: running && model === 'contract', why: 'needs a running contract service' },
  ];
}

function GroupInspector({ id }: { id: string }) {
  const ui = useUiActions();
  const frame = useSlowFrame();
  const collapse = useUi((s) => s.collapse);
  const model = useGraphView();
  const node = model.nodes.find((n) => n.id === id);
  if (node === undefined) return <p className={styles.empty}>This group is not shown any more.</p>;
  const open = node.expanded === true;
  return (
    <div className={styles.scroll}>
      <header className={styles.header}>
        <h2 className={styles.fmri}>{node.label}</h2>
        <p className={styles.common}>{groupSummary(node.members ?? [], frame)}</p>
        <p className={styles.common}>
          A group of the graph view: {open ? 'drawn open, around its services.' : 'its services are summarised in one node.'} The simulation and svcs -x speak of each instance.
        </p>
      </header>
      <div className={styles.actions}>
        {collapse === 'story' ? (
          <button type="button" className="ui-btn" onClick={() => ui.toggleGroup(id)} data-testid="inspector.group-toggle">
            {open ? 'Close the group' : 'Open the group'}
          </button>
        ) : (
          <button type="button" className="ui-btn" onClick={() => ui.setCollapse('none')}>
            Show every service
          </button>
        )}
      </div>
      <ul className={styles.members}>
        {(node.members ?? []).map((m) => {
          const s = frame.statuses.get(m);
          return (
            <li key={m} className={styles.memberRow}>
              <Fmri id={m} />
              {!m.startsWith('file:') && <StateBadge state={visualState(s)} label={svcsLabel(s)} compact />}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/**
 * The svcadm buttons: a command runs at the playhead, which they name. The
 * only part of the inspector redrawn on every frame of playback.
 */
function SvcadmActions({ verbs: list }: { verbs: readonly Verb[] }) {
  const commands = useCommands();
  const playhead = usePlayhead();
  return (
    <div className={styles.actions} role="group" aria-label={`svcadm at ${formatTime(playhead)}`}>
      <span className={styles.actionsLabel}>
        Run at <span className="mono">{formatTime(playhead)}</span>
      </span>
      <div className={styles.verbs}>
        {list.map((v) => (
          <button
            key={v.verb}
            type="button"
            className="ui-btn ui-btn-sm"
            disabled={!v.enabled}
            title={v.enabled ? v.command : `${v.command} — ${v.why}`}
            onClick={() => commands.intervene(v.command)}
            data-testid={`svcadm.${v.verb.replace(' ', '-')}`}
          >
            {v.verb}
          </button>
        ))}
      </div>
    </div>
  );
}

/**
 * The inspector in the right panel. Out of sight (a closed drawer on a narrow
 * screen) it keeps what it showed and does no work while a boot plays; it
 * catches up when shown or printed (issue 16).
 */
export function Inspector() {
  const hidden = usePanelHidden('right');
  return (
    <FrozenWhile hidden={hidden}>
      <InspectorBody />
    </FrozenWhile>
  );
}

function InspectorBody() {
  const selected = useUi((s) => s.selected);
  if (selected === undefined) return <ProblemList />;
  if (selected.startsWith(GROUP_PREFIX)) return <GroupInspector id={selected} />;
  return <InstanceInspector selected={selected} />;
}

function InstanceInspector({ selected }: { selected: string }) {
  const commands = useCommands();
  const ui = useUiActions();
  const run = useRun();
  const frame = useSlowFrame();
  const insight = useInsight();
  const breakpoints = useUi((s) => s.breakpoints);

  const inst = run.index.instances.get(selected);
  if (inst === undefined) {
    const isFile = selected.startsWith('file:');
    const dependents = run.index.dependents.get(selected) ?? [];
    if (!isFile && dependents.length === 0) {
      // Selected by a link or an old session, but nothing in this scenario has that name.
      return (
        <div className={styles.scroll} data-testid="inspector.unknown">
          <header className={styles.header}>
            <h2 className={styles.fmri}>{selected}</h2>
            <p className={styles.common}>
              No instance of this scenario has that FMRI, and no dependency names it (svcs: “Pattern &apos;{shortFmri(selected)}&apos; doesn&apos;t match any instances”).
            </p>
          </header>
          <button type="button" className="ui-btn" onClick={() => ui.select(undefined)}>
            Show svcs -x instead
          </button>
        </div>
      );
    }
    return (
      <div className={styles.scroll}>
        <header className={styles.header}>
          <h2 className={styles.fmri}>{shortFmri(selected)}</h2>
          <div className={styles.stateRow}>
            {isFile ? <StateBadge state={frame.files.has(filePathOf(selected)) ? 'file-present' : 'file-missing'} /> : <Term term="absent"><StateBadge state="absent" /></Term>}
            <span className={styles.since}>{isFile ? 'a file:// dependency' : 'named by a dependency, but no instance is in the repository'}</span>
          </div>
        </header>
        <Block title="Dependents">
          <ul className={styles.list}>
            {dependents.map((d) => (
              <li key={`${d.fmri}-${d.group}`}>
                <Fmri id={d.fmri} /> <span className={styles.muted}><Term term={d.grouping}>{d.grouping}</Term>/{d.restartOn}</span>
              </li>
            ))}
          </ul>
        </Block>
      </div>
    );
  }

  const s = frame.statuses.get(selected) ?? inst.initial;
  const state = visualState(s);
  const groups = dependencyFacts(run.index, selected, frame.statuses, frame.files);
  const dependents = dependentFacts(run.index, selected, frame.statuses);
  const history = stateHistory(run.trace, selected);
  const log = logUpTo(run.trace, selected, frame.t);
  const watching = breakpoints.services.includes(selected);
  const ex = insight.explanation;

  return (
    // Keyed by the selection: another service starts at the top of its Why, not where the last one was scrolled to.
    <div className={styles.scroll} data-testid="inspector" key={selected}>
      <header className={styles.header}>
        <h2 className={styles.fmri} data-testid="inspector.fmri">
          <BreakableFmri fmri={selected} />
        </h2>
        {inst.commonName !== undefined && <p className={styles.common}>{inst.commonName}</p>}
        <div className={styles.stateRow}>
          <Term term={stateTerm(state)}>
            <StateBadge state={state} label={svcsLabel(s)} />
          </Term>
          <span className={styles.since} data-testid="inspector.state">
            {s.present ? `since ${formatTime(s.since)}` : 'not in the repository yet'}
            {s.method !== undefined ? ` · ${s.method} method running` : ''}
          </span>
          <button
            type="button"
            className="ui-btn ui-btn-ghost ui-btn-sm"
            aria-pressed={watching}
            onClick={() => ui.toggleServiceBreakpoint(selected)}
            title="Pause playback when this service changes state"
            data-testid="inspector.watch"
          >
            <Icon name="breakpoint" size={12} /> {watching ? 'Watching' : 'Watch'}
          </button>
        </div>
      </header>

      <SvcadmActions verbs={verbs(selected, s, inst.model)} />

      {ex !== undefined && (
        <Block title="Why" testId="inspector.why">
          {insight.why !== undefined && <CauseChain chain={insight.why} />}
          <p className={styles.subhead}>svcs -xv</p>
          <Explanation ex={ex} />
        </Block>
      )}

      {insight.chain.length > 0 && insight.chain[0]?.startedAt !== undefined && (
        <Block title="Critical chain">
          <ol className={styles.chain} data-testid="inspector.chain">
            {insight.chain.map((l, k) => (
              <li key={l.id} style={{ paddingLeft: `${k * 10}px` }}>
                {k > 0 && <span aria-hidden="true" className={styles.muted}>└ </span>}
                <Fmri id={l.id} />
                <span className={styles.muted}>
                  {l.readyAt !== undefined ? ` ${l.id.startsWith('file:') ? 'made' : 'ready'} @${formatStime(l.readyAt)}` : ''}
                  {l.startedAt !== undefined && l.readyAt !== undefined ? ` +${formatStime(l.readyAt - l.startedAt)}` : ''}
                  {l.startedAt !== undefined && l.readyAt === undefined ? ` started @${formatStime(l.startedAt)}, not ready` : ''}
                </span>
              </li>
            ))}
          </ol>
        </Block>
      )}

      <Block title="Dependencies (svcs -l)" testId="inspector.deps">
        {groups.length === 0 ? (
          <p className={styles.muted}>None.</p>
        ) : (
          <ul className={styles.groups}>
            {groups.map((g) => (
              <li key={g.name} className={styles.group}>
                <div className={styles.groupHead}>
                  <span className="mono">
                    {g.restarter ? (
                      <Term term="restarter">restarter</Term>
                    ) : (
                      <>
                        <Term term={g.grouping}>{g.grouping}</Term>/<Term term="restart_on">{g.restartOn}</Term>
                      </>
                    )}
                  </span>
                  <span className={styles.muted}>{g.name}</span>
                </div>
                <ul className={styles.targets}>
                  {g.targets.map((t) => (
                    <li key={t.id} className={styles.target}>
                      <Fmri id={t.id} />
                      <StateBadge state={t.state} label={t.label} compact />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </Block>

      <Block title={`Dependents (${dependents.length})`} open={dependents.length <= 12}>
        {dependents.length === 0 ? (
          <p className={styles.muted}>Nothing depends on it.</p>
        ) : (
          <ul className={styles.targets}>
            {dependents.map((d) => (
              <li key={`${d.fmri}-${d.group}`} className={styles.target}>
                <Fmri id={d.fmri} />
                <span className={`${styles.muted} mono`}><Term term={d.grouping}>{d.grouping}</Term>/{d.restartOn}</span>
                <StateBadge state={d.state} label={d.label} compact />
              </li>
            ))}
          </ul>
        )}
      </Block>

      <Block title="Facts" open={false}>
        <dl className={styles.facts}>
          <dt>enabled</dt>
          <dd>{s.enabled ? 'true' : 'false'}{s.temporary ? ' (temporary)' : ''}</dd>
          <dt>state</dt>
          <dd><Term term={s.state}>{s.state}</Term></dd>
          <dt>next_state</dt>
          <dd>{s.next}</dd>
          <dt>aux_state</dt>
          <dd>{s.aux}</dd>
          <dt>state_time</dt>
          <dd>{formatTime(s.since)}</dd>
          <dt>model</dt>
          <dd><Term term={inst.model}>{inst.model}</Term></dd>
          <dt>start</dt>
          <dd>{inst.startExec}</dd>
          {s.logfile !== undefined && (
            <>
              <dt>logfile</dt>
              <dd>{s.logfile}</dd>
            </>
          )}
          <dt><Term term="restarter">restarter</Term></dt>
          <dd>{inst.restarter ?? 'svc:/system/svc/restarter:default'}</dd>
          {inst.manifest !== undefined && (
            <>
              <dt>manifest</dt>
              <dd>{inst.manifest}</dd>
            </>
          )}
        </dl>
      </Block>

      <Block title={`History (${history.length})`} testId="inspector.history">
        <ol className={styles.history}>
          {history.map((h) => (
            <li key={h.index} className={h.index > frame.index ? styles.future : undefined}>
              <button
                type="button"
                className={styles.historyRow}
                onClick={() => {
                  commands.seekRecord(h.t, h.index);
                }}
                aria-current={h.index === frame.index ? 'step' : undefined}
              >
                <span className="mono">{formatStime(h.t)}</span>
                <span className="mono">
                  {h.from} → <strong>{h.to}</strong>
                </span>
                <span className={styles.muted}>{h.reason}</span>
              </button>
            </li>
          ))}
        </ol>
      </Block>

      <Block title={`Log (${log.length})`} open={log.length > 0}>
        {log.length === 0 ? (
          <p className={styles.muted}>Nothing logged yet.</p>
        ) : (
          <pre className={styles.log}>{log.map((l) => l.text).join('\n')}</pre>
        )}
      </Block>
    </div>
  );
}
