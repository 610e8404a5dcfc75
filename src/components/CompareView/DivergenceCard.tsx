/** The first event where the two boots part ways: when, which instance, both events, and svcs -xv of it in each boot. */
import { useUiActions } from '../../session/react/context.tsx';
import { useCommands } from '../../session/react/use-commands.ts';
import type { Divergence } from '../../engine/compare.ts';
import { formatTime } from '../../selectors/playhead.ts';
import { Icon } from '../Icon/Icon.tsx';
import styles from './CompareView.module.css';

function Side({ name, label, ev, has, verbose }: { name: 'A' | 'B'; label: string; ev: Divergence['a']; has: boolean; verbose: string | undefined }) {
  return (
    <div className={styles.side} data-testid={`compare.side.${name}`}>
      <p className={styles.sideHead}>
        <span className={styles.tag} data-side={name}>{name}</span>
        <span className={styles.sideLabel}>{label}</span>
      </p>
      <p className={styles.event} data-testid={`compare.event.${name}`}>
        {ev === undefined ? (
          <span className={styles.muted}>{has ? 'no further events' : 'this boot has no such service'}</span>
        ) : (
          <>
            <span className={styles.at}>{formatTime(ev.t)}</span> <span className={styles.what}>{ev.what}</span>
          </>
        )}
      </p>
      {verbose !== undefined && (
        <pre className={styles.pre} aria-label={`svcs -xv in boot ${name}`} tabIndex={0} data-testid={`compare.xv.${name}`}>
          <span className={styles.prompt}>$ svcs -xv</span>
          {'\n'}
          {verbose}
        </pre>
      )}
    </div>
  );
}

export function DivergenceCard({ d, labelA, labelB }: { readonly d: Divergence | undefined; readonly labelA: string; readonly labelB: string }) {
  const commands = useCommands();
  const ui = useUiActions();
  if (d === undefined) {
    return (
      <section className={styles.card} data-testid="compare.divergence">
        <p className={styles.same}>The two boots are identical: no event differs.</p>
      </section>
    );
  }
  return (
    <section className={styles.card} aria-labelledby="divergence-title" data-testid="compare.divergence" data-fmri={d.fmri} data-t={d.t}>
      <header className={styles.cardHead}>
        <h3 id="divergence-title" className="ui-eyebrow">First divergence</h3>
        <span className={styles.when}>
          at <strong>{formatTime(d.t)}</strong> · its event #{d.position + 1}
        </span>
        <span className={styles.spacer} />
        <button type="button" className="ui-btn ui-btn-sm" onClick={() => commands.scrubTo(d.t)} title="Move the playhead of boot A there">
          Go to {formatTime(d.t)}
        </button>
      </header>
      <button type="button" className={styles.divFmri} onClick={() => ui.select(d.fmri)} title="Select it" data-testid="compare.divergence.fmri">
        {d.fmri} <Icon name="chevronRight" size={14} />
      </button>
      <div className={styles.sides}>
        <Side name="A" label={labelA} ev={d.a} has={d.inA} verbose={d.explainA?.verbose} />
        <Side name="B" label={labelB} ev={d.b} has={d.inB} verbose={d.explainB?.verbose} />
      </div>
    </section>
  );
}
