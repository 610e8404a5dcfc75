/**
 * Why, all the way down (issue 13): the cause chain of the selected service
 * at the playhead, computed by the engine from the trace and the world's
 * access log (src/engine/cause-chain.ts), at the top of the inspector's Why.
 * Each step can select the service it is about and move the playhead to its
 * instant; an ordering hazard is named, and drawn on the graph as a dashed
 * edge labelled with what it is about.
 */
import type { CauseChain as Chain, CauseStep } from '../../engine/cause-chain.ts';
import { objectWords } from '../../engine/cause-chain.ts';
import { shortFmri } from '../../model/smf/fmri.ts';
import { usePlayhead, useUi, useUiActions } from '../../session/react/context.tsx';
import { useCommands } from '../../session/react/use-commands.ts';
import { formatTime } from '../../selectors/playhead.ts';
import { Icon } from '../Icon/Icon.tsx';
import styles from './CauseChain.module.css';

const KIND_LABEL: Record<CauseStep['kind'], string> = {
  waits: 'waits', running: 'running', starting: 'starting', method: 'method', access: 'world', provided: 'provided by', never: 'never made',
  order: 'order', absent: 'absent', admin: 'administrator', cycle: 'cycle', exit: 'exit', also: 'also',
};

function Step({ step, n, previous }: { readonly step: CauseStep; readonly n: number; readonly previous: string | undefined }) {
  const ui = useUiActions();
  const commands = useCommands();
  const selected = useUi((s) => s.selected);
  const fmri = step.fmri;
  const t = step.t;
  // Only whether the playhead stands on this step's instant: a step is not redrawn on every frame of playback.
  const here = usePlayhead((p) => p === t);
  const hazard = step.kind === 'order' && !step.ordered;
  // The text and its two actions flow as one paragraph: a whole chain fits the inspector at 1366×768.
  return (
    <li className={styles.step} data-kind={step.kind} data-hazard={hazard ? 'true' : undefined} data-testid="why.step" data-fmri={fmri} data-t={t}>
      <span className={styles.n} aria-hidden="true">{n}</span>
      <p className={styles.text}>
        <span className={styles.kind}>{KIND_LABEL[step.kind]}</span> {step.text}
        {t !== undefined && (
          <>
            {' '}
            <button
              type="button"
              className={styles.action}
              onClick={() => commands.scrubTo(t)}
              title={`Move the playhead to ${formatTime(t)}`}
              aria-label={`Move the playhead to ${formatTime(t)}`}
              aria-pressed={here}
              data-testid="why.step.time"
            >
              <Icon name="play" size={9} /> {formatTime(t)}
            </button>
          </>
        )}
        {fmri !== undefined && fmri !== selected && fmri !== previous && (
          <>
            {' '}
            <button type="button" className={styles.action} onClick={() => ui.select(fmri)} title={`Select ${fmri}`} data-testid="why.step.select">
              {shortFmri(fmri)} <Icon name="chevronRight" size={11} />
            </button>
          </>
        )}
      </p>
    </li>
  );
}

export function CauseChain({ chain }: { readonly chain: Chain }) {
  const ui = useUiActions();
  // The dashed edge is drawn in every focus mode, but only the root-cause focus brings both services into view.
  const showOnGraph = (): void => {
    ui.setCentreView('graph');
    ui.setFocusMode('cause');
  };
  return (
    <div className={styles.root} data-testid="why.chain" data-fmri={chain.fmri}>
      <ol className={styles.steps} aria-label={`Why ${chain.fmri} is ${chain.state}, step by step`}>
        {chain.steps.map((s, k) => (
          <Step key={`${s.kind}-${k}`} step={s} n={k + 1} previous={chain.steps[k - 1]?.fmri} />
        ))}
      </ol>
      {chain.hazards.map((h) => (
        <p key={`${h.writer}-${h.reader}-${h.object.name}`} className={styles.hazard} data-testid="why.hazard">
          <Icon name="warning" size={14} />
          <span>
            <strong>Ordering hazard</strong>: {shortFmri(h.writer)} provides {objectWords(h.object)} that {shortFmri(h.reader)} needs, and no dependency orders
            them.{' '}
            <button type="button" className={styles.show} onClick={() => showOnGraph()} data-testid="why.hazard.show" title="Root-cause focus: the failed service, what it needed and the dashed hazard edge">
              Show it on the graph
            </button>
          </span>
        </p>
      ))}
    </div>
  );
}
