/**
 * The "try it" step: predict first, then the tour applies the condition
 * (visible in the condition panels as the user's change), plays the changed
 * boot, and says whether the prediction was right once the boot has
 * answered. The verdict is the model's (evaluateTry), never the tour file's.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useRun, useUi, useUiActions } from '../../session/react/context.tsx';
import { useCommands } from '../../session/react/use-commands.ts';
import type { TourView } from '../../session/react/use-tour.ts';
import { shortFmri } from '../../model/smf/fmri.ts';
import { listConditions } from '../../model/world/conditions.ts';
import { Icon } from '../Icon/Icon.tsx';
import { GlossaryText } from '../Term/GlossaryText.tsx';
import styles from './TourPanel.module.css';

export function TourTry({ view }: { readonly view: TourView }) {
  const commands = useCommands();
  const ui = useUiActions();
  const run = useRun();
  const playhead = useUi((s) => s.playhead);
  const tr = view.step.step.try;
  const prediction = view.prediction;
  const played = prediction?.choice;
  const verdict = useMemo(() => commands.tourVerdict(run.base, view.tour, played), [commands, run.base, view.tour, played]);
  const box = useRef<HTMLDivElement>(null);
  // What playing changes: the predicted choice's own condition ("which fix removes it?"), else the step's.
  const change = played === undefined ? tr?.condition : (tr?.choices[played]?.condition ?? tr?.condition);
  const condition = useMemo(() => {
    if (change === undefined) return undefined;
    const def = listConditions(run.base).find((c) => c.id === change.id);
    const option = def?.options.find((o) => o.value === change.value);
    return { label: def?.label ?? change.id, value: option?.label ?? change.value };
  }, [run.base, change]);
  const applied = prediction?.applied === true;
  const revealed = applied && verdict !== undefined && playhead >= verdict.revealAt;
  const right = revealed && prediction.choice === verdict.correct;
  // Bring the verdict into view inside the panel (never scroll the page).
  useEffect(() => {
    const scroller = box.current?.closest('[data-tour-body]');
    if (revealed && scroller instanceof HTMLElement) scroller.scrollTop = scroller.scrollHeight;
  }, [revealed]);
  // Show the changed condition in its panel (scrolling the panel only, never the page).
  const conditionId = change?.id;
  useEffect(() => {
    if (!applied || conditionId === undefined) return;
    const field = document.querySelector(`[data-testid="condition.${CSS.escape(conditionId)}"]`);
    const scroller = field?.closest('.ui-scroll');
    if (!(field instanceof HTMLElement) || !(scroller instanceof HTMLElement)) return;
    const f = field.getBoundingClientRect();
    const b = scroller.getBoundingClientRect();
    if (f.top < b.top || f.bottom > b.bottom) scroller.scrollTop += f.top - b.top - 24;
  }, [applied, conditionId]);
  if (tr === undefined) return null;

  return (
    <div className={styles.try} data-testid="tour.try">
      <p className={styles.question} id="tour-question">{tr.question}</p>
      <div className={styles.choices} role="radiogroup" aria-labelledby="tour-question">
        {tr.choices.map((c, i) => {
          const picked = prediction?.choice === i;
          const mark = !revealed ? undefined : i === verdict.correct ? 'correct' : picked ? 'wrong' : undefined;
          return (
            <button
              key={c.label}
              type="button"
              role="radio"
              aria-checked={picked}
              aria-disabled={applied}
              className={styles.choice}
              data-mark={mark}
              onClick={() => commands.predict(i)}
              data-testid={`tour.choice.${i}`}
            >
              <span className={styles.radio} aria-hidden="true">
                {mark === 'correct' ? <Icon name="check" size={13} /> : mark === 'wrong' ? <Icon name="close" size={12} /> : null}
              </span>
              <span>{c.label}</span>
              {mark === 'correct' && <span className={styles.markText}>what happens</span>}
              {mark === 'wrong' && <span className={styles.markText}>your prediction</span>}
            </button>
          );
        })}
      </div>
      {!applied && (
        <div className={styles.tryAction}>
          <button type="button" className="ui-btn ui-btn-primary" disabled={prediction === undefined} onClick={() => commands.playTry()} data-testid="tour.play-try">
            <Icon name="play" size={14} /> Play the changed boot
          </button>
          <span className={styles.hint}>
            {prediction === undefined ? 'Pick a prediction first.' : condition === undefined ? '' : `Sets “${condition.label}” to “${condition.value}” and boots again.`}
          </span>
        </div>
      )}
      {applied && !revealed && verdict !== undefined && (
        <div className={styles.tryAction} role="status">
          <span className={styles.hint}>
            Playing the changed boot{verdict.fmri === undefined ? '' : ` — watch ${shortFmri(verdict.fmri)}`}…
          </span>
          <button type="button" className="ui-btn ui-btn-sm" onClick={() => commands.revealTry(verdict.revealAt)} data-testid="tour.reveal">
            Show the answer now
          </button>
        </div>
      )}
      {revealed && (
        <div ref={box} className={right ? `${styles.verdict} ${styles.right}` : `${styles.verdict} ${styles.wrong}`} role="status" data-testid="tour.verdict" data-right={right}>
          <p className={styles.verdictHead}>
            <Icon name={right ? 'check' : 'close'} size={16} /> {right ? 'Right.' : 'Not this time.'}
          </p>
          <p className={styles.verdictLine}>
            <GlossaryText text={verdict.line} />
          </p>
          <div className={styles.verdictActions}>
            {verdict.fmri !== undefined && (
              <button type="button" className="ui-btn ui-btn-sm" onClick={() => ui.select(verdict.fmri)} data-testid="tour.inspect">
                Inspect {shortFmri(verdict.fmri)}
              </button>
            )}
            <button type="button" className="ui-btn ui-btn-sm ui-btn-ghost" onClick={() => commands.retryTry()} data-testid="tour.retry">
              Predict again
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
